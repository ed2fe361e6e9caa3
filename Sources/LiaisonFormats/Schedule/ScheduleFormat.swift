import Foundation

/// The formats a schedule is exported in: CSV and ICS are folders of files (a master list and
/// one agenda or calendar per participant), HTML and JSON one file.
public enum ScheduleFormat: String, CaseIterable, Sendable {
    case csv, json, ics, html

    /// Whether the export is a folder of files rather than one file.
    public var isFolder: Bool { self == .csv || self == .ics }

    /// The export's files by path relative to its folder; a one-file format gives one file with
    /// an empty path. `stamp` is when calendars were produced (their DTSTAMP). Scores and the
    /// quality figures are in the organizer's views (the master list, the page's figures and
    /// grid, the JSON); participants' agendas and calendars show them only `withScores`.
    public func files(_ document: ScheduleDocument, stamp: Date, withScores: Bool = false) throws -> [(path: String, data: Data)] {
        switch self {
        case .csv: try ScheduleCSV.files(document, withScores: withScores)
        case .ics: ScheduleICS.files(document, stamp: stamp, withScores: withScores)
        case .json: [(path: "", data: try ScheduleJSON.data(document))]
        case .html: [(path: "", data: Data(ScheduleHTML.page(document, withScores: withScores).utf8))]
        }
    }

    /// Whether a path found in an existing export folder (relative to it, `/`-separated) is one
    /// an export in this format writes — `master.csv`, `agendas/` and its `.csv` files, or the
    /// `.ics` files — so replacing the folder loses nothing else. Finder's `.DS_Store` is allowed.
    public func isExportPath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.last == ".DS_Store" { return true }
        switch self {
        case .csv:
            return path == "master.csv" || path == "agendas" || (parts.count == 2 && parts[0] == "agendas" && path.hasSuffix(".csv"))
        case .ics:
            return parts.count == 1 && path.hasSuffix(".ics")
        case .json, .html:
            return false
        }
    }
}
