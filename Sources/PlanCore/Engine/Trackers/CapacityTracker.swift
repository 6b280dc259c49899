/// The peak use of each target and the days it crossed its alert and its capacity
/// (model.md "KPIs": `capacity_alert`, `capacity_full`).
struct CapacityTracker {
    /// Per target: its `usable` capacity, bytes; nil when it has none.
    let usable: [Double?]
    /// Per target: `alert` × `usable`, bytes; nil without a capacity.
    let alertLimit: [Double?]
    /// Per target: the most bytes used at a day's end.
    var peak: [Double]
    /// Per target: the first day of `peak`, days since start.
    var peakDay: [Int?]
    /// Per target: the first day use exceeded `alertLimit`, days since start.
    var alert: [Int?]
    /// Per target: the first day use exceeded `usable`, days since start.
    var full: [Int?]

    init(_ targets: [Target]) {
        usable = targets.map { $0.usable?.bytes }
        alertLimit = targets.map { t in t.usable.map { $0.bytes * t.alert.fraction } }
        peak = Array(repeating: 0, count: targets.count)
        peakDay = Array(repeating: nil, count: targets.count)
        alert = Array(repeating: nil, count: targets.count)
        full = Array(repeating: nil, count: targets.count)
    }

    /// Records target `t` at the end of day `d` with `used` bytes.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    mutating func record(day d: Int, target t: Int, used: Double) {
        if used > peak[t] || peakDay[t] == nil {
            peak[t] = used
            peakDay[t] = d
        }
        if let a = alertLimit[t], alert[t] == nil, used > a { alert[t] = d }
        if let u = usable[t], full[t] == nil, used > u { full[t] = d }
    }

    /// Records target `t` on the days from `first` on, `used[i]` bytes at the end of day
    /// `first + i`: the same as one `record(day:target:used:)` a day, in order.
    ///
    /// - Complexity: O(days).
    @inline(__always)
    mutating func record(target t: Int, from first: Int, used: UnsafeBufferPointer<Double>) {
        guard !used.isEmpty else { return }
        // `record`'s three tests, each its own pass: the peak is the first day of the most
        // bytes (the first day recorded, then each day above the peak so far), the alert
        // and full days the first above their limits.
        var peak = self.peak[t]
        var peakDay = self.peakDay[t]
        var next = 0
        if peakDay == nil {
            peak = used[0]
            peakDay = first
            next = 1
        }
        for i in next..<used.count where used[i] > peak {
            peak = used[i]
            peakDay = first + i
        }
        self.peak[t] = peak
        self.peakDay[t] = peakDay
        if alert[t] == nil, let a = alertLimit[t], let i = used.firstIndex(where: { $0 > a }) { alert[t] = first + i }
        if full[t] == nil, let u = usable[t], let i = used.firstIndex(where: { $0 > u }) { full[t] = first + i }
    }

    /// The `capacity_alert` rows, then the `capacity_full` rows, of every target with a
    /// capacity; and one summary per target, with the capacity it needs to stay below its
    /// alert at its peak (raw bytes for MinIO: `drives / (drives − parity)` per byte).
    func results(_ s: Scenario) -> (kpis: [KPIRow], targets: [TargetSummary]) {
        func date(_ d: Int?) -> CivilDate? { d.map { s.start.adding(days: $0) } }
        var alerts: [KPIRow] = []
        var fulls: [KPIRow] = []
        var targets: [TargetSummary] = []
        for i in s.targets.indices {
            var needed: ByteCount? = nil
            if let u = s.targets[i].usable {
                let share = s.targets[i].alert.fraction
                alerts.append(
                    KPIRow(
                        kpi: .capacityAlert, subject: s.targets[i].name, limit: u.bytes * share, worst: peak[i], unit: .bytes,
                        status: alert[i] == nil ? .pass : .fail, firstFailure: date(alert[i])))
                fulls.append(
                    KPIRow(
                        kpi: .capacityFull, subject: s.targets[i].name, limit: u.bytes, worst: peak[i], unit: .bytes,
                        status: full[i] == nil ? .pass : .fail, firstFailure: date(full[i])))
                let perRaw = s.targets[i].kind == .minio ? Double(s.targets[i].drives) / Double(s.targets[i].drives - s.targets[i].parity) : 1
                needed = share > 0 ? ByteCount(peak[i] / share * perRaw) : nil
            }
            targets.append(
                TargetSummary(
                    name: s.targets[i].name, kind: s.targets[i].kind, usable: s.targets[i].usable, peakUsed: ByteCount(peak[i]),
                    peakDate: date(peakDay[i]),
                    alertDate: date(alert[i]), fullDate: date(full[i]), neededCapacity: needed))
        }
        return (alerts + fulls, targets)
    }
}
