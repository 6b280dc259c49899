import ArgumentParser
import PlanCore
import PlanIO

/// `plan import --metrics FILE… | --prometheus URL [--range] [--end] [--step]`: where the
/// measurements come from, read as `plan calibrate` reads them.
struct MeasureOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Measure the guessed figures from this Prometheus (as plan calibrate does).", valueName: "URL"))
    var prometheus: String?

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp("Measure the guessed figures from saved query_range JSON files (as plan calibrate does).", valueName: "FILE"))
    var metrics: [String] = []

    @Option(help: ArgumentHelp("With --metrics or --prometheus: the range fitted, ending at --end.", valueName: "DURATION"))
    var range: String = "30d"

    @Option(
        help: ArgumentHelp(
            "With --metrics or --prometheus: the end of the range (a date or a UTC date-time). Default: now (Prometheus), the last sample (files).",
            valueName: "DATE"))
    var end: String?

    @Option(help: ArgumentHelp("With --prometheus: the query step (default as plan calibrate).", valueName: "DURATION"))
    var step: String?

    func validate() throws {
        if prometheus != nil && !metrics.isEmpty { throw ValidationError("give either --prometheus URL or --metrics FILE..., not both") }
    }

    /// The calibration asked for, or nil without `--metrics` and `--prometheus`; exit 1 on a bad value.
    func request(now: Int64) throws -> CalibrationRequest? {
        let source: CalibrationRequest.Metrics
        if let prometheus {
            source = .prometheus(prometheus)
        } else if !metrics.isEmpty {
            source = .files(metrics)
        } else {
            return nil
        }
        let rangeSeconds = try optionValue("--range", range, ValueSyntax.duration)
        if rangeSeconds.value <= 0 { try failInvalid("error: --range '\(range)': must be longer than 0s") }
        let endMs = try end.map { try optionValue("--end", $0, CalibrationRequest.end) }
        var stepSeconds: Int?
        if let step {
            let s = try optionValue("--step", step, ValueSyntax.duration)
            if s.value < 1 { try failInvalid("error: --step '\(step)': must be at least 1s") }
            stepSeconds = Int(s.value.rounded())
        }
        return CalibrationRequest(
            scenarioPath: "", metrics: source, range: rangeSeconds, end: endMs, step: stepSeconds, growth: .absolute, writePath: nil,
            now: now)
    }
}

/// An option's value parsed by `parse`, or exit 1 with the message.
func optionValue<T>(_ name: String, _ text: String, _ parse: (String) -> Result<T, ValueError>) throws -> T {
    switch parse(text) {
    case .success(let v): return v
    case .failure(let e):
        StandardError.print(Diagnostic(at: .option(name: name, value: text), path: "", e.message, suggestion: e.suggestion).description)
        throw ExitStatus.invalid
    }
}

/// Exit 1 with `message`.
func failInvalid(_ message: String) throws {
    StandardError.print(message)
    throw ExitStatus.invalid
}
