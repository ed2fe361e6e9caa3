import Foundation
import LiaisonScheduling
import Testing

@Suite("Days and sessions written as text (event create --day/--session, the console's form)")
struct EventTextTests {
    @Test("a day reads DATE,START,SLOTS and an optional pause, spaces ignored", arguments: [
        ("2027-05-11,09:00,12", EventDay(date: "2027-05-11", start: "09:00", slots: 12)),
        (" 2027-05-11 , 09:00 , 12 ", EventDay(date: "2027-05-11", start: "09:00", slots: 12)),
        ("2027-05-11,09:00,12,break-after=6,break-minutes=30", EventDay(date: "2027-05-11", start: "09:00", slots: 12, breakAfter: 6, breakMinutes: 30)),
        ("2027-05-11,09:00,12,break-minutes=30,break-after=6", EventDay(date: "2027-05-11", start: "09:00", slots: 12, breakAfter: 6, breakMinutes: 30)),
        ("2027-05-11,09:00,12,break-after=6", EventDay(date: "2027-05-11", start: "09:00", slots: 12, breakAfter: 6)),
    ])
    func readsDays(text: String, day: EventDay) throws {
        #expect(try EventDay(text: text) == day)
    }

    @Test("a day that cannot be read says why", arguments: [
        ("", EventTextError.dayShape), ("2027-05-11,09:00", .dayShape), ("2027-05-11,09:00,break-after=6", .dayShape),
        ("2027-05-11,09:00,12,6", .dayShape), ("2027-02-30,09:00,12", .date("2027-02-30")), ("11/05/2027,09:00,12", .date("11/05/2027")),
        ("2027-05-11,9:00,12", .start("9:00")), ("2027-05-11,09:00,", .number(part: "SLOTS", value: "")),
        ("2027-05-11,09:00,12,break-after=six", .number(part: "break-after", value: "six")),
        ("2027-05-11,09:00,12,lunch=6", .unknownPart("lunch")), ("2027-05-11,09:00,12,break-after=6,break-after=7", .repeatedPart("break-after")),
        ("2027-05-11,09:00,12,break-minutes=30", .pauseWithoutSlot),
    ])
    func refusesDays(text: String, error: EventTextError) {
        #expect(throws: error) { try EventDay(text: text) }
    }

    @Test("sessions read NAME=SLOTS, one after another; slots alone continue the session before")
    func readsSessions() throws {
        #expect(try EventSession.list(text: "morning=1-6, afternoon=7-12")
                == [EventSession(name: "morning", slots: SlotSet(1...6)), EventSession(name: "afternoon", slots: SlotSet(7...12))])
        #expect(try EventSession.list(text: "first=1-4,7; second = 8-10, 12\nthird=11")
                == [EventSession(name: "first", slots: SlotSet([1, 2, 3, 4, 7])), EventSession(name: "second", slots: SlotSet([8, 9, 10, 12])),
                    EventSession(name: "third", slots: SlotSet([11]))])
        #expect(try EventSession.list(text: " \n ").isEmpty)
        #expect(try EventSession(text: "day two=7-12") == EventSession(name: "day two", slots: SlotSet(7...12)))
    }

    @Test("a session that cannot be read says which and why", arguments: [
        ("morning=1-6, afternoon", EventTextError.sessionShape("afternoon")), ("1-6", .sessionShape("1-6")), ("=1-6", .sessionShape("=1-6")),
        ("morning=", .sessionShape("morning=")), ("morning=6-1", .sessionSlots(name: "morning", slots: "6-1")),
        ("morning=one", .sessionSlots(name: "morning", slots: "one")),
    ])
    func refusesSessions(text: String, error: EventTextError) {
        #expect(throws: error) { try EventSession.list(text: text) }
    }
}
