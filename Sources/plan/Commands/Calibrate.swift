import ArgumentParser
import Foundation
import PlanCore
import PlanIO

extension GrowthMode: ExpressibleByArgument {}

extension Plan {
    /// `plan calibrate SCENARIO (--prometheus URL | --metrics FILE…)`: replaces guessed
    /// figures with measured ones (gitops.md "plan calibrate").
    struct Calibrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure workloads' size, growth and WAL from Prometheus and write them into the scenario.",
            discussion: """
                Per workload: size = the fitted value at the end of the range, growth = the slope, wal = the slope \
                of cnpg_collector_wal_bytes (else cnpg_pg_stat_archiver_archived_count × 16 MiB), each an ordinary \
                least-squares fit over the samples, as Prometheus' deriv and predict_linear fit. postgres: \
                cnpg_pg_database_size_bytes summed over datname, from the instance pod (CLUSTER-N) that shows the \
                most; volume: kubelet_volume_stats_used_bytes of the PVC. Workloads are matched by series: \
                {namespace, pvc, cluster}, else by name.

                Without --write or --in-place it only reports. Writing edits the scenario in place (comments and \
                layout kept), marks each value '# measured: …', sets start to the day after the range, and \
                replaces the file atomically.

                Exit codes: 0 success, 1 invalid scenario, option or metrics file, or a figure that cannot be \
                measured (fewer than 2 samples), 2 I/O failure (unreadable file, Prometheus unreachable or \
                refusing the query), 64 malformed command line.
                """)

        @Argument(help: ArgumentHelp("A scenario file (YAML).", valueName: "SCENARIO"))
        var scenario: String

        @Option(help: ArgumentHelp("A Prometheus base URL (GET /api/v1/query_range on it only).", valueName: "URL"))
        var prometheus: String?

        @Option(
            parsing: .upToNextOption,
            help: ArgumentHelp("Saved query_range JSON (or promtool query range -o json) files.", valueName: "FILE"))
        var metrics: [String] = []

        @Option(help: ArgumentHelp("The range fitted, ending at --end.", valueName: "DURATION"))
        var range: String = "30d"

        @Option(
            help: ArgumentHelp(
                "The end of the range: a date (its 00:00 UTC) or a UTC date-time. Default: now (Prometheus), the last sample (files).",
                valueName: "DATE"))
        var end: String?

        @Option(help: ArgumentHelp("Query step. Default: the smallest that keeps a series under 11,000 points.", valueName: "DURATION"))
        var step: String?

        @Option(help: "absolute (bytes per day) or relative (fits log(size): percent per day).")
        var growth: GrowthMode = .absolute

        @Option(help: ArgumentHelp("Write the calibrated scenario to FILE.", valueName: "FILE"))
        var write: String?

        @Flag(help: "Write the calibrated values into SCENARIO itself.")
        var inPlace = false

        func validate() throws {
            if (prometheus == nil) == metrics.isEmpty { throw ValidationError("give either --prometheus URL or --metrics FILE...") }
            if write != nil && inPlace { throw ValidationError("--write and --in-place exclude each other") }
        }

        func run() async throws {
            let now = Date()
            let rangeSeconds = try option("--range", range, ValueSyntax.duration)
            if rangeSeconds.value <= 0 { try fail("error: --range '\(range)': must be longer than 0s") }
            let endMs = try end.map { try option("--end", $0, CalibrationRequest.end) }
            var stepSeconds: Int?
            if let step {
                let s = try option("--step", step, ValueSyntax.duration)
                if s.value < 1 { try fail("error: --step '\(step)': must be at least 1s") }
                stepSeconds = Int(s.value.rounded())
            }
            let request = CalibrationRequest(
                scenarioPath: scenario, metrics: prometheus.map { .prometheus($0) } ?? .files(metrics), range: rangeSeconds, end: endMs,
                step: stepSeconds, growth: growth, writePath: inPlace ? scenario : write,
                now: Int64((now.timeIntervalSince1970 * 1_000).rounded(.down)))
            let run = try ExitStatus.check(await CalibrationPipeline.run(request))
            let source = prometheus.map { "Prometheus at '\($0)'" } ?? metrics.joined(separator: ", ")
            StandardOutput.print(CalibrationReport.render(run, source: source))
            if !run.problems.isEmpty {
                for p in run.problems { StandardError.print(p.description) }
                StandardError.print("plan: nothing was written: \(run.problems.count) figure\(run.problems.count == 1 ? "" : "s") cannot be measured")
                throw ExitStatus.invalid
            }
        }

        /// An option's value parsed by `parse`, or exit 1 with the message.
        func option<T>(_ name: String, _ text: String, _ parse: (String) -> Result<T, ValueError>) throws -> T {
            switch parse(text) {
            case .success(let v): return v
            case .failure(let e):
                StandardError.print(Diagnostic(at: .option(name: name, value: text), path: "", e.message, suggestion: e.suggestion).description)
                throw ExitStatus.invalid
            }
        }

        func fail(_ message: String) throws {
            StandardError.print(message)
            throw ExitStatus.invalid
        }
    }
}
