import Foundation
import GRDB
import LiaisonCore
import LiaisonScheduling
@testable import LiaisonStore
import Testing

/// ``PageStamp``: what `liaison serve` reads on each participant's request to know whether the
/// pages it keeps still hold. Changes are made through a second connection to the file, as another
/// process (the CLI) makes them; the stamp is read through the server's pool.
@Suite("The stamp of what participants' pages show")
struct PageStampTests {
    /// A file with 12 delegates, 20 US and 15 Canadian firms and an event of 3 delegates and 3 US
    /// firms with their links, open as `liaison serve` opens it and as a `liaison` command does.
    private func withEvent(_ body: (_ server: LiaisonDatabase, _ cli: LiaisonDatabase, _ delegates: [String], _ hosts: [String]) throws -> Void) throws {
        try TestFiles.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("serve.sqlite").path
            let server = try LiaisonDatabase.open(path: path, mode: .createIfMissing, concurrentReads: true)
            let companies = EventFixture.companies(seed: 3)
            try server.save(companies)
            let delegates = Array(companies.filter { $0.country == "CN" }.map(\.id).prefix(3))
            let hosts = Array(companies.filter { $0.country == "US" }.map(\.id).prefix(3))
            try server.createEvent(EventFixture.spec(country: "US", city: "Washington", timeZone: "America/New_York"))
            _ = try server.addParticipants(delegates + hosts, to: "forum", settings: ParticipantSettings(maxMeetings: 2))
            _ = try server.issueParticipantLinks(event: "forum")
            let cli = try LiaisonDatabase.open(path: path, mode: .mustExist)
            try body(server, cli, delegates, hosts)
        }
    }

    /// The writes of every kind a participant's page shows, each by the use case the CLI or the console calls.
    static let changes: [(String, @Sendable (LiaisonDatabase, [String], [String]) throws -> Void)] = [
        ("a company renamed", { db, delegates, _ in
            var company = try db.company(id: delegates[0]).company
            company.name += " Group"
            try db.save([company])
        }),
        ("a request", { db, delegates, hosts in _ = try db.requestMeeting(event: "forum", from: delegates[0], with: hosts[0]) }),
        ("a request decided", { db, delegates, hosts in
            _ = try db.requestMeeting(event: "forum", from: delegates[0], with: hosts[0])
            try db.decideRequest(event: "forum", a: delegates[0], b: hosts[0], accept: true)
        }),
        ("a block", { db, delegates, hosts in try db.declineMatch(event: "forum", from: hosts[1], with: delegates[1]) }),
        ("a participant registered", { db, _, hosts in
            let newcomer = try #require(try db.companies(country: "US").map(\.company.id).last { !hosts.contains($0) })
            _ = try db.addParticipants([newcomer], to: "forum", settings: ParticipantSettings(maxMeetings: 1))
        }),
        ("a participant removed", { db, _, hosts in _ = try db.removeParticipants([hosts[2]], from: "forum") }),
        ("a link renewed", { db, delegates, _ in _ = try db.renewParticipantLink(event: "forum", company: delegates[2]) }),
        ("a weight set", { db, _, _ in _ = try db.setScoreWeight(.language, to: 0.5) }),
        ("a schedule published", { db, _, _ in
            _ = try db.scheduleEvent("forum", minMeetings: 1, keepPublished: false)
            _ = try db.publishEvent("forum")
        }),
    ]

    @Test("each write a page shows moves the stamp, made through another connection", arguments: changes.indices)
    func writesMoveTheStamp(_ index: Int) throws {
        let (name, change) = Self.changes[index]
        try withEvent { server, cli, delegates, hosts in
            let before = try server.participantPagesStamp()
            #expect(try server.participantPagesStamp() == before, "the stamp moved with nothing written")
            try change(cli, delegates, hosts)
            #expect(try server.participantPagesStamp() != before, "\(name) left the stamp as it was")
        }
    }

    @Test("a rating moves the stamp")
    func ratingMovesTheStamp() throws {
        try withEvent { server, cli, delegates, _ in
            let schedule = try server.scheduleEvent("forum", minMeetings: 1, keepPublished: false)
            _ = try server.publishEvent("forum")
            let meeting = try #require(schedule.meetings.first { $0.delegate == delegates[0] })
            let before = try server.participantPagesStamp()
            try cli.rateMeeting(event: "forum", company: delegates[0], counterpart: meeting.host, outcome: .noInterest,
                                now: Date(timeIntervalSince1970: 1_800_000_000))
            #expect(try server.participantPagesStamp() != before)
        }
    }

    @Test("a rerank writes its rankings without moving the stamp, and so does an organizer's sign-in")
    func rerankKeepsTheStamp() throws {
        try withEvent { server, cli, _, _ in
            let before = try server.participantPagesStamp()
            let run = try cli.rerank(RerankOptions(top: 5, threads: 2))
            #expect(run.status == .done && run.isCurrent)
            _ = try cli.newOrganizerSignIn()
            #expect(try server.participantPagesStamp() == before)
        }
    }
}
