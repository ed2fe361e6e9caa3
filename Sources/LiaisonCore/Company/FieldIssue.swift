/// One problem with one field of one input record, e.g. `offers: unknown sector 'logistix'`.
public struct FieldIssue: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field's name as the input format spells it, e.g. `offers`.
    public var field: String
    /// What is wrong, in words a user can act on.
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// Every problem found in one record.
public struct FieldIssues: Error, Hashable, Sendable, CustomStringConvertible {
    public var issues: [FieldIssue]

    public init(issues: [FieldIssue]) {
        self.issues = issues
    }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
