/// Lists of indices kept in one flat array (no inner arrays to retain in a hot loop).
struct Ragged {
    let flat: [Int]
    let starts: [Int]

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

    @inline(__always) func range(_ i: Int) -> Range<Int> { starts[i]..<starts[i + 1] }
}
