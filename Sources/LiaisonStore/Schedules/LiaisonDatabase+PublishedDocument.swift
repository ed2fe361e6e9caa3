import Foundation
import GRDB
import LiaisonCore
import LiaisonFormats
import LiaisonScheduling

extension LiaisonDatabase {
    /// What participants were last told: a document of the *published* schedule (not the
    /// current one, which the organizer may still be changing), each meeting with the reasons and
    /// calendar sequence it was published with, and the published meetings since cancelled; no
    /// meeting when the event was never published (a calendar subscribed early fills in later).
    /// The event's name, place and times are those published (``AnnouncedEvent``): a change of
    /// them reaches participants with the next publication, which moves the meetings it retimes.
    /// Its figures are the current schedule's (zero when there is none); participants' calendars
    /// do not show them.
    public func publishedScheduleDocument(_ id: String) throws -> ScheduleDocument {
        let (definition, announced, state, published) = try writer.read { db -> (EventDefinition, EventSpec, StoredSchedule?, [PublishedMeetingRecord]) in
            let definition = try self.definition(id, db: db)
            return (definition, try ScheduleStore.announced(definition.spec, in: db), try ScheduleStore.state(id, in: db),
                    try ScheduleStore.published(id, in: db))
        }
        let ids = definition.participants.map(\.company) + published.flatMap { [$0.delegate, $0.host] }
        let companies = try self.companies(ids: ids)
        // As the exported calendars show them: in each participant's language, with sectors and contacts.
        let people = Self.people(definition.participants, companies: companies)
        let entries = try published.filter { !$0.cancelled }.map { record in
            ScheduleDocument.Entry(
                meeting: record.published.meeting,
                reasons: try record.reasons.map { try StoredJSON.value([MatchReason].self, $0, in: PublishedMeetingRecord.databaseTableName, column: "reasons") } ?? [],
                sequence: record.sequence)
        }
        return ScheduleDocument(event: announced, people: people, meetings: entries,
                                cancelled: published.filter(\.cancelled).map(\.published), state: try state ?? Self.noFigures(),
                                names: companies.mapValues(\.company.name), taxonomy: taxonomy,
                                formerLanguages: companies.filter { people[$0.key] == nil }.mapValues(\.company.languages))
    }

    /// When the published schedule was last published, as a date (the calendars' DTSTAMP).
    public func publishedAt(_ id: String) throws -> Date? {
        try writer.read { db in try ScheduleStore.publishedAt(id, in: db) }.flatMap { try? Date($0, strategy: .iso8601) }
    }

    /// The figures of an event without a current schedule: all zero.
    private static func noFigures() throws -> StoredSchedule {
        let zero = #"{"totalScore":0,"upperBound":0,"ratio":1,"meetings":0,"meetingsPerParticipant":{"min":0,"median":0,"max":0},"minimumMeetings":0,"underMinimum":[],"mustRequests":{"placed":0,"asked":0},"otherRequests":{"placed":0,"asked":0},"idleGaps":{"mean":0,"max":0},"tableChanges":0}"#
        return StoredSchedule(scheduledAt: "", minMeetings: 0, report: try JSONDecoder().decode(QualityReport.self, from: Data(zero.utf8)),
                              unplacedRequests: [], changes: nil)
    }
}
