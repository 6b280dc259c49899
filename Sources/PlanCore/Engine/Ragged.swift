/// Lists of indices kept in one flat array (no inner arrays to retain in a hot loop).
struct Ragged {
    /// Every list's elements, one list after the other.
    private(set) var flat: [Int]
    /// Where each list starts in `flat`, and one more: the end of the last.
    private(set) var starts: [Int]

    /// No list yet, room for `lists` lists of `elements` elements in all; filled with
    /// `append` and `endList`.
    init(lists: Int, elements: Int) {
        flat = []
        flat.reserveCapacity(elements)
        starts = [0]
        starts.reserveCapacity(lists + 1)
    }

    /// Appends `x` to the list being filled.
    @inline(__always) mutating func append(_ x: Int) { flat.append(x) }

    /// Ends the list being filled; the next `append` begins the next list.
    @inline(__always) mutating func endList() { starts.append(flat.count) }

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
