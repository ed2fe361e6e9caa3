import Foundation
import GRDB
import LiaisonCore
import LiaisonScheduling

extension LiaisonDatabase {
    /// A participant's page: ``participantViews(event:)``'s view of `company`.
    public func participantView(event: String, company: String) throws -> ParticipantView {
        guard let view = try participantViews(event: event)[company] else { throw EventError.notParticipant(event: event, company: company) }
        return view
    }

    /// Every participant's page of `event`, by company, read in one transaction with one query per
    /// table (the event's rows of each, split by participant in memory): `liaison serve` reads an
    /// event's pages so, once for all of them, each time something they show changed — a thousand
    /// participants cost tens of milliseconds, where a read per page cost about one each.
    public func participantViews(event: String) throws -> [String: ParticipantView] {
        try writer.read { db in
            // Rows read by hand through cached statements (``PageRows``): Codable decoding of
            // thousands of rows would cost more than the queries.
            // The event as participants were told of it: its times change for them when published.
            guard let spec = try EventStore.spec(event, in: db).map({ try ScheduleStore.announced($0, in: db) }) else {
                throw EventError.unknownEvent(event)
            }
            let participants = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT company, side, max_meetings, available, reps, interpreter FROM event_participant WHERE event = ? ORDER BY company
                """), arguments: [event]).map(PageRows.participant)
            let companies = try CompanyStore.participants(ofEvent: event, in: db)
            var requests: [String: [MeetingRequest]] = [:]
            for request in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT a, b, must, origin, status FROM event_request WHERE event = ? ORDER BY a, b
                """), arguments: [event]).map(PageRows.request) {
                requests[request.a, default: []].append(request)
                if request.b != request.a { requests[request.b, default: []].append(request) }
            }
            var blocks: [String: [PairBlock]] = [:], declined: [String: [String]] = [:]
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT a, b, origin FROM event_block WHERE event = ? ORDER BY a, b"),
                                        arguments: [event]) {
                let block = PairBlock(a: row[0], b: row[1]), origin: String = row[2]
                blocks[block.a, default: []].append(block)
                if block.b != block.a { blocks[block.b, default: []].append(block) }
                if origin == RequestOrigin.participant.rawValue { declined[block.a, default: []].append(block.b) }
            }
            let published = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT delegate, host, slot, table_number, cancelled, reasons FROM published_meeting WHERE event = ? ORDER BY slot, table_number
                """), arguments: [event])
            let reasons = try Self.publishedReasons(published.map { $0[5] })
            var agendas: [String: [ParticipantView.AgendaEntry]] = [:]
            for (row, reasons) in zip(published, reasons) {
                let delegate: String = row[0], host: String = row[1], slot: Int = row[2], table: Int = row[3], cancelled: Bool = row[4]
                agendas[delegate, default: []].append(.init(counterpart: host, slot: slot, table: table, cancelled: cancelled, reasons: reasons))
                agendas[host, default: []].append(.init(counterpart: delegate, slot: slot, table: table, cancelled: cancelled,
                                                        reasons: reasons.map(\.seenFromMatch)))
            }
            // Every row of a publication carries its instant (publishing rewrites them all): any one tells.
            let publishedAt = try String.fetchOne(db.cachedStatement(sql: "SELECT published_at FROM published_meeting WHERE event = ? LIMIT 1"),
                                                  arguments: [event])
            var scheduled: [String: Set<String>] = [:]
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT delegate, host FROM event_meeting WHERE event = ?"), arguments: [event]) {
                let delegate: String = row[0], host: String = row[1]
                scheduled[delegate, default: []].insert(host)
                scheduled[host, default: []].insert(delegate)
            }
            var ratings: [String: [String: MeetingOutcome]] = [:]
            for rating in try Row.fetchAll(db.cachedStatement(sql: "SELECT company, counterpart, outcome FROM meeting_rating WHERE event = ?"),
                                           arguments: [event]).map(PageRows.rating) {
                ratings[rating.company, default: [:]][rating.counterpart] = rating.outcome
            }
            // Companies a page names: participants mostly; others (a meeting published with a company
            // that has since left) looked up one by one.
            var named = companies.mapValues { ParticipantView.Counterpart(name: $0.company.name, country: $0.company.country, city: $0.company.city) }
            let lookup = try db.cachedStatement(sql: "SELECT name, country, city FROM company WHERE id = ?")
            func counterpart(_ id: String) throws -> ParticipantView.Counterpart? {
                if let known = named[id] { return known }
                guard let row = try Row.fetchOne(lookup, arguments: [id]) else { return nil }
                let found = ParticipantView.Counterpart(name: row["name"], country: row["country"], city: row["city"])
                named[id] = found
                return found
            }
            var views: [String: ParticipantView] = [:]
            for participant in participants {
                let company = participant.company
                guard let stored = companies[company] else { throw StoreError.unknownCompany(company) }
                let requests = requests[company] ?? [], blocks = blocks[company] ?? [], agenda = agendas[company] ?? []
                var counterparts: [String: ParticipantView.Counterpart] = [:]
                let others = Set(requests.flatMap { [$0.a, $0.b] } + blocks.flatMap { [$0.a, $0.b] } + agenda.map(\.counterpart)).subtracting([company])
                for id in others { counterparts[id] = try counterpart(id) }
                views[company] = ParticipantView(event: spec, participant: participant, company: stored, requests: requests, blocks: blocks,
                                                 declined: declined[company] ?? [], agenda: publishedAt == nil ? nil : agenda, publishedAt: publishedAt,
                                                 ratings: ratings[company] ?? [:], scheduledWith: scheduled[company] ?? [],
                                                 counterparts: counterparts)
            }
            return views
        }
    }

    /// The published meetings' reasons (JSON, seen from the delegate; none when nil), decoded in one
    /// call: a decoder's set-up costs more than a meeting's few reasons, and an event has thousands.
    /// A bad one is named alone.
    private static func publishedReasons(_ texts: [String?]) throws -> [[MatchReason]] {
        let stored = texts.compactMap { $0 }
        let table = PublishedMeetingRecord.databaseTableName
        let decoded: [[MatchReason]]
        do {
            decoded = try StoredJSON.value([[MatchReason]].self, "[" + stored.joined(separator: ",") + "]", in: table, column: "reasons")
        } catch {
            for text in stored { _ = try StoredJSON.value([MatchReason].self, text, in: table, column: "reasons") }
            throw error
        }
        var next = decoded.makeIterator()
        return texts.map { $0 == nil ? [] : next.next() ?? [] }
    }
}
