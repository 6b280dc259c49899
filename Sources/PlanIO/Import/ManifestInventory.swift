import PlanCore

/// The objects of an import, by what plan reads them as (gitops.md "What is read, and into
/// what"), each list sorted by namespace and name so that the order of the files (or of a
/// rendered stream) never changes the scenario.
struct ManifestInventory: Sendable {
    var clusters: [ManifestObject] = []
    var scheduledBackups: [ManifestObject] = []
    var objectStores: [ManifestObject] = []
    var schedules: [ManifestObject] = []
    var storageLocations: [ManifestObject] = []
    var recurringJobs: [ManifestObject] = []
    var longhornSettings: [ManifestObject] = []
    var longhornBackupTargets: [ManifestObject] = []
    var helmReleases: [ManifestObject] = []
    var claims: [ManifestObject] = []
    /// Objects with a pod template (or pods): their annotations name Velero's volumes.
    var podOwners: [ManifestObject] = []
    var tenants: [ManifestObject] = []
    var secrets: [ManifestObject] = []
    var storageClasses: [ManifestObject] = []
    /// Objects of a group plan knows whose kind it does not (`Clusterr`): reported.
    var unknown: [ManifestObject] = []

    static let podOwnerKinds: Set<String> = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"]

    init(_ objects: [ManifestObject]) {
        for o in objects {
            switch (o.group, o.kind) {
            case ("postgresql.cnpg.io", "Cluster"): clusters.append(o)
            case ("postgresql.cnpg.io", "ScheduledBackup"): scheduledBackups.append(o)
            case ("barmancloud.cnpg.io", "ObjectStore"): objectStores.append(o)
            case ("velero.io", "Schedule"): schedules.append(o)
            case ("velero.io", "BackupStorageLocation"): storageLocations.append(o)
            case ("longhorn.io", "RecurringJob"): recurringJobs.append(o)
            case ("longhorn.io", "Setting"): longhornSettings.append(o)
            case ("longhorn.io", "BackupTarget"): longhornBackupTargets.append(o)
            case ("helm.toolkit.fluxcd.io", "HelmRelease"): helmReleases.append(o)
            case ("", "PersistentVolumeClaim"): claims.append(o)
            case ("", "Secret"): secrets.append(o)
            case ("storage.k8s.io", "StorageClass"): storageClasses.append(o)
            case ("minio.min.io", "Tenant"): tenants.append(o)
            case (_, let kind) where Self.podOwnerKinds.contains(kind) && ["", "apps", "batch"].contains(o.group):
                podOwners.append(o)
            case ("postgresql.cnpg.io", _), ("barmancloud.cnpg.io", _), ("velero.io", _), ("longhorn.io", _):
                if !Self.quietKinds.contains(o.kind) { unknown.append(o) }
            default: continue
            }
        }
        for keyPath in [
            \Self.clusters, \.scheduledBackups, \.objectStores, \.schedules, \.storageLocations, \.recurringJobs, \.longhornSettings,
            \.longhornBackupTargets, \.helmReleases, \.claims, \.podOwners, \.tenants, \.secrets, \.storageClasses, \.unknown,
        ] as [WritableKeyPath<ManifestInventory, [ManifestObject]>] {
            self[keyPath: keyPath].sort { ($0.namespace, $0.name, $0.kind) < ($1.namespace, $1.name, $1.kind) }
        }
    }

    /// Kinds of these groups that hold nothing a plan needs (results, not configuration).
    static let quietKinds: Set<String> = [
        "Backup", "Restore", "Pooler", "Database", "Publication", "Subscription", "ImageCatalog", "ClusterImageCatalog",
        "VolumeSnapshotLocation", "PodVolumeBackup", "PodVolumeRestore", "DownloadRequest", "DeleteBackupRequest",
        "ServerStatusRequest", "BackupRepository", "DataUpload", "DataDownload", "Volume", "Engine", "Replica", "Node",
        "EngineImage", "InstanceManager", "ShareManager", "BackingImage", "BackupVolume", "Snapshot", "SystemBackup",
        "SystemRestore", "Orphan", "SupportBundle", "VolumeAttachment", "BackupBackingImage",
    ]

    /// The Longhorn chart's `HelmRelease` (chart `longhorn`), if any.
    var longhornRelease: ManifestObject? {
        helmReleases.first { $0.text("spec.chart.spec.chart") == "longhorn" }
    }

    /// The MinIO chart's `HelmRelease` (chart `minio`), if any.
    var minioRelease: ManifestObject? {
        helmReleases.first { $0.text("spec.chart.spec.chart") == "minio" }
    }

    func secret(_ name: String, namespace: String) -> ManifestObject? {
        secrets.first { $0.name == name && ($0.namespace == namespace || $0.namespace.isEmpty || namespace.isEmpty) }
    }
}

extension ManifestObject {
    /// `metadata.labels` (or any mapping of text values at `path`).
    func labels(_ path: String = "metadata.labels") -> [String: String] { node(path).textMap }
}
