/// The worst RTO of each workload and the first day it failed (model.md "KPIs": `rto`).
///
/// A workload's RTO of a day is the shortest restore time any of its jobs offers at the
/// day's end (`.infinity` when none holds a restore point); it is judged only from the day of
/// the workload's first backup run, before which there is nothing to restore from.
struct RTOTracker {
    /// Per workload: protected by at least one job (only those get an RTO).
    let protected: [Bool]
    /// The `rto` KPI limit, seconds; nil when the scenario sets none.
    let limit: Double?
    /// Per workload: the worst RTO seen since its first run, seconds; `-.infinity` before.
    var worst: [Double]
    /// Per workload: the first day its RTO exceeded `limit`, days since start.
    var firstFailure: [Int?]

    init(protected: [Bool], limit: Double?) {
        self.protected = protected
        self.limit = limit
        worst = Array(repeating: -.infinity, count: protected.count)
        firstFailure = Array(repeating: nil, count: protected.count)
    }

    /// Records day `d`: `rto` is each workload's best offer at the day's end (seconds, nil:
    /// none), `ranYet` whether a job protecting it has run; writes the day's RTO into `rows`.
    ///
    /// - Complexity: O(workloads), no allocation.
    @inline(__always)
    mutating func record(day d: Int, rto: [Double?], ranYet: [Bool], into rows: inout [WorkloadDayValues]) {
        for w in protected.indices where protected[w] {
            let value = rto[w] ?? .infinity
            rows[w].rto = value
            if ranYet[w] {
                if value > worst[w] { worst[w] = value }
                if let limit, value > limit, firstFailure[w] == nil { firstFailure[w] = d }
            }
        }
    }

    /// Judges workload `w` (protected, and run by the first of these days) on the days from
    /// `first` on, `rto[i]` its RTO at the end of day `first + i`, seconds: the same as
    /// `record` day by day, in order.
    ///
    /// - Complexity: O(days).
    @inline(__always)
    mutating func judge(workload w: Int, from first: Int, rto: UnsafeBufferPointer<Double>) {
        // `record`'s two tests, each its own pass: the most seconds, and the first day over the limit.
        var worst = self.worst[w]
        for value in rto where value > worst { worst = value }
        self.worst[w] = worst
        if firstFailure[w] == nil, let limit, let i = rto.firstIndex(where: { $0 > limit }) { firstFailure[w] = first + i }
    }

    /// One `rto` row per workload: never backed up is `inf`, and fails from the start date
    /// when there is a limit.
    func kpiRows(_ s: Scenario, ranYet: [Bool]) -> [KPIRow] {
        s.workloads.indices.map { i in
            let backedUp = protected[i] && ranYet[i]
            let value = backedUp ? worst[i] : .infinity
            var row = KPIRow(kpi: .rto, subject: s.workloads[i].name, limit: limit, worst: value, unit: .seconds, status: .info)
            if limit != nil {
                if backedUp {
                    row.status = firstFailure[i] == nil ? .pass : .fail
                    row.firstFailure = firstFailure[i].map { s.start.adding(days: $0) }
                } else {
                    row.status = .fail
                    row.firstFailure = s.start
                }
            }
            return row
        }
    }
}
