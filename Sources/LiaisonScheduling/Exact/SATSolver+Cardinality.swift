/// Counting constraints as clauses: at most one, and totalizers (Bailleux & Boufkhad, 2003)
/// whose outputs say how many of their inputs are true.
extension SATSolver {
    /// At most one of `literals`: pairwise for a few, else a sequential counter (Sinz, 2005).
    func atMostOne(_ literals: [Int32]) {
        guard literals.count > 1 else { return }
        if literals.count < 7 {
            for i in literals.indices {
                for j in literals.indices where j > i { add([-literals[i], -literals[j]]) }
            }
            return
        }
        // seen[i]: one of literals[0...i] is true.
        var seen = literals[0]
        for literal in literals.dropFirst() {
            add([-seen, -literal])
            let next = variable()
            add([-seen, next])
            add([-literal, next])
            seen = next
        }
    }

    /// Outputs `o` of a totalizer over `literals`, counted up to `limit`: `o[i]` is true when at
    /// least i + 1 inputs are (`o.count` = min(inputs, limit)). With `exact`, also the other way:
    /// `o[i]` false when fewer are, so a bound from below (or parity) can be asked of it.
    func totalizer(_ literals: [Int32], limit: Int, exact: Bool = false) -> [Int32] {
        guard literals.count > 1 else { return Array(literals.prefix(limit)) }
        let half = literals.count / 2
        let left = totalizer(Array(literals[..<half]), limit: limit, exact: exact)
        let right = totalizer(Array(literals[half...]), limit: limit, exact: exact)
        let outputs = (0..<min(left.count + right.count, limit)).map { _ in variable() }
        // i and j count true inputs on each side (0 = none claimed).
        for i in 0...left.count {
            for j in 0...right.count {
                let sum = i + j
                if sum >= 1 && sum <= outputs.count {
                    add((i > 0 ? [-left[i - 1]] : []) + (j > 0 ? [-right[j - 1]] : []) + [outputs[sum - 1]])
                }
                if exact && sum < outputs.count {
                    // Fewer than i + 1 on the left and j + 1 on the right: fewer than sum + 1 in all.
                    add((i < left.count ? [left[i]] : []) + (j < right.count ? [right[j]] : []) + [-outputs[sum]])
                }
            }
        }
        return outputs
    }
}
