import Foundation
import GRDB
import Testing

@testable import PlanCore
@testable import PlanIO
@testable import PlanStore

/// A recording's pages written into the file while it runs (`RunWriteback`).
@Suite("Run writeback")
struct RunWritebackTests {
    static func size(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1 }

    @Test("the descriptor is SQLite's own: there while the store is open, gone once SQLite closes it; none for a file the process has not open")
    func descriptor() throws {
        let dir = try RunStoreTests.folder()
        let path = dir + "/plan.sqlite"
        _ = try #require(try RunStore.open(path: path, create: true))  // made, then closed
        #expect(RunWriteback.openDescriptor(of: path) == nil)
        do {
            let store = try #require(try RunStore.open(path: path, create: false))
            let fd = try #require(RunWriteback.openDescriptor(of: path))
            var (a, b) = (stat(), stat())
            #expect(fstat(fd, &a) == 0 && stat(path, &b) == 0)
            #expect(a.st_ino == b.st_ino && a.st_dev == b.st_dev)
            withExtendedLifetime(store) {}
        }
        // The store released, SQLite closed its descriptor.
        #expect(RunWriteback.openDescriptor(of: path) == nil)
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/other"))
        #expect(RunWriteback.openDescriptor(of: dir + "/other") == nil)
        #expect(RunWriteback.openDescriptor(of: dir + "/absent") == nil)
    }

    @Test(
        "ten years of days reach the file before the verdict, uncommitted; the verdict commits them; a new store's file is not refused meanwhile",
        arguments: [false, true])
    func pagesBeforeCommit(newStore: Bool) throws {
        let path = try RunStoreTests.folder() + "/plan.sqlite"
        let store = newStore ? try RunStore.openForRecording(path: path) : try #require(try RunStore.open(path: path, create: true))
        let before = Self.size(path)
        // 3,650 days of 1,456 bytes of numbers (RunChannelTests.itemBytes): 5.3 MB, so five
        // flushes of 1 MiB and the last after the summary rows. The run's pages take 2.7 MB
        // (a new store with a ten-year run is 3.2 MB, with a one-day run 0.5 MB); without
        // the flushes none of them would be in the file before the commit.
        let decade = try RunStoreTests.scenario(BuiltInScenario.seedYAML, overrides: ["horizon=3650d"])
        var grownBeforeVerdict = 0
        var committedBeforeVerdict: Bool? = nil
        let id = try store.record(try RecordingVerdictTests.header()) { recorder in
            var sink = recorder
            let r = try Engine.simulate(decade, into: &sink).get()
            recorder.simulated(r)
            // The writer inserts the summary rows and flushes: wait for the file to grow.
            let deadline = Date().addingTimeInterval(10)
            while Self.size(path) - before < 2 << 20 && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
            grownBeforeVerdict = Self.size(path) - before
            committedBeforeVerdict = try RecordingVerdictTests.reaches(path, runs: 1, within: 0)
            // A new store's header (page 1) is still zeros, its journal beside it: another
            // `plan` must wait for the commit, not refuse the file.
            try RunStore.checkHeader(path)
            return r
        }
        #expect(id == 1)
        #expect(grownBeforeVerdict >= 2 << 20, "the file grew by \(grownBeforeVerdict) B before the verdict")
        #expect(committedBeforeVerdict == false)
        #expect(try RecordingVerdictTests.runs(path) == 1)
        #expect(try RunStoreTests.query(path) { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM run_days WHERE run_id = 1") } == 3650)
    }

    @Test("a flush that finds a reader inside a transaction does not wait for it, and the run flushes no more")
    func flushBesideReader() throws {
        let path = try RunStoreTests.folder() + "/plan.sqlite"
        let store = try #require(try RunStore.open(path: path, create: true))
        _ = try RunStoreTests.record(try RunStoreTests.seed60(), in: store)
        // Another connection holds a read transaction for 3 s (a `sqlite3` shell after BEGIN).
        let reader = try DatabaseQueue(path: path)
        let holding = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread {
            try? reader.read { db in
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM runs")
                holding.signal()
                Thread.sleep(forTimeInterval: 3)
            }
            done.signal()
        }.start()
        holding.wait()
        var (elapsed, busy, second): (TimeInterval, Bool, TimeInterval) = (0, false, 0)
        try store.queue.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "INSERT INTO warnings (run_id, message) VALUES (1, 'a dirty page')")
            var writeback = RunWriteback(path: path)
            var start = Date()
            writeback.flush(db)
            elapsed = Date().timeIntervalSince(start)
            busy = writeback.busy
            start = Date()
            writeback.flush(db)
            second = Date().timeIntervalSince(start)
            try db.execute(sql: "ROLLBACK")
        }
        done.wait()
        // With the store's busy timeout the first flush would have waited the reader's 3 s.
        #expect(busy)
        #expect(elapsed < 1, "the flush waited \(elapsed) s")
        #expect(second < 1)
    }
}
