import Foundation
import GRDB
import GRDBSQLite
import PlanCore
import PlanIO

extension RunStore {
    /// Records one run in one transaction: the `runs` row first, then the daily rows as
    /// `body` simulates (the recorder is a `SimulationSink`), then the summary rows.
    ///
    /// The rows are inserted by a second thread while `body` simulates, so that SQLite's
    /// work (about 10 ms for the 5,500 rows of a one-year run of the seed cluster) overlaps
    /// the simulation instead of adding to it. About `RunChannel.capacity` bytes of days
    /// wait between the two, twice that at most: memory stays bounded however long the
    /// horizon.
    ///
    /// `body` may hand over its result before it returns (`RunRecorder.simulated`): the
    /// writer then inserts the summary rows while `body` writes and syncs its files, and
    /// waits for the verdict before it commits. `RunRecorder.published` gives it (the files
    /// are in place: commit, while `body` removes the folder they replaced); returning
    /// gives it too (a result: commit; nil or an error: roll back). `published` is final:
    /// the run is committed whatever `body` does after it (an error it throws then is
    /// rethrown, the run recorded all the same); `plan`'s body does nothing after it that
    /// can fail.
    ///
    /// The transaction starts with `BEGIN IMMEDIATE`: another process recording at the
    /// same time waits (busy timeout) until this run is committed. A run is recorded whole
    /// or not at all: when `body` returns nil or throws before `published`, or the process
    /// dies before the commit, nothing of it remains. `body` runs exactly once, even when
    /// the store fails.
    ///
    /// - Parameter body: simulates into the recorder and returns the result, or nil to
    ///   record nothing. Its errors are rethrown as they are.
    /// - Returns: the new run's id, or nil when nothing was recorded.
    /// - Throws: what `body` throws, or `PlanIOError` when the store fails.
    public func record(_ header: RunHeader, _ body: (RunRecorder) throws -> SimulationResult?) throws -> Int64? {
        let channel = RunChannel()
        // The writer thread lets go of the database before it reports: once `record` returns,
        // the store's own reference is the last, and closing the store closes the file.
        let lease = QueueLease(queue)
        let (creating, path) = (createsWithRun, path)
        let started = DetachedThread.start {
            // The connection lives only inside `write`: it is released before `finish` reports.
            channel.finish(RunStore.write(header, lease: lease, channel: channel, creating: creating ? path : nil))
        }
        if !started {
            // The simulation's days are then dropped, and the run is not recorded.
            channel.finish(
                .failure(
                    PlanIOError.cannotWrite(
                        path: "", reason: "the system refused a thread to record the run on (a limit on the processes or threads)")))
        }

        let result: SimulationResult?
        do {
            result = try body(RunRecorder(channel))
        } catch {
            channel.close(result: nil)
            _ = channel.outcome()
            throw error
        }
        channel.close(result: result)
        switch channel.outcome() {
        case .success(let id):
            // A committed run made the schema, if it was to.
            if id != nil { createsWithRun = false }
            return id
        case .failure(let error): throw RunStore.storeError(error, path: path)
        }
    }
}

extension RunStore {
    /// The writer thread's work: the run's rows, as they come, in one immediate transaction.
    /// Returns the new run's id (nil: rolled back). The connection is a local of this
    /// function, so it is gone when the function returns.
    ///
    /// - Parameter creating: the path of a store that was empty when it was opened, whose
    ///   schema the transaction makes first (`openForRecording`); nil for a store that has it.
    static func write(_ header: RunHeader, lease: QueueLease, channel: RunChannel, creating: String?) -> Result<Int64?, Error> {
        do {
            guard let queue = lease.take() else { throw PlanIOError.cannotWrite(path: "", reason: "the run store was already in use") }
            var id: Int64? = nil
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    if let creating { try RunStore.createForRun(db, path: creating, migrator: RunStore.migrator) }
                    let inserter = try RunInserter(db: db, header: header)
                    var writeback = RunWriteback(path: queue.path)
                    while let batch = channel.take() {
                        for item in batch {
                            switch item {
                            case .layout(let layout): try inserter.begin(layout)
                            case .firstDay(let rows, let numbers): try inserter.firstDay(rows, numbers)
                            case .day(let numbers): try inserter.day(numbers)
                            }
                            writeback.inserted(item.bytes, db)
                        }
                    }
                    guard let result = channel.result else { return .rollback }
                    try inserter.finish(result)
                    // The last pages, while the files are published.
                    writeback.flush(db)
                    guard channel.verdict() else { return .rollback }
                    id = inserter.runID
                    return .commit
                }
            }
            return .success(id)
        } catch {
            return .failure(error)
        }
    }
}
