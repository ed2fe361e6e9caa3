import Foundation

/// A participant's agenda CSV read back with ``parseCSV(_:)``: whether it starts with a UTF-8
/// byte order mark, its label–value rows (up to the first blank row), its column heads (the row
/// after it) and its rows, one per slot.
public struct AgendaCSVFile {
    public var hasByteOrderMark: Bool
    public var about: [(label: String, value: String)]
    public var header: [String]
    public var rows: [[String]]

    public init(_ data: Data) {
        hasByteOrderMark = data.starts(with: [0xEF, 0xBB, 0xBF])
        let text = String(decoding: hasByteOrderMark ? data.dropFirst(3) : data[...], as: UTF8.self)
        let all = parseCSV(text)
        let blank = all.firstIndex { $0.allSatisfy(\.isEmpty) } ?? all.count
        about = all[..<blank].map { ($0.first ?? "", $0.count > 1 ? $0[1] : "") }
        header = blank + 1 < all.count ? all[blank + 1] : []
        rows = blank + 2 < all.count ? Array(all[(blank + 2)...]) : []
    }

    /// The value of a label–value row.
    public func value(_ label: String) -> String? { about.first { $0.label == label }?.value }

    /// The rows of meetings: those with a table number (the fourth column).
    public var meetingRows: [[String]] { rows.filter { $0.count > 3 && !$0[3].isEmpty } }

    /// The rows of free slots: no table.
    public var freeRows: [[String]] { rows.filter { $0.count > 3 && $0[3].isEmpty } }
}
