/// A FIFO of restore points for one volume (or base backups of one CNPG job): pushed at the
/// back, popped at the front, with no allocation once warmed up.
///
/// - Complexity: amortised O(1) push and pop; storage is compacted in place.
struct PointQueue<Element> {
    private(set) var storage: ContiguousArray<Element> = []
    private(set) var head = 0

    init() {}

    /// The number of elements queued.
    var count: Int { storage.count - head }
    var isEmpty: Bool { storage.count == head }

    /// The oldest element; the queue must not be empty.
    var first: Element { storage[head] }
    /// The newest element; the queue must not be empty.
    var last: Element {
        get { storage[storage.count - 1] }
        set { storage[storage.count - 1] = newValue }
    }

    /// The `i`-th oldest element.
    subscript(i: Int) -> Element { storage[head + i] }

    /// Adds `e` at the back, first compacting the storage when more than half of it is
    /// popped.
    ///
    /// - Complexity: amortised O(1).
    mutating func push(_ e: Element) {
        if head > 64 && head * 2 > storage.count {
            storage.removeFirst(head)
            head = 0
        }
        storage.append(e)
    }

    /// Removes and returns the oldest element; the queue must not be empty.
    ///
    /// - Complexity: O(1).
    @discardableResult
    mutating func popFirst() -> Element {
        let e = storage[head]
        head += 1
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        }
        return e
    }
}
