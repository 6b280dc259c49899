import PlanCore
import Testing

@testable import PlanIO

// Diagnostics are checked in the marked-text style (STYLE.md "Tests"): the YAML under test
// carries `⟨⟩` where each error must point, in file order; `marked` strips the markers and
// returns their positions (1-based line and column, in Unicode scalars as libyaml counts).

/// YAML text with its `⟨⟩` markers removed, and the marked positions in order.
fileprivate struct Marked {
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
                    "size '8 gigs' has an unknown unit 'gigs'; expected one of B, kB, KB, MB, GB, TB, PB, k, M, G, T, P, Ki, Mi, Gi, Ti, Pi, KiB, MiB, GiB, TiB, PiB"
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
                    "unknown key; expected one of kind, capacity, drives, parity, replicas, monthly_cost, region, prices, alert, replicates"
                )
            ])
    }

    // MARK: - YAML that cannot be read

    @Test func tabsInIndentation() {
        expectErrors(
            "workloads:\n⟨⟩\tapp: {}\n",
            [("", "found a tab character where indentation is expected; YAML indents with spaces")])
    }

    @Test func duplicateKey() {
        expectErrors(
            base(replacing: "      retention: 30d\n", with: "      retention: 30d\n      ⟨⟩retention: 14d\n"),
            [("", "duplicate key 'retention' in this mapping (first at line 16); keep one of them")])
    }

    @Test func emptyAndAllCommentFiles() {
        let message = "lab.yaml:1:1: error: the scenario is empty; it needs at least 'workloads', 'backups' and 'targets'"
        #expect(errors("") == [message])
        #expect(errors("# nothing yet\n\n# still nothing\n") == [message])
        #expect(errors("---\n") == [message])
    }

    @Test func binaryFile() {
        let options = LoadOptions(file: "lab.yaml", defaultName: "lab", today: today)
        let result = ScenarioLoader.load(bytes: [0x7F, 0x45, 0x4C, 0x46, 0xFF, 0x00, 0x01], options: options)
        #expect(result.failureDescriptions == ["lab.yaml:1:1: error: file is not UTF-8 text (a binary file?)"])
    }

    @Test func controlCharacterInUTF8Text() {
        let options = LoadOptions(file: "lab.yaml", defaultName: "lab", today: today)
        let result = ScenarioLoader.load(bytes: Array("name: a\u{1}b\n".utf8), options: options)
        #expect(
            result.failureDescriptions == [
                "lab.yaml:1:8: error: control character U+0001 is not allowed in YAML text (a binary file?)"
            ])
    }

    @Test func aliasBombIsRefused() {
        // Billion laughs: 9 levels of 9 aliases each expand to 9^9 = 387,420,489 nodes.
        var yaml = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for level in 1..<names.count {
            let previous = "*" + names[level - 1]
            let marker = level == 5 ? "⟨⟩" : ""
            yaml +=
                "\(marker)\(names[level]): &\(names[level]) [" + Array(repeating: previous, count: 9).joined(separator: ", ")
                + "]\n"
        }
        // With its key, a counts 11 nodes, b 92, c 821, d 7,382, e 66,431: 74,737 in all; the
        // running total passes 100,000 within `f` (597,872), which the error names.
        expectErrors(yaml, [("f", "the document expands past 100,000 nodes (a YAML alias bomb?); write the values out, or use fewer nested aliases")])
    }

    @Test func aliasesThatStaySmallAreExpanded() throws {
        let s = try load(
            """
            workloads:
              a: &db {kind: postgres, size: 1Gi}
              b: *db
            backups: {}
            targets:
              t: {kind: s3}

            """
        ).get()
        #expect(s.workloads.map(\.name) == ["a", "b"])
        #expect(s.workloads[1].size == ByteCount(1_073_741_824))
    }

    @Test func otherSyntaxErrors() {
        expectErrors("name: ⟨⟩@daily\n", [("", "'@' cannot start a plain YAML value; quote the value, as in \"@daily\"")])
        expectErrors(
            "a: 1\n⟨⟩---\nb: 2\n",
            [
                (
                    "",
                    "the file holds more than one YAML document; a scenario is one document; remove the '---' line and what follows, or split the file"
                )
            ])
        #expect(
            errors("- a\n- b\n") == [
                "lab.yaml:1:1: error: the top level must be a mapping of keys (version, name, workloads, backups, targets, …), found a list"
            ])
    }

    // MARK: - Values

    @Test func wrongUnits() {
        expectErrors(
            base(replacing: "    size: 8GiB\n", with: "    size: 8GiB\n    growth: ⟨⟩100MiB\n    churn: ⟨⟩5 days\n"),
            [
                (
                    "workloads.app-db.growth",
                    "rate '100MiB' has no period; expected an amount per period, such as '2GiB/day' or '3%/month'; did you mean '100MiB/day'?"
                ),
                ("workloads.app-db.churn", "expected a rate such as '2GiB/day', '100MiB/h' or '3%/month', found '5 days'"),
            ])
        expectErrors(
            base(replacing: "      volumes: [files]\n", with: "      volumes: [files]\n      ttl: ⟨⟩10GiB\n"),
            [("backups.velero.nightly.ttl", "duration '10GiB' has an unknown unit 'GiB'; expected one of s, m, min, h, d, w, y")])
    }

    @Test func negativeAndHugeSizes() {
        expectErrors(
            base(replacing: "size: 20Gi", with: "size: ⟨⟩-5GiB"),
            [("workloads.files.size", "size '-5GiB' is negative")])
        expectErrors(
            base(replacing: "size: 20Gi", with: "size: ⟨⟩1e30PiB"),
            [("workloads.files.size", "size '1e30PiB' is larger than the model's limit of 2^70 bytes (1 ZiB)")])
    }

    @Test func retainZero() {
        expectErrors(
            base(
                replacing: "targets:\n",
                with:
                    "  longhorn:\n    snap:\n      schedule: \"0 * * * *\"\n      retain: ⟨⟩0\n      volumes: [files]\n      target: minio\ntargets:\n"
            ),
            [("backups.longhorn.snap.retain", "expected a whole number of at least 1, found '0'")])
    }

    @Test func fourFieldCron() {
        expectErrors(
            base(replacing: "schedule: \"0 3 * * *\"", with: "schedule: ⟨⟩\"0 3 * *\""),
            [("backups.velero.nightly.schedule", "expected 5 fields (minute hour day-of-month month day-of-week), found 4")])
    }

    @Test func horizonZero() {
        expectErrors(
            base(replacing: "horizon: 30d", with: "horizon: ⟨⟩0d"),
            [("horizon", "'0d' is shorter than one day; simulate at least '1d'")])
        expectErrors(
            base(replacing: "horizon: 30d", with: "horizon: ⟨⟩101y"),
            [("horizon", "'101y' is longer than 100 years (36,500 days)")])
    }

    @Test func horizonIsRoundedDownToWholeDays() throws {
        #expect(try load(base(replacing: "horizon: 30d", with: "horizon: 47h")).get().horizonDays == 1)
        #expect(try load(base(replacing: "horizon: 30d", with: "horizon: 100y")).get().horizonDays == 36_500)
    }

    @Test func booleansAndEnums() {
        expectErrors(
            base(replacing: "      retention: 30d\n", with: "      retention: 30d\n      immediate: ⟨⟩yes\n"),
            [("backups.cnpg.app-postgres.immediate", "expected true or false, found 'yes'")])
        expectErrors(
            base(replacing: "kind: volume", with: "kind: ⟨⟩volumes"),
            [("workloads.files.kind", "expected postgres or volume, found 'volumes'; did you mean 'volume'?")])
    }

    @Test func versionAndNames() {
        expectErrors(base(replacing: "version: 1", with: "version: ⟨⟩2"), [("version", "unsupported version '2'; this plan reads version 1")])
        expectErrors(
            base(replacing: "name: lab", with: "name: ⟨⟩Lab_1"),
            [("name", "invalid name 'Lab_1'; use 1–63 characters of a-z, 0-9 and '-', starting with a letter")])
        // A reference to a present but invalid name (`volumes: [total]`) is not reported again.
        expectErrors(
            base(replacing: "  files:\n", with: "  ⟨⟩total:\n").replacing("[files]", with: "[total]"),
            [("workloads.total", "the name 'total' is reserved (monthly.csv uses it for its total rows)")])
    }

    @Test func fileNameThatIsNotAValidName() {
        let text = base.replacing("name: lab\n", with: "")
        #expect(
            errors(text, defaultName: "My Scenario") == [
                "lab.yaml:1:1: error: name: the file name 'My Scenario' is not a valid scenario name (use 1–63 characters of a-z, 0-9 and '-', starting with a letter); add 'name:' to the file"
            ])
    }

    // MARK: - Cross references and kinds

    @Test func cnpgJobOnAVolumeWorkload() {
        expectErrors(
            base(replacing: "workload: app-db", with: "workload: ⟨⟩files"),
            [
                (
                    "backups.cnpg.app-postgres.workload",
                    "'files' is a volume workload; a cnpg job backs up a postgres workload; back up a volume with a velero or longhorn job"
                )
            ])
    }

    @Test func walOnlyOnPostgres() {
        expectErrors(
            base(replacing: "size: 20Gi\n", with: "size: 20Gi\n    ⟨⟩wal: 1GiB/day\n"),
            [("workloads.files.wal", "'wal' applies only to postgres workloads, and 'files' is a volume; remove it")])
    }

    @Test func veleroCompressionAlgorithm() {
        expectErrors(
            base(replacing: "      volumes: [files]\n", with: "      volumes: [files]\n      compression: ⟨⟩gzip\n"),
            [
                (
                    "backups.velero.nightly.compression",
                    "'gzip' is not available: Velero's Kopia uploader does not compress (and encrypts, so the store cannot either); give 'none', or a measured ratio in (0, 1] instead"
                )
            ])
    }

    @Test func compressionTheToolLacks() throws {
        expectErrors(
            base(replacing: "      retention: 30d\n", with: "      retention: 30d\n      compression: ⟨⟩zstd\n      wal_compression: zstd\n"),
            [
                (
                    "backups.cnpg.app-postgres.compression",
                    "'zstd' is not a compression offered by CNPG for base backups; expected one of none, gzip, bzip2, snappy, lz4, or a measured ratio in (0, 1]"
                )
            ])
        let s = try load(base(replacing: "      retention: 30d\n", with: "      retention: 30d\n      compression: 0.3\n")).get()
        #expect(s.cnpg.first?.compression == .ratio(0.3))
    }

    @Test func parityTooHigh() {
        expectErrors(
            base(replacing: "drives: 4\n", with: "drives: 4\n    parity: ⟨⟩3\n"),
            [
                (
                    "targets.minio.parity",
                    "parity '3' is more than half of 4 drives; MinIO allows at most half the drives as parity; use at most 2"
                )
            ])
    }

    @Test func keysThatDoNotApplyToTheTargetKind() {
        expectErrors(
            """
            workloads:
              files: {kind: volume, size: 1Gi}
            backups:
              velero:
                nightly: {schedule: "0 3 * * *", volumes: [files], target: bucket}
            targets:
              bucket:
                kind: s3
                ⟨⟩capacity: 1Ti
                ⟨⟩drives: 4
              disks:
                kind: cluster
                capacity: 1Ti
                ⟨⟩region: us-east-1
                ⟨⟩replicates: [velero/nightly]

            """,
            [
                ("targets.bucket.capacity", "an s3 target has no capacity limit; remove 'capacity'"),
                ("targets.bucket.drives", "'drives' applies only to minio targets, and this one is s3; remove it"),
                ("targets.disks.region", "'region' applies only to s3 targets, and this one is cluster; remove it"),
                ("targets.disks.replicates", "'replicates' applies only to minio or s3 targets, and this one is cluster; remove it"),
            ])
    }

    @Test func regionWithoutPrices() {
        expectErrors(
            base(replacing: "targets:\n", with: "targets:\n  offsite:\n    kind: s3\n    region: ⟨⟩ap-south-1\n"),
            [
                (
                    "targets.offsite.region",
                    "region 'ap-south-1' has no built-in prices; give prices.storage_gb_month and prices.put_per_1000; or use one of us-east-1, us-east-2, us-west-1, us-west-2, eu-central-1"
                )
            ])
    }

    @Test func tierListWhoseLastTierHasUpTo() {
        expectErrors(
            base(
                replacing: "targets:\n",
                with: """
                    targets:
                      offsite:
                        kind: s3
                        prices:
                          storage_gb_month:
                            - {up_to: 50Ti, price: 0.023}
                            - {⟨⟩up_to: 500Ti, price: 0.022}

                    """),
            [
                (
                    "targets.offsite.prices.storage_gb_month.up_to",
                    "the last tier must not have 'up_to': it prices everything above the tier before it; add a last tier with only a price"
                )
            ])
    }

    @Test func tierBoundsMustIncrease() {
        expectErrors(
            base(
                replacing: "targets:\n",
                with: """
                    targets:
                      offsite:
                        kind: s3
                        prices:
                          storage_gb_month: [{up_to: 50Ti, price: 0.023}, {up_to: ⟨⟩10Ti, price: 0.022}, {price: 0.021}]

                    """),
            [("targets.offsite.prices.storage_gb_month.up_to", "up_to '10Ti' is not above the previous tier's up_to; up_to is cumulative")])
    }

    @Test func jobAndTargetKinds() {
        expectErrors(
            base(
                replacing: "targets:\n",
                with: """
                      longhorn:
                        snap: {task: snapshot, schedule: "0 * * * *", retain: 3, volumes: [files], target: ⟨⟩minio}
                        back: {schedule: "0 * * * *", retain: 3, volumes: [files], target: ⟨⟩disks}
                    targets:
                      disks: {kind: cluster, capacity: 1Ti}

                    """),
            [
                (
                    "backups.longhorn.snap.target",
                    "'minio' is a minio target; a longhorn snapshot job stays on the cluster's disks and needs a cluster target"
                ),
                (
                    "backups.longhorn.back.target",
                    "'disks' is a cluster target; a longhorn backup job writes to an object store (a minio or s3 target)"
                ),
            ])
    }

    @Test func replicatesChecks() {
        expectErrors(
            """
            workloads:
              app-db: {kind: postgres, size: 1Gi}
              files: {kind: volume, size: 1Gi}
            backups:
              cnpg:
                app-postgres: {workload: app-db, retention: 7d, target: self}
              velero:
                nightly: {schedule: "0 3 * * *", volumes: [files], target: self}
              longhorn:
                snap: {task: snapshot, schedule: "0 * * * *", retain: 3, volumes: [files], target: disks}
            targets:
              self:
                kind: minio
                capacity: 1TB
                replicates: [⟨⟩cnpg/app-postgres]
              offsite:
                kind: s3
                replicates: [⟨⟩cnpg/app-postgre, ⟨⟩restic/x, velero/nightly, ⟨⟩velero/nightly, ⟨⟩longhorn/snap]
              disks: {kind: cluster, capacity: 1Ti}

            """,
            [
                ("targets.self.replicates", "'cnpg/app-postgres' already writes to 'self'; a target cannot hold a replica of its own job"),
                ("targets.offsite.replicates", "no cnpg job named 'app-postgre'; did you mean 'app-postgres'?"),
                (
                    "targets.offsite.replicates",
                    "expected a job as TIER/NAME such as 'cnpg/app-postgres', found 'restic/x'; TIER is one of cnpg, velero, longhorn"
                ),
                ("targets.offsite.replicates", "'velero/nightly' is listed twice"),
                (
                    "targets.offsite.replicates",
                    "'longhorn/snap' is a snapshot job; snapshots stay on the cluster's disks and cannot be replicated"
                ),
            ])
    }

    @Test func growthPastTheModelLimit() {
        // 1 PiB growing 1 EiB a day: size at the end of day d is 2^50 + 2^60·(d+1), which
        // passes 2^70 first when d + 1 = 1024, at d = 1023 (2026-01-01 + 1023 days = 2028-10-20).
        expectErrors(
            base(replacing: "horizon: 30d", with: "horizon: 10y").replacing("size: 20Gi\n", with: "size: 1PiB\n    growth: ⟨⟩1024PiB/day\n"),
            [
                (
                    "workloads.files.growth",
                    "workload 'files' grows past 2^70 bytes (1 ZiB), the most the model handles, on day 1023 (2028-10-20); lower the growth or shorten the horizon"
                )
            ])
        #expect(ScenarioValidator.firstDayPastModelLimit(size: 0x1p50, growth: .absolute(bytesPerDay: 0x1p60), days: 3650) == 1023)
        #expect(ScenarioValidator.firstDayPastModelLimit(size: 0x1p50, growth: .absolute(bytesPerDay: 0x1p60), days: 1023) == nil)
        // Doubling every day from 2^60: end of day d is 2^(61+d), past 2^70 at d = 10.
        #expect(ScenarioValidator.firstDayPastModelLimit(size: 0x1p60, growth: .relative(fraction: 1, periodDays: 1), days: 365) == 10)
        #expect(ScenarioValidator.firstDayPastModelLimit(size: 0x1p69, growth: .absolute(bytesPerDay: -1e20), days: 365) == nil)
    }

    // MARK: - Overrides

    @Test func overrideSetsAKeyTheFileLeavesAtItsDefault() throws {
        let s = try load(
            base, overrides: ["backups.velero.nightly.ttl=336h", "kpis.rpo=2h", "backups.velero.nightly.volumes=[files, app-db]"]
        ).get()
        #expect(s.velero.first?.ttl == Seconds(336 * 3600))
        #expect(s.velero.first?.volumes == ["files", "app-db"])
        #expect(s.kpis.rpo == Seconds(7200))
    }

    @Test func overrideReplacesAFileValueAndReadsFlowValues() throws {
        let s = try load(
            base,
            overrides: [
                "horizon=90d", "targets.minio.drives=8", "backups.velero.nightly.schedule=*/30 * * * *",
                "workloads.app-db={kind: postgres, size: 2Gi, growth: 1GiB/day}",
            ]
        ).get()
        #expect(s.horizonDays == 90)
        #expect(s.targets.first?.parity == 4)
        #expect(s.velero.first?.schedule.text == "*/30 * * * *")  // not YAML, taken as text
        #expect(s.workloads.first?.growth == .absolute(bytesPerDay: 1_073_741_824))
    }

    @Test func overrideWithAnUnknownPathListsTheKeysThere() {
        #expect(
            errors(base, overrides: ["backups.velero.nightly.tll=336h"]) == [
                "--set 'backups.velero.nightly.tll=336h': error: backups.velero.nightly.tll: unknown path: 'backups.velero.nightly' has no key 'tll'; its keys are schedule, ttl, resources, volumes, mode, compression, block_amplification, reclaim_delay, target; did you mean 'ttl'?"
            ])
        #expect(
            errors(base, overrides: ["backups.velero.weekly.ttl=336h"]) == [
                "--set 'backups.velero.weekly.ttl=336h': error: backups.velero.weekly.ttl: unknown path: no velero job named 'weekly' in the file (--set cannot add one); the velero jobs under 'backups.velero' are nightly"
            ])
        #expect(
            errors(base, overrides: ["backups.longhorn.x.retain=3"]) == [
                "--set 'backups.longhorn.x.retain=3': error: backups.longhorn.x.retain: unknown path: no longhorn job named 'x' in the file (--set cannot add one); the file has none under 'backups.longhorn'"
            ])
        #expect(
            errors(base, overrides: ["horizon.days=3"]) == [
                "--set 'horizon.days=3': error: horizon.days: unknown path: 'horizon' is a value, with no key 'days' under it"
            ])
        #expect(
            errors(base, overrides: ["workloads={}"]) == [
                "--set 'workloads={}': error: workloads: cannot replace 'workloads' whole: it holds names, and --set cannot add or remove one; set a key under an existing name instead"
            ])
    }

    @Test func badValueFromSetIsReportedAtTheCommandLine() {
        #expect(
            errors(base, overrides: ["backups.cnpg.app-postgres.retention=720h", "targets.minio.parity=3"]) == [
                "--set 'backups.cnpg.app-postgres.retention=720h': error: backups.cnpg.app-postgres.retention: "
                    + "expected a retention policy such as '30d', '4w' or '3m' (a whole number of at least 1 and d, w or m), found '720h'; did you mean '30d'?",
                "--set 'targets.minio.parity=3': error: targets.minio.parity: parity '3' is more than half of 4 drives; MinIO allows at most half the drives as parity; use at most 2",
            ])
        #expect(
            errors(base, overrides: ["backups.velero.nightly.target=offsite"]) == [
                "--set 'backups.velero.nightly.target=offsite': error: backups.velero.nightly.target: no target named 'offsite'; the targets are minio"
            ])
        #expect(
            errors(base, overrides: ["backups.velero.nightly.volumes=[nope"]) == [
                "--set 'backups.velero.nightly.volumes=[nope': error: backups.velero.nightly.volumes: the value is not a YAML flow value: expected ',' or ']' in the list started at line 1, column 1"
            ])
    }

    @Test func overrideParsing() throws {
        let o = try Override.parse("kpis.rpo=1h=x").get()
        #expect(o.path == "kpis.rpo" && o.value == "1h=x" && o.argument == "kpis.rpo=1h=x")
        #expect(
            Override.parse("kpis.rpo").failureDescription
                == "--set 'kpis.rpo': error: expected PATH=VALUE, found no '='; write it as in 'backups.velero.nightly.ttl=336h'")
        #expect(
            Override.parse("=1h").failureDescription
                == "--set '=1h': error: expected PATH=VALUE, found nothing before '='; write it as in 'backups.velero.nightly.ttl=336h'")
    }

    @Test func overrideProblemsUnderAnAddedKeyAreAtTheCommandLine() {
        // `kpis` is not in the file: the override adds it, and its bad value is the override's.
        #expect(
            errors(base, overrides: ["kpis.rpo=1", "targets.minio.prices.put_per_1000=1"]) == [
                "--set 'kpis.rpo=1': error: kpis.rpo: a duration needs a unit, such as '30d', '720h' or '5min'; found '1'",
                "--set 'targets.minio.prices.put_per_1000=1': error: targets.minio.prices: 'prices' applies only to s3 targets, and this one is minio; remove it",
            ])
        // A problem an override causes elsewhere stays where it is in the file.
        let marked = Marked(base(replacing: "workload: app-db", with: "workload: ⟨⟩app-db"))
        #expect(
            errors(marked.text, overrides: ["workloads.app-db.kind=volume"]) == [
                "lab.yaml:\(marked.positions[0].line):\(marked.positions[0].column): error: backups.cnpg.app-postgres.workload: 'app-db' is a volume workload; a cnpg job backs up a postgres workload; back up a volume with a velero or longhorn job"
            ])
    }

    @Test func overrideSetsATierList() throws {
        let s = try load(
            base + "  offsite: {kind: s3}\n",
            overrides: ["targets.offsite.prices.storage_gb_month=[{up_to: 1Ti, price: 0.02}, {price: 0.01}]"]
        ).get()
        let offsite = try #require(s.targets.first { $0.name == "offsite" })
        #expect(
            offsite.prices?.storageTiers == [PriceTier(upToGB: 1024, price: Money(0.02)), PriceTier(upToGB: nil, price: Money(0.01))])
        #expect(offsite.prices?.putPer1000 == Money(0.005))  // us-east-1's, kept
    }

    @Test func restoreSpeedsAreAbsoluteRates() throws {
        let s = try load(base + "restore:\n  bandwidth: 1GiB/s\n  wal_replay: 8640GiB/day\n").get()
        #expect(s.restore.bandwidthBytesPerSecond == 1_073_741_824)
        #expect(s.restore.walReplayBytesPerSecond == 0.1 * 1_073_741_824)  // 8640 GiB / 86,400 s
        expectErrors(
            base + "restore:\n  bandwidth: ⟨⟩5%/day\n  wal_replay: ⟨⟩0\n",
            [
                ("restore.bandwidth", "expected an absolute rate such as '100MiB/s', found a share of the size, '5%/day'"),
                ("restore.wal_replay", "expected a rate above 0 such as '100MiB/s', found '0'"),
            ])
    }

    @Test func wrongTypesAndTopLevelTypos() {
        expectErrors(
            base(replacing: "version: 1\n", with: "version: 1\n⟨⟩backup: {}\n⟨⟩kpi: {rpo: 1h}\n")
                .replacing("kind: volume", with: "kind: ⟨⟩[volume]")
                .replacing("volumes: [files]", with: "volumes: ⟨⟩files"),
            [
                ("backup", "unknown key; did you mean 'backups'?"),
                ("kpi", "unknown key; did you mean 'kpis'?"),
                ("workloads.files.kind", "expected postgres or volume, found a list"),
                ("backups.velero.nightly.volumes", "expected a list of workload names such as [app-db], found 'files'; write a list, as in [files]"),
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

fileprivate extension Result where Failure == Diagnostics {
    var failureDescriptions: [String] {
        if case .failure(let diagnostics) = self { return diagnostics.items.map(\.description) }
        return ["(loaded without errors)"]
    }
}

fileprivate extension Result where Failure == Diagnostic {
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
