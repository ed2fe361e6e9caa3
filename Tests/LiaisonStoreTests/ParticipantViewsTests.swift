import Foundation
import LiaisonCore
import LiaisonScheduling
@testable import LiaisonStore
import Testing

/// ``LiaisonDatabase/participantViews(event:)`` reads an event's rows once and splits them by
/// participant: each view must hold exactly what names its participant, checked here against the
/// event's definition and schedule as the CLI reads them.
@Suite("Every participant's page of an event, read at once")
struct ParticipantViewsTests {
    @Test("each view holds its participant's registration, company, requests, blocks, published agenda, ratings and the names it shows",
          arguments: [Storage.memory, .file])
    func viewsSplitByParticipant(storage: Storage) throws {
        try EventFixture.withCompanies(storage: storage) { db in
            try db.createEvent(EventFixture.spec(slots: 8))
            let delegates = EventFixture.ids("CN", 1...5), hosts = EventFixture.ids("CA", 1...7)
            try db.addParticipants(delegates + hosts, to: "forum", settings: ParticipantSettings(maxMeetings: 3))
            _ = try db.requestMeeting(event: "forum", from: "CN-0001", with: "CA-0002")
            _ = try db.requestMeeting(event: "forum", from: "CA-0003", with: "CN-0002")
            try db.addRequest(MeetingRequest(a: "CN-0003", b: "CA-0001", must: true), to: "forum")
            try db.declineMatch(event: "forum", from: "CA-0004", with: "CN-0001")
            try db.addBlock(PairBlock(a: "CN-0004", b: "CA-0005"), to: "forum")
            let schedule = try db.scheduleEvent("forum", minMeetings: 1, keepPublished: false)
            _ = try db.publishEvent("forum")
            let rated = try #require(schedule.meetings.first)
            try db.rateMeeting(event: "forum", company: rated.host, counterpart: rated.delegate, outcome: .followUpPlanned,
                               now: Date(timeIntervalSince1970: 1_900_000_000))
            // Left after the publication: still in the published agenda of its counterparts, by name.
            let leaving = try #require(schedule.meetings.first { $0.host != rated.host }?.host)
            _ = try db.removeParticipants([leaving], from: "forum")

            let views = try db.participantViews(event: "forum")
            let definition = try db.eventDefinition("forum")
            #expect(Set(views.keys) == Set(definition.participants.map(\.company)))
            for participant in definition.participants {
                let company = participant.company
                let view = try #require(views[company])
                #expect(view.participant == participant)
                #expect(view.event == definition.spec)
                #expect(view.company == (try db.company(id: company)))
                #expect(view.requests == definition.requests.filter { $0.a == company || $0.b == company })
                #expect(view.blocks == definition.blocks.filter { $0.a == company || $0.b == company })
                let published = schedule.meetings.filter { $0.delegate == company || $0.host == company }
                let agenda = try #require(view.agenda)
                #expect(agenda.map(\.counterpart).sorted() == published.map { $0.delegate == company ? $0.host : $0.delegate }.sorted())
                #expect(agenda.map(\.slot) == agenda.map(\.slot).sorted())
                for entry in agenda {
                    let meeting = try #require(published.first { $0.delegate == entry.counterpart || $0.host == entry.counterpart })
                    #expect(entry.slot == meeting.slot && entry.table == meeting.table && !entry.cancelled)
                    // The reasons as scored when scheduled, seen from this side.
                    let scored = try #require(schedule.scheduled.first { $0.meeting == meeting }).reasons
                    #expect(entry.reasons == (meeting.delegate == company ? scored : scored.map(\.seenFromMatch)))
                    #expect(!entry.reasons.isEmpty)
                }
                #expect(view.ratings == (company == rated.host ? [rated.delegate: .followUpPlanned] : [:]))
                let named = Set(view.requests.flatMap { [$0.a, $0.b] } + view.blocks.flatMap { [$0.a, $0.b] } + agenda.map(\.counterpart))
                    .subtracting([company])
                #expect(Set(view.counterparts.keys) == named)
                for (id, shown) in view.counterparts {
                    let other = try db.company(id: id).company
                    #expect(shown == ParticipantView.Counterpart(name: other.name, country: other.country, city: other.city))
                }
                #expect(try db.participantView(event: "forum", company: company) == view)
            }
            #expect(views.values.contains { $0.counterparts[leaving] != nil })
            #expect(throws: EventError.notParticipant(event: "forum", company: leaving)) {
                try db.participantView(event: "forum", company: leaving)
            }
            #expect(throws: EventError.unknownEvent("nowhere")) { try db.participantViews(event: "nowhere") }
        }
    }
}
