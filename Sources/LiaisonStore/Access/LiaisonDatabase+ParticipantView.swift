import Foundation
import GRDB
import LiaisonCore
import LiaisonScheduling

extension LiaisonDatabase {
    /// A participant's page: only rows naming it are read, so the page costs the same in an
    /// event of ten participants or of thousands.
    public func participantView(event: String, company: String) throws -> ParticipantView {
        try writer.read { db in
            // The event as the store reads it everywhere (everything an agenda shows, venue and days
            // included); the participant's rows below through cached statements and read by hand,
            // where Codable decoding would cost more than the queries: this runs for every page a
            // participant opens.
            guard let spec = try EventStore.spec(event, in: db) else { throw EventError.unknownEvent(event) }
            guard let participant = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT company, side, max_meetings, available, reps, interpreter FROM event_participant WHERE event = ? AND company = ?
                """), arguments: [event, company]).map(PageRows.participant) else {
                throw EventError.notParticipant(event: event, company: company)
            }
            guard let stored = try CompanyStore.fetch(id: company, in: db) else { throw StoreError.unknownCompany(company) }
            let requests = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT a, b, must, origin, status FROM event_request WHERE event = ? AND a = ?
                UNION ALL SELECT a, b, must, origin, status FROM event_request WHERE event = ? AND b = ? AND a <> b ORDER BY a, b
                """), arguments: [event, company, event, company]).map(PageRows.request)
            let blocks = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT a, b FROM event_block WHERE event = ? AND a = ? UNION ALL SELECT a, b FROM event_block WHERE event = ? AND b = ? AND a <> b ORDER BY a, b
                """), arguments: [event, company, event, company]).map { PairBlock(a: $0[0], b: $0[1]) }
            let agenda = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT delegate, host, slot, table_number, cancelled, reasons FROM published_meeting WHERE event = ? AND delegate = ?
                UNION ALL SELECT delegate, host, slot, table_number, cancelled, reasons FROM published_meeting WHERE event = ? AND host = ?
                ORDER BY slot, table_number
                """), arguments: [event, company, event, company]).map { row -> ParticipantView.AgendaEntry in
                let delegate: String = row[0], host: String = row[1]
                return ParticipantView.AgendaEntry(counterpart: delegate == company ? host : delegate, slot: row[2], table: row[3],
                                                   cancelled: row[4], storedReasons: row[5], isHost: delegate != company)
            }
            // Every row of a publication carries its instant (publishing rewrites them all): any one tells.
            let publishedAt = try String.fetchOne(db.cachedStatement(sql: "SELECT published_at FROM published_meeting WHERE event = ? LIMIT 1"),
                                                  arguments: [event])
            let ratings = try Row.fetchAll(db.cachedStatement(sql: "SELECT counterpart, outcome FROM meeting_rating WHERE event = ? AND company = ?"),
                                           arguments: [event, company]).map(PageRows.rating)
            let others = Set(requests.flatMap { [$0.a, $0.b] } + blocks.flatMap { [$0.a, $0.b] } + agenda.map(\.counterpart))
                .subtracting([company]).sorted()
            var counterparts: [String: ParticipantView.Counterpart] = [:]
            let statement = try db.cachedStatement(sql: "SELECT name, country, city FROM company WHERE id = ?")
            for id in others {
                if let row = try Row.fetchOne(statement, arguments: [id]) {
                    counterparts[id] = .init(name: row["name"], country: row["country"], city: row["city"])
                }
            }
            return ParticipantView(event: spec, participant: participant, company: stored, requests: requests, blocks: blocks,
                                   agenda: publishedAt == nil ? nil : agenda, publishedAt: publishedAt,
                                   ratings: Dictionary(ratings, uniquingKeysWith: { a, _ in a }),
                                   counterparts: counterparts)
        }
    }
}
