import LiaisonScheduling

/// Small hand-made events: participants by id, scores by `"D|H"` key, everything else default.
enum Fixture {
    static func event(slots: Int, tables: Int, start: String = "09:00", slotMinutes: Int = 20, breakAfter: Int? = nil,
                      breakMinutes: Int = 0, date: String = "2025-12-05") -> EventSpec {
        EventSpec(id: "fixture", name: "Fixture breakfast", city: "Oakland", country: "US", date: date, start: start, slots: slots,
                  slotMinutes: slotMinutes, breakAfter: breakAfter, breakMinutes: breakMinutes, tables: tables,
                  timeZone: "America/Los_Angeles")
    }

    static func delegate(_ id: String, max: Int, slots: [Int], reps: Int = 1) -> Participant {
        Participant(company: id, side: .delegate, maxMeetings: max, available: SlotSet(slots), reps: reps)
    }

    static func host(_ id: String, max: Int, slots: [Int], reps: Int = 1) -> Participant {
        Participant(company: id, side: .host, maxMeetings: max, available: SlotSet(slots), reps: reps)
    }

    /// Scores from `"D|H": score` entries; every pair not listed scores 0.
    static func scores(_ participants: [Participant], _ table: [String: Double]) -> PairScores {
        let delegates = participants.filter { $0.side == .delegate }.map(\.company)
        let hosts = participants.filter { $0.side == .host }.map(\.company)
        let values = delegates.flatMap { d in hosts.map { h in table["\(d)|\(h)"] ?? 0 } }
        return PairScores(delegates: delegates, hosts: hosts, values: values)
    }

    static func input(slots: Int, tables: Int, _ participants: [Participant], scores: [String: Double],
                      requests: [MeetingRequest] = [], blocks: [PairBlock] = [], locks: [MeetingLock] = [],
                      minMeetings: Int = 0) -> SchedulingInput {
        SchedulingInput(event: event(slots: slots, tables: tables), participants: participants, requests: requests,
                        blocks: blocks, locks: locks, scores: self.scores(participants, scores), minMeetings: minMeetings)
    }

    /// The problems a rejected input is refused with, or nil when it is scheduled.
    static func problems(_ input: SchedulingInput) -> [String]? {
        do {
            _ = try Scheduler.schedule(input)
            return nil
        } catch {
            return error.problems
        }
    }
}

extension ScheduleResult {
    /// The meeting of two companies, in either order.
    func meeting(_ a: String, _ b: String) -> Meeting? {
        meetings.first { ($0.delegate == a && $0.host == b) || ($0.delegate == b && $0.host == a) }
    }

    func meetingCount(of company: String) -> Int {
        meetings.filter { $0.delegate == company || $0.host == company }.count
    }
}

extension QualityReport.Tally {
    /// Placed, then asked.
    var figures: [Int] { [placed, asked] }
}
