import Foundation
import GRDB
import Testing

@testable import PlanCore
@testable import PlanIO

/// Inputs found by review that used to trap, hang or produce broken output.
@Suite("Review regressions")
struct ReviewRegressionTests {
    @Test("characters XML does not allow are replaced in the report's text")
    func xmlText() {
        // U+FFFE and DEL (U+007F) become U+FFFD; markup characters become references.
        #expect(XMLText.escape("a\u{FFFE}b\u{7F}c<&>") == "a\u{FFFD}b\u{FFFD}c&lt;&amp;&gt;")
    }

    @Test("an axis for the largest money amounts stays finite")
    func hugeAxis() {
        // 1.7e308 rounded up to a nice step would be 2e308: infinite. The axis caps at 1e300.
        let axis = ValueAxis(unit: .money(currency: "USD"), maximum: 1.7e308)
        #expect(axis.top.isFinite && axis.step.isFinite && !axis.ticks.isEmpty)
    }

    @Test("a value changed by hand to another type is a damaged store, not a crash")
    func handEdited() throws {
        let dir = try RunStoreTests.folder()
        let path = dir + "/plan.sqlite"
        do {
            let store = try #require(try RunStore.open(path: path, create: true))
            _ = try RunStoreTests.record(try RunStoreTests.seed60(), in: store)
        }
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "UPDATE runs SET horizon_days = '365 days'") }
        let store = try #require(try RunStore.open(path: path, create: false))
        #expect(throws: PlanIOError.self) { try store.runs(limit: nil, scenario: nil) }
        #expect(throws: PlanIOError.self) { try store.run(1) }
    }

    @Test("a pipe given as the store is refused, not waited on")
    func fifo() throws {
        let dir = try RunStoreTests.folder()
        let path = dir + "/fifo.sqlite"
        #expect(mkfifo(path, 0o600) == 0)
        #expect(throws: PlanIOError.self) { try RunStore.open(path: path, create: false) }
    }

    @Test("temporary files of a killed run are removed by the next run; a live process's are kept")
    func staleTemporaryFiles() throws {
        let dir = try RunStoreTests.folder()
        // A process that has exited: its pid names no process any more.
        let done = Process()
        done.executableURL = URL(fileURLWithPath: "/bin/true")
        try done.run()
        done.waitUntilExit()
        let stale = dir + "/.daily.csv.tmp-\(done.processIdentifier)"
        let live = dir + "/.kpis.csv.tmp-\(ProcessInfo.processInfo.processIdentifier)"
        #expect(FileManager.default.createFile(atPath: stale, contents: Data("half".utf8)))
        #expect(FileManager.default.createFile(atPath: live, contents: Data("busy".utf8)))
        StreamingFile.removeStale(in: dir)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: live))
    }
}
