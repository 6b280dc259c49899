import Foundation
import GRDB
import Synchronization
import Testing

@testable import PlanCore
@testable import PlanIO
@testable import PlanStore

/// The queue between the simulation and the writer thread (`RunChannel`).
@Suite("Run channel")
struct RunChannelTests {
    /// A day of `n` numbers in the daily table.
    static func day(_ d: Int, numbers n: Int) -> RunChannel.Item {
        .day(
            DayNumbers(
                day: d, date: CivilDate(year: 2026, month: 1, day: 1), daily: Array(repeating: .integer(1), count: n),
                workloads: [], targets: [], faults: []))
    }

    @Test("the simulation waits once 1 MiB of days is queued, not after a count of days")
    func boundInBytes() throws {
        // A queued item's slot is 64 bytes of `DayNumbers` (the day, a date of three Ints,
        // four array references: 8 + 24 + 32) with the case in their spare bits: stride 64.
        // A day of 100 daily numbers: 64 + 48 (the array's header and malloc's share) +
        // 100 × 16 = 1,712 bytes. A push goes in while fewer than 2^20 = 1,048,576 are
        // queued: after k pushes 1,712k are, and 612 × 1,712 = 1,047,744 < 1,048,576 ≤
        // 613 × 1,712 = 1,049,456, so pushes 1…613 go in and the 614th waits. The old bound
        // of 64 days would stop at 64, one of 65,536 numbers at 656.
        #expect(MemoryLayout<StoreNumber>.stride == 16)
        #expect(MemoryLayout<RunChannel.Item>.stride == 64)
        #expect(Self.day(0, numbers: 100).bytes == 1_712)
        #expect(RunChannel.capacity == 1_048_576)
        let channel = RunChannel()
        let pushed = Atomic<Int>(0)
        let pusher = Thread {
            for d in 0..<2_000 {
                channel.push(Self.day(d, numbers: 100))
                pushed.add(1, ordering: .sequentiallyConsistent)
            }
        }
        /// The pushes done once they reach `count` (or 10 s pass) and then 0.2 s more.
        func settled(at count: Int) -> Int {
            let deadline = Date().addingTimeInterval(10)
            while pushed.load(ordering: .sequentiallyConsistent) < count && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
            Thread.sleep(forTimeInterval: 0.2)
            return pushed.load(ordering: .sequentiallyConsistent)
        }
        pusher.start()
        #expect(settled(at: 613) == 613)
        // The writer takes them all: the simulation goes on, and stops at 613 more.
        try #require(pushed.load(ordering: .sequentiallyConsistent) > 0)  // else `take` would wait for ever
        let batch = try #require(channel.take())
        #expect(batch.count == 613)
        #expect(settled(at: 1_226) == 1_226)
        // A writer that stops lets the simulation run to its end, its days dropped.
        channel.finish(.success(nil))
        #expect(settled(at: 2_000) == 2_000)
    }

    @Test("a day pushed after the result is not queued: the push returns and the run is rolled back")
    func dayAfterResult() throws {
        let channel = RunChannel()
        var sink = NullSink()
        channel.simulated(try Engine.simulate(try RunStoreTests.seed60(), into: &sink).get())
        channel.push(Self.day(61, numbers: 100))
        #expect(channel.take() == nil)
        #expect(channel.verdict() == false)
    }

    @Test("what a day costs the bound: its slot, and each array that holds numbers with its header")
    func itemBytes() {
        // An empty day: its slot alone, 64 bytes, so 16,384 of them fill the bound.
        #expect(Self.day(0, numbers: 0).bytes == 64)
        // The built-in example's day (version 1): 10 daily rows of 6 numbers, 3 workloads
        // of 4, 2 targets of 3: 64 + (48 + 60 × 16) + (48 + 12 × 16) + (48 + 6 × 16) =
        // 64 + 1,008 + 240 + 144 = 1,456 bytes; 2^20 / 1,456 = 720.2, so 721 days go in.
        let seedDay = RunChannel.Item.day(
            DayNumbers(
                day: 1, date: CivilDate(year: 2026, month: 1, day: 2), daily: Array(repeating: .integer(1), count: 60),
                workloads: Array(repeating: .integer(2), count: 12), targets: Array(repeating: .real(0.5), count: 6), faults: []))
        #expect(seedDay.bytes == 1_456)
    }
}

/// A body that hands over its result early (`RunRecorder.simulated`, `published`): the
/// writer inserts the summary rows, then commits only on the verdict.
@Suite("Recording verdict")
struct RecordingVerdictTests {
    static func header() throws -> RunHeader {
        RunHeader(
            scenario: try RunStoreTests.seed60(), scenarioPath: "scenarios/test.yaml", overrides: [],
            createdAt: "2026-11-25T12:00:00Z", filesWritten: "output/seed/", storePath: "output/plan.sqlite")
    }

    /// The runs in the store, read as `plan runs` reads: a reader that meets the commit
    /// waits for it (the busy timeout).
    static func runs(_ path: String) throws -> Int {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        return try DatabaseQueue(path: path, configuration: configuration).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM runs") ?? -1
        }
    }

    /// Polls `path` until it holds `count` runs or `seconds` pass; whether it did. A store
    /// locked by the writer counts as not there yet: from its first flush to its commit
    /// (`RunWriteback`), the writer holds the file's exclusive lock.
    static func reaches(_ path: String, runs count: Int, within seconds: Double) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            do {
                // No busy timeout: a locked store answers at once (GRDB reads it on opening).
                let reader = try DatabaseQueue(path: path)
                if try reader.read({ db in try Int.fetchOne(db, sql: "SELECT count(*) FROM runs") }) == count { return true }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {}
            Thread.sleep(forTimeInterval: 0.005)
        } while Date() < deadline
        return false
    }

    @Test("after `simulated` the run waits for the verdict; `published` commits it before the body returns")
    func commitsAtPublished() throws {
        let path = try RunStoreTests.folder() + "/plan.sqlite"
        let store = try #require(try RunStore.open(path: path, create: true))
        var beforeVerdict: Bool? = nil
        var atPublished: Bool? = nil
        let id = try store.record(try Self.header()) { recorder in
            var sink = recorder
            let r = try Engine.simulate(try RunStoreTests.seed60(), into: &sink).get()
            recorder.simulated(r)
            // The summary rows go in, but nothing is committed for 0.3 s without a verdict.
            beforeVerdict = try Self.reaches(path, runs: 1, within: 0.3)
            recorder.published()
            // Committed while the body is still running (the old folder's removal, in plan).
            atPublished = try Self.reaches(path, runs: 1, within: 10)
            return r
        }
        #expect(beforeVerdict == false)
        #expect(atPublished == true)
        #expect(id == 1)
        #expect(try RunStoreTests.query(path) { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM kpis WHERE run_id = 1") } ?? 0 > 0)
    }

    /// A failure the body throws after handing over its result.
    struct LateFailure: Error {}

    /// Records the seed's 60 days into a new store whose body hands over its result,
    /// gives the verdict when `publishing`, waits `seconds`, and throws `LateFailure`;
    /// the store's path.
    static func recordFailing(publishing: Bool, waiting seconds: Double) throws -> String {
        let path = try RunStoreTests.folder() + "/plan.sqlite"
        let store = try #require(try RunStore.open(path: path, create: true))
        #expect(throws: LateFailure.self) {
            _ = try store.record(try Self.header()) { recorder in
                var sink = recorder
                let r = try Engine.simulate(try RunStoreTests.seed60(), into: &sink).get()
                recorder.simulated(r)
                if publishing { recorder.published() }
                Thread.sleep(forTimeInterval: seconds)
                throw LateFailure()
            }
        }
        return path
    }

    @Test("`published` is final: a body that fails after it leaves the run recorded, and its error is rethrown")
    func publishedIsFinal() throws {
        let path = try Self.recordFailing(publishing: true, waiting: 0)
        #expect(try Self.runs(path) == 1)
        // Recorded whole: 60 days of the seed's 10 daily rows.
        #expect(try RunStoreTests.query(path) { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM daily WHERE run_id = 1") } == 600)
    }

    @Test("a body that hands over its result and then fails (its files could not be published) records nothing")
    func failureAfterSimulated() throws {
        // 0.3 s for the writer to insert the summary rows and wait for the verdict:
        // without that wait it would commit meanwhile, and the test fail.
        let path = try Self.recordFailing(publishing: false, waiting: 0.3)
        #expect(try Self.runs(path) == 0)
        #expect(try RunStoreTests.query(path) { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM daily_days") } == 0)
        // The store takes the next run as its first.
        let store = try #require(try RunStore.open(path: path, create: false))
        #expect(try RunStoreTests.record(try RunStoreTests.seed60(), in: store).id == 1)
    }
}
