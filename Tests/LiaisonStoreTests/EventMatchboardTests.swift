import Foundation
import LiaisonCore
import LiaisonScheduling
@testable import LiaisonStore
import Testing

/// ``EventMatchboard/suggestions(for:excluding:limit:)`` keeps the best while scanning instead of
/// sorting every candidate: it must give what the full sort gives, ties (twins score alike) to
/// the lower id.
@Suite("An event's suggestions")
struct EventMatchboardTests {
    @Test("suggestions are the first of all the other side's participants sorted by score, then id, leaving out the excluded",
          arguments: [1, 2, 3] as [UInt64])
    func suggestionsAreTheSortedPrefix(seed: UInt64) throws {
        var catalog = RerankCatalog(seed: seed)
        let companies = catalog.companies(delegates: 12, hosts: 30)
        let db = try LiaisonDatabase.inMemory()
        try db.save(companies)
        try db.createEvent(EventSpec(id: "forum", name: "Forum", city: "Toronto", country: "CA", date: "2025-12-01", start: "09:00",
                                     slots: 6, slotMinutes: 20, tables: 4, timeZone: "America/Toronto"))
        let ids = companies.map(\.id)
        try db.addParticipants(ids.filter { $0.hasPrefix("CN-") } + ids.filter { $0.hasPrefix("CA-") }, to: "forum", settings: ParticipantSettings())
        let board = try db.eventMatchboard("forum")
        let participants = try db.eventDefinition("forum").participants
        #expect(participants.contains { $0.company.contains("-T") }, "the catalog has twins, whose scores tie")
        for participant in participants {
            let others = participants.filter { $0.side != participant.side }.map(\.company)
            let excluded = Set(others.filter { _ in catalog.random.below(5) == 0 })
            let sorted = others.filter { !excluded.contains($0) }.map { ($0, board.score(participant.company, $0)) }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            for limit in [1, 5, 20, others.count + 1] {
                let suggestions = board.suggestions(for: participant.company, excluding: excluded, limit: limit)
                #expect(suggestions.map(\.company) == sorted.prefix(limit).map(\.0), "\(participant.company), limit \(limit)")
                #expect(suggestions.map(\.score) == sorted.prefix(limit).map(\.1))
            }
            #expect(board.suggestions(for: participant.company, limit: 0).isEmpty)
        }
    }
}
