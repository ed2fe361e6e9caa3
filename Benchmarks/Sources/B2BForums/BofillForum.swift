/// A B2B forum instance of Bofill et al. (JAIR 74, 2022) as written in MiniZinc data (.dzn):
/// `nBusiness`, `nTables`, `nTotalSlots`, `nMorningSlots`, `requested = [| a, b, session |…]`
/// (businesses 1-based; session 1 morning, 2 afternoon, 3 either), `forbidden` (slots per
/// business; 0 means none) and `fixed` (a slot per meeting, 0 when free). Other fields
/// (`nMeetings`, `meetingsxBusiness`, `nMeetingsBusiness`) are read and checked where they must
/// agree, or ignored. A forum whose `precedences` order any two meetings is refused: Liaison has
/// no such rule, so its schedule would not be one of that forum.
///
///     let forum = try BofillForum(parsing: text, name: "forum-13")
///     let input = forum.schedulingInput()   // an open event, every requested meeting a must
public struct BofillForum: Sendable {
    /// One requested meeting.
    public struct Request: Hashable, Sendable {
        /// Businesses, 1-based.
        public var a: Int
        public var b: Int
        /// 1 morning only, 2 afternoon only, 3 either.
        public var session: Int
        /// The slot it is fixed to, if any.
        public var fixed: Int?
    }

    public var name: String
    public var businesses: Int
    public var tables: Int
    public var slots: Int
    public var morningSlots: Int
    public var requests: [Request]
    /// Per business (index 0 is business 1), the slots it cannot meet in.
    public var forbidden: [Set<Int>]

    public init(parsing text: String, name: String) throws(DZNError) {
        let fields = try DZNReader.fields(text)
        func field(_ key: String) throws(DZNError) -> DZNReader.Field {
            guard let found = fields[key] else { throw DZNError(line: nil, message: "the field \(key) is missing") }
            return found
        }
        func integer(_ key: String) throws(DZNError) -> Int {
            let found = try field(key)
            guard case let .integer(value) = found.value else { throw DZNError(line: found.line, message: "\(key) must be an integer") }
            return value
        }
        self.name = name
        businesses = try integer("nBusiness")
        tables = try integer("nTables")
        slots = try integer("nTotalSlots")
        morningSlots = try integer("nMorningSlots")
        guard businesses >= 1, tables >= 1, slots >= 1, (0...slots).contains(morningSlots) else {
            throw DZNError(line: nil, message: "sizes out of range: nBusiness \(businesses), nTables \(tables), nTotalSlots \(slots), nMorningSlots \(morningSlots)")
        }
        let requested = try field("requested")
        guard case let .rows(rows) = requested.value else { throw DZNError(line: requested.line, message: "requested must be a 2-D array [| a, b, session | … |]") }
        var requests: [Request] = []
        for (index, row) in rows.enumerated() {
            let line = requested.rowLines.indices.contains(index) ? requested.rowLines[index] : requested.line
            guard row.count == 3 else { throw DZNError(line: line, message: "requested row \(index + 1) has \(row.count) values, not 3") }
            guard (1...businesses).contains(row[0]), (1...businesses).contains(row[1]), row[0] != row[1] else {
                throw DZNError(line: line, message: "requested row \(index + 1) pairs businesses \(row[0]) and \(row[1]), outside 1–\(businesses) or equal")
            }
            guard (1...3).contains(row[2]) else {
                throw DZNError(line: line, message: "requested row \(index + 1) has session \(row[2]); sessions are 1 (morning), 2 (afternoon), 3 (either)")
            }
            requests.append(Request(a: row[0], b: row[1], session: row[2], fixed: nil))
        }
        if let count = fields["nMeetings"], case let .integer(meetings) = count.value, meetings != requests.count {
            throw DZNError(line: count.line, message: "nMeetings is \(meetings) but requested has \(requests.count) rows")
        }
        let forbiddenField = try field("forbidden")
        guard case let .sets(sets) = forbiddenField.value, sets.count == businesses else {
            throw DZNError(line: forbiddenField.line, message: "forbidden must hold one set of slots per business (\(businesses))")
        }
        let slotCount = slots
        forbidden = try sets.enumerated().map { (business, set) throws(DZNError) -> Set<Int> in
            let slots = set.subtracting([0])
            if let bad = slots.sorted().first(where: { !(1...slotCount).contains($0) }) {
                throw DZNError(line: forbiddenField.line, message: "business \(business + 1) forbids slot \(bad), outside 1–\(slotCount)")
            }
            return slots
        }
        if let fixedField = fields["fixed"] {
            guard case let .integers(values) = fixedField.value, values.count == requests.count else {
                throw DZNError(line: fixedField.line, message: "fixed must hold one slot per requested meeting (\(requests.count))")
            }
            for (index, value) in values.enumerated() where value != 0 {
                guard (1...slots).contains(value) else {
                    throw DZNError(line: fixedField.line, message: "meeting \(index + 1) is fixed to slot \(value), outside 1–\(slots)")
                }
                requests[index].fixed = value
            }
        }
        if let orders = fields["precedences"] {
            guard case let .sets(sets) = orders.value else {
                throw DZNError(line: orders.line, message: "precedences must hold one set of meetings per requested meeting")
            }
            if let meeting = sets.firstIndex(where: { !$0.subtracting([0]).isEmpty }) {
                let others = sets[meeting].subtracting([0]).sorted().map(String.init).joined(separator: ", ")
                throw DZNError(line: orders.line, message: "precedences order meeting \(meeting + 1) with meeting(s) \(others); "
                               + "Liaison has no rule that orders two meetings, so this forum cannot be scheduled as written")
            }
        }
        self.requests = requests
    }

    /// The name of the forum in the file at `path`: the file's, without `.dzn` and without the
    /// `.original` the archive gives the paper's own forums (`forum-13.original.dzn` is
    /// forum-13). A variant made from a forum keeps the rest (`forum-13.forb0003`), so it is never
    /// compared with that forum's published optimum.
    public static func name(ofFile path: String) -> String {
        var name = Substring(path.split(separator: "/").last ?? "")
        for suffix in [".dzn", ".original"] where name.hasSuffix(suffix) { name = name.dropLast(suffix.count) }
        return String(name)
    }

    /// The requests once per pair of businesses, in file order (the first row of a pair wins).
    /// A forum may ask for the same two businesses twice (forum-13crafb does, 30–53); Liaison
    /// meets a pair once, so such a row is one meeting here.
    public var distinctRequests: [Request] {
        var seen = Set<[Int]>()
        return requests.filter { seen.insert([min($0.a, $0.b), max($0.a, $0.b)]).inserted }
    }

    /// Pairs of businesses requested more than once, as `[a, b]` with a < b.
    public var repeatedPairs: [[Int]] {
        var count: [[Int]: Int] = [:]
        for request in requests { count[[min(request.a, request.b), max(request.a, request.b)], default: 0] += 1 }
        return count.filter { $0.value > 1 }.keys.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The company id of business `number` (1-based): `B01`, `B02`, …
    public func company(_ number: Int) -> String {
        let digits = String(businesses).count
        let text = String(number)
        return "B" + String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

/// A .dzn file Liaison cannot read, with the line where the trouble is (when it is one line).
public struct DZNError: Error, Equatable, CustomStringConvertible {
    public var line: Int?
    public var message: String

    public var description: String { (line.map { "line \($0): " } ?? "") + message }
}
