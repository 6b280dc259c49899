import Testing

@testable import PlanCore
@testable import PlanIO

/// The `series` keys (scenario.md, both versions) and the `never` schedule: read into the
/// model, located errors, and no effect on the numbers.
@Suite("Scenario loader, series and never")
struct SeriesLoaderTests {
    let loader = LoaderTests()

    static let withSeries = """
        version: 1
        name: lab
        start: 2026-01-01
        horizon: 10d
        workloads:
          gitea-db:
            kind: postgres
            size: 8GiB
            growth: 100MiB/day
            series: {namespace: gitea, cluster: gitea-postgres}
          files:
            kind: volume
            size: 20Gi
            series: {namespace: gitea, pvc: gitea-shared-storage}
        backups:
          cnpg:
            gitea-postgres: {workload: gitea-db, schedule: "0 0 2 * * *", retention: 30d, target: minio}
        targets:
          minio:
            kind: minio
            capacity: 1TB
            series: {buckets: [cnpg-backups, velero-backups]}
        """

    @Test("series are read into the workloads and targets, in a version 1 file too")
    func reads() throws {
        let s = try loader.load(Self.withSeries).get()
        let db = try #require(s.workloads.first { $0.name == "gitea-db" })
        #expect(db.series == WorkloadMetricSeries(namespace: "gitea", pvc: nil, cluster: "gitea-postgres"))
        let files = try #require(s.workloads.first { $0.name == "files" })
        #expect(files.series == WorkloadMetricSeries(namespace: "gitea", pvc: "gitea-shared-storage"))
        #expect(s.targets.first?.series == TargetMetricSeries(buckets: ["cnpg-backups", "velero-backups"]))
    }

    @Test("series change no number: the same rows with and without them")
    func noEffect() throws {
        let without = Self.withSeries.split(separator: "\n").filter { !$0.contains("series:") }.joined(separator: "\n")
        let a = try ExampleRun(Self.withSeries)
        let b = try ExampleRun(without)
        #expect(a.files == b.files)
        #expect(a.files["daily"]?.isEmpty == false)
    }

    @Test("a series path can be set from the command line")
    func override() throws {
        let s = try loader.load(Self.withSeries, overrides: ["workloads.files.series.pvc=data-files-0"]).get()
        #expect(s.workloads.first { $0.name == "files" }?.series?.pvc == "data-files-0")
    }

    @Test("series errors are located on their keys")
    func errors() {
        loader.expectErrors(
            Self.withSeries.replacing("series: {namespace: gitea, pvc:", with: "series: {⟨⟩namespce: gitea, pvc:"),
            [("workloads.files.series.namespce", "unknown key; did you mean 'namespace'?")])
        loader.expectErrors(
            Self.withSeries.replacing("series: {buckets: [cnpg-backups, velero-backups]}", with: "⟨⟩series: {}"),
            [("targets.minio.series", "missing required key 'buckets'")])
        loader.expectErrors(
            Self.withSeries.replacing("series: {buckets: [cnpg-backups, velero-backups]}", with: "series: {buckets: ⟨⟩one}"),
            [("targets.minio.series.buckets", "expected a list of bucket names such as [longhorn-backups], found 'one'; write a list, as in [one]")])
        loader.expectErrors(
            Self.withSeries.replacing("series: {namespace: gitea, pvc: gitea-shared-storage}", with: "series: ⟨⟩{}"),
            [("workloads.files.series", "expected at least one of namespace, pvc, cluster; remove 'series' or name the PVC")])
    }

    @Test("a cluster target has no buckets")
    func clusterTarget() {
        let text = Self.withSeries.replacing("kind: minio\n    capacity: 1TB\n    series:", with: "kind: cluster\n    capacity: 1TB\n    ⟨⟩series:")
        let errors = loader.errors(Marked(text).text)
        #expect(errors.filter { $0.contains("targets.minio.series") }.count == 1, "\(errors)")
    }

    @Test("'never': a CNPG job that takes no base backup, only WAL, with a warning that says so")
    func never() throws {
        let text = Self.withSeries.replacing("schedule: \"0 0 2 * * *\"", with: "schedule: never")
        let s = try loader.load(text).get()
        let job = try #require(s.cnpg.first)
        #expect(job.schedule.isNever)
        #expect(job.schedule.fireTimes(start: s.start, horizonSeconds: 10 * 86_400, limit: 100) == [])
        let warnings = try Checks.warnings(for: s).get()
        #expect(
            warnings.contains(
                "backups.cnpg.gitea-postgres.schedule: 'never': no base backup is taken, only WAL is archived, and WAL alone cannot be restored: add a ScheduledBackup"
            ))
        // No base backup in 10 days: no restore point on any day (model.md "CNPG": a restore
        // point is a base backup, with the WAL after it).
        let run = try ExampleRun(text)
        let cnpg = run.rows("daily").filter { $0["tier"] == "cnpg" }
        #expect(cnpg.count == 10)
        #expect(cnpg.allSatisfy { $0["restore_points"] == "0" })
    }
}
