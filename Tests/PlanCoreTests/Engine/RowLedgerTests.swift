import Testing

@testable import PlanCore

@Suite("RowLedger: deleted bytes")
struct RowLedgerTests {
    /// model.md "Rows, lots and deleted bytes": `deleted(d) = max(0, stored(d−1) + uploaded(d)
    /// − stored(d))` for every row, and for a Longhorn `snapshot` row or a snapshot-target row
    /// (bytes that grow without uploads) that is the decrease of its bytes. By hand: stored
    /// 0 → 10 → 4 → 4 GiB with no uploads gives deleted 0, 0, 6, 0 GiB.
    @Test("a row without uploads deletes the decrease of its bytes")
    func decreaseWithoutUploads() {
        let gib = 1_073_741_824.0
        var ledger = RowLedger(horizonDays: 4)
        let deleted = [0.0, 10, 4, 4].enumerated().map { d, stored in ledger.record(day: d, stored: stored * gib, uploaded: 0).bytes / gib }
        #expect(deleted == [0, 0, 6, 0])
        #expect(ledger.current == 0)  // nothing uploaded: no lot, nothing current in the stream
    }

    /// By hand: upload 5 GiB on day 0 and 3 GiB on day 1, stored 5 then 6: deleted(1) = 5 + 3 −
    /// 6 = 2 GiB, taken from the day 0 lot (FIFO), so 3 GiB of lot 0 and all of lot 1 are current.
    @Test("an uploaded row deletes its oldest bytes")
    func fifo() {
        let gib = 1_073_741_824.0
        var ledger = RowLedger(horizonDays: 2)
        #expect(ledger.record(day: 0, stored: 5 * gib, uploaded: 5 * gib).bytes == 0)
        #expect(ledger.record(day: 1, stored: 6 * gib, uploaded: 3 * gib).bytes == 2 * gib)
        #expect(ledger.bytesAndDays(from: ledger.deleted, to: 8 * gib, days: 0, 0).bytes == 3 * gib)
        #expect(ledger.bytesAndDays(from: ledger.deleted, to: 8 * gib, days: 1, 1).bytes == 3 * gib)
    }
}
