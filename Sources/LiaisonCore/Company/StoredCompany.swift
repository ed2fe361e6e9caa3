/// A company as stored: the profile plus its revision and the instant of its last real change.
public struct StoredCompany: Hashable, Sendable {
    public var company: Company
    /// Starts at 1 and grows by one with every real change.
    public var revision: Int
    /// ISO 8601 instant of the last real change.
    public var updatedAt: String

    public init(company: Company, revision: Int, updatedAt: String) {
        self.company = company
        self.revision = revision
        self.updatedAt = updatedAt
    }
}
