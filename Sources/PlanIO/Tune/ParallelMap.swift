import Dispatch

/// `body(0) … body(count − 1)` on every core, the results in index order (so what a
/// caller builds from them never depends on timing). For independent, pure work only:
/// a sweep's values validated before it runs.
///
/// - Complexity: `count` calls of `body`, spread over the cores; O(count) memory.
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer {
        _ = slots.deinitialize()
        slots.deallocate()
    }
    // Each index is written by exactly one iteration, and read only after all have ended.
    let shared = SharedSlots(slots: slots)
    DispatchQueue.concurrentPerform(iterations: count) { i in shared.slots[i] = body(i) }
    return slots.compactMap { $0 }
}

/// The slots of `parallelMap`, handed to its iterations (each writes its own index).
private struct SharedSlots<T>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<T?>
}
