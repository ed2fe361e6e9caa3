import Foundation
import GRDB
import LiaisonScheduling
@testable import LiaisonStore
import Testing

/// Issue 13's event fields in the store (migration v10): pairing, delegation, days, sessions,
/// request sessions and participants' sides, each read back as written.
@Suite("Events of several days, sessions and open pairing in the store")
struct EventDaysSessionsStoreTests {
    /// An open two-day event in Spain with sessions.
    static func forum() -> EventSpec {
        EventSpec(id: "girona", name: "B2B forum", city: "Girona", country: "ES",
                  days: [EventDay(date: "2025-05-20", start: "09:00", slots: 4, breakAfter: 2, breakMinutes: 15),
                         EventDay(date: "2025-05-21", start: "10:00", slots: 3)],
                  slotMinutes: 30, tables: 3, timeZone: "Europe/Madrid", pairing: .open, delegation: "JP",
                  sessions: [EventSession(name: "morning", slots: SlotSet(1...4)), EventSession(name: "second", slots: SlotSet(5...7))])
    }

    @Test("pairing, delegation, days and sessions are stored and read back, in a listing too")
    func specRoundTrip() throws {
        try EventFixture.withCompanies { db in
            let stored = try db.createEvent(Self.forum())
            #expect(stored == Self.forum())
            #expect(try db.eventDefinition("girona").spec == Self.forum())
            #expect(try db.events().map(\.spec) == [Self.forum()])
            // Replacing the event replaces its days and sessions, none left over.
            var shorter = Self.forum()
            shorter.days.removeLast()
            shorter.sessions = [EventSession(name: "all", slots: SlotSet(1...4))]
            shorter.pairing = .sides
            try db.writer.write { db in try EventStore.saveSpec(shorter, in: db) }
            #expect(try db.eventDefinition("girona").spec == shorter)
        }
    }

    @Test("a request's session and a participant's side are stored; a company of any country joins an open event")
    func requestSessionAndSide() throws {
        try EventFixture.withCompanies { db in
            try db.createEvent(Self.forum())
            try db.addParticipants(EventFixture.ids("CA", 1...3) + ["US-0001"], to: "girona", settings: ParticipantSettings())
            try db.addRequest(MeetingRequest(a: "CA-0001", b: "CA-0002", must: true, session: "second"), to: "girona")
            let definition = try db.eventDefinition("girona")
            #expect(definition.requests == [MeetingRequest(a: "CA-0001", b: "CA-0002", must: true, session: "second")])
            #expect(Set(definition.participants.map(\.company)) == Set(EventFixture.ids("CA", 1...3) + ["US-0001"]))
            let error = #expect(throws: EventError.self) {
                try db.addRequest(MeetingRequest(a: "CA-0001", b: "CA-0003", must: false, session: "evening"), to: "girona")
            }
            #expect(error?.description.contains("names the session 'evening', which the event does not have (sessions: morning, second)") == true)
            let schedule = try db.scheduleEvent("girona", minMeetings: 1, keepPublished: false)
            let must = try #require(schedule.meetings.first { $0.a == "CA-0001" && $0.b == "CA-0002" })
            #expect((5...7).contains(must.slot))
            #expect(schedule.meetings.contains { $0.a.hasPrefix("CA") && $0.b.hasPrefix("CA") })
        }
    }

    @Test("an open event of companies outside the matching countries scores their pairs from their records")
    func scoresOutsideTheSnapshot() throws {
        let spanish = EventFixture.companies(seed: 11, delegates: 0, us: 6, ca: 0).enumerated().map { index, company in
            var company = company
            company.id = String(format: "ES-%04d", index + 1)
            company.country = "ES"
            return company
        }
        try EventFixture.withCompanies(extra: spanish) { db in
            try db.createEvent(Self.forum())
            try db.addParticipants(spanish.map(\.id), to: "girona", settings: ParticipantSettings())
            let schedule = try db.scheduleEvent("girona", minMeetings: 1, keepPublished: false)
            #expect(!schedule.meetings.isEmpty)
            #expect(schedule.meetings.allSatisfy { $0.a < $0.b && $0.a.hasPrefix("ES") && $0.b.hasPrefix("ES") })
            #expect(schedule.report.totalScore > 0)
        }
    }

    @Test("a sides event: the delegation's companies are delegates, any other a host")
    func sidesByDelegation() throws {
        try EventFixture.withCompanies { db in
            var spec = EventFixture.spec()
            spec.delegation = "US"
            try db.createEvent(spec)
            let added = try db.addParticipants(["US-0001", "CN-0001", "CA-0001"], to: "forum", settings: ParticipantSettings())
            #expect(added.participants.map(\.side) == [.delegate, .host, .host])
        }
    }

    @Test("a stored session whose slots do not parse is an error naming the table and column")
    func badStoredSession() throws {
        try EventFixture.withCompanies { db in
            try db.createEvent(Self.forum())
            try db.writer.write { db in try db.execute(sql: "UPDATE event_session SET slots = 'soon' WHERE name = 'second'") }
            #expect(throws: StoreError.badStoredValue(table: "event_session", column: "slots", value: "soon")) {
                try db.eventDefinition("girona")
            }
        }
    }

    @Test("the listed scores of a large event keep each participant's best partners, as every pair scored would")
    func bestPartners() throws {
        let participants = (0..<40).map { Participant(company: String(format: "P%02d", $0), side: $0 < 15 ? .delegate : .host, maxMeetings: 2, available: SlotSet(1...4)) }
        func score(_ a: String, _ b: String) -> Double { Double((Int(a.dropFirst())! * 37 + Int(b.dropFirst())! * 11) % 23) / 23 }
        for pairing in [Pairing.sides, .open] {
            let scores = PairScores.bestPartners(of: participants, pairing: pairing, score: score)
            #expect(scores.isListed)
            for p in participants {
                let others = participants.filter { $0.company != p.company && (pairing == .open || $0.side != p.side) }
                let limit = PairScores.listLength(forCapacity: p.capacity)
                let ranked = others.map { o in p.side == .host && pairing == .sides ? score(o.company, p.company) : pairing == .open && o.company < p.company ? score(o.company, p.company) : score(p.company, o.company) }.sorted(by: >)
                // The floor is the score of its last listed partner: no unlisted pair scores above it.
                #expect(scores.floor(of: p.company) == (ranked.count >= limit ? ranked[limit - 1] : 0))
            }
        }
    }
}
