import Foundation
import GRDB
import Testing

@testable import PlanCore
@testable import PlanIO
@testable import PlanStore

/// Stores changed from outside: refused with a message, never a crash or a hang.
@Suite("Damaged and foreign stores")
struct DamagedStoreTests {
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
}

extension DamagedStoreTests {
    @Test("a symbolic link to a pipe given as the store is refused, not waited on")
    func linkToFifo() throws {
        let dir = try RunStoreTests.folder()
        let fifo = dir + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let link = dir + "/plan.sqlite"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fifo)
        // Before, the check looked at the link, then opening the pipe blocked for ever.
        #expect(throws: PlanIOError.self) { try RunStore.open(path: link, create: false) }
    }
}
