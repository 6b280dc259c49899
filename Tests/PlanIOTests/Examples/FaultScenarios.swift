/// The scenarios of examples.md section 20, "Version 2: faults" (E44–E50), as the spec
/// writes them: one home for the examples' tests, which work out their figures, and the
/// loader's tests, which break them one key at a time (E51).
enum FaultScenarios {
    /// examples.md E44.
    static let e44 = """
        version: 2
        name: e44
        start: 2026-01-01
        horizon: 10d
        workloads:
          vol: {kind: volume, size: 10GiB}
        backups:
          velero:
            nightly: {schedule: "0 3 * * *", ttl: 48h, volumes: [vol], target: m}
        targets:
          m: {kind: minio, capacity: 10Ti}
        faults:
          outage: {kind: runs-fail, job: velero/nightly, from: 2026-01-04, until: 2026-01-07}
        kpis: {rpo: 1d, success_rate: 99.9%}
        """

    /// examples.md E45.
    static let e45 = """
        version: 2
        name: e45
        start: 2026-01-01
        horizon: 5d
        workloads:
          db: {kind: postgres, size: 100GiB, wal: 8GiB/day, volume: 200Gi}
        backups:
          cnpg:
            pg: {workload: db, schedule: "0 0 0 * * *", retention: 7d, target: m}
        targets:
          m: {kind: minio, capacity: 10Ti}
        faults:
          broken: {kind: runs-fail, job: cnpg/pg, from: 2026-01-02, for: 2d}
        kpis: {success_rate: 90%}
        """

    /// examples.md E46.
    static let e46 = """
        version: 2
        name: e46
        start: 2026-01-01
        horizon: 3d
        workloads:
          db: {kind: postgres, size: 20GiB, wal: 48GiB/day, wal_volume: 10Gi}
        backups:
          cnpg:
            pg: {workload: db, schedule: "0 0 0 * * *", retention: 7d, target: m}
        targets:
          m: {kind: minio, capacity: 10Ti}
        faults:
          archive: {kind: archive-down, job: cnpg/pg, from: "2026-01-02T20:00:00Z", for: 6h}
        kpis: {rpo: 1h, wal_tolerance: 4h}
        """

    /// examples.md E47.
    static let e47 = """
        version: 2
        name: e47
        start: 2026-01-01
        horizon: 10d
        workloads:
          db: {kind: postgres, size: 10GiB, wal: 1GiB/day}
        backups:
          cnpg:
            pg: {workload: db, schedule: "0 0 0 * * *", retention: 2d, archive_timeout: 1h, target: m}
        targets:
          m: {kind: minio, capacity: 10Ti}
        faults:
          stuck: {kind: retention-stops, job: cnpg/pg, from: 2026-01-07}
        """

    /// examples.md E48.
    static let e48 = """
        version: 2
        name: e48
        start: 2026-01-01
        horizon: 8d
        workloads:
          vol: {kind: volume, size: 10GiB, churn: 1GiB/day}
        backups:
          longhorn:
            lh: {schedule: "0 0 * * *", retain: 2, volumes: [vol], compression: none, target: m}
        targets:
          m: {kind: minio, capacity: 10Ti, versioning: true, noncurrent_expiry: 1d, poll_interval: 0}
        faults:
          gc: {kind: retention-stops, job: longhorn/lh, from: 2026-01-03, until: 2026-01-06}
        """

    /// examples.md E49.
    static let e49 = """
        version: 2
        name: e49
        start: 2026-01-01
        horizon: 3d
        workloads:
          db: {kind: postgres, size: 10GiB, wal: 24GiB/day}
          files: {kind: volume, size: 50GiB}
        backups:
          cnpg:
            pg: {workload: db, schedule: "0 0 1 * * *", retention: 7d, target: m}
          velero:
            nightly: {schedule: "0 2 * * *", volumes: [files], target: m}
        targets:
          m: {kind: minio, capacity: 10Ti}
        faults:
          upgrade: {kind: target-down, target: m, from: "2026-01-02T00:30:00Z", for: 4h}
        drills:
          test: {schedule: "0 3 * * *", workload: files, job: velero/nightly}
        kpis: {mttr: 15min}
        """

    /// examples.md E50.
    static let e50 = """
        version: 2
        name: e50
        start: 2026-01-01
        horizon: 10d
        workloads:
          vol: {kind: volume, size: 10GiB, churn: 1GiB/day}
        backups:
          velero:
            nightly: {schedule: "0 0 * * *", ttl: 48h, reclaim_delay: 1d, volumes: [vol], target: m}
        targets:
          m: {kind: minio, capacity: 10Ti}
        faults:
          kopia: {kind: maintenance-stops, job: velero/nightly, from: 2026-01-05}
        """

    static let e44Fault = "outage: {kind: runs-fail, job: velero/nightly, from: 2026-01-04, until: 2026-01-07}"

    /// E44 with its fault's line replaced.
    static func e44(fault: String) -> String { e44.replacing(e44Fault, with: fault) }
}
