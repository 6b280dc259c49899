import Foundation
import Testing

@testable import PlanCore
@testable import PlanIO

/// `plan import --metrics`: the fixture tree imported with a saved export whose series are
/// the ones the import's `series` keys name (`Fixtures/metrics/minikube.json`: one sample at
/// each day's end, d = 1 … 30, of the 30 days to 2025-07-01T00:00Z). Worked by hand
/// (MiB = 2^20 B, GiB = 2^30 B):
///
/// - `gitea-postgres` (`cnpg_pg_database_size_bytes{namespace="gitea", pod="gitea-postgres-1"}`):
///   `datname="gitea"` 4 GiB + 64 MiB·d, `datname="postgres"` 8 MiB. Summed over datname and
///   read at d = 30: 4,096 + 8 + 1,920 = 6,024 MiB (5.883 GiB to four figures); growth 64 MiB/day.
///   `cnpg_collector_wal_bytes` 1 GiB + 256 MiB·d: wal 256 MiB/day.
/// - `data-gitea-0` (`kubelet_volume_stats_used_bytes{namespace="gitea",
///   persistentvolumeclaim="data-gitea-0"}`): 2 GiB + 10 MiB·d; at d = 30, 2,348 MiB
///   (2.293 GiB); growth 10 MiB/day.
@Suite("plan import --metrics")
struct ImportCalibrationTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let export = fixtures.appendingPathComponent("metrics/minikube.json").path
    static let mib = 1_048_576.0

    static func imported(_ format: ManifestImport.Format = .yaml) async throws -> ManifestImport.Outcome {
        let request = CalibrationRequest(
            scenarioPath: "", metrics: .files([export]), range: Seconds(30 * 86_400), end: nil, step: nil, growth: .absolute, writePath: nil,
            now: 0)
        return try await ManifestImport.run(
            paths: [ImportTests.root], name: nil, format: format, standardInput: ImportTests.noInput, calibration: request
        ).get()
    }

    static func load(_ text: String) throws -> Scenario {
        try ScenarioLoader.load(
            text: text, options: LoadOptions(file: "minikube.yaml", defaultName: "minikube", today: CivilDate(year: 2026, month: 1, day: 1))
        ).get()
    }

    static func perDay(_ rate: Rate?) -> Double {
        if case .absolute(let b)? = rate { return b }
        return .nan
    }

    @Test("the measured figures replace the guesses, start is the day after the range, and only the rest is listed as guessed")
    func measuredFigures() async throws {
        let outcome = try await Self.imported()
        let s = try Self.load(outcome.text)
        let gitea = try #require(s.workloads.first { $0.name == "gitea-postgres" })
        let data = try #require(s.workloads.first { $0.name == "data-gitea-0" })
        // Four significant figures written: 5.883 GiB = 6,024.2 MiB against 6,024 MiB.
        #expect(Swift.abs(gitea.size.bytes - 6_024 * Self.mib) < 0.0005 * 6_024 * Self.mib)
        #expect(Swift.abs(Self.perDay(gitea.growth) - 64 * Self.mib) < 1)
        #expect(Swift.abs(Self.perDay(gitea.wal) - 256 * Self.mib) < 1)
        #expect(Swift.abs(data.size.bytes - 2_348 * Self.mib) < 0.0005 * 2_348 * Self.mib)
        #expect(Swift.abs(Self.perDay(data.growth) - 10 * Self.mib) < 1)
        #expect(s.start == CivilDate(year: 2025, month: 7, day: 1))

        #expect(outcome.text.contains("    size: 5.883GiB  # measured: cnpg_pg_database_size_bytes over 30d to 2025-07-01, R² 1.0000\n"))
        #expect(outcome.text.contains("    wal: 256MiB/day  # measured: cnpg_collector_wal_bytes over 30d to 2025-07-01, R² 1.0000\n"))
        #expect(outcome.text.contains("    size: 2.293GiB  # measured: kubelet_volume_stats_used_bytes over 30d to 2025-07-01, R² 1.0000\n"))
        #expect(outcome.text.contains("start: 2025-07-01  # measured: the day after the calibration range\n"))
        // Churn is not measured: it stays a guess.
        #expect(outcome.text.contains("    churn: 1%/day  # guess: 1% of the data rewritten a day\n"))

        // 20 guesses without metrics; 5 measured: 15 left, none of them a measured one.
        let guesses = try #require(outcome.guesses)
        #expect(guesses.hasPrefix("warning: 15 figures are guesses"))
        for measured in [
            "workloads.gitea-postgres.size", "workloads.gitea-postgres.growth", "workloads.gitea-postgres.wal", "workloads.data-gitea-0.size",
            "workloads.data-gitea-0.growth",
        ] {
            #expect(!guesses.contains(measured + ","), "\(measured) is measured")
        }
        #expect(guesses.contains("workloads.coder-postgres.size"))
        #expect(
            outcome.measured
                == "measured 5 figures as plan calibrate does: workloads.data-gitea-0.size 2.293GiB, workloads.data-gitea-0.growth 10MiB/day, workloads.gitea-postgres.size 5.883GiB, workloads.gitea-postgres.growth 64MiB/day, workloads.gitea-postgres.wal 256MiB/day; start: 2025-07-01 (the day after the range)"
        )
        // The clusters with no series in the export say why they stay guessed.
        #expect(outcome.findings.contains { $0.description.hasPrefix("warning: workloads.coder-postgres.size: cannot be measured: no series") })
    }

    @Test("JSON gets the same measured values")
    func json() async throws {
        let yaml = try Self.load(try await Self.imported().text)
        let json = try Self.load(try await Self.imported(.json).text)
        #expect(yaml.workloads == json.workloads)
        #expect(json.start == CivilDate(year: 2025, month: 7, day: 1))
    }

    @Test("without metrics the import is as before")
    func unchangedWithoutMetrics() async throws {
        let plain = try ManifestImport.run(paths: [ImportTests.root], name: nil, format: .yaml, standardInput: ImportTests.noInput).get()
        let viaAsync = try await ManifestImport.run(
            paths: [ImportTests.root], name: nil, format: .yaml, standardInput: ImportTests.noInput, calibration: nil
        ).get()
        #expect(plain.text == viaAsync.text)
        #expect(plain.measured == nil)
        #expect(plain.guesses?.hasPrefix("warning: 20 figures are guesses") == true)
    }
}
