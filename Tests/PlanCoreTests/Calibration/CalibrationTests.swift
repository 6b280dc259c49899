import Testing

@testable import PlanCore

/// Matching series to workloads and choosing the instance, on three daily samples.
@Suite struct CalibrationTests {
    static let day: Int64 = 86_400_000
    /// Samples at days 0, 1, 2; the window ends at day 2 and starts just before day 0.
    static let window = CalibrationWindow(start: -1, end: 2 * day)

    static func series(_ name: String, _ labels: [String: String], _ values: [Double]) -> LabeledSeries {
        LabeledSeries(
            labels: labels.merging(["__name__": name]) { a, _ in a },
            samples: values.enumerated().map { MetricSample(milliseconds: Int64($0.offset) * day, value: $0.element) })
    }

    static func fit(_ o: CalibrationOutcome, _ figure: CalibratedFigure) throws -> FigureFit {
        try #require(o.fits.first { $0.figure == figure })
    }

    /// db-1: a = 100, 200, 300 plus b = 10 each day: sums 110, 210, 310, slope 100 a day,
    /// 310 at the end. db-2 (a replica) sums 100, 200, 300: its line ends lower. db-pooler-1 is
    /// no instance (`CLUSTER-N` needs a number) and is ignored though it is far larger.
    /// WAL: db-1 counts 1000, 3000, 1000 (a reset): corrected 1000, 3000, 4000, Σx = 3,
    /// Σy = 8000, Σxy = 3000 + 8000 = 11000, Σx² = 5 (days): cov = 11000 − 3·8000/3 = 3000,
    /// var = 5 − 9/3 = 2, slope 1500 a day; db-2 counts 0, 100, 200 (100 a day): db-1's is
    /// the largest.
    @Test func postgresTakesThePrimary() throws {
        let size = CalibrationMetric.databaseSize
        let input = [
            Self.series(size, ["pod": "db-1", "namespace": "apps", "datname": "a"], [100, 200, 300]),
            Self.series(size, ["pod": "db-1", "namespace": "apps", "datname": "b"], [10, 10, 10]),
            Self.series(size, ["pod": "db-2", "namespace": "apps", "datname": "a"], [90, 190, 290]),
            Self.series(size, ["pod": "db-2", "namespace": "apps", "datname": "b"], [10, 10, 10]),
            Self.series(size, ["pod": "db-pooler-1", "namespace": "apps", "datname": "a"], [1e9, 1e9, 1e9]),
            Self.series(CalibrationMetric.walBytes, ["pod": "db-1", "namespace": "apps"], [1000, 3000, 1000]),
            Self.series(CalibrationMetric.walBytes, ["pod": "db-2", "namespace": "apps"], [0, 100, 200]),
        ]
        let w = Workload(name: "db", kind: .postgres, size: ByteCount(1))
        let o = Calibration.calibrate(workloads: [w], series: input, window: Self.window, growth: .absolute)
        #expect(o.problems.isEmpty)
        let s = try Self.fit(o, .size)
        guard case .size(let bytes) = s.value else { throw Failure.wrongKind }
        #expect(Swift.abs(bytes.bytes - 310) < 1e-9)
        #expect(s.source == "pod db-1, 2 databases")
        guard case .rate(.absolute(let growth)) = try Self.fit(o, .growth).value else { throw Failure.wrongKind }
        #expect(Swift.abs(growth - 100) < 1e-9)
        let wal = try Self.fit(o, .wal)
        guard case .rate(.absolute(let perDay)) = wal.value else { throw Failure.wrongKind }
        #expect(Swift.abs(perDay - 1_500) < 1e-9)
        #expect(wal.resets == 1)
        #expect(o.matches.map(\.text) == ["CNPG cluster 'db' (by the workload's name) in namespace 'apps': 2 instance pods"])
    }

    /// Without `cnpg_collector_wal_bytes` (PostgreSQL 13), archived segments × 16 MiB:
    /// 0, 72, 144 segments a day apart is 72 × 16 MiB = 1,207,959,552 B a day.
    @Test func walFallsBackToArchivedSegments() throws {
        let input = [
            Self.series(CalibrationMetric.databaseSize, ["pod": "pg-1", "datname": "a"], [1, 2, 3]),
            Self.series(CalibrationMetric.archivedCount, ["pod": "pg-1"], [0, 72, 144]),
        ]
        let w = Workload(name: "db", kind: .postgres, size: ByteCount(1), series: WorkloadMetricSeries(cluster: "pg"))
        let o = Calibration.calibrate(workloads: [w], series: input, window: Self.window, growth: .absolute)
        let wal = try Self.fit(o, .wal)
        guard case .rate(.absolute(let perDay)) = wal.value else { throw Failure.wrongKind }
        #expect(Swift.abs(perDay - 1_207_959_552) < 1e-3)
        #expect(wal.metric == "cnpg_pg_stat_archiver_archived_count × 16 MiB")
        #expect(o.matches.first?.text.hasPrefix("CNPG cluster 'pg' (by series.cluster)") == true)
    }

    /// PVC `data` in two namespaces: ambiguous without `series.namespace`; with it, that
    /// namespace's series: 5, 7, NaN → the NaN is left out, 2 a day from 5, 9 at day 2.
    @Test func volumesNeedANamespaceWhenTheNameIsAmbiguous() throws {
        let used = CalibrationMetric.volumeUsed
        let input = [
            Self.series(used, ["namespace": "apps", "persistentvolumeclaim": "data"], [5, 7, .nan]),
            Self.series(used, ["namespace": "other", "persistentvolumeclaim": "data"], [1, 1, 1]),
        ]
        let plain = Workload(name: "data", kind: .volume, size: ByteCount(1))
        let ambiguous = Calibration.calibrate(workloads: [plain], series: input, window: Self.window, growth: .absolute)
        #expect(ambiguous.fits.isEmpty)
        #expect(ambiguous.problems.map(\.message) == ["PVC 'data' is in several namespaces ('apps', 'other')"])
        var named = plain
        named.series = WorkloadMetricSeries(namespace: "apps")
        let o = Calibration.calibrate(workloads: [named], series: input, window: Self.window, growth: .absolute)
        #expect(o.problems.isEmpty)
        let size = try Self.fit(o, .size)
        guard case .size(let bytes) = size.value else { throw Failure.wrongKind }
        #expect(Swift.abs(bytes.bytes - 9) < 1e-9)
        #expect(size.skipped == 1)
        #expect(size.fit.count == 2)
    }

    /// The window is left-open: a sample exactly at its start is not fitted, so one sample
    /// remains and both figures are refused on their keys.
    @Test func oneSampleInTheWindowIsRefused() {
        let input = [Self.series(CalibrationMetric.volumeUsed, ["persistentvolumeclaim": "data"], [5, 7])]
        let window = CalibrationWindow(start: 0, end: 2 * Self.day)
        let o = Calibration.calibrate(
            workloads: [Workload(name: "data", kind: .volume, size: ByteCount(1))], series: input, window: window, growth: .absolute)
        #expect(o.fits.isEmpty)
        #expect(o.problems.map(\.path) == ["workloads.data.size", "workloads.data.growth"])
        #expect(o.problems.first?.message.hasPrefix("cannot be measured: 1 finite sample of") == true)
    }

    /// A falling series: 3072, 1024, -1024 bytes at days 0, 1, 2 (a line of slope −2048 a
    /// day), so the size at the window's end (day 2) is −1024 B: no size; the growth,
    /// −2048 B a day = '-2KiB/day', is a rate the key accepts. Values 1e300, 2e300, 3e300:
    /// a size of 3e300 B and a growth of 1e300 B a day, written in PiB with some 286 digits,
    /// which the value syntax does not read: both refused.
    @Test func unwritableFitsAreProblems() throws {
        let falling = [Self.series(CalibrationMetric.volumeUsed, ["persistentvolumeclaim": "data"], [3072, 1024, -1024])]
        let w = Workload(name: "data", kind: .volume, size: ByteCount(1))
        let o = Calibration.calibrate(workloads: [w], series: falling, window: Self.window, growth: .absolute)
        #expect(o.fits.map(\.path) == ["workloads.data.growth"])
        guard case .rate(.absolute(let perDay)) = try Self.fit(o, .growth).value else { throw Failure.wrongKind }
        #expect(Swift.abs(perDay + 2048) < 1e-9)
        #expect(o.problems.map(\.path) == ["workloads.data.size"])
        #expect(
            o.problems.first?.message
                == "cannot be measured: the fit of kubelet_volume_stats_used_bytes (PVC data) gives '-1KiB', which is negative")
        let huge = [Self.series(CalibrationMetric.volumeUsed, ["persistentvolumeclaim": "data"], [1e300, 2e300, 3e300])]
        let h = Calibration.calibrate(workloads: [w], series: huge, window: Self.window, growth: .absolute)
        #expect(h.fits.isEmpty)
        #expect(h.problems.map(\.path) == ["workloads.data.size", "workloads.data.growth"])
    }

    /// Values are written to four significant figures in scenario syntax.
    @Test func valuesInScenarioSyntax() {
        // 2.5e18 B / 1024^5 = 2220.4 PiB: PiB is the largest unit the value syntax reads
        #expect(CalibratedValue.size(ByteCount(2.5e18)).scenarioText == "2220PiB")
        #expect(ValueSyntax.size("2220PiB").map(\.bytes) == .success(2220 * 1_125_899_906_842_624))
        #expect(CalibratedValue.size(ByteCount(2_291_401_000)).scenarioText == "2.134GiB")
        #expect(CalibratedValue.size(ByteCount(512)).scenarioText == "512")
        #expect(CalibratedValue.rate(.absolute(bytesPerDay: 100 * 1_048_576)).scenarioText == "100MiB/day")
        #expect(CalibratedValue.rate(.absolute(bytesPerDay: -1_572_864)).scenarioText == "-1.5MiB/day")
        #expect(CalibratedValue.rate(.absolute(bytesPerDay: 0.2)).scenarioText == "0")
        #expect(CalibratedValue.rate(.relative(fraction: 0.003_456_7, periodDays: 1)).scenarioText == "0.3457%/day")
    }

    enum Failure: Error { case wrongKind }
}
