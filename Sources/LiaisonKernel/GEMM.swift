import CBLAS

/// Every BLAS call of Liaison goes through here.
enum GEMM {
    /// `scores = a · bᵀ` for row-major `a` (m × d, rows `lda` apart) and `b` (n × d, rows `ldb`
    /// apart), written row-major into `scores` (m × n, rows `ldc` apart).
    static func multiplyTransposed(
        m: Int, n: Int, d: Int,
        a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        into scores: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        precondition(m > 0 && n > 0 && d > 0 && m <= Int32.max && n <= Int32.max && d <= Int32.max)
        BLASRuntime.sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(d),
                    1, a, Int32(lda), b, Int32(ldb), 0, scores, Int32(ldc))
    }
}
