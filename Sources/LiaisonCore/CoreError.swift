/// Failures of domain requests that a user can act on.
public enum CoreError: Error, Equatable, CustomStringConvertible {
    case unknownSector(String)

    public var description: String {
        switch self {
        case .unknownSector(let name): "unknown sector \(CompanyText.quoted(name)); `liaison sectors` lists the ids, names and aliases"
        }
    }
}
