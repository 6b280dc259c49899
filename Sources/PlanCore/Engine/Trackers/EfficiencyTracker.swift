/// The worst storage efficiency of the day and the first day it failed (model.md "KPIs":
/// `efficiency`, `1 − stored / raw` over the bytes on their own object-store targets).
struct EfficiencyTracker {
    /// The value rows counted: on their own object-store target, not replicas, not snapshots.
    let rows: [Int]
    /// The `efficiency` KPI limit (0…1); nil when the scenario sets none.
    let limit: Double?
    /// The lowest efficiency of a day with raw bytes; nil before the first.
    var worst: Double? = nil
    /// The first day below `limit`, days since start.
    var firstFailure: Int? = nil

    /// Records day `d` from the day's job rows; a day without raw bytes counts for nothing.
    ///
    /// - Complexity: O(rows counted), no allocation.
    @inline(__always)
    mutating func record(day d: Int, jobs: [JobDayValues]) {
        var stored = 0.0, raw = 0.0
        for r in rows {
            stored += jobs[r].stored
            raw += jobs[r].raw
        }
        record(day: d, stored: stored, raw: raw)
    }

    /// Records day `d` from the sums over `rows` of its stored and raw bytes.
    @inline(__always)
    mutating func record(day d: Int, stored: Double, raw: Double) {
        guard raw > 0 else { return }
        let e = 1 - stored / raw
        if e < (worst ?? .infinity) { worst = e }
        if let limit, e < limit, firstFailure == nil { firstFailure = d }
    }

    /// Records the days from 0 on, `stored[d]` and `raw[d]` the sums over `rows` of day
    /// `d`: the same as one `record(day:stored:raw:)` a day, in order.
    ///
    /// - Complexity: O(days).
    mutating func record(stored: UnsafeBufferPointer<Double>, raw: UnsafeBufferPointer<Double>) {
        for d in raw.indices { record(day: d, stored: stored[d], raw: raw[d]) }
    }

    /// The one `efficiency` row (`info` when nothing was ever stored or there is no limit).
    func kpiRow(start: CivilDate) -> KPIRow {
        var row = KPIRow(kpi: .efficiency, subject: "all", limit: limit, worst: worst, unit: .share, status: .info)
        if limit != nil, worst != nil {
            row.status = firstFailure == nil ? .pass : .fail
            row.firstFailure = firstFailure.map { start.adding(days: $0) }
        }
        return row
    }
}
