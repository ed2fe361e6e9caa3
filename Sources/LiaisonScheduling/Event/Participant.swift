import Foundation
import LiaisonCore

/// Which side of an event a participant is on: a meeting pairs one delegate with one host.
public enum Side: String, Hashable, Sendable, Codable, CaseIterable {
    /// A company of the visiting delegation.
    case delegate
    /// A company of the event's country.
    case host
}

/// A company taking part in an event, with its settings for that event.
public struct Participant: Hashable, Sendable, Codable {
    public var company: String
    /// Its side in a sides event (ignored in an open one).
    public var side: Side
    /// At most this many meetings over the event.
    public var maxMeetings: Int
    /// The slots (1-based) it can meet in.
    public var available: SlotSet
    /// Representatives: meetings it can hold in one slot.
    public var reps: Int
    /// Interpretation it needs, e.g. `zh-en`, shown on agendas.
    public var interpreter: String?

    /// A participant; in an open event its side does not matter (anyone may meet anyone).
    public init(company: String, side: Side = .host, maxMeetings: Int, available: SlotSet, reps: Int = 1, interpreter: String? = nil) {
        self.company = company
        self.side = side
        self.maxMeetings = maxMeetings
        self.available = available
        self.reps = reps
        self.interpreter = interpreter
    }

    /// The most meetings it can have: its maximum, or fewer when its slots and reps allow fewer.
    public var capacity: Int {
        let (meetings, overflow) = reps.multipliedReportingOverflow(by: available.count)
        return max(0, overflow ? maxMeetings : min(maxMeetings, meetings))
    }

    /// What ``capacity`` follows from, in words: `max meetings 6, 4 available slots × 1 representative`.
    public var capacityReason: String {
        "max meetings \(maxMeetings), \(EnglishCount.of(available.count, "available slot")) × \(EnglishCount.of(reps, "representative"))"
    }

    /// The most representatives a participant may send: more could never all meet at once.
    public static let mostReps = 1_000

    /// What is wrong with its own settings, whatever the event: representatives from 1 to
    /// ``mostReps``, a maximum of meetings not below 0, an interpreter without control characters.
    public var settingProblems: [String] {
        var problems: [String] = []
        if reps < 1 { problems.append("\(company) needs at least 1 representative, not \(reps)") }
        if let interpreter, let problem = CompanyText.problem(in: interpreter) { problems.append("\(company): its interpreter \(problem)") }
        if reps > Self.mostReps { problems.append("\(company) may send at most \(Self.mostReps) representatives, not \(reps)") }
        if maxMeetings < 0 { problems.append("\(company): max meetings cannot be negative") }
        return problems
    }
}

/// A set of slot numbers, written as ranges: `1-4,7`.
public struct SlotSet: Hashable, Sendable, Codable, Sequence, CustomStringConvertible {
    private var members: Set<Int>

    public init<S: Sequence>(_ slots: S) where S.Element == Int {
        members = Set(slots)
    }

    /// Every slot of an event with `count` slots.
    public static func all(_ count: Int) -> SlotSet { SlotSet(1...Swift.max(count, 1)) }

    /// The highest slot number a set may hold: a day of one-minute slots.
    public static let largestSlot = 1440

    /// Parses `1-4,7` (ranges and single slots separated by commas), slots 1 to ``largestSlot``.
    public init?(parsing text: String) {
        var members = Set<Int>()
        for part in text.split(separator: ",") {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
                .map { Int($0.trimmingCharacters(in: .whitespaces)) }
            switch bounds.count {
            case 1:
                guard let slot = bounds[0], (1...Self.largestSlot).contains(slot) else { return nil }
                members.insert(slot)
            case 2:
                guard let low = bounds[0], let high = bounds[1], low >= 1, low <= high, high <= Self.largestSlot else { return nil }
                members.formUnion(low...high)
            default: return nil
            }
        }
        guard !members.isEmpty else { return nil }
        self.members = members
    }

    public var count: Int { members.count }
    public var sorted: [Int] { members.sorted() }
    public func contains(_ slot: Int) -> Bool { members.contains(slot) }
    public func makeIterator() -> IndexingIterator<[Int]> { sorted.makeIterator() }
    public func intersection(_ other: SlotSet) -> SlotSet { SlotSet(members.intersection(other.members)) }
    public var isEmpty: Bool { members.isEmpty }

    /// Ranges joined by commas: `1-4,7`.
    public var description: String {
        var parts: [String] = []
        var slots = sorted[...]
        while let first = slots.first {
            var last = first
            while slots.dropFirst().first == last + 1 { slots = slots.dropFirst(); last += 1 }
            slots = slots.dropFirst()
            parts.append(first == last ? "\(first)" : "\(first)-\(last)")
        }
        return parts.joined(separator: ",")
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([Int].self) {
            self.init(list)
        } else if let parsed = SlotSet(parsing: try container.decode(String.self)) {
            self = parsed
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected slots such as \"1-4,7\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
