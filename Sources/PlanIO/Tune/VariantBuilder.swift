import PlanCore

/// Builds the scenario of each variant of a sweep.
///
/// Every distinct value is validated once, up front, in the context of the scenario as
/// given. When every varied key is *local* (its validity and meaning do not depend on
/// another entity: a retention, a ttl, a schedule, a size, a price…), the variant is the
/// base scenario with the varied workloads, jobs and targets swapped in from those
/// validated copies: no YAML is read per variant. A sweep of a cross-reference (`target`,
/// `volumes`, `kind`, …) or a top-level key (`horizon`) validates each variant in full.
public struct VariantBuilder: Sendable {
    public let sweep: Sweep
    public let base: Scenario
    let document: ScenarioDocument
    let options: LoadOptions
    let mode: Mode
    /// Fire times of every schedule the variants can have (swap mode), searched once.
    public let schedules: ScheduleCache?

    enum Mode: Sendable {
        case swap([Group])
        case full
    }

    /// One entity (workload, job, target, `restore`, `kpis`) and the specs that vary it.
    struct Group: Sendable {
        var entity: EntityRef
        var specs: [Int]
        /// Indexed by the mixed-radix number of the specs' value indices (last fastest).
        var values: [Entity]
    }

    enum EntityRef: Hashable, Sendable {
        case workload(String), cnpg(String), velero(String), longhorn(String), target(String), restore, kpis
    }

    enum Entity: Sendable {
        case workload(Workload), cnpg(CNPGJob), velero(VeleroJob), longhorn(LonghornJob), target(Target)
        case restore(RestoreSpeeds), kpis(KPILimits)
    }

    /// Keys whose validity or meaning depends on other entities.
    static let crossReferenceKeys: Set<String> = ["kind", "task", "workload", "volumes", "target", "replicates", "capacity_alert"]

    /// The entity a path varies, when the path is local; `nil` otherwise.
    static func entity(of path: String) -> EntityRef? {
        let parts = path.split(separator: ".").map(String.init)
        guard let last = parts.last, !crossReferenceKeys.contains(last) else { return nil }
        switch parts.first {
        case "workloads" where parts.count >= 3: return .workload(parts[1])
        case "targets" where parts.count >= 3: return .target(parts[1])
        case "backups" where parts.count >= 4:
            switch parts[1] {
            case "cnpg": return .cnpg(parts[2])
            case "velero": return .velero(parts[2])
            case "longhorn": return .longhorn(parts[2])
            default: return nil
            }
        case "restore" where parts.count >= 2: return .restore
        case "kpis" where parts.count >= 2: return .kpis
        default: return nil
        }
    }

    /// Validates the base scenario and every value of every spec; fails with every problem.
    public static func make(document: ScenarioDocument, options: LoadOptions, specs: [VarySpec], maximumVariants: Int)
        -> Result<VariantBuilder, Diagnostics>
    {
        let base: Scenario
        switch document.scenario(options: options) {
        case .success(let s): base = s
        case .failure(let d): return .failure(d)
        }
        var problems: [Diagnostic] = []
        for (i, spec) in specs.enumerated() where specs[..<i].contains(where: { $0.path == spec.path }) {
            problems.append(
                Diagnostic(
                    at: .option(name: "--vary", value: spec.argument), path: spec.path, "the path is varied twice",
                    suggestion: "list all its values in one --vary"))
        }
        // The size first, from the counts: a sweep over --max-variants is refused before any
        // of its values is validated (a million values took minutes to refuse).
        let sweep: Sweep
        switch Sweep.make(specs, maximum: maximumVariants) {
        case .success(let s): sweep = s
        case .failure(let d): return .failure(Diagnostics(problems + [d]))
        }
        let refs = specs.map { entity(of: $0.path) }
        // A spec that varies its entity alone: the scenario of each of its values alone is
        // the one its swap group needs, so the entity is kept from this pass.
        let alone = specs.indices.map { i in refs[i].map { r in refs.filter { $0 == r }.count == 1 } ?? false }
        // Each value alone, in the context of the scenario as given; on every core, the
        // problems then gathered in the order of the values.
        let each = specs.indices.flatMap { i in specs[i].values.indices.map { (i, $0) } }
        let checked = parallelMap(each.count) { k -> (problems: [Diagnostic], entity: Entity?) in
            let spec = specs[each[k].0]
            var o = options
            o.overrides.append(Override(path: spec.path, value: spec.values[each[k].1], argument: spec.argument, option: "--vary"))
            switch document.scenario(options: o) {
            case .failure(let d): return (d.items, nil)
            case .success(let s):
                guard alone[each[k].0], let ref = refs[each[k].0] else { return ([], nil) }
                return ([], extract(ref, from: s))
            }
        }
        for c in checked {
            for item in c.problems where !problems.contains(item) { problems.append(item) }
        }
        if !problems.isEmpty { return .failure(Diagnostics(problems)) }

        guard refs.allSatisfy({ $0 != nil }) else {
            return .success(VariantBuilder(sweep: sweep, base: base, document: document, options: options, mode: .full, schedules: nil))
        }
        let full = VariantBuilder(sweep: sweep, base: base, document: document, options: options, mode: .full, schedules: nil)
        // Per spec varied alone, the entity of each of its values (nil: the value's scenario lacks it).
        var entities: [Int: [Entity?]] = [:]
        var start = 0
        for (i, spec) in specs.enumerated() {
            if alone[i] { entities[i] = checked[start..<start + spec.values.count].map(\.entity) }
            start += spec.values.count
        }
        let groups: [Group]
        switch swapGroups(refs.compactMap { $0 }, specs: specs, document: document, options: options, alone: entities) {
        case .success(let g?): groups = g
        case .success(nil): return .success(full)
        case .failure(let d): return .failure(d)
        }
        var cache = ScheduleCache(start: base.start, horizonDays: base.horizonDays)
        cache.add(jobsOf: base)
        for g in groups {
            for value in g.values {
                switch value {
                case .cnpg(let j): cache.add(j.schedule, immediate: j.immediate)
                case .velero(let j): cache.add(j.schedule, immediate: false)
                case .longhorn(let j): cache.add(j.schedule, immediate: false)
                default: break
                }
            }
        }
        return .success(VariantBuilder(sweep: sweep, base: base, document: document, options: options, mode: .swap(groups), schedules: cache))
    }

    /// The entities the sweep swaps, each with every combination of its specs' values
    /// validated once (the last spec fastest); nil when some variant lacks an entity, so
    /// that every variant must be validated in full.
    ///
    /// `alone`: per spec that varies its entity alone, the entity of each of its values, as
    /// validated already; such a group is not validated again.
    static func swapGroups(
        _ refs: [EntityRef], specs: [VarySpec], document: ScenarioDocument, options: LoadOptions, alone: [Int: [Entity?]] = [:]
    ) -> Result<[Group]?, Diagnostics> {
        var order: [EntityRef] = []
        for r in refs where !order.contains(r) { order.append(r) }
        var groups: [Group] = []
        for ref in order {
            let members = specs.indices.filter { refs[$0] == ref }
            if members.count == 1, let known = alone[members[0]] {
                guard known.allSatisfy({ $0 != nil }) else { return .success(nil) }
                groups.append(Group(entity: ref, specs: members, values: known.compactMap { $0 }))
                continue
            }
            let radix = members.map { specs[$0].values.count }
            let combinations = radix.reduce(1, *)
            // Every combination on every core; the first failure or missing entity, in
            // combination order, decides as a sequential loop would.
            let built = parallelMap(combinations) { c -> Result<Entity?, Diagnostics> in
                var rest = c
                var digits = Array(repeating: 0, count: members.count)
                for m in members.indices.reversed() {
                    digits[m] = rest % radix[m]
                    rest /= radix[m]
                }
                var o = options
                for (m, spec) in members.enumerated() {
                    o.overrides.append(
                        Override(path: specs[spec].path, value: specs[spec].values[digits[m]], argument: specs[spec].argument, option: "--vary"))
                }
                return document.scenario(options: o).map { extract(ref, from: $0) }
            }
            var values: [Entity] = []
            values.reserveCapacity(combinations)
            for result in built {
                switch result {
                case .success(let entity?): values.append(entity)
                case .success(nil): return .success(nil)
                case .failure(let d): return .failure(d)
                }
            }
            groups.append(Group(entity: ref, specs: members, values: values))
        }
        return .success(groups)
    }

    /// The entity `ref` names in `s`; nil when `s` has none of that name (the sweep's
    /// variants all have the base's entities, so this does not happen in a valid sweep).
    static func extract(_ ref: EntityRef, from s: Scenario) -> Entity? {
        switch ref {
        case .workload(let n): return s.workloads.first { $0.name == n }.map(Entity.workload)
        case .cnpg(let n): return s.cnpg.first { $0.name == n }.map(Entity.cnpg)
        case .velero(let n): return s.velero.first { $0.name == n }.map(Entity.velero)
        case .longhorn(let n): return s.longhorn.first { $0.name == n }.map(Entity.longhorn)
        case .target(let n): return s.targets.first { $0.name == n }.map(Entity.target)
        case .restore: return .restore(s.restore)
        case .kpis: return .kpis(s.kpis)
        }
    }

    /// True when variants are assembled from validated pieces (no YAML per variant).
    public var swapsEntities: Bool {
        if case .swap = mode { return true }
        return false
    }

    /// The scenario of variant `n` (1-based).
    public func scenario(variant n: Int) -> Result<Scenario, Diagnostics> {
        let indices = sweep.indices(ofVariant: n)
        switch mode {
        case .full:
            var o = options
            for (i, spec) in sweep.specs.enumerated() {
                o.overrides.append(Override(path: spec.path, value: spec.values[indices[i]], argument: spec.argument, option: "--vary"))
            }
            return document.scenario(options: o)
        case .swap(let groups):
            var s = base
            for g in groups {
                var c = 0
                for spec in g.specs { c = c * sweep.specs[spec].values.count + indices[spec] }
                switch g.values[c] {
                case .workload(let w): if let i = s.workloads.firstIndex(where: { $0.name == w.name }) { s.workloads[i] = w }
                case .cnpg(let j): if let i = s.cnpg.firstIndex(where: { $0.name == j.name }) { s.cnpg[i] = j }
                case .velero(let j): if let i = s.velero.firstIndex(where: { $0.name == j.name }) { s.velero[i] = j }
                case .longhorn(let j): if let i = s.longhorn.firstIndex(where: { $0.name == j.name }) { s.longhorn[i] = j }
                case .target(let t): if let i = s.targets.firstIndex(where: { $0.name == t.name }) { s.targets[i] = t }
                case .restore(let r): s.restore = r
                case .kpis(let k): s.kpis = k
                }
            }
            return .success(s)
        }
    }

    /// The value of each varied path in variant `n`, as listed.
    public func values(variant n: Int) -> [String] {
        zip(sweep.specs, sweep.indices(ofVariant: n)).map { $0.values[$1] }
    }
}
