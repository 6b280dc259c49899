/// The windows of a scenario's faults, by effect and job (model.md "Version 2: faults",
/// "Windows"): half-open `[a, b)` in simulation seconds, the union of every fault with
/// the same effect on the same job, a `target-down` counting for each job on its target.
struct FaultWindows {
    /// A merged, sorted list of disjoint half-open windows.
    struct Windows: Sendable {
        var spans: [(from: Double, until: Double)] = []

        /// The union of `spans` (`until` `.infinity`: for ever).
        init(_ spans: [(from: Double, until: Double)] = []) {
            for s in spans.sorted(by: { $0.from < $1.from }) where s.until > s.from {
                if let last = self.spans.last, s.from <= last.until {
                    self.spans[self.spans.count - 1].until = max(last.until, s.until)
                } else {
                    self.spans.append(s)
                }
            }
        }

        /// True when `t` is inside a window (`a ≤ t < b`).
        func contains(_ t: Double) -> Bool {
            // Binary search: the last window starting at or before t.
            var lo = 0, hi = spans.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if spans[mid].from <= t { lo = mid + 1 } else { hi = mid }
            }
            return lo > 0 && t < spans[lo - 1].until
        }

        var isEmpty: Bool { spans.isEmpty }

        /// The window `t` is in (`a ≤ t < b`), if any.
        func span(containing t: Double) -> (from: Double, until: Double)? {
            var lo = 0, hi = spans.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if spans[mid].from <= t { lo = mid + 1 } else { hi = mid }
            }
            return lo > 0 && t < spans[lo - 1].until ? spans[lo - 1] : nil
        }

        /// `t`, or the end of the window it is in (a deletion postponed to the window's end).
        func postponed(_ t: Double) -> Double {
            var lo = 0, hi = spans.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if spans[mid].from <= t { lo = mid + 1 } else { hi = mid }
            }
            return lo > 0 && t < spans[lo - 1].until ? spans[lo - 1].until : t
        }
    }

    /// Per job (`TIER/NAME`): where its scheduled runs fail (`runs-fail`, and `target-down`
    /// of its own target).
    var runsFail: [String: Windows] = [:]
    /// Per CNPG job: where archiving is down (`archive-down`, and `target-down`).
    var archiveDown: [String: Windows] = [:]
    /// Per job: where it deletes nothing (`retention-stops`, and `target-down`).
    var retentionStops: [String: Windows] = [:]
    /// Per Velero job: where Kopia maintenance does not run (`maintenance-stops`, and `target-down`).
    var maintenanceStops: [String: Windows] = [:]
    /// Per target: where it is down (`target-down`): drills reading it fail.
    var targetDown: [String: Windows] = [:]

    init(_ s: Scenario) {
        var fail: [String: [(Double, Double)]] = [:]
        var archive: [String: [(Double, Double)]] = [:]
        var retention: [String: [(Double, Double)]] = [:]
        var maintenance: [String: [(Double, Double)]] = [:]
        var down: [String: [(Double, Double)]] = [:]
        let ownTarget =
            s.cnpg.map { ("cnpg/\($0.name)", $0.target) } + s.velero.map { ("velero/\($0.name)", $0.target) }
            + s.longhorn.map { ("longhorn/\($0.name)", $0.target) }
        for f in s.faults {
            let span = (f.from, f.until ?? .infinity)
            switch f.kind {
            case .runsFail:
                if let job = f.job { fail[job, default: []].append(span) }
            case .archiveDown:
                if let job = f.job { archive[job, default: []].append(span) }
            case .targetDown:
                if let target = f.target { down[target, default: []].append(span) }
                for (job, target) in ownTarget where target == f.target {
                    fail[job, default: []].append(span)
                    retention[job, default: []].append(span)
                    if job.hasPrefix("cnpg/") { archive[job, default: []].append(span) }
                    if job.hasPrefix("velero/") { maintenance[job, default: []].append(span) }
                }
            case .retentionStops:
                if let job = f.job { retention[job, default: []].append(span) }
            case .maintenanceStops:
                if let job = f.job { maintenance[job, default: []].append(span) }
            }
        }
        retentionStops = retention.mapValues { Windows($0.map { (from: $0.0, until: $0.1) }) }
        maintenanceStops = maintenance.mapValues { Windows($0.map { (from: $0.0, until: $0.1) }) }
        targetDown = down.mapValues { Windows($0.map { (from: $0.0, until: $0.1) }) }
        runsFail = fail.mapValues { Windows($0.map { (from: $0.0, until: $0.1) }) }
        archiveDown = archive.mapValues { Windows($0.map { (from: $0.0, until: $0.1) }) }
    }

    /// True when the run of `job` at `t` fails: inside a `runs-fail` window, or for a CNPG
    /// base backup inside an `archive-down` window (`pg_backup_stop` waits for the archive).
    func fails(_ job: String, at t: Double) -> Bool {
        (runsFail[job]?.contains(t) ?? false) || (archiveDown[job]?.contains(t) ?? false)
    }
}
