/// One contradiction found in a scheduling input, with the entry of the input it is about when
/// it is about one, so that whoever read the input from a file can say where:
/// `participants[1].available`.
public struct InputProblem: Hashable, Sendable {
    /// The contradiction, in words an organizer can act on.
    public var message: String
    /// The participant, request, block or lock to blame; nil for the event as a whole.
    public var entry: InputEntry?

    public init(_ message: String, about entry: InputEntry? = nil) {
        self.message = message
        self.entry = entry
    }
}

/// A participant, request, block or lock of a scheduling input, by its position in its list,
/// and the field to blame when one is.
public struct InputEntry: Hashable, Sendable {
    /// The lists of an input, named as event files name them.
    public enum List: String, Hashable, Sendable {
        case participants, requests, blocks, locks
    }

    public var list: List
    /// The position in the list, from 0.
    public var index: Int
    /// The field of the entry to blame (`available`, `slot`, `session`…), as event files name it.
    public var field: String?

    public init(_ list: List, _ index: Int, field: String? = nil) {
        self.list = list
        self.index = index
        self.field = field
    }

    /// The entry as a path in an event file: `participants[1].available`, `requests[0]`.
    public var path: String {
        "\(list.rawValue)[\(index)]" + (field.map { ".\($0)" } ?? "")
    }
}
