import Foundation
import GRDB
import LiaisonCore
import LiaisonScheduling

extension LiaisonDatabase {
    /// A participant's page: only rows naming it are read, so the page costs the same in an
    /// event of ten participants or of thousands.
    public func participantView(event: String, company: String) throws -> ParticipantView {
        try writer.read { db in
            guard let spec = try EventStore.spec(event, in: db) else { throw EventError.unknownEvent(event) }
            guard let participant = try ParticipantRecord.fetchOne(db, key: ["event": event, "company": company])?.participant() else {
                throw EventError.notParticipant(event: event, company: company)
            }
            guard let stored = try CompanyStore.fetch(id: company, in: db) else { throw StoreError.unknownCompany(company) }
            let requests = try RequestRecord.filter(RequestRecord.Columns.event == event
                                                    && (RequestRecord.Columns.a == company || RequestRecord.Columns.b == company))
                .fetchAll(db).map(\.request)
            let blocks = try BlockRecord.filter(BlockRecord.Columns.event == event
                                                && (BlockRecord.Columns.a == company || BlockRecord.Columns.b == company))
                .fetchAll(db).map(\.block)
            let published = try PublishedMeetingRecord.fetchAll(db, sql: """
                SELECT * FROM published_meeting WHERE event = ? AND (delegate = ? OR host = ?) ORDER BY slot, table_number
                """, arguments: [event, company, company])
            let agenda = try published.map { record -> ParticipantView.AgendaEntry in
                let reasons = try record.reasons.map {
                    try StoredJSON.value([MatchReason].self, $0, in: PublishedMeetingRecord.databaseTableName, column: "reasons")
                } ?? []
                let isDelegate = record.delegate == company
                return ParticipantView.AgendaEntry(counterpart: isDelegate ? record.host : record.delegate, slot: record.slot,
                                                   table: record.tableNumber, reasons: isDelegate ? reasons : reasons.map(\.seenFromMatch),
                                                   cancelled: record.cancelled)
            }
            let publishedAt = try ScheduleStore.publishedAt(event, in: db)
            let ratings = try MeetingRatingRecord.filter(MeetingRatingRecord.Columns.event == event && MeetingRatingRecord.Columns.company == company)
                .fetchAll(db)
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
                                   ratings: Dictionary(ratings.map { ($0.counterpart, $0.outcome) }, uniquingKeysWith: { a, _ in a }),
                                   counterparts: counterparts)
        }
    }
}
