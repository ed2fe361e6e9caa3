/// The cheapest assignment of `rows` items to distinct columns of a `rows × columns` cost
/// matrix (rows ≤ columns), by the Hungarian method with potentials, O(rows² · columns).
/// Costs at or above ``forbidden`` mark pairs that may not be chosen.
enum Assignment {
    static let forbidden = 1e15

    /// The column of each row and the total cost, or nil when no assignment avoids every
    /// forbidden pair. `cost[r * columns + c]`.
    static func solve(_ cost: [Double], rows: Int, columns: Int) -> (columns: [Int], total: Double)? {
        guard rows > 0 else { return ([], 0) }
        guard rows <= columns else { return nil }
        // 1-based potentials u (rows), v (columns); way[c] is the previous column on the path.
        var u = [Double](repeating: 0, count: rows + 1), v = [Double](repeating: 0, count: columns + 1)
        var owner = [Int](repeating: 0, count: columns + 1), way = [Int](repeating: 0, count: columns + 1)
        var least = [Double](repeating: 0, count: columns + 1)
        var used = [Bool](repeating: false, count: columns + 1)
        for row in 1...rows {
            owner[0] = row
            var column = 0
            for c in 0...columns { least[c] = .infinity; used[c] = false }
            repeat {
                used[column] = true
                let r = owner[column]
                var delta = Double.infinity, next = 0
                for c in 1...columns where !used[c] {
                    let reduced = cost[(r - 1) * columns + c - 1] - u[r] - v[c]
                    if reduced < least[c] { least[c] = reduced; way[c] = column }
                    if least[c] < delta { delta = least[c]; next = c }
                }
                guard next > 0, delta < forbidden / 2 else { return nil }
                for c in 0...columns {
                    if used[c] { u[owner[c]] += delta; v[c] -= delta } else { least[c] -= delta }
                }
                column = next
            } while owner[column] != 0
            repeat {
                let previous = way[column]
                owner[column] = owner[previous]
                column = previous
            } while column != 0
        }
        var assigned = [Int](repeating: -1, count: rows)
        var total = 0.0
        for c in 1...columns where owner[c] != 0 {
            assigned[owner[c] - 1] = c - 1
            total += cost[(owner[c] - 1) * columns + c - 1]
        }
        return total >= forbidden ? nil : (assigned, total)
    }
}
