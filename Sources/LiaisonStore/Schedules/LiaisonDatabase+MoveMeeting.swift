import Foundation
import GRDB
import LiaisonScheduling

extension LiaisonDatabase {
    /// Moves a meeting of the event's current schedule to another slot and table, checking every
    /// hard rule (``MeetingMove``), and stores the schedule with its figures computed again; the
    /// other meetings stay where they are, and the meeting keeps its score and reasons. With
    /// `lock`, the meeting is also locked there, so scheduling again keeps it; a meeting already
    /// locked moves only with `lock` (its lock follows it). Publishing stays a separate step.
    @discardableResult
    public func moveMeeting(event: String, delegate: String, host: String, toSlot slot: Int, table: Int, lock: Bool) throws -> EventSchedule {
        try writer.write { db in
            let definition = try definition(event, db: db).inForce
            let state = try ScheduleStore.current(event, in: db)
            let scheduled = try ScheduleStore.meetings(event, in: db).map { try $0.scheduled() }
            let published = try ScheduleStore.publishedInForce(definition.spec, in: db)
            let pair = MeetingPair(delegate: delegate, host: host)
            var locks = definition.locks
            if lock { locks.removeAll { Set([$0.a, $0.b]) == Set([delegate, host]) } }
            var input = SchedulingInput(event: definition.spec, participants: definition.participants, requests: definition.requests,
                                        blocks: definition.blocks, locks: locks, scores: PairScores(delegates: [], hosts: [], values: []),
                                        minMeetings: state.minMeetings, published: published.meetings, keepPublished: false)
            input.publishedRetimed = published.retimed
            let result: ScheduleResult
            do throws(SchedulingError) {
                result = try MeetingMove.apply(pair, toSlot: slot, table: table, in: input, meetings: scheduled.map(\.meeting),
                                               upperBound: state.report.upperBound, previousChanges: state.changes)
            } catch {
                throw EventError.invalidEvent(event, error.problems)
            }
            let kept = Dictionary(scheduled.map { ($0.meeting.pair, $0) }, uniquingKeysWith: { a, _ in a })
            let meetings = result.meetings.map { meeting in
                var entry = kept[meeting.pair]!
                entry.meeting = meeting
                return entry
            }
            let schedule = EventSchedule(
                scheduled: meetings,
                state: StoredSchedule(scheduledAt: state.scheduledAt, minMeetings: state.minMeetings, report: result.report,
                                      unplacedRequests: result.unplacedRequests, changes: result.changes),
                withoutMeetings: Self.withoutMeetings(definition.participants, result.meetings), pairing: definition.spec.pairing)
            try ScheduleStore.save(schedule.scheduled, schedule.state, event: event, in: db)
            if lock {
                try LockRecord.filter(LockRecord.Columns.event == event
                                      && ((LockRecord.Columns.a == delegate && LockRecord.Columns.b == host)
                                          || (LockRecord.Columns.a == host && LockRecord.Columns.b == delegate))).deleteAll(db)
                try EventStore.saveLock(MeetingLock(a: delegate, b: host, slot: slot, table: table), event: event, in: db)
                try Self.validate(event, db: db)
            }
            return schedule
        }
    }
}
