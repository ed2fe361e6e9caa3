import Foundation
import GRDB
import LiaisonScheduling

/// A row of the `event_schedule` table: the figures of an event's current schedule (its meetings
/// are ``MeetingRecord``s). The report, the requests left out and the changes are JSON.
struct ScheduleRecord: SnakeCaseRecord {
    static let databaseTableName = "event_schedule"

    var event: String
    var scheduledAt: String
    var minMeetings: Int
    var report: String
    var unplacedRequests: String
    var changes: String?
    var rulesChangedAt: String?

    enum Columns {
        static let event = Column(CodingKeys.event)
    }

    init(_ schedule: StoredSchedule, event: String) throws {
        self.event = event
        scheduledAt = schedule.scheduledAt
        minMeetings = schedule.minMeetings
        report = try StoredJSON.text(schedule.report)
        unplacedRequests = try StoredJSON.text(schedule.unplacedRequests)
        changes = try schedule.changes.map(StoredJSON.text)
        rulesChangedAt = schedule.rulesChangedAt
    }

    /// The domain value; JSON that does not decode is an error naming the column.
    func schedule() throws -> StoredSchedule {
        StoredSchedule(scheduledAt: scheduledAt, minMeetings: minMeetings,
                       report: try StoredJSON.value(QualityReport.self, report, in: Self.databaseTableName, column: "report"),
                       unplacedRequests: try StoredJSON.value([UnplacedRequest].self, unplacedRequests, in: Self.databaseTableName,
                                                              column: "unplaced_requests"),
                       changes: try changes.map { try StoredJSON.value(ScheduleChanges.self, $0, in: Self.databaseTableName, column: "changes") },
                       rulesChangedAt: rulesChangedAt)
    }
}

/// JSON kept in text columns: keys sorted, so the same value is always the same text.
enum StoredJSON {
    static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func value<T: Decodable>(_ type: T.Type, _ text: String, in table: String, column: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.badStoredValue(table: table, column: column, value: text)
        }
    }
}
