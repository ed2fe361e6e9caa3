/// What publishing a schedule makes of the previous publication: the one place where calendar
/// sequence numbers and cancellations are decided.
///
/// A meeting keeps its sequence number while it stays in its slot at its table at the same time;
/// it gets the next number when it moves (to another slot or table, or with its slot, when the
/// event's days, hours or time zone change) or comes back after a cancellation, 0 when new. A
/// published meeting no longer scheduled stays, cancelled, with the next number — so calendars
/// update or remove it instead of keeping a stale copy. Publishing stores ``meetings``; exports of a schedule not yet
/// published show the same numbers, what publishing it would give.
public struct Publication: Sendable {
    /// The scheduled meetings then the cancelled ones (by pair), each with its sequence number.
    public private(set) var meetings: [PublishedMeeting] = []
    /// Meetings new to calendars (never published, or published and cancelled since).
    public private(set) var new = 0
    /// Meetings that moved since the previous publication.
    public private(set) var moved = 0
    /// Meetings cancelled by this publication (not those cancelled before).
    public private(set) var cancelled = 0

    /// The publication of `schedule` after `previous` (cancelled meetings included), stamped `at`;
    /// `timing` tells when a slot takes place (``EventSpec/timing(ofSlot:)``).
    public init(of schedule: [Meeting], after previous: [PublishedMeeting], at publishedAt: String = "",
                timing: (Int) -> String? = { _ in nil }) {
        let before = Dictionary(previous.map { ($0.meeting.pair, $0) }, uniquingKeysWith: { first, _ in first })
        for meeting in schedule {
            let old = before[meeting.pair]
            let sequence: Int
            if let old {
                let retimed = old.timing != nil && timing(meeting.slot).map { $0 != old.timing } == true
                let same = !old.cancelled && old.meeting.slot == meeting.slot && old.meeting.table == meeting.table && !retimed
                sequence = same ? old.sequence : old.sequence + 1
                if old.cancelled { new += 1 } else if !same { moved += 1 }
            } else {
                sequence = 0
                new += 1
            }
            meetings.append(PublishedMeeting(meeting: meeting, sequence: sequence, cancelled: false, publishedAt: publishedAt,
                                             timing: timing(meeting.slot)))
        }
        let scheduled = Set(schedule.map(\.pair))
        for (pair, old) in before.sorted(by: { $0.key < $1.key }) where !scheduled.contains(pair) {
            meetings.append(PublishedMeeting(meeting: old.meeting, sequence: old.cancelled ? old.sequence : old.sequence + 1,
                                             cancelled: true, publishedAt: publishedAt, timing: old.timing))
            if !old.cancelled { cancelled += 1 }
        }
    }

    /// The meetings still scheduled.
    public var scheduled: [PublishedMeeting] { meetings.filter { !$0.cancelled } }

    /// The meetings cancelled, now or before.
    public var cancellations: [PublishedMeeting] { meetings.filter(\.cancelled) }
}
