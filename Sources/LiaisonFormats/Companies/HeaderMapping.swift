/// How the organizer names columns Liaison does not recognize: `--columns 'Booth No=booth,Wants=seeks'`.
///
/// Each pair maps a header (compared as ``ColumnNames/key(_:)`` compares) to one of Liaison's
/// fields, or, when the target is no field name, keeps the column under the target's name.
public struct HeaderMapping: Hashable, Sendable {
    /// One header and what it becomes.
    public struct Rename: Hashable, Sendable {
        public var header: String
        public var target: String
    }

    public var renames: [Rename]

    public init(_ renames: [Rename] = []) {
        self.renames = renames
    }

    /// Parses `Header=target,Header=target`.
    public init(parsing text: String) throws(HeaderMappingError) {
        var renames: [Rename] = []
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let header = parts[0].trimmingCharacters(in: .whitespaces)
            guard parts.count == 2, !header.isEmpty, !ColumnNames.key(header).isEmpty else { throw HeaderMappingError(item: String(item)) }
            let target = parts[1].trimmingCharacters(in: .whitespaces)
            guard !target.isEmpty else { throw HeaderMappingError(item: String(item)) }
            if renames.contains(where: { ColumnNames.key($0.header) == ColumnNames.key(header) }) {
                throw HeaderMappingError(item: String(item), reason: "maps '\(header)' a second time")
            }
            renames.append(Rename(header: header, target: target))
        }
        self.init(renames)
    }

    /// What the header `name` becomes under this mapping: a field, an extra column's name, or nil
    /// when the mapping does not name it.
    func target(of name: String) -> ColumnBinding? {
        let key = ColumnNames.key(name)
        guard let rename = renames.first(where: { ColumnNames.key($0.header) == key }) else { return nil }
        let field = rename.target.lowercased()
        return CompanyFileFormat.allColumns.contains(field) ? .field(field) : .extra(rename.target)
    }
}

/// A `--columns` item that is not `Header=target`.
public struct HeaderMappingError: Error, CustomStringConvertible {
    public var item: String
    public var reason = "expected Header=field, e.g. 'Booth No=booth,Wants=seeks'"

    public var description: String { "--columns: '\(item)': \(reason)" }
}

/// What one column of a sheet is read as.
enum ColumnBinding: Hashable {
    /// One of Liaison's fields.
    case field(String)
    /// A column of the organizer's own, kept under this name.
    case extra(String)
    /// A column without a name, whose cells must be empty.
    case unnamed
    /// A second column of a field or name, already reported in the header; its cells are not read.
    case duplicate
}
