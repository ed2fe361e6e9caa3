/// Failures of the store that a user can act on.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case missingDatabase(String)
    case cannotOpen(String, String)
    case unknownCompany(String)
    case taxonomyConflict(String)
    /// A stored value that is not one this version of Liaison writes: the file was changed by
    /// hand, or by a newer Liaison.
    case badStoredValue(table: String, column: String, value: String)

    public var description: String {
        switch self {
        case .missingDatabase(let path): "no database at \(path); create it with `liaison init` (or set --db / LIAISON_DB)"
        case .cannotOpen(let path, let reason): "cannot open \(path): \(reason)"
        case .unknownCompany(let id): "no company with id '\(id)'; `liaison companies list` shows the ids"
        case .taxonomyConflict(let reason): "cannot update the sector taxonomy: \(reason)"
        case .badStoredValue(let table, let column, let value):
            "the database holds a value Liaison cannot read in \(table).\(column): '\(value.prefix(80))'; was the file changed by hand or by a newer Liaison?"
        }
    }
}
