import Foundation
import Synchronization
import Testing

@testable import PlanIO

/// The values of a sweep are validated on every core; what is built from them must not
/// depend on which finished first.
@Suite("Parallel map")
struct ParallelMapTests {
    @Test("results in index order, each index computed once", arguments: [0, 1, 2, 3, 1000])
    func order(count: Int) {
        let calls = Atomic<Int>(0)
        let squares = parallelMap(count) { i in
            calls.add(1, ordering: .relaxed)
            return i * i
        }
        // 0², 1², 2², …: the n-th result is n × n.
        #expect(squares == (0..<count).map { $0 * $0 })
        #expect(calls.load(ordering: .relaxed) == count)
    }

    @Test("results that take longer for early indices still come back in order")
    func slowFirst() {
        // Index 0 sleeps 20 ms, the others none: finished last, still first.
        let strings = parallelMap(8) { i -> String in
            if i == 0 { usleepSeconds(0.02) }
            return "v\(i)"
        }
        #expect(strings == ["v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7"])
    }
}

private func usleepSeconds(_ s: Double) {
    var t = timespec(tv_sec: 0, tv_nsec: Int(s * 1e9))
    nanosleep(&t, nil)
}
