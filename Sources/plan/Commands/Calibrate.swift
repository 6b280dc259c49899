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
            commandName: "calibrate",
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

                --check simulates the scenario over the range (start = the range's start) and sets each \
                object-store target's simulated used bytes beside its buckets' measured usage \
                (minio_bucket_usage_total_bytes or minio_cluster_usage_buckets_total_bytes, summed over \
                targets.NAME.series.buckets): the drift (measured - simulated) / simulated at the range's end, and \
                both slopes. A drift past --tolerance is a finding; with --check and nothing to write, a figure \
                that cannot be measured is only a warning.

                Exit codes: 0 success, 1 invalid scenario, option or metrics file, a figure that cannot be \
                measured (fewer than 2 samples) or a target that cannot be checked, 2 I/O failure (unreadable \
                file, Prometheus unreachable or refusing the query), 3 --fail-on-drift and a target drifted past \
                the tolerance, 64 malformed command line.
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

        @Flag(help: "Compare each object-store target's simulated used bytes with its buckets' measured usage.")
        var check = false

        @Option(help: ArgumentHelp("With --check: the drift that is a finding.", valueName: "PERCENT"))
        var tolerance: String?

        @Flag(help: "With --check: exit 3 when any target drifts past the tolerance (for CI pipelines).")
        var failOnDrift = false

        func validate() throws {
            if (prometheus == nil) == metrics.isEmpty { throw ValidationError("give either --prometheus URL or --metrics FILE...") }
            if write != nil && inPlace { throw ValidationError("--write and --in-place exclude each other") }
            if !check && (tolerance != nil || failOnDrift) { throw ValidationError("--tolerance and --fail-on-drift need --check") }
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
            let tolerance =
                try check ? self.tolerance.map { try option("--tolerance", $0, ValueSyntax.percent) } ?? CalibrationRequest.defaultTolerance : nil
            let request = CalibrationRequest(
                scenarioPath: scenario, metrics: prometheus.map { .prometheus($0) } ?? .files(metrics), range: rangeSeconds, end: endMs,
                step: stepSeconds, growth: growth, writePath: inPlace ? scenario : write,
                now: Int64((now.timeIntervalSince1970 * 1_000).rounded(.down)), check: tolerance)
            let run = try ExitStatus.check(await CalibrationPipeline.run(request))
            let source = prometheus.map { "Prometheus at '\($0)'" } ?? metrics.joined(separator: ", ")
            StandardOutput.print(CalibrationReport.render(run, source: source))
            for w in run.figureWarnings + run.findings { StandardError.print(w.description) }
            if !run.problems.isEmpty {
                for p in run.problems { StandardError.print(p.description) }
                let n = run.problems.count
                let what =
                    run.check == nil
                    ? "figure\(n == 1 ? "" : "s") cannot be measured"
                    : "figure\(n == 1 ? "" : "s") or target\(n == 1 ? "" : "s") cannot be measured or checked"
                StandardError.print("plan: nothing was written: \(n) \(what)")
                throw ExitStatus.invalid
            }
            let drifted = run.check?.drifted ?? []
            if failOnDrift, let first = drifted.first, let tolerance {
                StandardError.print(
                    "plan: \(drifted.count) target\(drifted.count == 1 ? "" : "s") drifted more than \(DriftCheck.percent(tolerance.fraction, signed: false)) (first: \(first.target), \(DriftCheck.percent(first.drift))); exit 3 (--fail-on-drift)"
                )
                throw ExitStatus.checkFailed
            }
        }

        /// An option's value parsed by `parse`, or exit 1 with the message.
        func option<T>(_ name: String, _ text: String, _ parse: (String) -> Result<T, ValueError>) throws -> T {
            try optionValue(name, text, parse)
        }

        func fail(_ message: String) throws { try failInvalid(message) }
    }
}
