import Testing

@testable import PlanCore
@testable import PlanIO

/// The fault keys of scenario.md (`faults.NAME`, `wal_volume`, `max_wal_size`,
/// `kpis.success_rate`, `kpis.wal_tolerance`): read into the model with windows in seconds
/// since 00:00 UTC of `start` (model.md "Version 2: faults", "Windows"), every fault error of
/// "Version 2 errors" (examples.md E51) at its line and column, and the warning for a window
/// outside the horizon. `⟨⟩` marks where an error must point.
@Suite("Scenario loader, faults")
struct FaultsLoaderTests {
    let loader = LoaderTests()

    @Test("E44–E50 load, each window in seconds since 00:00 UTC of the start")
    func examples() throws {
        // (name, kind, job or target, from, until), worked by hand with start 2026-01-01:
        // E44 Jan 4 = 3 d = 259200, Jan 7 = 6 d = 518400; E45 Jan 2 = 86400, + 2 d = 259200;
        // E46 Jan 2 20:00 = 86400 + 72000 = 158400, + 6 h = 180000; E47 Jan 7 = 518400, for
        // ever; E48 Jan 3 = 172800, Jan 6 = 432000; E49 Jan 2 00:30 = 86400 + 1800 = 88200,
        // + 4 h = 102600; E50 Jan 5 = 345600, for ever.
        let cases: [(String, Fault)] = [
            (FaultScenarios.e44, Fault(name: "outage", kind: .runsFail, job: "velero/nightly", from: 259_200, until: 518_400)),
            (FaultScenarios.e45, Fault(name: "broken", kind: .runsFail, job: "cnpg/pg", from: 86_400, until: 259_200)),
            (FaultScenarios.e46, Fault(name: "archive", kind: .archiveDown, job: "cnpg/pg", from: 158_400, until: 180_000)),
            (FaultScenarios.e47, Fault(name: "stuck", kind: .retentionStops, job: "cnpg/pg", from: 518_400, until: nil)),
            (FaultScenarios.e48, Fault(name: "gc", kind: .retentionStops, job: "longhorn/lh", from: 172_800, until: 432_000)),
            (FaultScenarios.e49, Fault(name: "upgrade", kind: .targetDown, target: "m", from: 88_200, until: 102_600)),
            (FaultScenarios.e50, Fault(name: "kopia", kind: .maintenanceStops, job: "velero/nightly", from: 345_600, until: nil)),
        ]
        for (text, fault) in cases {
            let s = try loader.load(text).get()
            #expect(s.faults == [fault], "\(fault.name)")
            #expect(s.hasFaultKeys, "\(fault.name)")
            #expect(try Checks.warnings(for: s).get().filter { $0.hasPrefix("faults.") } == [], "\(fault.name)")
        }
    }

    @Test("the workload and KPI fault keys are read, max_wal_size defaults to 1GiB")
    func otherKeys() throws {
        let e44 = try loader.load(FaultScenarios.e44).get()
        #expect(e44.kpis.successRate == Share(0.999))
        let e46 = try loader.load(FaultScenarios.e46).get()
        #expect(e46.workloads[0].walVolume == ByteCount(10_737_418_240))  // 10 × 2^30
        #expect(e46.workloads[0].maxWALSize == ByteCount(1_073_741_824))
        #expect(e46.kpis.walTolerance == Seconds(14_400))  // 4 h
        let set = FaultScenarios.e46.replacing("wal_volume: 10Gi}", with: "wal_volume: 10Gi, max_wal_size: 2GiB}")
        #expect(try loader.load(set).get().workloads[0].maxWALSize == ByteCount(2_147_483_648))
    }

    @Test("any fault key, even an empty faults, marks the scenario; a file without one is not")
    func hasFaultKeys() throws {
        let noFaults = FaultScenarios.e44.replacing("faults:\n  \(FaultScenarios.e44Fault)\n", with: "").replacing(", success_rate: 99.9%", with: "")
        #expect(try !loader.load(noFaults).get().hasFaultKeys)
        #expect(try loader.load(noFaults + "\nfaults: {}").get().hasFaultKeys)
        #expect(try loader.load(noFaults.replacing("rpo: 1d", with: "rpo: 1d, success_rate: 99%")).get().hasFaultKeys)
        // E46 without its fault and its KPI: wal_volume alone.
        let walVolumeOnly = FaultScenarios.e46.replacing(
            "faults:\n  archive: {kind: archive-down, job: cnpg/pg, from: \"2026-01-02T20:00:00Z\", for: 6h}\n", with: ""
        ).replacing(", wal_tolerance: 4h", with: "")
        let s = try loader.load(walVolumeOnly).get()
        #expect(s.faults.isEmpty && s.hasFaultKeys)
    }

    @Test(
        "a date is its 00:00 UTC; a time with T or a space, seconds and Z optional",
        arguments: [
            ("2026-01-02", 86_400.0), ("2026-01-02T20:00:00Z", 158_400), ("\"2026-01-02 20:00\"", 158_400),
            ("2026-01-02T20:00:30", 158_430), ("2026-01-02t20:00z", 158_400), ("2025-12-31T23:00:00Z", -3_600),
        ])
    func dateTimes(text: String, seconds: Double) throws {
        let s = try loader.load(FaultScenarios.e44(fault: "outage: {kind: retention-stops, job: velero/nightly, from: \(text)}")).get()
        #expect(s.faults.first?.from == seconds)
        #expect(s.faults.first?.until == nil)
    }

    @Test("E51: a job or target that does not exist")
    func missingReferences() {
        loader.expectErrors(
            FaultScenarios.e44(fault: "outage: {kind: runs-fail, job: ⟨⟩velero/nope, from: 2026-01-04, until: 2026-01-07}"),
            [("faults.outage.job", "no job 'velero/nope'; the jobs are velero/nightly")])
        loader.expectErrors(
            FaultScenarios.e49.replacing("target: m, from", with: "target: ⟨⟩nope, from"),
            [("faults.upgrade.target", "no target named 'nope'; the targets are m")])
    }

    @Test("E51: an unknown kind or key, and the keys each kind needs")
    func kindsAndKeys() {
        loader.expectErrors(
            FaultScenarios.e44(fault: "outage: {kind: ⟨⟩runs-failed, job: velero/nightly, from: 2026-01-04, until: 2026-01-07}"),
            [
                (
                    "faults.outage.kind",
                    "expected one of runs-fail, archive-down, retention-stops, target-down, maintenance-stops, found 'runs-failed'; did you mean 'runs-fail'?"
                )
            ])
        // A misspelt key is taken for the one it resembles: not reported missing again.
        loader.expectErrors(
            FaultScenarios.e44(fault: "outage: {kind: runs-fail, job: velero/nightly, from: 2026-01-04, ⟨⟩untill: 2026-01-07}"),
            [("faults.outage.untill", "unknown key; did you mean 'until'?")])
        loader.expectErrors(
            FaultScenarios.e44(fault: "⟨⟩⟨⟩outage: {kind: runs-fail, until: 2026-01-07}"),
            [("faults.outage", "missing required key 'from'"), ("faults.outage", "missing required key 'job'")])
        loader.expectErrors(
            FaultScenarios.e49.replacing("{kind: target-down, target: m,", with: "{kind: target-down, ⟨⟩job: velero/nightly, target: m,"),
            [
                (
                    "faults.upgrade.job",
                    "'job' does not apply to a target-down fault (the fault acts on every job whose target is down); remove it"
                )
            ])
        loader.expectErrors(
            FaultScenarios.e44(fault: "outage: {kind: runs-fail, job: velero/nightly, ⟨⟩target: m, from: 2026-01-04, until: 2026-01-07}"),
            [("faults.outage.target", "'target' does not apply to a runs-fail fault (a target-down fault names a target); remove it")])
    }

    @Test("E51: archive-down needs a cnpg job, maintenance-stops a velero job, target-down an object store")
    func wrongTiers() {
        loader.expectErrors(
            FaultScenarios.e44(fault: "outage: {kind: archive-down, job: ⟨⟩velero/nightly, from: 2026-01-04, until: 2026-01-07}"),
            [("faults.outage.job", "'archive-down' applies only to cnpg jobs, and 'velero/nightly' is a velero job; name a cnpg job")])
        loader.expectErrors(
            FaultScenarios.e47.replacing("{kind: retention-stops, job: cnpg/pg", with: "{kind: maintenance-stops, job: ⟨⟩cnpg/pg"),
            [("faults.stuck.job", "'maintenance-stops' applies only to velero jobs, and 'cnpg/pg' is a cnpg job; name a velero job")])
        let cluster = FaultScenarios.e49.replacing(
            "  m: {kind: minio, capacity: 10Ti}", with: "  m: {kind: minio, capacity: 10Ti}\n  disks: {kind: cluster, capacity: 1Ti}"
        )
        .replacing("target: m, from", with: "target: ⟨⟩disks, from")
        loader.expectErrors(
            cluster,
            [
                (
                    "faults.upgrade.target",
                    "'disks' is a cluster target; a target-down fault takes down an object store; name a minio or s3 target: m"
                )
            ])
    }

    @Test("E51: the window: both until and for, neither, until not after from, for not positive, a zone offset")
    func windows() {
        loader.expectErrors(
            FaultScenarios.e44(fault: "outage: {kind: runs-fail, job: velero/nightly, from: 2026-01-04, until: 2026-01-07, ⟨⟩for: 1d}"),
            [("faults.outage.for", "both 'until' and 'for'; the window ends at one of them; remove one")])
        loader.expectErrors(
            FaultScenarios.e44(fault: "⟨⟩outage: {kind: runs-fail, job: velero/nightly, from: 2026-01-04}"),
            [
                (
                    "faults.outage",
                    "a runs-fail fault needs an end: 'until' or 'for'; add until: DATE or for: DURATION (only retention-stops and maintenance-stops last for ever)"
                )
            ])
        loader.expectErrors(
            FaultScenarios.e44(fault: "outage: {kind: runs-fail, job: velero/nightly, from: 2026-01-04, until: ⟨⟩2026-01-03}"),
            [
                (
                    "faults.outage.until",
                    "until '2026-01-03' is not after from '2026-01-04'; the window [from, until) is empty; give a later until, or for: DURATION"
                )
            ])
        // `until` equal to `from`: the half-open window is empty too.
        loader.expectErrors(
            FaultScenarios.e44(fault: "outage: {kind: runs-fail, job: velero/nightly, from: 2026-01-04, until: ⟨⟩\"2026-01-04 00:00\"}"),
            [
                (
                    "faults.outage.until",
                    "until '2026-01-04 00:00' is not after from '2026-01-04'; the window [from, until) is empty; give a later until, or for: DURATION"
                )
            ])
        loader.expectErrors(
            FaultScenarios.e44(fault: "outage: {kind: runs-fail, job: velero/nightly, from: 2026-01-04, for: ⟨⟩0s}"),
            [("faults.outage.for", "expected a duration above 0, found '0s'")])
        // 02:00 at +02:00 is 00:00 UTC; 20:00 at -05:00 is 01:00 UTC the next day.
        loader.expectErrors(
            FaultScenarios.e44(
                fault: "outage: {kind: runs-fail, job: velero/nightly, from: ⟨⟩\"2026-01-04T02:00:00+02:00\", until: ⟨⟩2026-01-06T20:00-0500}"),
            [
                ("faults.outage.from", "'2026-01-04T02:00:00+02:00' has a zone offset; times are UTC; write '2026-01-04'"),
                ("faults.outage.until", "'2026-01-06T20:00-0500' has a zone offset; times are UTC; write '2026-01-07T01:00:00Z'"),
            ])
        loader.expectErrors(
            FaultScenarios.e44(fault: "outage: {kind: runs-fail, job: velero/nightly, from: ⟨⟩2026-01-04T25:00, until: 2026-01-07}"),
            [
                (
                    "faults.outage.from",
                    "expected a date or a UTC date-time such as '2026-03-01' or '2026-03-01T06:00:00Z', found '2026-01-04T25:00'"
                )
            ])
    }

    @Test("E51: the fault keys need version 2, and wal_volume or max_wal_size a postgres workload")
    func versionAndWorkloads() {
        loader.expectErrors(
            FaultScenarios.e44.replacing("version: 2", with: "version: 1").replacing("faults:", with: "⟨⟩faults:").replacing(
                "success_rate", with: "⟨⟩success_rate"),
            [("faults", "a version 2 key; add version: 2"), ("kpis.success_rate", "a version 2 key; add version: 2")])
        loader.expectErrors(
            FaultScenarios.e44.replacing(
                "vol: {kind: volume, size: 10GiB}", with: "vol: {kind: volume, size: 10GiB, ⟨⟩wal_volume: 1Gi, ⟨⟩max_wal_size: 1GiB}"),
            [
                ("workloads.vol.wal_volume", "'wal_volume' applies only to postgres workloads, and 'vol' is a volume; remove it"),
                ("workloads.vol.max_wal_size", "'max_wal_size' applies only to postgres workloads, and 'vol' is a volume; remove it"),
            ])
        loader.expectErrors(
            FaultScenarios.e46.replacing("wal_volume: 10Gi", with: "wal_volume: ⟨⟩0").replacing("wal_tolerance: 4h", with: "wal_tolerance: ⟨⟩soon"),
            [
                ("workloads.db.wal_volume", "expected a size above 0, found '0'"),
                ("kpis.wal_tolerance", "expected a duration such as '30d', '720h' or '5min', found 'soon'"),
            ])
    }

    @Test("E51: a window wholly outside the horizon is a warning, printed by validate and simulate alike")
    func outsideTheHorizon() throws {
        let in2027 = FaultScenarios.e44(fault: "outage: {kind: runs-fail, job: velero/nightly, from: 2027-01-04, until: 2027-01-07}")
        let s = try loader.load(in2027).get()
        // 2026 has 365 days: Jan 4 2027 is day 365 + 3 = 368, 31795200 s.
        #expect(s.faults.first?.from == 31_795_200)
        let warning =
            "faults.outage: its window [2027-01-04, 2027-01-07) lies wholly outside the horizon (2026-01-01 to 2026-01-10): the fault never takes effect"
        #expect(try Checks.warnings(for: s).get().contains(warning))
        #expect(try Engine.simulate(s).get().warnings.contains(warning))
        // Ending exactly at the start, or starting at the end of the horizon (day 10): outside.
        let before = try loader.load(FaultScenarios.e44(fault: "outage: {kind: runs-fail, job: velero/nightly, from: \"2025-12-31 18:00\", for: 6h}"))
            .get()
        #expect(
            try Checks.warnings(for: before).get().contains(
                "faults.outage: its window [2025-12-31T18:00:00Z, 2026-01-01) lies wholly outside the horizon (2026-01-01 to 2026-01-10): the fault never takes effect"
            ))
        let after = try loader.load(FaultScenarios.e44(fault: "outage: {kind: retention-stops, job: velero/nightly, from: 2026-01-11}")).get()
        #expect(
            try Checks.warnings(for: after).get().contains(
                "faults.outage: its window from 2026-01-11 on lies wholly outside the horizon (2026-01-01 to 2026-01-10): the fault never takes effect"
            ))
        // A window that reaches into the horizon by one second is not warned about.
        let inside = try loader.load(
            FaultScenarios.e44(fault: "outage: {kind: runs-fail, job: velero/nightly, from: 2025-12-31, until: \"2026-01-01T00:00:01Z\"}")
        ).get()
        #expect(try Checks.warnings(for: inside).get().filter { $0.hasPrefix("faults.") } == [])
    }

    @Test("the fault settings are listed, as UTC date-times, only in a file with a fault key")
    func settings() throws {
        let s = try loader.load(FaultScenarios.e46).get()
        let settings = Dictionary(ScenarioSettings.flatten(s).map { ($0.path, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(settings["faults.archive.kind"] == "archive-down")
        #expect(settings["faults.archive.job"] == "cnpg/pg")
        #expect(settings["faults.archive.from"] == "2026-01-02T20:00:00Z")
        #expect(settings["faults.archive.until"] == "2026-01-03T02:00:00Z")  // from + 6h
        #expect(settings["workloads.db.wal_volume"] == "10Gi")
        #expect(settings["workloads.db.max_wal_size"] == "1Gi")
        #expect(settings["kpis.wal_tolerance"] == "4h")
        let without = try loader.load(Version2LoaderTests.full).get()
        #expect(!ScenarioSettings.flatten(without).contains { $0.path.hasPrefix("faults.") || $0.path.hasSuffix("max_wal_size") })
    }
}
