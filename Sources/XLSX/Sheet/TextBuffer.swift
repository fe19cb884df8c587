/// A growable byte buffer for the text of the element being read (`<v>`, `<t>`), kept in
/// raw memory: appending a SAX text piece is one memcpy, without the generic Array paths
/// and uniqueness checks that showed up at 180 instructions a cell in callgrind.
/// Owned by `SheetState`; freed with `deallocate()`.
struct TextBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    @inline(__always) mutating func removeAll() { count = 0 }

    @inline(__always) mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let src = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base + count).update(from: src, count: bytes.count)
        count += bytes.count
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        fresh.update(from: base, count: count)
        base.deallocate()
        base = fresh
        capacity = newCapacity
    }

    /// Drops whitespace at both ends of `text[start...]` (the `<t>` whitespace rule).
    mutating func trimRun(from start: Int) {
        guard start < count else { return }
        var end = count
        while end > start && isSpace(base[end - 1]) { end -= 1 }
        var first = start
        while first < end && isSpace(base[first]) { first += 1 }
        if first > start { (base + start).update(from: base + first, count: end - first) }
        count = start + (end - first)
    }

    @inline(__always) var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    func deallocate() { base.deallocate() }
}
