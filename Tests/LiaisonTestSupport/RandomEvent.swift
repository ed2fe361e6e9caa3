import LiaisonCore
import LiaisonScheduling

/// Seeded random scheduling instances, for benchmarks and property tests only: the same
/// arguments always give the same instance.
public enum RandomEvent {
    /// What varies between instances.
    public struct Shape: Sendable {
        public var delegates: Int
        public var hosts: Int
        public var slots: Int
        public var tables: Int
        /// Chance that a participant is available in a given slot (at least one slot each).
        public var availability: Double
        /// Largest maximum of meetings a participant asks for; each asks between half and all of it.
        public var maxMeetings: Int
        /// Chance that a participant sends two representatives.
        public var twoRepresentatives: Double
        /// Chance that a pair scores 0 (nothing in common).
        public var unrelated: Double

        public init(delegates: Int, hosts: Int, slots: Int, tables: Int, availability: Double = 1, maxMeetings: Int? = nil,
                    twoRepresentatives: Double = 0, unrelated: Double = 0.3) {
            self.delegates = delegates
            self.hosts = hosts
            self.slots = slots
            self.tables = tables
            self.availability = availability
            self.maxMeetings = maxMeetings ?? slots
            self.twoRepresentatives = twoRepresentatives
            self.unrelated = unrelated
        }
    }

    /// The instance of `shape` drawn from `seed`: delegates `D0…`, hosts `H0…`, scores rounded to
    /// 1/1000, a share of them 0.
    public static func make(_ shape: Shape, seed: UInt64) -> SchedulingInput {
        var random = SeededGenerator(seed: seed)
        let event = EventSpec(id: "random-\(seed)", name: "Random event \(seed)", city: "Oakland", country: "US", date: "2025-12-05",
                              start: "08:00", slots: shape.slots, slotMinutes: 15, tables: shape.tables, timeZone: "America/Los_Angeles")
        func participant(_ id: String, _ side: Side) -> Participant {
            var slots = (1...shape.slots).filter { _ in random.chance(shape.availability) }
            if slots.isEmpty { slots = [1 + random.below(shape.slots)] }
            let most = max(1, shape.maxMeetings)
            return Participant(company: id, side: side, maxMeetings: most / 2 + random.below(most - most / 2 + 1),
                               available: SlotSet(slots), reps: random.chance(shape.twoRepresentatives) ? 2 : 1)
        }
        let delegates = (0..<shape.delegates).map { participant("D\($0)", .delegate) }
        let hosts = (0..<shape.hosts).map { participant("H\($0)", .host) }
        let values = (0..<shape.delegates * shape.hosts).map { _ in
            random.chance(shape.unrelated) ? 0 : (random.unit() * 1000).rounded() / 1000
        }
        return SchedulingInput(event: event, participants: delegates + hosts,
                               scores: PairScores(delegates: delegates.map(\.company), hosts: hosts.map(\.company), values: values))
    }
}
