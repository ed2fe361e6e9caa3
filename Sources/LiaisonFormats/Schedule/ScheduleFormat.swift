import Foundation

/// The formats a schedule is exported in: CSV and ICS are folders of files (a master list and
/// one agenda or calendar per participant), HTML and JSON one file.
public enum ScheduleFormat: String, CaseIterable, Sendable {
    case csv, json, ics, html

    /// Whether the export is a folder of files rather than one file.
    public var isFolder: Bool { self == .csv || self == .ics }

    /// The export's files by path relative to its folder; a one-file format gives one file with
    /// an empty path. `stamp` is when calendars were produced (their DTSTAMP).
    public func files(_ document: ScheduleDocument, stamp: Date) throws -> [(path: String, data: Data)] {
        switch self {
        case .csv: try ScheduleCSV.files(document)
        case .ics: ScheduleICS.files(document, stamp: stamp)
        case .json: [(path: "", data: try ScheduleJSON.data(document))]
        case .html: [(path: "", data: Data(ScheduleHTML.page(document).utf8))]
        }
    }
}
