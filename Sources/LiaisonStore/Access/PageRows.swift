import GRDB
import LiaisonScheduling

/// Rows of participants' pages read by hand, column by column: decoding records through Codable
/// cost more than running the queries (measured on `liaison serve`). Only the columns a page
/// shows are selected; a stored value Liaison does not write fails the read, as records do.
enum PageRows {
    /// `company, side, max_meetings, available, reps, interpreter` of `event_participant`.
    static func participant(_ row: Row) throws -> Participant {
        let side: String = row[1], available: String = row[3]
        guard let known = Side(rawValue: side) else { throw StoreError.badStoredValue(table: "event_participant", column: "side", value: side) }
        guard let slots = SlotSet(parsing: available) else {
            throw StoreError.badStoredValue(table: "event_participant", column: "available", value: available)
        }
        return Participant(company: row[0], side: known, maxMeetings: row[2], available: slots, reps: row[4], interpreter: row[5])
    }

    /// `a, b, must, origin, status` of `event_request`.
    static func request(_ row: Row) throws -> MeetingRequest {
        let origin: String = row[3], status: String = row[4]
        guard let knownOrigin = RequestOrigin(rawValue: origin) else {
            throw StoreError.badStoredValue(table: "event_request", column: "origin", value: origin)
        }
        guard let knownStatus = RequestStatus(rawValue: status) else {
            throw StoreError.badStoredValue(table: "event_request", column: "status", value: status)
        }
        return MeetingRequest(a: row[0], b: row[1], must: row[2], origin: knownOrigin, status: knownStatus)
    }

    /// `company, counterpart, outcome` of `meeting_rating`.
    static func rating(_ row: Row) throws -> (company: String, counterpart: String, outcome: MeetingOutcome) {
        let outcome: String = row[2]
        guard let known = MeetingOutcome(rawValue: outcome) else {
            throw StoreError.badStoredValue(table: "meeting_rating", column: "outcome", value: outcome)
        }
        return (row[0], row[1], known)
    }
}
