/// Rows of a sparse matrix of 32-bit floats in compressed sparse row (CSR) form: what most
/// company vectors are (a dozen non-zeros among a hundred columns).
public struct SparseRows: Sendable, Equatable {
    /// The number of columns; every column index is below it.
    public let columns: Int
    /// Row r's entries are `rowStart[r] ..< rowStart[r + 1]` of `columnIndices` and `values`.
    public private(set) var rowStart: [Int32] = [0]
    public private(set) var columnIndices: [Int32] = []
    public private(set) var values: [Float] = []

    public init(columns: Int) {
        self.columns = columns
    }

    /// Rows from their three arrays, as stored; nil when they are inconsistent.
    public init?(columns: Int, rowStart: [Int32], columnIndices: [Int32], values: [Float]) {
        guard rowStart.first == 0, Int(rowStart.last ?? -1) == columnIndices.count, columnIndices.count == values.count,
              zip(rowStart, rowStart.dropFirst()).allSatisfy({ $0 <= $1 }),
              columnIndices.allSatisfy({ $0 >= 0 && Int($0) < columns }) else { return nil }
        self.columns = columns
        self.rowStart = rowStart
        self.columnIndices = columnIndices
        self.values = values
    }

    public var rows: Int { rowStart.count - 1 }

    /// Appends a row of (column, value) entries; columns must be below ``columns``.
    public mutating func appendRow<S: Sequence>(_ entries: S) where S.Element == (column: Int, value: Float) {
        for entry in entries {
            precondition(entry.column >= 0 && entry.column < columns, "column \(entry.column) outside 0..<\(columns)")
            columnIndices.append(Int32(entry.column))
            values.append(entry.value)
        }
        rowStart.append(Int32(columnIndices.count))
    }

    public mutating func reserveCapacity(rows: Int, entries: Int) {
        rowStart.reserveCapacity(rows + 1)
        columnIndices.reserveCapacity(entries)
        values.reserveCapacity(entries)
    }

    /// The entries of one row.
    public func row(_ row: Int) -> [(column: Int, value: Float)] {
        entries(ofRow: row).map { (column: Int(columnIndices[$0]), value: values[$0]) }
    }

    /// Where one row's entries lie in `columnIndices` and `values`.
    public func entries(ofRow row: Int) -> Range<Int> {
        Int(rowStart[row])..<Int(rowStart[row + 1])
    }

    /// Some rows as a dense matrix, for the matrix-product kernel.
    public func dense(_ range: Range<Int>) -> Matrix {
        dense(rows: Array(range))
    }

    /// The given rows, in that order, as a dense matrix.
    public func dense(rows selected: [Int]) -> Matrix {
        var matrix = Matrix(rows: selected.count, columns: columns)
        matrix.withUnsafeMutableElements { elements in
            for (offset, row) in selected.enumerated() {
                for entry in Int(rowStart[row])..<Int(rowStart[row + 1]) {
                    elements[offset * columns + Int(columnIndices[entry])] = values[entry]
                }
            }
        }
        return matrix
    }
}
