import Foundation
import GRDB
import GRDBSQLite
import PlanCore
import PlanIO

/// Hands a database connection to one thread, once, and keeps no reference afterwards.
final class QueueLease: @unchecked Sendable {
    private var queue: DatabaseQueue?
    private let lock = NSLock()
    init(_ queue: DatabaseQueue) { self.queue = queue }
    func take() -> DatabaseQueue? {
        lock.lock()
        defer { lock.unlock() }
        let q = queue
        queue = nil
        return q
    }
}

/// Receives a run's rows as the engine produces them and hands them to the thread that
/// records them (`RunStore.record`).
public final class RunRecorder: SimulationSink {
    let channel: RunChannel
    /// Takes each day's numbers out of its rows here, on the simulation's thread.
    private var extractor = DayNumberExtractor(RowLayout(jobRows: [], workloads: [], targets: []))
    /// Whether the layout's first day, whose rows give the names, is still to come.
    private var firstDay = true
    init(_ channel: RunChannel) { self.channel = channel }
    public func begin(_ layout: RowLayout) {
        extractor = DayNumberExtractor(layout)
        firstDay = true
        channel.push(.layout(layout))
    }
    /// The simulation is over: the writer may insert the summary rows (the run commits at
    /// `published`, or when `RunStore.record`'s body returns).
    public func simulated(_ result: SimulationResult) { channel.simulated(result) }
    /// The run's files are in place: the writer commits.
    public func published() { channel.published() }
    public func day(_ rows: DayRows) {
        let numbers = extractor.numbers(of: rows)
        if firstDay {
            firstDay = false
            channel.push(.firstDay(rows, numbers))
        } else {
            channel.push(.day(numbers))
        }
    }
}

/// The days between the simulation and the thread that inserts them: a bounded queue, the
/// run's result (`simulated`, or `close`), the verdict (`published`, or `close`: commit or
/// roll back), and the writer's outcome.
///
/// The bound is on the bytes queued, not the days: 1 MiB, 721 days of the built-in
/// example (78 numbers a day, 1,456 bytes). The writer takes the whole queue at once, so
/// while it inserts one batch the next can fill: about 2 MiB wait at most, and a day larger
/// than the bound goes in alone. With a bound of 64 days the simulation stopped and started
/// again ~60 times in a 10-year run, each time waking the writer anew: a 10-year recording
/// took 41.9–45.4 ms (min of 30, four rounds), and 36.8–39.9 ms with a bound of 1 MiB.
final class RunChannel: @unchecked Sendable {
    enum Item {
        case layout(RowLayout)
        /// The layout's first day: its rows (for the names) and its numbers. Boxed, so
        /// that the rows do not widen every item of the queue.
        indirect case firstDay(DayRows, DayNumbers)
        /// Every later day: its numbers only (`DayNumbers`).
        case day(DayNumbers)

        /// The bytes the item holds in the queue (its share of `capacity`): its slot, and
        /// its numbers (`DayNumbers.bytes`).
        var bytes: Int {
            switch self {
            case .layout: MemoryLayout<Item>.stride
            case .firstDay(_, let n), .day(let n): MemoryLayout<Item>.stride + n.bytes
            }
        }
    }

    /// Bytes that may wait for the writer before the simulation waits in turn.
    static let capacity = 1 << 20
    private let condition = NSCondition()
    private var items: [Item] = []
    /// The bytes of `items`.
    private var queued = 0
    private var closed = false
    private var closingResult: SimulationResult?
    /// Whether the run is to be committed (true) or rolled back; nil until it is known.
    private var commit: Bool?
    private var writerOutcome: Result<Int64?, any Error>?

    /// Simulation side: queues an item; waits while the queue is full. Once the writer has
    /// stopped (it failed), items are dropped.
    func push(_ item: Item) {
        condition.lock()
        defer { condition.unlock() }
        while queued >= RunChannel.capacity && writerOutcome == nil && !closed { condition.wait() }
        guard writerOutcome == nil else { return }
        // A day after the result is a bug: the writer no longer takes any (it could wait
        // here for ever), and the run, short of it, is rolled back.
        guard !closed else {
            if commit == nil { commit = false }
            condition.broadcast()
            return
        }
        items.append(item)
        queued += item.bytes
        condition.broadcast()
    }

    /// Simulation side: no more items, and the result whose summary rows the writer inserts
    /// before it waits for the verdict (`published`, `close`).
    func simulated(_ result: SimulationResult) {
        condition.lock()
        closed = true
        closingResult = result
        condition.broadcast()
        condition.unlock()
    }

    /// Simulation side: the verdict, commit (the files are in place). It is final: the run
    /// is committed whatever the body does after it.
    func published() {
        condition.lock()
        if commit == nil { commit = true }
        condition.broadcast()
        condition.unlock()
    }

    /// Simulation side: no more items; `result` nil rolls the run back, unless `published`
    /// already gave the verdict. A result that `simulated` handed over stays the one the
    /// writer records.
    func close(result: SimulationResult?) {
        condition.lock()
        closed = true
        if closingResult == nil { closingResult = result }
        if commit == nil { commit = result != nil }
        condition.broadcast()
        condition.unlock()
    }

    /// Simulation side: waits for the writer to commit or roll back.
    func outcome() -> Result<Int64?, any Error> {
        condition.lock()
        defer { condition.unlock() }
        while writerOutcome == nil { condition.wait() }
        return writerOutcome ?? .success(nil)
    }

    /// Writer side: every queued item, waiting for some; nil once closed and empty.
    func take() -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed { condition.wait() }
        if items.isEmpty { return nil }
        let batch = items
        items.removeAll(keepingCapacity: true)
        queued = 0
        condition.broadcast()
        return batch
    }

    /// Writer side, after `take` gave nil: the result to record, nil to roll back.
    var result: SimulationResult? {
        condition.lock()
        defer { condition.unlock() }
        return closingResult
    }

    /// Writer side, after the summary rows: waits for the verdict; true to commit.
    func verdict() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while commit == nil { condition.wait() }
        return commit ?? false
    }

    /// Writer side: the transaction is over; releases a simulation waiting to push.
    func finish(_ outcome: Result<Int64?, any Error>) {
        condition.lock()
        writerOutcome = outcome
        items.removeAll()
        queued = 0
        condition.broadcast()
        condition.unlock()
    }
}
