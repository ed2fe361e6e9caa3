import GRDB
import LiaisonCore

/// Failures of the store that a user can act on.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case missingDatabase(String)
    case cannotOpen(String, String)
    case unknownCompany(String)
    case unknownCountry(String)
    /// A company that cannot be removed: it is registered for events, or named by their published
    /// schedules (whose agendas and calendars still show it, cancelled meetings included).
    case companyInEvents(String, registered: [String], published: [String])
    case taxonomyConflict(String)
    /// A stored value that is not one this version of Liaison writes: the file was changed by
    /// hand, or by a newer Liaison.
    case badStoredValue(table: String, column: String, value: String)
    /// The file was written by a newer Liaison: it holds a migration this one does not know.
    case newerSchema(String, String)
    /// The file is damaged, or is not a Liaison database at all.
    case corrupt(String, String)
    /// The file may not be written by this process, and the command must write it.
    case readOnly(String)
    /// SQLite failed for another reason, in its own words (never the statement).
    case database(String)
    /// Several of the above at once: nothing was done.
    case several([StoreError])

    public var description: String {
        switch self {
        case .missingDatabase(let path): "no database at \(path); create it with `liaison init` (or set --db / LIAISON_DB)"
        case .cannotOpen(let path, let reason): "cannot open \(path): \(reason)"
        case .unknownCompany(let id): "no company with id \(CompanyText.quoted(id)); `liaison companies list` shows the ids"
        case .companyInEvents(let id, let registered, let published):
            if let first = registered.first {
                "\(CompanyText.quoted(id)) is registered for \(registered.count == 1 ? "event" : "events") \(registered.joined(separator: ", ")): "
                    + "remove it from \(registered.count == 1 ? "it" : "them") first (`liaison event remove \(first) \(id)`)"
            } else {
                "\(CompanyText.quoted(id)) is named by the published schedule of \(published.joined(separator: ", ")), whose agendas and "
                    + "calendars still show it: it stays as long as \(published.count == 1 ? "that event does" : "those events do")"
            }
        case .unknownCountry(let name): "unknown country \(CompanyText.quoted(name)); give an ISO 3166-1 code such as CN, US, CA, or an English name"
        case .taxonomyConflict(let reason): "cannot update the sector taxonomy: \(reason)"
        case .badStoredValue(let table, let column, let value):
            "the database holds a value Liaison cannot read in \(table).\(column): '\(value.prefix(80))'; was the file changed by hand or by a newer Liaison?"
        case .newerSchema(let path, let migration):
            "\(path) was made by a newer Liaison (it has migration '\(migration)', unknown to this version); use that version or a newer one"
        case .corrupt(let path, let reason):
            "\(path) is damaged or is not a Liaison database (\(reason)); restore it from a backup, or run `liaison doctor` on it"
        case .database(let reason): reason
        case .several(let errors): "nothing done, \(errors.count) problems:\n" + errors.map { "  " + $0.description }.joined(separator: "\n")
        case .readOnly(let path):
            "\(path) is read-only for this user (the file or its folder): this command must write it; reading commands still work"
        }
    }
}

extension StoreError {
    /// `error` in plain words when it is SQLite's (what the database said, never the SQL that met
    /// it); any other error as it is.
    public static func plain(_ error: any Error) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        let detail = error.message ?? "\(error.resultCode)"
        return switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: StoreError.corrupt("the database", detail)
        case .SQLITE_READONLY: StoreError.readOnly("the database")
        case .SQLITE_BUSY, .SQLITE_LOCKED: StoreError.database("the database is busy: another process holds its lock; try again in a moment")
        case .SQLITE_FULL: StoreError.database("the database cannot grow: no space left on the device")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: StoreError.database("the database cannot be opened (\(detail))")
        case .SQLITE_IOERR: StoreError.database("the database could not be read or written (\(detail))")
        default: StoreError.database("database error: \(detail)")
        }
    }
}
