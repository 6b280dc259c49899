/// A FIFO of restore points for one volume (or base backups of one CNPG job): pushed at the
/// back, popped at the front, with no allocation once warmed up.
///
/// - Complexity: amortised O(1) push and pop; storage is compacted in place.
struct PointQueue<Element> {
    private(set) var storage: ContiguousArray<Element> = []
    private(set) var head = 0

    init() {}

    var count: Int { storage.count - head }
    var isEmpty: Bool { storage.count == head }

    var first: Element { storage[head] }
    var last: Element {
        get { storage[storage.count - 1] }
        set { storage[storage.count - 1] = newValue }
    }

    subscript(i: Int) -> Element { storage[head + i] }

    mutating func push(_ e: Element) {
        if head > 64 && head * 2 > storage.count {
            storage.removeFirst(head)
            head = 0
        }
        storage.append(e)
    }

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
