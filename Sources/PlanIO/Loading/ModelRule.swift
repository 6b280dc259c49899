/// A rule of the model (model.md, summarised in scenarios/README.md "The model"), named
/// by its section title: what a key of the scenario feeds.
enum ModelRule: String, Sendable, CaseIterable {
    case time = "Time"
    case workloads = "Workloads"
    case compression = "Compression"
    case imageChain = "Incremental image accounting"
    case longhorn = "Longhorn recurring job"
    case velero = "Velero schedule"
    case cnpg = "CNPG (Barman Cloud)"
    case targets = "Targets"
    case cost = "Cost, per calendar month"
    case kpis = "KPIs"
    case rows = "Rows, lots and deleted bytes"
    case versioning = "Versioned buckets"
    case objectLock = "Object lock"
    case storageClasses = "Storage classes and lifecycle transitions"
    case requests = "Requests (version 2)"
    case drills = "Drills"
    case kpis2 = "KPIs (version 2)"
    case snapshotTarget = "A Longhorn backup job's own snapshot"
    case faults = "Version 2: faults"
    case walVolume = "Archive outages and the WAL volume"

    /// The section's title.
    var title: String { rawValue }

    /// The GitHub anchor of the section in scenarios/README.md: lowercase, spaces to `-`,
    /// punctuation but `-` dropped.
    var anchor: String {
        String(
            title.lowercased().compactMap { c -> Character? in
                if c == " " { return "-" }
                return c.isLetter || c.isNumber || c == "-" ? c : nil
            })
    }
}
