extension Array {
    /// Appends `other`'s elements and leaves it empty, moving rather than copying where it can:
    /// into an empty array, `other`'s storage is taken whole; onto a shorter one, this array's
    /// few elements go in front of `other`'s. Copying 10,000 records retained each one's strings
    /// and released them again when the source went.
    ///
    ///     var all: [NormalizedRecord] = [district]
    ///     all.append(moving: &communeRecords)   // communeRecords == [], no commune record copied
    @inlinable public mutating func append(moving other: inout [Element]) {
        if count < other.count {
            other.insert(contentsOf: self, at: 0)
            swap(&self, &other)
        } else {
            append(contentsOf: other)
        }
        other = []
    }
}
