import Foundation
import PlanCore

/// What jobs and targets refer to, gathered before they are read. A name that is present
/// but invalid is still known, so that one mistake is not reported again at every use.
struct References {
    /// Names in file order (for suggestions) and as a set (for look-ups).
    var workloadNames: [String] = []
    var workloadSet: Set<String> = []
    var workloadKinds: [String: WorkloadKind] = [:]
    var targetNames: [String] = []
    var targetSet: Set<String> = []
    var targetKinds: [String: TargetKind] = [:]
    /// `TIER/NAME` → the job's target (as written) and whether it is a Longhorn snapshot.
    var jobs: [String: (target: String?, isSnapshot: Bool)] = [:]
}

extension ScenarioValidator {
    /// Checks the whole document; the `Scenario` when every required value could be read.
    mutating func validate(_ root: YAMLNode) -> Scenario? {
        if root.pairs?.first(where: { $0.key == "version" })?.value.scalarText == "2" { version = 2 }
        guard let top = fields(root, anchor: root, path: "", allowed: Schema.topLevel, what: "top-level keys") else {
            return nil
        }
        let header = self.header(top)
        for key in Schema.requiredKeys(Schema.topLevelKeys) { required(top, key) }

        var references = References()
        var workloads: [Workload] = []
        var growthNodes: [String: YAMLNode] = [:]
        for entry in namedEntries(top, "workloads", noun: "workload") ?? [] {
            references.workloadNames.append(entry.key)
            references.workloadSet.insert(entry.key)
            if let workload = workload(entry, references: &references) {
                workloads.append(workload)
                growthNodes[entry.key] = entry.value.pairs?.first { $0.key == "growth" }?.value
            }
        }
        let restore = restoreSpeeds(top)
        let kpis = kpiLimits(top)

        let targetEntries = namedEntries(top, "targets", noun: "target") ?? []
        for entry in targetEntries {
            references.targetNames.append(entry.key)
            references.targetSet.insert(entry.key)
            let kind = entry.value.pairs?.first { $0.key == "kind" }?.value.scalarText.flatMap(TargetKind.init(rawValue:))
            if let kind { references.targetKinds[entry.key] = kind }
        }
        let (cnpg, velero, longhorn) = jobs(top, references: &references)
        var targets: [Target] = []
        for entry in targetEntries {
            if let target = target(entry, references: references, defaultAlert: kpis.capacityAlert) { targets.append(target) }
        }

        if let horizonDays = header.horizonDays {
            for workload in workloads {
                checkModelLimit(workload, growthNode: growthNodes[workload.name], start: header.start, days: horizonDays)
            }
            let schedules =
                cnpg.map { ("backups.cnpg.\($0.name).schedule", $0.schedule) }
                + velero.map { ("backups.velero.\($0.name).schedule", $0.schedule) }
                + longhorn.map { ("backups.longhorn.\($0.name).schedule", $0.schedule) }
            for (path, schedule) in schedules { checkRunCount(path, schedule, start: header.start, days: horizonDays) }
        }

        // Faults need only the start and the names of jobs and targets: read with the rest,
        // so that their errors come with the others'.
        let faults = self.faults(top, start: header.start, references: references)

        guard let horizonDays = header.horizonDays, diagnostics.isEmpty else { return nil }
        var scenario = Scenario(
            version: version, name: header.name, description: header.description, start: header.start, horizonDays: horizonDays,
            currency: header.currency, workloads: workloads, cnpg: cnpg, velero: velero, longhorn: longhorn, targets: targets,
            restore: restore, kpis: kpis)
        // Drills refer to jobs, their workloads and the targets that hold them: read last,
        // against the scenario as built.
        scenario.drills = drills(top, scenario: scenario, references: references)
        for drill in scenario.drills { checkRunCount("drills.\(drill.name).schedule", drill.schedule, start: header.start, days: horizonDays) }
        scenario.faults = faults.sorted { $0.name < $1.name }
        scenario.hasFaultKeys = Self.usesFaultKeys(top)
        return diagnostics.isEmpty ? scenario : nil
    }

    /// The top-level scalars: `version`, `name`, `description`, `start`, `horizon`,
    /// `currency`, and the check that the run ends by the year 9999.
    mutating func header(_ top: Fields) -> (name: String, description: String?, start: CivilDate, horizonDays: Int?, currency: String) {
        if let (text, node) = text(top, "version", expected: "1 or 2"), text != "1", text != "2" {
            error(node, "version", "unsupported version '\(text)'; this plan reads versions 1 and 2")
        }
        let name = scenarioName(top)
        let description = top["description"] == nil ? nil : string(top, "description")
        let start = parsed(top, "start", expected: "a date such as '2026-01-01'", ValueSyntax.date) ?? options.today
        let horizonDays = horizon(top)
        var currency = ScenarioDefaults.currency
        if let (text, node) = text(top, "currency", expected: "a currency label such as 'USD'") {
            if text.trimmingSpaces().isEmpty {
                error(node, "currency", "expected a currency label such as 'USD', found an empty text")
            } else {
                currency = text
            }
        }
        if let days = horizonDays, start.adding(days: days - 1).year > 9999, let node = top["start"]?.value ?? top["horizon"]?.value {
            error(node, top["start"] != nil ? "start" : "horizon", "the simulation would run past the year 9999")
        }
        return (name, description, start, horizonDays, currency)
    }

    /// `backups`: the jobs of the three tiers, each in the order of the file's names.
    mutating func jobs(_ top: Fields, references: inout References) -> ([CNPGJob], [VeleroJob], [LonghornJob]) {
        var cnpg: [CNPGJob] = []
        var velero: [VeleroJob] = []
        var longhorn: [LonghornJob] = []
        guard let pair = top["backups"],
            let tiers = fields(pair.value, anchor: pair.keyNode, path: "backups", allowed: Schema.tiers, what: "backup tiers")
        else { return (cnpg, velero, longhorn) }
        let cnpgEntries = namedEntries(tiers, "cnpg", noun: "cnpg job") ?? []
        let veleroEntries = namedEntries(tiers, "velero", noun: "velero job") ?? []
        let longhornEntries = namedEntries(tiers, "longhorn", noun: "longhorn job") ?? []
        for entry in cnpgEntries {
            if let job = cnpgJob(entry, references: &references) { cnpg.append(job) }
        }
        for entry in veleroEntries {
            if let job = veleroJob(entry, references: &references) { velero.append(job) }
        }
        for entry in longhornEntries {
            if let job = longhornJob(entry, references: &references) { longhorn.append(job) }
        }
        return (cnpg, velero, longhorn)
    }

    /// `name`, or the file name when it is a valid name; otherwise an error at 1:1.
    mutating func scenarioName(_ top: Fields) -> String {
        if let (text, node) = text(top, "name", expected: "a name") {
            checkName(text, at: node, path: "name")
            return text
        }
        if top["name"] == nil, !Self.isValidName(options.defaultName) {
            let start = YAMLNode(content: .scalar("", isNull: true), origin: .file(line: 1, column: 1))
            error(
                start, "name", "the file name '\(options.defaultName)' is not a valid scenario name (\(Self.nameRule))",
                suggestion: "add 'name:' to the file")
        }
        return options.defaultName
    }

    /// Whole days simulated: the duration rounded down, 1 … 36,500 (100 years).
    mutating func horizon(_ top: Fields) -> Int? {
        guard let pair = top["horizon"] else { return ScenarioDefaults.horizonDays }
        if let text = pair.value.scalarText, ValueSyntax.exceedsLongestDuration(text) {
            error(pair.value, "horizon", "\(pair.value.found) is longer than 100 years (36,500 days)")
            return nil
        }
        guard let seconds = duration(top, "horizon"), let node = top["horizon"]?.value else { return nil }
        let days = (seconds.value / 86_400).rounded(.down)
        if days < 1 {
            error(node, "horizon", "\(node.found) is shorter than one day", suggestion: "simulate at least '1d'")
            return nil
        }
        if days > 36_500 {
            error(node, "horizon", "\(node.found) is longer than 100 years (36,500 days)")
            return nil
        }
        return Int(days)
    }

    /// `workloads.NAME`.
    mutating func workload(_ entry: YAMLPair, references: inout References) -> Workload? {
        let path = "workloads." + entry.key
        guard
            let f = fields(entry.value, anchor: entry.keyNode, path: path, allowed: Schema.workload, what: "workload keys")
        else { return nil }
        for key in Schema.requiredKeys(Schema.workloadKeys) { required(f, key) }
        let kind = word(f, "kind", among: Schema.workloadKinds).flatMap(WorkloadKind.init(rawValue:))
        if let kind { references.workloadKinds[entry.key] = kind }
        let size = size(f, "size")
        var growth = rate(f, "growth", allowNegative: true)
        if case .relative(let fraction, _)? = growth, fraction <= -1, let node = f["growth"]?.value {
            error(node, f.path("growth"), "a relative growth of -100% per period or less is not allowed, found \(node.found)")
            growth = nil
        }
        let churn = rate(f, "churn", allowNegative: false)
        var wal: Rate?
        if let pair = f["wal"] {
            if kind == .volume {
                error(
                    pair.keyNode, f.path("wal"), "'wal' applies only to postgres workloads, and '\(entry.key)' is a volume",
                    suggestion: "remove it")
            } else {
                wal = rate(f, "wal", allowNegative: false)
            }
        }
        let volume = positiveSize(f, "volume")
        var walVolume: ByteCount?
        var maxWALSize: ByteCount?
        for key in ["wal_volume", "max_wal_size"] {
            guard let pair = f[key] else { continue }
            if kind == .volume {
                error(
                    pair.keyNode, f.path(key), "'\(key)' applies only to postgres workloads, and '\(entry.key)' is a volume",
                    suggestion: "remove it")
            } else if key == "wal_volume" {
                walVolume = positiveSize(f, key)
            } else {
                maxWALSize = positiveSize(f, key)
            }
        }
        let series = workloadSeries(f)
        guard let kind, let size else { return nil }
        return Workload(
            name: entry.key, kind: kind, size: size, growth: growth ?? ScenarioDefaults.growth, churn: churn ?? ScenarioDefaults.churn, wal: wal,
            volume: volume, walVolume: walVolume, maxWALSize: maxWALSize ?? ScenarioDefaults.maxWALSize, series: series)
    }

    /// A size above 0 (`volume`, `wal_volume`, `max_wal_size`).
    mutating func positiveSize(_ f: Fields, _ key: String) -> ByteCount? {
        guard let value = size(f, key) else { return nil }
        if value.bytes <= 0, let node = f[key]?.value {
            error(node, f.path(key), "expected a size above 0, found \(node.found)")
            return nil
        }
        return value
    }

    /// True when the file uses a fault key (scenario.md `faults`: the outputs then gain
    /// faults.csv and the fault KPI rows): `faults`, even empty, a workload's `wal_volume`
    /// or `max_wal_size`, or `kpis.success_rate` or `kpis.wal_tolerance`.
    static func usesFaultKeys(_ top: Fields) -> Bool {
        func has(_ node: YAMLNode?, _ keys: [String]) -> Bool { node?.pairs?.contains { keys.contains($0.key) } ?? false }
        let workloads = top["workloads"]?.value.pairs ?? []
        return top["faults"] != nil || has(top["kpis"]?.value, ["success_rate", "wal_tolerance"])
            || workloads.contains { has($0.value, ["wal_volume", "max_wal_size"]) }
    }

    /// `restore`: absolute rates, converted from bytes per day to bytes per second.
    mutating func restoreSpeeds(_ top: Fields) -> RestoreSpeeds {
        var speeds = RestoreSpeeds()
        guard let pair = top["restore"],
            let f = fields(pair.value, anchor: pair.keyNode, path: "restore", allowed: Schema.restore, what: "restore keys")
        else { return speeds }
        if let bandwidth = absoluteRate(f, "bandwidth") { speeds.bandwidthBytesPerSecond = bandwidth }
        if let walReplay = absoluteRate(f, "wal_replay") { speeds.walReplayBytesPerSecond = walReplay }
        if let free = size(f, "egress_free") { speeds.egressFree = free }
        return speeds
    }

    /// An absolute rate above 0, in bytes per second.
    mutating func absoluteRate(_ f: Fields, _ key: String) -> Double? {
        guard let rate = rate(f, key, allowNegative: false), let node = f[key]?.value else { return nil }
        switch rate {
        case .absolute(let bytesPerDay) where bytesPerDay > 0:
            return bytesPerDay / 86_400
        case .absolute:
            error(node, f.path(key), "expected a rate above 0 such as '100MiB/s', found \(node.found)")
        case .relative:
            error(
                node, f.path(key), "expected an absolute rate such as '100MiB/s', found a share of the size, \(node.found)")
        }
        return nil
    }

    /// `kpis`.
    mutating func kpiLimits(_ top: Fields) -> KPILimits {
        var limits = KPILimits()
        guard let pair = top["kpis"],
            let f = fields(pair.value, anchor: pair.keyNode, path: "kpis", allowed: Schema.kpis, what: "KPI keys")
        else { return limits }
        limits.monthlyBudget = money(f, "monthly_budget")
        limits.rpo = duration(f, "rpo")
        limits.rto = duration(f, "rto")
        limits.efficiency = percent(f, "efficiency")
        limits.mttr = duration(f, "mttr")
        limits.successRate = percent(f, "success_rate")
        limits.walTolerance = duration(f, "wal_tolerance")
        if let alert = percent(f, "capacity_alert") { limits.capacityAlert = alert }
        if let alert = percent(f, "volume_alert") { limits.volumeAlert = alert }
        return limits
    }

    /// Bounded time and memory: a schedule may fire at most `Engine.maximumRunsPerJob` times
    /// within the horizon (a CNPG `* * * * * *` over a year would be 31 million runs).
    mutating func checkRunCount(_ path: String, _ schedule: CronSchedule, start: CivilDate, days: Int) {
        let limit = Engine.maximumRunsPerJob
        let fires = schedule.fireTimes(start: start, horizonSeconds: Int64(days) * 86_400, limit: limit)
        guard fires.count > limit, let node = scheduleNodes[path] else { return }
        error(
            node, path,
            "'\(schedule.text)' fires more than \(Format.grouped(limit)) times within the horizon; at most \(Format.grouped(limit)) runs per job are simulated",
            suggestion: "use a less frequent schedule or a shorter horizon")
    }

    /// model.md "Workloads": every size within the horizon stays at or below 2^70 bytes.
    /// Reports the first day (0-based) whose end-of-day size passes it, at `growth`.
    mutating func checkModelLimit(_ workload: Workload, growthNode: YAMLNode?, start: CivilDate, days: Int) {
        guard let day = Self.firstDayPastModelLimit(size: workload.size.bytes, growth: workload.growth, days: days),
            let growthNode
        else { return }
        error(
            growthNode, "workloads.\(workload.name).growth",
            "workload '\(workload.name)' grows past 2^70 bytes (1 ZiB), the most the model handles, on day \(day) (\(start.adding(days: day)))",
            suggestion: "lower the growth or shorten the horizon")
    }

    /// The first day `d` in `0 ..< days` whose end-of-day size `size(86400·(d+1))` passes
    /// `ByteCount.modelLimit`, or `nil`. Sizes only grow with a positive rate, so the test
    /// is monotonic and a binary search finds the day.
    static func firstDayPastModelLimit(size s0: Double, growth: Rate, days: Int) -> Int? {
        let limit = ByteCount.modelLimit.bytes
        let sizeAtEndOfDay: (Int) -> Double
        switch growth {
        case .absolute(let perDay):
            guard perDay > 0 else { return nil }
            sizeAtEndOfDay = { d in s0 + perDay * Double(d + 1) }
        case .relative(let fraction, let periodDays):
            guard fraction > 0, periodDays > 0, s0 > 0 else { return nil }
            let q = pow(1 + fraction, 1 / periodDays)
            sizeAtEndOfDay = { d in s0 * pow(q, Double(d + 1)) }
        }
        guard days >= 1, !(sizeAtEndOfDay(days - 1) <= limit) else { return nil }
        var low = 0
        var high = days - 1
        while low < high {
            let mid = (low + high) / 2
            if sizeAtEndOfDay(mid) <= limit { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
