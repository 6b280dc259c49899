import PlanCore
import Testing

@testable import PlanIO

// Diagnostics are checked in the marked-text style (STYLE.md "Tests"): the YAML under test
// carries `⟨⟩` where each error must point, in file order; `marked` strips the markers and
// returns their positions (1-based line and column, in Unicode scalars as libyaml counts).

/// YAML text with its `⟨⟩` markers removed, and the marked positions in order.
struct Marked {
    var text: String
    var positions: [(line: Int, column: Int)]

    init(_ source: String) {
        var text = ""
        var positions: [(Int, Int)] = []
        var line = 1
        var column = 1
        var rest = Substring(source)
        while let scalar = rest.unicodeScalars.first {
            if rest.hasPrefix("⟨⟩") {
                positions.append((line, column))
                rest = rest.dropFirst(2)
                continue
            }
            text.unicodeScalars.append(scalar)
            rest = Substring(rest.unicodeScalars.dropFirst())
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.text = text
        self.positions = positions
    }
}

@Suite("Scenario loader")
struct LoaderTests {
    // MARK: - The example of scenario.md

    static let example = """
        version: 1
        name: example
        start: 2026-01-01
        horizon: 180d
        workloads:
          app-db:
            kind: postgres
            size: 8GiB
            growth: 100MiB/day
            churn: 500MiB/day
            wal: 1GiB/day
            volume: 50Gi
        backups:
          cnpg:
            app-postgres:
              workload: app-db
              schedule: "0 0 2 * * 0"      # CNPG cron, seconds first: weekly, Sunday 02:00
              retention: 30d
              compression: gzip
              wal_compression: gzip
              target: minio
          velero:
            nightly:
              schedule: "0 3 * * *"
              ttl: 168h
              target: minio
        targets:
          minio:
            kind: minio
            capacity: 2TB
            drives: 4
            monthly_cost: 40
        kpis:
          monthly_budget: 100
          rpo: 1h
          rto: 30min

        """

    @Test func exampleOfScenarioMdLoadsWithEveryFieldResolved() throws {
        let s = try load(Self.example).get()
        #expect(s.name == "example")
        #expect(s.description == nil)
        #expect(s.start == CivilDate(year: 2026, month: 1, day: 1))
        #expect(s.horizonDays == 180)
        #expect(s.currency == "USD")

        #expect(s.workloads.count == 1)
        let db = try #require(s.workloads.first)
        #expect(db.name == "app-db")
        #expect(db.kind == .postgres)
        #expect(db.size == ByteCount(8 * 1_073_741_824))  // 8 GiB
        #expect(db.growth == .absolute(bytesPerDay: 104_857_600))  // 100 MiB
        #expect(db.churn == .absolute(bytesPerDay: 524_288_000))  // 500 MiB
        #expect(db.wal == .absolute(bytesPerDay: 1_073_741_824))  // 1 GiB
        #expect(db.volume == ByteCount(50 * 1_073_741_824))

        let cnpg = try #require(s.cnpg.first)
        #expect(s.cnpg.count == 1)
        #expect(cnpg.name == "app-postgres")
        #expect(cnpg.workload == "app-db")
        #expect(cnpg.schedule.text == "0 0 2 * * 0")
        #expect(cnpg.schedule.dialect == .cnpg)
        #expect(cnpg.immediate == false)
        #expect(cnpg.retentionDays == 30)
        #expect(cnpg.retentionCheck == .afterBackup)
        #expect(cnpg.compression == .algorithm(.gzip))
        #expect(cnpg.walCompression == .algorithm(.gzip))
        #expect(cnpg.archiveTimeout == Seconds(300))  // CNPG's 5 min
        #expect(cnpg.target == "minio")

        let velero = try #require(s.velero.first)
        #expect(s.velero.count == 1)
        #expect(velero.name == "nightly")
        #expect(velero.schedule.text == "0 3 * * *")
        #expect(velero.schedule.dialect == .standard)
        #expect(velero.ttl == Seconds(168 * 3600))  // 604,800 s
        #expect(velero.resources == ByteCount(10 * 1_048_576))  // 10 MiB
        #expect(velero.volumes == [])
        #expect(velero.mode == .incremental)
        #expect(velero.compressionRatio == 1)
        #expect(velero.blockAmplification == 1)
        #expect(velero.reclaimDelay == Seconds(3 * 86_400))  // 259,200 s
        #expect(velero.target == "minio")
        #expect(s.longhorn.isEmpty)

        let minio = try #require(s.targets.first)
        #expect(s.targets.count == 1)
        #expect(minio.name == "minio")
        #expect(minio.kind == .minio)
        #expect(minio.capacity == ByteCount(2e12))
        #expect(minio.drives == 4)
        #expect(minio.parity == 2)  // MinIO's default for 4 drives
        #expect(minio.usable == ByteCount(1e12))  // 2 TB × (4 − 2) / 4
        #expect(minio.monthlyCost == Money(40))
        #expect(minio.prices == nil)
        #expect(minio.alert == Share(0.8))
        #expect(minio.replicates == [])

        #expect(s.restore.bandwidthBytesPerSecond == 104_857_600)  // 100 MiB/s
        #expect(s.restore.walReplayBytesPerSecond == 33_554_432)  // 32 MiB/s
        #expect(s.kpis.monthlyBudget == Money(100))
        #expect(s.kpis.rpo == Seconds(3600))
        #expect(s.kpis.rto == Seconds(1800))
        #expect(s.kpis.efficiency == nil)
        #expect(s.kpis.capacityAlert == Share(0.8))
        #expect(s.kpis.volumeAlert == Share(0.8))
    }

    @Test func defaultsAreFilledIn() throws {
        let s = try load(
            """
            workloads:
              files: {kind: volume, size: 1Gi}
            backups:
              velero:
                nightly: {schedule: "0 3 * * *", volumes: [files], target: bucket}
              longhorn:
                hourly: {schedule: "0 * * * *", retain: 24, volumes: [files], target: bucket}
            targets:
              bucket: {kind: s3}
              disks: {kind: cluster, capacity: 1Ti}
            kpis:
              capacity_alert: 90%

            """, defaultName: "from-file"
        ).get()
        #expect(s.name == "from-file")
        #expect(s.start == today)
        #expect(s.horizonDays == 365)
        let velero = try #require(s.velero.first)
        #expect(velero.ttl == Seconds(2_592_000))  // 720 h
        #expect(velero.reclaimDelay == Seconds(259_200))  // 3 d
        #expect(velero.resources == ByteCount(10_485_760))  // 10 MiB
        let longhorn = try #require(s.longhorn.first)
        #expect(longhorn.task == .backup)
        #expect(longhorn.compression == .algorithm(.lz4))
        #expect(longhorn.blockAmplification == 1)
        let bucket = try #require(s.targets.first { $0.name == "bucket" })
        #expect(bucket.region == "us-east-1")
        #expect(bucket.capacity == nil)
        #expect(bucket.alert == Share(0.9))  // kpis.capacity_alert
        let prices = try #require(bucket.prices)
        #expect(
            prices.storageTiers == [
                PriceTier(upToGB: 51_200, price: Money(0.023)),  // the first 50 TiB
                PriceTier(upToGB: 512_000, price: Money(0.022)),  // the next 450 TiB
                PriceTier(upToGB: nil, price: Money(0.021)),
            ])
        #expect(prices.putPer1000 == Money(0.005))
        #expect(prices.getPer1000 == Money(0.0004))
        let disks = try #require(s.targets.first { $0.name == "disks" })
        #expect(disks.replicas == 3)
        #expect(disks.drives == 1 && disks.parity == 0)
    }

    @Test(arguments: [(1, 0), (2, 1), (3, 1), (4, 2), (5, 2), (6, 3), (7, 3), (8, 4), (16, 4)])
    func minioDefaultParity(drives: Int, parity: Int) throws {
        let s = try load(base(replacing: "drives: 4", with: "drives: \(drives)")).get()
        #expect(s.targets.first?.parity == parity)
    }

    @Test func s3PricesOverridesAndTiers() throws {
        let s = try load(
            base + """
                  offsite:
                    kind: s3
                    region: eu-west-3
                    prices:
                      storage_gb_month: [{up_to: 1Ti, price: $0.03}, {up_to: 2Ti, price: 0.025}, {price: 0.02}]
                      put_per_1000: 0.006
                    replicates: [cnpg/app-postgres, velero/nightly]

                """
        ).get()
        let offsite = try #require(s.targets.first { $0.name == "offsite" })
        let prices = try #require(offsite.prices)
        #expect(
            prices.storageTiers == [
                PriceTier(upToGB: 1024, price: Money(0.03)), PriceTier(upToGB: 2048, price: Money(0.025)),
                PriceTier(upToGB: nil, price: Money(0.02)),
            ])
        #expect(prices.putPer1000 == Money(0.006))
        #expect(prices.getPer1000 == .zero)
        #expect(offsite.replicates == ["cnpg/app-postgres", "velero/nightly"])
    }

    // MARK: - Several mistakes, all reported at once

    @Test func threeIndependentMistakesAreAllReportedInFileOrder() {
        expectErrors(
            """
            workloads:
              app-db:
                kind: postgres
                size: ⟨⟩8 gigs
            backups:
              cnpg:
                app-postgres:
                  workload: app-db
                  ⟨⟩retenton: 30d
                  target: minio
              velero:
                nightly:
                  schedule: "0 3 * * *"
                  target: ⟨⟩offsite
            targets:
              minio: {kind: minio, capacity: 1TB}

            """,
            [
                (
                    "workloads.app-db.size",
                    "size '8 gigs' has an unknown unit 'gigs'; expected one of B, kB, KB, MB, GB, TB, PB, k, M, G, T, P, Ki, Mi, Gi, Ti, Pi, KiB, MiB, GiB, TiB, PiB; write '8G'"
                ),
                ("backups.cnpg.app-postgres.retenton", "unknown key; did you mean 'retention'?"),
                ("backups.velero.nightly.target", "no target named 'offsite'; the targets are minio"),
            ])
    }

    @Test func aMissingRequiredKeyPointsAtItsMappingsKey() {
        expectErrors(
            base(replacing: "    app-postgres:\n      workload: app-db\n", with: "    ⟨⟩app-postgres:\n")
                .replacing("  files:\n    kind: volume\n", with: "  ⟨⟩files:\n"),
            [
                ("workloads.files", "missing required key 'kind'"),
                ("backups.cnpg.app-postgres", "missing required key 'workload'"),
            ])
        // A key taken for a typo of it (`retenton`) is not reported missing as well.
        expectErrors(
            base(replacing: "      retention: 30d\n", with: "      ⟨⟩retenton: 30d\n"),
            [("backups.cnpg.app-postgres.retenton", "unknown key; did you mean 'retention'?")])
        expectErrors(
            "⟨⟩⟨⟩⟨⟩name: lab\n",
            [("", "missing required key 'workloads'"), ("", "missing required key 'backups'"), ("", "missing required key 'targets'")])
    }

    @Test func anUnknownKeyWithNothingCloseListsTheAllowedKeys() {
        expectErrors(
            base(replacing: "    drives: 4\n", with: "    drives: 4\n    ⟨⟩colour: blue\n"),
            [
                (
                    "targets.minio.colour",
                    "unknown key; expected one of kind, capacity, drives, parity, replicas, monthly_cost, region, prices, alert, replicates, series"
                )
            ])
    }

    // MARK: - Suggestions

    @Test func didYouMean() {
        #expect(Suggest.closest(to: "retenton", among: Schema.cnpg) == "retention")
        #expect(Suggest.closest(to: "tll", among: Schema.velero) == "ttl")
        #expect(Suggest.closest(to: "archive", among: Schema.cnpg) == "archive_timeout")  // a prefix
        #expect(Suggest.closest(to: "colour", among: Schema.velero) == nil)
        #expect(Suggest.editDistance("kitten", "sitting") == 3)
    }
}

extension Result where Failure == Diagnostics {
    var failureDescriptions: [String] {
        if case .failure(let diagnostics) = self { return diagnostics.items.map(\.description) }
        return ["(loaded without errors)"]
    }
}

extension Result where Failure == Diagnostic {
    var failureDescription: String {
        if case .failure(let diagnostic) = self { return diagnostic.description }
        return "(parsed)"
    }
}

/// Helpers of the suite: load marked text and compare diagnostics.
extension LoaderTests {
    var today: CivilDate { CivilDate(year: 2026, month: 3, day: 15) }

    func load(_ text: String, overrides: [String] = [], defaultName: String = "lab") -> Result<Scenario, Diagnostics> {
        let parsed = overrides.compactMap { try? Override.parse($0).get() }
        let options = LoadOptions(file: "lab.yaml", defaultName: defaultName, today: today, overrides: parsed)
        return ScenarioLoader.load(text: text, options: options)
    }

    /// The diagnostics of a load that must fail, as `description` strings.
    func errors(_ text: String, overrides: [String] = [], defaultName: String = "lab") -> [String] {
        switch load(text, overrides: overrides, defaultName: defaultName) {
        case .success: return ["(loaded without errors)"]
        case .failure(let diagnostics): return diagnostics.items.map(\.description)
        }
    }

    /// Expects exactly these errors, the n-th at the n-th marker: `(path, message)` pairs,
    /// the message including `; suggestion` where there is one.
    func expectErrors(
        _ source: String, _ expected: [(String, String)], overrides: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let marked = Marked(source)
        #expect(marked.positions.count == expected.count, "one marker per expected error", sourceLocation: sourceLocation)
        let wanted = zip(marked.positions, expected).map { position, e in
            "lab.yaml:\(position.line):\(position.column): error: " + (e.0.isEmpty ? "" : e.0 + ": ") + e.1
        }
        #expect(errors(marked.text, overrides: overrides) == wanted, sourceLocation: sourceLocation)
    }

    /// A valid scenario to break one key at a time.
    var base: String {
        """
        version: 1
        name: lab
        start: 2026-01-01
        horizon: 30d
        workloads:
          app-db:
            kind: postgres
            size: 8GiB
          files:
            kind: volume
            size: 20Gi
        backups:
          cnpg:
            app-postgres:
              workload: app-db
              retention: 30d
              target: minio
          velero:
            nightly:
              schedule: "0 3 * * *"
              volumes: [files]
              target: minio
        targets:
          minio:
            kind: minio
            capacity: 2TB
            drives: 4

        """
    }

    /// `base` with `old` replaced by `new` (which may carry markers).
    func base(replacing old: String, with new: String) -> String {
        precondition(base.contains(old), "base has no '\(old)'")
        return base.replacing(old, with: new)
    }
}
