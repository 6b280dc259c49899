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

    @Test("the simulation waits once 1 MiB of numbers is queued, not after a count of days")
    func boundInNumbers() throws {
        // StoreNumber's stride is 16 bytes (a 9-byte payload and tag), so 1 MiB is
        // 2^20 / 16 = 65,536 numbers. Days of 100 numbers: after k pushes 100k are queued,
        // and a push goes in while fewer than 65,536 are, so pushes 1…656 go in
        // (100 × 655 = 65,500 < 65,536) and the 657th waits (65,600 ≥ 65,536). The old
        // bound of 64 days would stop at 64.
        #expect(MemoryLayout<StoreNumber>.stride == 16)
        #expect(RunChannel.capacity == 65_536)
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
        #expect(settled(at: 656) == 656)
        // The writer takes them all: the simulation goes on, and stops at 656 more.
        let batch = try #require(channel.take())
        #expect(batch.count == 656)
        #expect(settled(at: 1_312) == 1_312)
        // A writer that stops lets the simulation run to its end, its days dropped.
        channel.finish(.success(nil))
        #expect(settled(at: 2_000) == 2_000)
    }

    @Test("a day without numbers still counts one toward the bound")
    func emptyDaysCount() {
        // Each counts 1, so 65,536 of them fill the queue: the 65,537th waits.
        #expect(Self.day(0, numbers: 0).count == 1)
        #expect(Self.day(0, numbers: 7).count == 7)
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

    /// Polls `path` until it holds `count` runs or `seconds` pass; whether it did.
    static func reaches(_ path: String, runs count: Int, within seconds: Double) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if try runs(path) == count { return true }
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

    @Test("a body that hands over its result and then fails (its files could not be published) records nothing")
    func failureAfterSimulated() throws {
        struct PublishFailed: Error {}
        let path = try RunStoreTests.folder() + "/plan.sqlite"
        let store = try #require(try RunStore.open(path: path, create: true))
        #expect(throws: PublishFailed.self) {
            _ = try store.record(try Self.header()) { recorder in
                var sink = recorder
                let r = try Engine.simulate(try RunStoreTests.seed60(), into: &sink).get()
                recorder.simulated(r)
                throw PublishFailed()
            }
        }
        #expect(try Self.runs(path) == 0)
        #expect(try RunStoreTests.query(path) { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM daily_values") } == 0)
        // The store takes the next run as its first.
        #expect(try RunStoreTests.record(try RunStoreTests.seed60(), in: store).id == 1)
    }
}
