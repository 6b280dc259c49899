@testable import PlanCore

/// Random faults on the random version 2 scenarios (model.md "Version 2: faults"): every
/// kind, windows of random length (some of whole days, from and to exact midnights),
/// overlapping windows of the same kind on the same job, windows partly or wholly outside
/// the horizon `[0, 86400·H)`, and `retention-stops` or `maintenance-stops` for ever.
extension RandomScenario {
    /// Every job of `s`, `TIER/NAME`, with its own target.
    static func jobs(_ s: Scenario) -> [(job: String, target: String)] {
        s.longhorn.map { ("longhorn/\($0.name)", $0.target) } + s.velero.map { ("velero/\($0.name)", $0.target) }
            + s.cnpg.map { ("cnpg/\($0.name)", $0.target) }
    }

    /// A random window `[from, until)`, seconds since the start, for a horizon of `days`
    /// days: starts at a midnight, an hour boundary or any second, before the start or after
    /// the horizon; lasts minutes to weeks, or ends exactly at a midnight.
    static func window(days: Int, forEver: Bool, using g: inout SplitMix) -> (from: Double, until: Double?) {
        let horizon = Double(days) * 86_400
        let from: Double
        switch Int.random(in: 0..<6, using: &g) {
        case 0: from = Double(Int.random(in: 0...days, using: &g)) * 86_400
        case 1: from = Double(Int.random(in: 0..<(days * 24), using: &g)) * 3600
        case 2: from = -Double(Int.random(in: 1...(3 * 86_400), using: &g))
        case 3: from = horizon - Double(Int.random(in: 1...(2 * 86_400), using: &g))
        default: from = Double(Int.random(in: 0..<Int(horizon), using: &g))
        }
        if forEver && Int.random(in: 0..<4, using: &g) == 0 { return (from, nil) }
        let until: Double
        switch Int.random(in: 0..<5, using: &g) {
        case 0: until = ((from / 86_400).rounded(.down) + Double(Int.random(in: 1...10, using: &g))) * 86_400
        case 1: until = from + Double(Int.random(in: 1...5, using: &g)) * 86_400
        case 2: until = from + Double(Int.random(in: 60...(6 * 3600), using: &g))
        case 3: until = from + Double(Int.random(in: 1...(40 * 86_400), using: &g))
        default: until = from + Double(Int.random(in: 1...(3 * 86_400), using: &g))
        }
        return (from, until)
    }

    /// One to six random faults of the `kinds` given on the jobs and targets of `s`, some of
    /// them overlapping copies of another (same kind, same job, a shifted window).
    static func faults(for s: Scenario, seed: UInt64, kinds: [FaultKind] = FaultKind.allCases) -> [Fault] {
        var g = SplitMix(state: seed ^ 0xFA17_FA17_0000_0001)
        let all = jobs(s)
        var faults: [Fault] = []
        for i in 0..<Int.random(in: 1...6, using: &g) {
            let kind = kinds[Int.random(in: 0..<kinds.count, using: &g)]
            let candidates: [String]
            switch kind {
            case .runsFail, .retentionStops: candidates = all.map(\.job)
            case .archiveDown: candidates = all.map(\.job).filter { $0.hasPrefix("cnpg/") }
            case .maintenanceStops: candidates = all.map(\.job).filter { $0.hasPrefix("velero/") }
            case .targetDown: candidates = ["m", "s", "s", "m", "r"]
            }
            guard !candidates.isEmpty else { continue }
            let subject = candidates[Int.random(in: 0..<candidates.count, using: &g)]
            let forEver = kind == .retentionStops || kind == .maintenanceStops
            let w = window(days: s.horizonDays, forEver: forEver, using: &g)
            func fault(_ name: String, _ from: Double, _ until: Double?) -> Fault {
                kind == .targetDown
                    ? Fault(name: name, kind: kind, target: subject, from: from, until: until)
                    : Fault(name: name, kind: kind, job: subject, from: from, until: until)
            }
            faults.append(fault("f\(i)", w.from, w.until))
            // An overlapping (or exactly adjacent) window of the same kind on the same subject.
            if let until = w.until, Int.random(in: 0..<3, using: &g) == 0 {
                let from = Bool.random(using: &g) ? until : w.from + (until - w.from) / 2
                faults.append(fault("f\(i)b", from, from + Double(Int.random(in: 1...(2 * 86_400), using: &g))))
            }
        }
        return faults
    }

    /// `makeVersion2` with random faults of `kinds`.
    static func makeFaults(seed: UInt64, kinds: [FaultKind] = FaultKind.allCases) -> Scenario {
        var s = makeVersion2(seed: seed)
        s.faults = faults(for: s, seed: seed, kinds: kinds).sorted { $0.name < $1.name }
        s.hasFaultKeys = true
        return s
    }

    /// The same scenario without its faults, keeping the fault keys (faults.csv rows).
    static func withoutFaults(_ s: Scenario) -> Scenario {
        var t = s
        t.faults = []
        t.hasFaultKeys = true
        return t
    }
}
