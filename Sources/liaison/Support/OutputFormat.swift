import ArgumentParser

/// How a listing is printed: a table for people, CSV for spreadsheets, JSON for scripts.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// How one record is printed.
enum RecordFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
