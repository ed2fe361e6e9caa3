import Foundation
import LiaisonCore
import LiaisonScheduling
import LiaisonTestSupport
import Testing

@Suite("Slot sets, slot times and capacities")
struct EventBasicsTests {
    @Test("slot sets parse ranges and single slots", arguments: [
        ("1-4,7", [1, 2, 3, 4, 7]), ("7", [7]), ("3,1,2", [1, 2, 3]), ("2-2", [2]), (" 1 - 3 , 5 ", [1, 2, 3, 5]),
        ("1-3,2-5", [1, 2, 3, 4, 5]), ("1,,2", [1, 2]),
    ])
    func parses(text: String, slots: [Int]) throws {
        let set = try #require(SlotSet(parsing: text))
        #expect(set.sorted == slots)
        #expect(Array(set) == slots)
        #expect(set.count == slots.count)
    }

    @Test("slot sets refuse what is not a list of slots, and slots outside 1…1440", arguments: ["", ",", "4-1", "a", "1-2-3", "-1", "1-", "1.5", "1;2", "one-two", "0", "0-3", "1441", "1-1000000000"])
    func refuses(text: String) {
        #expect(SlotSet(parsing: text) == nil)
    }

    @Test("slot sets print as sorted ranges", arguments: [
        ([1, 2, 3, 4, 7], "1-4,7"), ([5], "5"), ([2, 1], "1-2"), ([1, 3, 5], "1,3,5"), ([9, 8, 7, 1, 2], "1-2,7-9"), ([], ""),
    ])
    func prints(slots: [Int], text: String) {
        #expect(SlotSet(slots).description == text)
    }

    @Test("printing and parsing round-trip on random sets")
    func roundTrip() throws {
        var random = SeededGenerator(seed: 12)
        for _ in 0..<200 {
            let slots = (1...16).filter { _ in random.chance(0.5) }
            guard !slots.isEmpty else { continue }
            let set = SlotSet(slots)
            #expect(SlotSet(parsing: set.description) == set, "\(slots)")
            #expect(set.description.split(separator: ",").count <= slots.count)
        }
    }

    @Test("slot sets are coded as their text, and decoded from text or a list")
    func codable() throws {
        let set = try #require(SlotSet(parsing: "1-4,7"))
        #expect(String(decoding: try JSONEncoder().encode(set), as: UTF8.self) == "\"1-4,7\"")
        #expect(try JSONDecoder().decode(SlotSet.self, from: Data("\"1-4,7\"".utf8)) == set)
        #expect(try JSONDecoder().decode(SlotSet.self, from: Data("[7,1,2,3,4]".utf8)) == set)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SlotSet.self, from: Data("\"4-1\"".utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SlotSet.self, from: Data("12".utf8)) }
    }

    @Test("set operations")
    func operations() {
        let a = SlotSet([1, 2, 3, 6]), b = SlotSet([2, 6, 9])
        #expect(a.intersection(b) == SlotSet([2, 6]))
        #expect(a.intersection(SlotSet([4])).isEmpty)
        #expect(a.contains(6) && !a.contains(4))
        #expect(SlotSet.all(3) == SlotSet([1, 2, 3]))
    }

    @Test("slot start times step by the slot length and skip the break")
    func startTimes() {
        let event = Fixture.event(slots: 6, tables: 2, start: "08:00", slotMinutes: 20, breakAfter: 3, breakMinutes: 30)
        #expect(event.problems.isEmpty)
        #expect((1...6).map(event.startTime(ofSlot:)) == ["08:00", "08:20", "08:40", "09:30", "09:50", "10:10"])
        #expect(event.startMinute(ofSlot: 4) == 9 * 60 + 30)
        let plain = Fixture.event(slots: 3, tables: 1, start: "13:45", slotMinutes: 15)
        #expect((1...3).map(plain.startTime(ofSlot:)) == ["13:45", "14:00", "14:15"])
        #expect(plain.slotNumbers == 1...3)
    }

    @Test("clock text converts both ways")
    func clocks() {
        #expect(EventSpec.minutes("00:00") == 0)
        #expect(EventSpec.minutes("23:59") == 1439)
        #expect(EventSpec.minutes("08:05") == 485)
        for bad in ["24:00", "8:00", "08:60", "0800", "08:00:00", "", "ab:cd", "-1:00"] { #expect(EventSpec.minutes(bad) == nil, "\(bad)") }
        #expect(EventSpec.clock(0) == "00:00")
        #expect(EventSpec.clock(485) == "08:05")
        #expect(EventSpec.clock(1440 + 61) == "01:01")
        #expect(EventSpec.clock(-1) == "23:59")
    }

    @Test("dates: leap years and month lengths")
    func dates() {
        for good in ["2024-02-29", "2000-02-29", "2025-12-31", "2025-04-30"] {
            #expect(Fixture.event(slots: 2, tables: 1, date: good).problems.isEmpty, "\(good)")
        }
        for bad in ["2025-02-29", "1900-02-29", "2025-04-31", "2025-00-10", "2025-12-00", "2025-1-05", "25-12-05", "2025/12/05", "2025-12-05T09:00"] {
            #expect(Fixture.event(slots: 2, tables: 1, date: bad).problems.contains { $0.contains("date") }, "\(bad)")
        }
    }

    @Test("capacity is the least of the maximum and representatives × available slots", arguments: [
        (5, 3, 1, 3), (5, 3, 2, 5), (2, 4, 1, 2), (6, 4, 2, 6), (8, 4, 2, 8), (9, 4, 2, 8), (0, 4, 1, 0), (-1, 4, 1, 0), (3, 1, 3, 3),
    ])
    func capacity(maxMeetings: Int, available: Int, reps: Int, expected: Int) {
        let participant = Participant(company: "X", side: .delegate, maxMeetings: maxMeetings, available: SlotSet(1...available), reps: reps)
        #expect(participant.capacity == expected)
    }
}
