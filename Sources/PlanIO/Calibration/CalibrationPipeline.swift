import Foundation
import PlanCore

/// What one calibration found, for the report and the exit code.
public struct CalibrationRun: Sendable {
    public var scenario: Scenario
    public var window: CalibrationWindow
    /// The step of the range queries (Prometheus); nil for saved files.
    public var step: Int?
    public var outcome: CalibrationOutcome
    /// Per fit, the value as the file writes it now (nil: the key is left at its default).
    public var oldTexts: [String?]
    /// The day after the range: the scenario's new `start`.
    public var newStart: CivilDate
    /// Notes about the input (Prometheus' infos, an empty answer), printed as warnings.
    public var warnings: [String]
    /// Figures that cannot be measured, located on their scenario keys (exit 1).
    public var problems: [Diagnostic]
    /// The file written (`--write`, `--in-place`), when one was.
    public var written: String?
    /// `--check` without writing: the figures that cannot be measured, as warnings.
    public var figureWarnings: [Diagnostic] = []
    /// `--check`: the targets beside their buckets.
    public var check: DriftOutcome?
    /// `--check`: the drifts past the tolerance, located on `targets.NAME` (warnings; exit 3
    /// with `--fail-on-drift`).
    public var findings: [Diagnostic] = []
}

/// `plan calibrate`: load the scenario, read the samples, fit, and write the measured values
/// back when asked (gitops.md "plan calibrate").
public enum CalibrationPipeline {
    public static func run(_ request: CalibrationRequest) async -> Result<CalibrationRun, CommandFailure> {
        let path = request.scenarioPath
        let text: String
        do {
            text = String(decoding: try StreamingFile.read(path), as: UTF8.self)
        } catch {
            return .failure(.io(error))
        }
        var run: CalibrationRun
        switch await measure(text: text, path: path, request: request) {
        case .success(let r): run = r
        case .failure(let f): return .failure(f)
        }
        guard run.problems.isEmpty, let target = request.writePath else { return .success(run) }

        // Every value, then `start`; the edited text must load as a valid scenario before it
        // replaces anything (written to a temporary file and renamed).
        let edited: String
        switch ScenarioEditor.apply(edits(run, range: request.range), to: text) {
        case .success(let t): edited = t
        case .failure(let e): return .failure(.invalidMessage("error: --write: \(e.message)"))
        }
        if case .failure(let d) = ScenarioLoader.load(text: edited, options: options(path, request)) {
            return .failure(.invalidMessage("error: --write: the edited scenario would not load:\n" + d.description))
        }
        do {
            try StreamingFile.write(edited, to: target)
        } catch {
            return .failure(.io(error))
        }
        run.written = target
        return .success(run)
    }

    static func options(_ path: String, _ request: CalibrationRequest) -> LoadOptions {
        LoadOptions(
            file: path, defaultName: ScenarioSource.defaultName(path), today: CivilDate(daysSinceEpoch: Int(request.now / 86_400_000)))
    }

    /// The calibration of a scenario's text (`path` names it in messages): load it, read the
    /// samples, fit, and with `request.check` compare the targets with their buckets.
    /// Writes nothing; `plan import --metrics` calls it on the scenario it built.
    public static func measure(text: String, path: String, request: CalibrationRequest) async -> Result<CalibrationRun, CommandFailure> {
        let scenario: Scenario
        let document: ScenarioDocument
        switch (ScenarioLoader.load(text: text, options: options(path, request)), ScenarioDocument.parse(text: text, file: path)) {
        case (.success(let s), .success(let d)):
            scenario = s
            document = d
        case (.failure(let d), _), (_, .failure(let d)):
            return .failure(.invalid(d.items))
        }

        // The samples, and the window they are fitted over.
        var series: [LabeledSeries] = []
        var warnings: [String] = []
        var step: Int?
        let rangeMs = Int64((request.range.value * 1_000).rounded())
        let end: Int64
        switch request.metrics {
        case .files(let files):
            for file in files {
                let bytes: [UInt8]
                do {
                    bytes = try StreamingFile.read(file)
                } catch {
                    return .failure(.io(error))
                }
                switch MetricsDocument.parse(bytes, source: file) {
                case .success(let d):
                    series += d.series
                    warnings += d.warnings.map { "\(file): \($0)" }
                case .failure(let e): return .failure(.invalidMessage(e.description))
                }
            }
            end = request.end ?? series.compactMap { $0.samples.last?.milliseconds }.max() ?? request.now
        case .prometheus(let address):
            guard let client = PrometheusClient(address: address) else {
                return .failure(
                    .invalidMessage("error: --prometheus '\(address)': expected an http:// or https:// URL with a host (and a port from 1 to 65535)"))
            }
            end = request.end ?? request.now
            let s = request.step ?? CalibrationRequest.defaultStep(range: request.range)
            guard Double(rangeMs) / 1_000 / Double(s) <= Double(CalibrationRequest.maximumPoints) else {
                return .failure(
                    .invalidMessage(
                        "error: --step '\(s)s': \(Format.exactDuration(request.range.value)) at this step is more than Prometheus' \(Format.grouped(CalibrationRequest.maximumPoints)) points per series; use --step \(CalibrationRequest.defaultStep(range: request.range))s or more"
                    ))
            }
            step = s
            let asked = queries(scenario.workloads) + (request.check == nil ? [] : bucketQueries(scenario.targets))
            for query in asked {
                switch await client.queryRange(query.text, start: end - rangeMs, end: end, step: s) {
                case .success(let found):
                    series += found.map { f in
                        var labeled = f
                        if labeled.labels["__name__"] == nil { labeled.labels["__name__"] = query.metric }
                        return labeled
                    }
                case .failure(let f): return .failure(.ioMessage(f.message))
                }
            }
        }
        let window = CalibrationWindow(start: end - rangeMs, end: end)
        let outcome = Calibration.calibrate(workloads: scenario.workloads, series: series, window: window, growth: request.growth)
        func located(_ severity: Diagnostic.Severity, _ keyPath: String, _ message: String, _ suggestion: String?) -> Diagnostic {
            let at = document.location(of: keyPath)
            return Diagnostic(severity, at: .file(path: path, line: at.line, column: at.column), path: keyPath, message, suggestion: suggestion)
        }
        // With --check and nothing to write, a figure that cannot be measured does not stop
        // the check (a MinIO export alone checks the buckets): it is a warning.
        let figuresWarn = request.check != nil && request.writePath == nil
        let figureProblems = outcome.problems.map { located(figuresWarn ? .warning : .error, $0.path, $0.message, $0.suggestion) }
        // The range ends inside its last day; the plan starts the day after.
        let newStart = CivilDate(daysSinceEpoch: Int(((end - 1) / 86_400_000))).adding(days: 1)
        var run = CalibrationRun(
            scenario: scenario, window: window, step: step, outcome: outcome, oldTexts: outcome.fits.map { document.text(at: $0.path) },
            newStart: newStart, warnings: warnings, problems: figuresWarn ? [] : figureProblems, written: nil)
        run.figureWarnings = figuresWarn ? figureProblems : []
        if let tolerance = request.check {
            switch DriftCheck.run(scenario: scenario, series: series, window: window, tolerance: tolerance) {
            case .failure(let d): return .failure(.invalid(d.items))
            case .success(let check):
                run.check = check
                run.problems += check.problems.map { located(.error, $0.path, $0.message, $0.suggestion) }
                run.findings = check.targets.compactMap { t in
                    t.finding(tolerance).map { located(.warning, "targets.\(t.target)", $0.message, $0.suggestion) }
                }
            }
        }
        return .success(run)
    }

    /// The edits that write a run's fits into its scenario (`# measured: …`), then `start`.
    public static func edits(_ run: CalibrationRun, range: Seconds) -> [ScenarioEdit] {
        let shown =
            Format.exactDuration(range.value) + " to "
            + Format.dateTime(start: CivilDate(daysSinceEpoch: 0), seconds: Double(run.window.end) / 1_000)
        var edits = run.outcome.fits.map { f in
            ScenarioEdit(
                path: f.path, value: f.value.scenarioText,
                comment: "measured: \(f.metric) over \(shown), R² \(CalibrationReport.r2(f.fit.rSquared))")
        }
        edits.append(ScenarioEdit(path: "start", value: run.newStart.description, comment: "measured: the day after the calibration range"))
        return edits
    }

    /// `--check`: one range query per MinIO bucket metric, for the buckets the targets list
    /// (every bucket when an object-store target lists none).
    static func bucketQueries(_ targets: [Target]) -> [(metric: String, text: String)] {
        let stores = targets.filter(\.isObjectStore)
        let listed = Set(stores.flatMap { $0.series?.buckets ?? [] }).sorted()
        let all = stores.contains { $0.series == nil && $0.kind == .minio }
        guard all || !listed.isEmpty else { return [] }
        let selector =
            all ? "" : "{bucket=~" + PrometheusClient.literal(listed.map(PrometheusClient.regexQuoted).joined(separator: "|")) + "}"
        return [CalibrationMetric.bucketUsageV2, CalibrationMetric.bucketUsageV3].map { ($0, $0 + selector) }
    }

    /// One range query per metric and workload, selecting only its series.
    static func queries(_ workloads: [Workload]) -> [(metric: String, text: String)] {
        var out: [(String, String)] = []
        for w in workloads {
            let namespace = w.series?.namespace.map { ", namespace=" + PrometheusClient.literal($0) } ?? ""
            switch w.kind {
            case .postgres:
                let cluster = w.series?.cluster ?? w.name
                let pod = "pod=~" + PrometheusClient.literal(PrometheusClient.regexQuoted(cluster) + "-[0-9]+")
                for m in [CalibrationMetric.databaseSize, CalibrationMetric.walBytes, CalibrationMetric.archivedCount] {
                    out.append((m, m + "{" + pod + namespace + "}"))
                }
            case .volume:
                let pvc = "persistentvolumeclaim=" + PrometheusClient.literal(w.series?.pvc ?? w.name)
                out.append((CalibrationMetric.volumeUsed, CalibrationMetric.volumeUsed + "{" + pvc + namespace + "}"))
            }
        }
        return out
    }
}
