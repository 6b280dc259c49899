import PlanCore

/// Translates the manifests into a scenario (gitops.md "plan import"), collecting the
/// findings of `plan lint` on the way: each reader below reads one kind of object, writes
/// its part of the scenario with the source of every value, and reports what the real tool
/// would do differently from what the manifest seems to say.
struct ManifestImporter {
    typealias Entry = ImportedScenario.Entry
    typealias Value = ImportedScenario.Value
    typealias Origin = ImportedScenario.Origin

    let inventory: ManifestInventory
    var findings: [Diagnostic] = []
    /// Paths of the values written as guesses, for the one warning that lists them.
    var guesses: [String] = []
    /// Names given out, per map of the scenario (workloads, each tier, targets).
    var workloadNames = ImportNames()
    var jobNames: [String: ImportNames] = [:]

    mutating func jobName(_ tier: String, _ name: String) -> String {
        jobNames[tier, default: ImportNames()].unique(name)
    }

    var workloads: [(name: String, entries: [Entry])] = []
    var cnpgJobs: [(name: String, entries: [Entry])] = []
    var veleroJobs: [(name: String, entries: [Entry])] = []
    var longhornJobs: [(name: String, entries: [Entry])] = []
    var targets = ImportTargets()
    /// Volumes (PVCs, claim templates, CNPG's own PVCs) by `namespace/name`.
    var claims: [String: ImportClaim] = [:]
    /// Claims some job protects, by `namespace/name`.
    var protected: Set<String> = []
    /// Workload name of each claim that became (or is part of) a workload.
    var workloadOfClaim: [String: String] = [:]

    init(_ inventory: ManifestInventory) {
        self.inventory = inventory
    }

    /// Reads everything, in an order where each reader finds what it needs.
    mutating func run() {
        collectClaims()
        readClusters()
        readVelero()
        readLonghorn()
        reportUnprotected()
        reportSubstitutions()
        reportShapes()
        for o in inventory.unknown {
            finding(
                .warning, o, o.node("kind"), "kind",
                "'\(o.kind)' is not a kind plan reads from \(o.group)", fix: "plan skips it; check the kind's spelling")
        }
    }

    // MARK: Findings

    /// Flux replaces `${VAR}` after the build, so Git holds no value: each one in an object
    /// plan reads is reported.
    mutating func reportSubstitutions() {
        let read = [
            inventory.clusters, inventory.scheduledBackups, inventory.objectStores, inventory.schedules, inventory.storageLocations,
            inventory.recurringJobs, inventory.longhornSettings, inventory.longhornBackupTargets, inventory.claims, inventory.tenants,
        ].joined()
        for o in read {
            for (path, node) in o.substitutions {
                finding(
                    .warning, o, node, path,
                    "'\(node.scalarText ?? "")' is a Flux substitution: its value is set in the cluster (postBuild.substitute), not in Git, so plan cannot read it",
                    fix: "plan used its default or a guess here; write the value in the scenario")
            }
        }
    }

    mutating func finding(
        _ severity: Diagnostic.Severity, _ object: ManifestObject, _ node: YAMLNode?, _ path: String, _ message: String, fix: String
    ) {
        findings.append(
            Diagnostic(severity, at: object.location(node), path: "\(object.reference): \(path)", message, suggestion: fix))
    }

    mutating func guess(_ path: String) { guesses.append(path) }

    /// `series: {namespace, pvc|cluster}`, leaving out an empty namespace (one that Flux's
    /// `targetNamespace` sets, not the manifest).
    static func series(namespace: String, _ key: (String, String)) -> Entry {
        var entries: [Entry] = []
        if !namespace.isEmpty { entries.append(Entry("namespace", .quoted(namespace))) }
        entries.append(Entry(key.0, .quoted(key.1)))
        return Entry("series", .map(entries))
    }

    /// A Kubernetes quantity the scenario can take, or a finding and nil.
    mutating func quantity(_ o: ManifestObject, _ path: String) -> String? {
        guard let text = o.text(path) else { return nil }
        guard let bytes = ImportFigures.quantity(text), bytes > 0 else {
            let what =
                ImportFigures.isKubernetesQuantity(text)
                ? "'\(text)' is a Kubernetes quantity, but not a size plan can take (above 0, in bytes, k…P or Ki…Pi)"
                : "'\(text)' is not a Kubernetes quantity"
            finding(.error, o, o.node(path), path, what, fix: "write a size such as '20Gi'")
            return nil
        }
        return text
    }

    /// A cron the scenario can take for `dialect`, or a finding and nil (the job is skipped).
    mutating func cron(_ o: ManifestObject, _ path: String, dialect: CronDialect, tool: String, example: String) -> String? {
        // A Flux substitution: its warning says so (reportSubstitutions); no second finding.
        if o.node(path)?.scalarText?.contains("${") == true { return nil }
        let text = o.text(path) ?? ""
        switch CronSchedule.parse(text, dialect: dialect) {
        case .failure(let e):
            finding(
                .error, o, o.node(path) ?? o.nameNode, path,
                text.isEmpty ? "no schedule: \(tool) runs nothing" : "\(tool) cannot read '\(text)': \(e.message)",
                fix: (e.suggestion ?? "write \(example)") + "; plan skips the job")
            return nil
        case .success(let c):
            if let w = c.cnpgFiveFieldWarning {
                finding(.warning, o, o.node(path), path, w, fix: "write the 6 fields CNPG expects")
            }
            return text
        }
    }

    /// A volume workload for `claim` (named after the PVC), created once.
    mutating func volumeWorkload(for claim: ImportClaim) -> String {
        if let name = workloadOfClaim[claim.id] { return name }
        let name = workloadNames.unique(claim.name)
        workloadOfClaim[claim.id] = name
        var entries: [Entry] = [Entry("kind", .scalar("volume"))]
        let path = "workloads.\(name)"
        if let bytes = claim.bytes {
            entries.append(
                Entry(
                    "size", .scalar(ImportFigures.size(ImportFigures.guessedSize(volume: bytes))),
                    .guess("half of its \(claim.sizeText) volume; measure it with plan calibrate")))
            entries.append(
                Entry(
                    "growth", .scalar(ImportFigures.dailyRate(ImportFigures.guessedGrowth(volume: bytes))),
                    .guess("fills the other half of the volume in a year")))
            entries.append(Entry("churn", .scalar(ImportFigures.guessedChurn), .guess("1% of the data rewritten a day")))
            entries.append(Entry("volume", .scalar(claim.sizeText), .manifest(claim.source)))
            guess(path + ".size")
            guess(path + ".growth")
            guess(path + ".churn")
        } else {
            entries.append(Entry("size", .scalar("10Gi"), .guess("the claim's size is not in the manifests (\(claim.source))")))
            guess(path + ".size")
        }
        entries.append(Self.series(namespace: claim.namespace, ("pvc", claim.name)))
        workloads.append((name, entries))
        return name
    }

    /// The scenario, every value with its source; `name` is the scenario's name.
    func scenario(name: String, inputs: [String]) -> ImportedScenario {
        var top: [Entry] = [
            Entry("version", .scalar("2"), .note("plan's version 2: walStorage, the Longhorn poll interval and buckets as billed")),
            Entry("name", .scalar(name)),
            Entry("description", .quoted("imported by plan import from \(inputs.joined(separator: " "))")),
            Entry("horizon", .scalar("365d"), .note("plan default")),
        ]
        top.append(Entry("workloads", .map(workloads.sorted { $0.name < $1.name }.map { Entry($0.name, .map($0.entries)) })))
        var tiers: [Entry] = []
        for (tier, jobs) in [("cnpg", cnpgJobs), ("velero", veleroJobs), ("longhorn", longhornJobs)] where !jobs.isEmpty {
            tiers.append(Entry(tier, .map(jobs.sorted { $0.name < $1.name }.map { Entry($0.name, .map($0.entries)) })))
        }
        top.append(Entry("backups", .map(tiers)))
        top.append(Entry("targets", .map(targets.entries())))
        top.append(
            Entry(
                "kpis",
                .map([
                    Entry("rpo", .scalar("1h"), .guess("no manifest states the KPIs; set your own")),
                    Entry("rto", .scalar("30min"), .guess("set your own")),
                    Entry("capacity_alert", .scalar("80%"), .note("plan default")),
                    Entry("volume_alert", .scalar("80%"), .note("plan default")),
                ])))
        let header = [
            "Written by plan import from \(inputs.joined(separator: " ")).",
            "Each value names its manifest line; 'guess:' marks a figure no manifest holds (check them,",
            "or measure them with plan calibrate). Run it with: plan simulate THIS-FILE",
        ]
        return ImportedScenario(header: header, entries: top)
    }
}

/// A volume of the cluster: a PVC, a StatefulSet claim of one replica, or one of the PVCs
/// the CNPG operator creates (not in Git, inferred from the Cluster).
struct ImportClaim: Sendable {
    var name: String
    var namespace: String
    var sizeText: String
    var bytes: Double?
    /// `storageClassName`; nil: the default class.
    var storageClass: String?
    var labels: [String: String]
    /// `FILE:LINE PATH` of its size.
    var source: String
    /// The CNPG cluster whose operator creates it, if any.
    var cnpgCluster: String?

    var id: String { namespace + "/" + name }
}
