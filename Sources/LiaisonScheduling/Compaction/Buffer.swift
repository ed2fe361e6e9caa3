/// A fixed-size array in memory the search owns: no copy-on-write checks, no reference
/// counting in the inner loops of the local searches. Freed by ``free()``; copies of a
/// `Buffer` share its memory.
struct Buffer<Element> {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    init(repeating value: Element, count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: value, count: max(count, 1))
    }

    init(_ values: [Element]) {
        count = values.count
        base = .allocate(capacity: max(values.count, 1))
        if values.isEmpty { return }
        _ = UnsafeMutableBufferPointer(start: base, count: values.count).initialize(from: values)
    }

    subscript(index: Int) -> Element {
        get { assert(index >= 0 && index < Swift.max(count, 1), "buffer index \(index) of \(count)"); return base[index] }
        nonmutating set { assert(index >= 0 && index < Swift.max(count, 1), "buffer index \(index) of \(count)"); base[index] = newValue }
    }

    var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

    func free() {
        base.deinitialize(count: max(count, 1))
        base.deallocate()
    }
}
