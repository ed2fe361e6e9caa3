import LiaisonKernel

/// A testing seam: the kernel's single-precision score of each candidate multiplied by a factor
/// close to 1, the way another BLAS kernel's rounding could move it, so tests can make that
/// rounding adversarial (e.g. a higher-index twin scoring a little higher than a lower-index one)
/// on any processor. Only the kernel's copy of the candidates is changed, never the exact scores.
///
/// Rankings must not depend on it as long as every perturbed score stays within the kernel's
/// tolerance of the exact score: a factor within 1 ± 2⁻¹⁶ does for scores of at most the sum
/// of the weights.
///
///     var reranker = Reranker(table: table, weights: .defaults, k: 5, countries: ["US"])
///     reranker.kernelPerturbation = KernelPerturbation { 1 + Float($0 % 64) * 0x1p-22 }
struct KernelPerturbation: Sendable {
    /// The factor of the kernel's candidate `index`: row `index` of the matrix or sparse rows it
    /// searches.
    let factor: @Sendable (_ index: Int) -> Float

    init(_ factor: @escaping @Sendable (_ index: Int) -> Float) {
        self.factor = factor
    }

    /// `matrix` with row i multiplied by `factor(i)`.
    func applied(to matrix: Matrix) -> Matrix {
        var scaled = matrix
        for row in 0..<matrix.rows {
            let factor = factor(row)
            for column in 0..<matrix.columns { scaled[row, column] *= factor }
        }
        return scaled
    }

    /// `rows` with row i multiplied by `factor(i)`.
    func applied(to rows: SparseRows) -> SparseRows {
        var scaled = SparseRows(columns: rows.columns)
        for row in 0..<rows.rows {
            let factor = factor(row)
            scaled.appendRow(rows.row(row).map { (column: $0.column, value: $0.value * factor) })
        }
        return scaled
    }
}
