import LiaisonCore

extension Meeting {
    /// A short text that is the same for the same meetings (pairs, slots and tables, in any
    /// order) at the same times (`timing`, see ``EventSpec/timing(ofSlot:)``) and, but for a hash
    /// collision, different for any other: what a page shows of a schedule, to tell later whether
    /// the schedule is still the one shown.
    public static func fingerprint(of meetings: [Meeting], timing: (Int) -> String) -> String {
        let lines = meetings.map { "\($0.a)\u{1F}\($0.b)\u{1F}\($0.slot)\u{1F}\($0.table)\u{1F}\(timing($0.slot))" }.sorted()
        return String(StableHash.fnv1a(lines.joined(separator: "\u{1E}").utf8), radix: 16)
    }
}
