import Foundation
import LiaisonFormats
import Testing

@Suite("Event files: a value outside a field's choices")
struct EventFileChoiceTests {
    static let event = #"{"id":"e1","name":"E","city":"Oakland","country":"US","date":"2025-12-05","start":"08:00","slots":4,"slotMinutes":20,"tables":4"#

    /// The message `event import` gives for `json`, with its field path.
    static func refusal(_ json: String) -> (field: String, message: String)? {
        do {
            _ = try EventFile.decode(Data(json.utf8))
            return nil
        } catch {
            return EventFile.describe(error)
        }
    }

    @Test("a pairing, side, origin or status outside its choices is named with the choices, never with a Swift type")
    func choices() throws {
        let cases: [(json: String, field: String, message: String)] = [
            (Self.event + #","pairing":"mixed"}"#, "pairing", "'mixed' is not one of: sides, open"),
            (Self.event + #","participants":[{"company":"CN-1","side":"guest"}]}"#, "participants[0].side", "'guest' is not one of: delegate, host"),
            (Self.event + #","requests":[{"a":"CN-1","b":"US-1","origin":"bot"}]}"#, "requests[0].origin", "'bot' is not one of: organizer, participant"),
            (Self.event + #","requests":[{"a":"CN-1","b":"US-1","status":"maybe"}]}"#, "requests[0].status", "'maybe' is not one of: pending, accepted, declined"),
        ]
        for (json, field, message) in cases {
            let refusal = try #require(Self.refusal(json), "\(json) was read")
            #expect(refusal.field == field && refusal.message == message, "\(refusal)")
            #expect(!refusal.message.contains("Cannot initialize"))
        }
    }

    @Test("a number that is no whole number, or too large for one, is named with its field, never as 'not valid JSON'")
    func numbersNotWhole() throws {
        let cases: [(json: String, field: String, number: String)] = [
            (Self.event + #","participants":[{"company":"CN-1"},{"company":"CN-2","reps":1e+20}]}"#, "participants[1].reps", "1e+20"),
            (Self.event + #","participants":[{"company":"CN-1","maxMeetings":2.5}]}"#, "participants[0].maxMeetings", "2.5"),
            (#"[{"id":"e1","name":"E","city":"Oakland","country":"US","date":"2025-12-05","start":"08:00","slots":4,"slotMinutes":20,"tables":99999999999999999999}]"#,
             "[0].tables", "99999999999999999999"),
            (Self.event + #","locks":[{"a":"CN-1","b":"US-1","slot":-3.25}]}"#, "locks[0].slot", "-3.25"),
        ]
        for (json, field, number) in cases {
            let refusal = try #require(Self.refusal(json), "\(json) was read")
            #expect(refusal.field == field && refusal.message == "expected a whole number, found \(number)", "\(refusal)")
        }
        // Text that is not JSON at all still says so, and where.
        #expect(Self.refusal(Self.event + #","participants":[}"#)?.message == "not valid JSON at line 1, column 145")
    }

    @Test("a field no event file has — a misspelt one — is refused with its path and the fields that place may hold, never ignored")
    func unknownFields() throws {
        let cases: [(json: String, field: String)] = [
            (Self.event + #","participants":[{"company":"CN-1"},{"company":"CN-2","maxMeeting":1}]}"#, "participants[1].maxMeeting"),
            (Self.event + #","participants":[{"company":"CN-1","avialable":"1"}]}"#, "participants[0].avialable"),
            (Self.event + #","lock":[{"a":"CN-1","b":"US-1","slot":1}]}"#, "lock"),
            (Self.event + #","precedences":[1]}"#, "precedences"),
            (Self.event + #","locks":[{"a":"CN-1","b":"US-1","slot":1,"tabel":2}]}"#, "locks[0].tabel"),
            (#"[{"event":{"id":"e1","name":"E","city":"Oakland","country":"US","date":"2025-12-05","start":"08:00","slots":4,"#
                + #""slotMinutes":20,"tables":4,"days":[{"date":"2025-12-05","start":"08:00","slots":4,"pause":5}]}}]"#, "[0].event.days[0].pause"),
        ]
        for (json, field) in cases {
            let refusal = try #require(Self.refusal(json), "\(json) was read")
            #expect(refusal.field == field && refusal.message.hasPrefix("not a field here (misspelt?); the fields here are "), "\(refusal)")
        }
        #expect(Self.refusal(Self.event + #","participants":[{"company":"CN-1","maxMeetings":1}]}"#) == nil)
        #expect(Self.refusal(Self.event + #","participants":[{"company":"CN-1","maxMeeting":1}]}"#)!.message.contains("maxMeetings"))
    }

    @Test("text that is not JSON is refused with the line and column where it stops being JSON, counted in characters")
    func syntaxPlace() throws {
        let cases: [(json: String, message: String)] = [
            ("{\n  \"id\": \"x\",\n  \"name\": \"E\",,\n}\n", "not valid JSON at line 3, column 15"),
            ("{\n  \"id\": \"x\",\n  \"name\": \"中文名字\" x\n}", "not valid JSON at line 3, column 18"),
            ("[{\"id\": tru}]", "not valid JSON at line 1, column 12"),  // where "true" breaks off
            ("{\n  \"id\": \"x\",\n", "not valid JSON: the text ends before its JSON does (line 3)"),
        ]
        for (json, message) in cases {
            let refusal = try #require(Self.refusal(json), "\(json) was read")
            #expect(refusal.field == "json" && refusal.message == message, "\(refusal)")
        }
    }
}
