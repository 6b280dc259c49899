import PlanCore
import Testing

@testable import PlanIO

extension LoaderTests {
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
}
