/// A dense, row-major matrix of 32-bit floats: one row per company, one column per feature.
public struct Matrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// The elements, row after row: element (r, c) is at `r * columns + c`.
    public private(set) var elements: [Float]

    /// A matrix of zeros.
    public init(rows: Int, columns: Int) {
        precondition(rows >= 0 && columns >= 0, "a matrix has a non-negative shape")
        self.rows = rows
        self.columns = columns
        elements = [Float](repeating: 0, count: rows * columns)
    }

    /// A matrix over `elements`, which must hold exactly `rows * columns` values, row-major.
    public init(rows: Int, columns: Int, elements: [Float]) {
        precondition(rows >= 0 && columns >= 0 && elements.count == rows * columns,
                     "\(elements.count) elements do not make a \(rows) × \(columns) matrix")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    public subscript(row: Int, column: Int) -> Float {
        get { elements[row * columns + column] }
        set { elements[row * columns + column] = newValue }
    }

    /// One row's elements.
    public func row(_ row: Int) -> ArraySlice<Float> {
        elements[row * columns ..< (row + 1) * columns]
    }

    /// Calls `body` with mutable access to all elements, row-major.
    public mutating func withUnsafeMutableElements<T>(_ body: (UnsafeMutableBufferPointer<Float>) throws -> T) rethrows -> T {
        try elements.withUnsafeMutableBufferPointer { try body($0) }
    }
}

extension Matrix {
    /// `self · otherᵀ`: every inner product of a row of `self` with a row of `other`, through BLAS.
    public func multipliedTransposed(by other: Matrix) -> Matrix {
        precondition(columns == other.columns, "rows of different widths")
        var product = Matrix(rows: rows, columns: other.rows)
        guard rows > 0, other.rows > 0, columns > 0 else { return product }
        elements.withUnsafeBufferPointer { a in
            other.elements.withUnsafeBufferPointer { b in
                product.withUnsafeMutableElements { c in
                    GEMM.multiplyTransposed(m: rows, n: other.rows, d: columns, a: a.baseAddress!, lda: columns,
                                            b: b.baseAddress!, ldb: columns, into: c.baseAddress!, ldc: other.rows)
                }
            }
        }
        return product
    }
}
