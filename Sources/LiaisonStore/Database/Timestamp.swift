import Foundation

/// The text form of instants stored in the database: ISO 8601, UTC, milliseconds.
enum Timestamp {
    static func string(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    static func now() -> String { string(Date()) }
}
