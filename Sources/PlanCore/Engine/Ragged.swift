/// Lists of indices kept in one flat array (no inner arrays to retain in a hot loop).
struct Ragged {
    /// Every list's elements, one list after the other.
    let flat: [Int]
    /// Where each list starts in `flat`, and one more: the end of the last.
    let starts: [Int]

    /// Flattens `lists`.
    init(_ lists: [[Int]]) {
        var flat: [Int] = []
        var starts = [0]
        for l in lists {
            flat += l
            starts.append(flat.count)
        }
        self.flat = flat
        self.starts = starts
    }

    /// The number of lists.
    var count: Int { starts.count - 1 }

    /// The indices in `flat` of list `i`.
    @inline(__always) func range(_ i: Int) -> Range<Int> { starts[i]..<starts[i + 1] }
}
