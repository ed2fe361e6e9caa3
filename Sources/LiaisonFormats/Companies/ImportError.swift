/// One problem found in an input file, e.g. `us.csv:12: offers: unknown sector 'logistix'`.
public struct ImportProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line of the record (its first line, when a quoted field spans lines); 0 for a
    /// problem of the import as a whole, such as a `--columns` header no file has.
    public var line: Int
    public var field: String
    public var message: String

    public init(file: String, line: Int, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): \(field): \(message)" : "\(file): \(field): \(message)" }
}

/// An import that was refused: every problem found, and nothing written.
public struct ImportError: Error, CustomStringConvertible {
    public var problems: [ImportProblem]

    public init(problems: [ImportProblem]) {
        self.problems = problems
    }

    /// How many problems are printed before the rest are summarized as a count.
    public static let printedProblemLimit = 20

    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        var lines = ["nothing imported, \(count):"] + problems.prefix(Self.printedProblemLimit).map(\.description)
        if problems.count > Self.printedProblemLimit {
            lines.append("… and \(problems.count - Self.printedProblemLimit) more problems")
        }
        return lines.joined(separator: "\n")
    }
}
