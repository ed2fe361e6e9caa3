extension EventFile {
    /// An entry of an event file that repeats an earlier one: the position of its event in the
    /// file, its path in that event (`requests[3]`; `id` for the event itself) and what it repeats.
    public struct Repeat: Hashable, Sendable {
        public var event: Int
        public var field: String
        public var message: String
    }

    /// Every entry that repeats an earlier one, in the file's order: an event id given twice, a
    /// company listed twice in one event, or the same pair (either way round) requested, blocked or
    /// locked twice. Each names the first. Only one of the two could be stored, the other dropped
    /// without a word — a must-meet request lost to a plain one of the same pair, an event
    /// replaced by the next of its id — so the file must say each thing once.
    public var repeats: [Repeat] {
        var found: [Repeat] = []
        var eventAt: [String: Int] = [:]
        /// An entry's path in its event, with its line when known: `requests[0], line 12`.
        func named(_ field: String, in position: Int) -> String {
            let path = isList ? "[\(position)].\(field)" : field
            return lines.line(of: path).map { "\(field), line \($0)" } ?? field
        }
        for (position, event) in events.enumerated() {
            if let first = eventAt[event.id] {
                found.append(Repeat(event: position, field: "id", message: "given twice in the file (first at [\(first)]\(lines.line(of: "[\(first)]").map { ", line \($0)" } ?? "")); give each event once"))
            } else {
                eventAt[event.id] = position
            }
            func repeated<Key: Hashable>(_ list: String, _ keys: [Key], _ message: (Int, String) -> String) {
                var firstAt: [Key: Int] = [:]
                for (index, key) in keys.enumerated() {
                    if let first = firstAt[key] {
                        found.append(Repeat(event: position, field: "\(list)[\(index)]", message: message(index, named("\(list)[\(first)]", in: position))))
                    } else {
                        firstAt[key] = index
                    }
                }
            }
            let participants = event.participants ?? [], requests = event.requests ?? [], blocks = event.blocks ?? [], locks = event.locks ?? []
            repeated("participants", participants.map(\.company)) { "\(participants[$0].company) is listed twice (first at \($1))" }
            repeated("requests", requests.map { Set([$0.a, $0.b]) }) {
                "\(requests[$0].a) and \(requests[$0].b) are requested twice (first at \($1)); a pair has one request: give it once, with must if it must meet"
            }
            repeated("blocks", blocks.map { Set([$0.a, $0.b]) }) { "\(blocks[$0].a) and \(blocks[$0].b) are blocked twice (first at \($1)); give a block once" }
            repeated("locks", locks.map { Set([$0.a, $0.b]) }) { "\(locks[$0].a) and \(locks[$0].b) are locked twice (first at \($1)); a pair meets once" }
        }
        return found
    }
}
