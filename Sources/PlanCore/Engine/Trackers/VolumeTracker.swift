/// The peak size of each workload and the days it filled its volume (model.md "KPIs":
/// `volume_alert`, `volume_full`).
struct VolumeTracker {
    /// Per workload: its `volume`, bytes; nil when it has none.
    let volumes: [Double?]
    /// The `volume_alert` KPI share of a volume (0…1).
    let alertShare: Double
    /// Per workload: the largest size at a day's end, bytes.
    var peak: [Double]
    /// Per workload: the first day its size exceeded `alertShare` of its volume, days since start.
    var alert: [Int?]
    /// Per workload: the first day its size exceeded its volume, days since start.
    var full: [Int?]

    init(_ s: Scenario) {
        volumes = s.workloads.map { $0.volume?.bytes }
        alertShare = s.kpis.volumeAlert.fraction
        peak = Array(repeating: 0, count: s.workloads.count)
        alert = Array(repeating: nil, count: s.workloads.count)
        full = Array(repeating: nil, count: s.workloads.count)
    }

    /// Records workload `w` at the end of day `d` with `size` bytes.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    mutating func record(day d: Int, workload w: Int, size: Double) {
        if size > peak[w] || d == 0 { peak[w] = size }
        if let v = volumes[w] {
            if alert[w] == nil && size > alertShare * v { alert[w] = d }
            if full[w] == nil && size > v { full[w] = d }
        }
    }

    /// Per workload of `s`: the first day it outgrows its volume, from the workload model
    /// alone (the engine's day loop records the same sizes).
    ///
    /// - Complexity: O(H × workloads with a volume), H the horizon in days.
    static func fullDays(_ s: Scenario) -> [Int?] {
        var tracker = VolumeTracker(s)
        for (w, workload) in s.workloads.enumerated() where workload.volume != nil {
            let model = WorkloadModel(workload)
            for d in 0..<s.horizonDays {
                let now = Double(d) * 86_400 + 86_400
                tracker.record(day: d, workload: w, size: model.size(at: now))
                if tracker.full[w] != nil { break }
            }
        }
        return tracker.full
    }

    /// The `volume_alert` rows, then the `volume_full` rows, of every workload with a volume.
    func kpiRows(_ s: Scenario) -> [KPIRow] {
        func date(_ d: Int?) -> CivilDate? { d.map { s.start.adding(days: $0) } }
        var alerts: [KPIRow] = []
        var fulls: [KPIRow] = []
        for i in s.workloads.indices {
            guard let v = s.workloads[i].volume else { continue }
            alerts.append(
                KPIRow(
                    kpi: .volumeAlert, subject: s.workloads[i].name, limit: v.bytes * alertShare, worst: peak[i], unit: .bytes,
                    status: alert[i] == nil ? .pass : .fail, firstFailure: date(alert[i])))
            fulls.append(
                KPIRow(
                    kpi: .volumeFull, subject: s.workloads[i].name, limit: v.bytes, worst: peak[i], unit: .bytes,
                    status: full[i] == nil ? .pass : .fail, firstFailure: date(full[i])))
        }
        return alerts + fulls
    }

    /// One summary per workload: peak size and the days it filled its volume.
    func summaries(_ s: Scenario) -> [WorkloadSummary] {
        s.workloads.indices.map { i in
            WorkloadSummary(
                name: s.workloads[i].name, peakSize: ByteCount(peak[i]), volume: s.workloads[i].volume,
                alertDate: alert[i].map { s.start.adding(days: $0) },
                fullDate: full[i].map { s.start.adding(days: $0) })
        }
    }
}
