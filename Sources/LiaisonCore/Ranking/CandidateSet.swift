import LiaisonKernel

/// The candidates of a search as the matrix-product kernel sees them: each distinct right row
/// once, standing for the table rows that share it (twins).
///
/// Twins score exactly the same with everyone, so the kernel needs to score them only once — a
/// generated or real catalog has many: profiles of one sector, a common size and language — and
/// then cannot round two twins differently either. ``ExactTopK`` lists a distinct row's twins in
/// table-row order (by id within a country) wherever the row ranks.
struct CandidateSet: Sendable {
    /// The distinct rows, dense, in the order of the first table row holding each.
    let matrix: Matrix
    /// The table rows of distinct row j: `rows[start[j] ..< start[j + 1]]`, ascending.
    private let start: [Int32]
    private let rows: [Int32]

    /// The candidates `rows` (ascending) of `table`, twins folded.
    init(_ table: SparseRows, rows selected: some Collection<Int>) {
        let (group, first) = Self.twins(selected, of: table)
        // Each distinct row's table rows, counted then placed (stays ascending).
        var start = [Int32](repeating: 0, count: first.count + 1)
        for index in group { start[index + 1] += 1 }
        for index in 0..<first.count { start[index + 1] += start[index] }
        var next = start
        var rows = [Int32](repeating: 0, count: selected.count)
        for (row, index) in zip(selected, group) {
            rows[Int(next[index])] = Int32(row)
            next[index] += 1
        }
        matrix = table.dense(rows: first)
        self.start = start
        self.rows = rows
    }

    /// Twins among `rows` of `table`: for each row, the number of its distinct row (rows are
    /// numbered in order of first appearance), and each distinct row's first table row.
    static func twins(_ rows: some Collection<Int>, of table: SparseRows) -> (group: [Int], first: [Int]) {
        // A row is its entries: column and value bits.
        var distinct: [[UInt64]: Int] = [:]
        distinct.reserveCapacity(rows.count)
        var first: [Int] = []
        let group = rows.map { row -> Int in
            let key = (Int(table.rowStart[row])..<Int(table.rowStart[row + 1])).map {
                UInt64(UInt32(table.columnIndices[$0])) << 32 | UInt64(table.values[$0].bitPattern)
            }
            if let known = distinct[key] { return known }
            distinct[key] = first.count
            first.append(row)
            return first.count - 1
        }
        return (group, first)
    }

    /// How many distinct rows the kernel searches.
    var distinctCount: Int { matrix.rows }

    /// Where the table rows that distinct row `index` stands for are: positions for ``row(at:)``.
    @inline(__always)
    func members(_ index: Int) -> Range<Int> {
        Int(start[index])..<Int(start[index + 1])
    }

    /// The table row at a position of ``members(_:)``.
    @inline(__always)
    func row(at position: Int) -> Int {
        Int(rows[position])
    }
}
