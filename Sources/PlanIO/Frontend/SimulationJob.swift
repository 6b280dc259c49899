import Foundation
import PlanCore

/// `plan simulate`'s pipeline without the run store: one run of the engine feeds the five
/// CSV files, the report's chart data (with `--report`) and any further sink (the run
/// store's recorder), then the files and the report are put in place together.
public struct SimulationJob: Sendable {
    public var scenario: Scenario
    /// `DIR/NAME`: where the files go.
    public var directory: String
    /// Also write `report.html` beside the CSV files.
    public var withReport: Bool
    /// Keep the rows of `workloads.csv` and `targets.csv` as JSON objects (`--format json`).
    public var keepJSONRows: Bool

    public init(scenario: Scenario, layout: OutputLayout, withReport: Bool, keepJSONRows: Bool) {
        self.scenario = scenario
        self.directory = layout.directory(for: scenario.name)
        self.withReport = withReport
        self.keepJSONRows = keepJSONRows
    }

    /// What the summary's `Wrote` line lists: the folder, and the report when there is one.
    public var written: [String] {
        [directory + "/"] + (withReport ? [OutputLayout.join(directory, OutputLayout.reportFile)] : [])
    }

    /// Opens the CSV files under temporary names: done first, so that a run that cannot
    /// write its files creates no run store.
    public func openFiles() -> Result<RunFiles, CommandFailure> {
        do {
            return .success(
                try RunFiles(
                    directory: directory, keepJSONRows: keepJSONRows, days: scenario.horizonDays,
                    alsoReplacing: withReport ? [OutputLayout.reportFile] : []))
        } catch {
            return .failure(.io(error))
        }
    }

    /// Simulates into `files` and `also`, then publishes the files (and the report).
    /// On an invalid scenario the temporary files are removed and nothing is published.
    ///
    /// - Parameters:
    ///   - simulated: called with the result as soon as the simulation ends, before the
    ///     summary files are written and the set published (a recording inserts its summary
    ///     rows meanwhile).
    ///   - published: called once the files are in place, before the folder they replaced
    ///     is removed (`OutputSet.publish`); not called when they cannot be published.
    ///   - dailyBeside: as `run(into:dailyBeside:)`. A recording's writer had the second
    ///     core to itself until its daily rows were packed a day per row (schema v8); it now
    ///     leaves room for the second engine run.
    public func run<Also: SimulationSink>(
        into files: RunFiles, also: Also, dailyBeside: Bool = ProcessInfo.processInfo.activeProcessorCount > 1,
        simulated: (SimulationResult) -> Void = { _ in }, published: () -> Void = {}
    ) -> Result<SimulationOutput, CommandFailure> {
        runFiles(into: files, also: also, dailyBeside: dailyBeside, simulated: simulated, published: published)
    }

    /// Simulates into `files` alone (`--no-record`), then publishes them.
    ///
    /// - Parameter dailyBeside: write `daily.csv` from a second run of the engine on another
    ///   thread (`DailyFile`); by default when there are two cores or more. The engine's own
    ///   time is a small part of writing a day's lines, so two runs side by side end sooner
    ///   than one run that writes every file.
    public func run(
        into files: RunFiles, dailyBeside: Bool = ProcessInfo.processInfo.activeProcessorCount > 1
    ) -> Result<SimulationOutput, CommandFailure> {
        runFiles(into: files, also: NullSink(), dailyBeside: dailyBeside, simulated: { _ in }, published: {})
    }

    private func runFiles<Also: SimulationSink>(
        into files: RunFiles, also: Also, dailyBeside: Bool, simulated: (SimulationResult) -> Void, published: () -> Void
    ) -> Result<SimulationOutput, CommandFailure> {
        var files = files
        let beside = dailyBeside ? DailyRun.start(scenario: scenario, sink: files.handOffDaily()) : nil
        let simulation: Result<SimulationResult, Diagnostics>
        var reportData: ReportData? = nil
        if withReport {
            var sinks = SinkPair(SinkPair(files, ReportCollector(horizonDays: scenario.horizonDays)), also)
            simulation = Engine.simulate(scenario, into: &sinks)
            files = sinks.first.first
            reportData = sinks.first.second.data
        } else {
            var sinks = SinkPair(files, also)
            simulation = Engine.simulate(scenario, into: &sinks)
            files = sinks.first
        }
        // The files are published or removed only once the other run has written its last day.
        let result: SimulationResult
        switch simulation {
        case .success(let r): result = r
        case .failure(let d):
            beside?.wait()
            files.abort()
            return .failure(.invalid(d.items))
        }
        simulated(result)
        let report = reportData.map { [(name: OutputLayout.reportFile, text: ReportFile.html(scenario: scenario, result: result, data: $0))] }
        do {
            try files.finish(result, extra: report ?? [], dailyEnded: { beside?.wait() }, then: published)
        } catch {
            return .failure(.io(error))
        }
        return .success(SimulationOutput(result: result, jsonRows: files.jsonRows))
    }
}

/// What a simulation job produced: the summary, and the JSON rows when they were kept.
public struct SimulationOutput: Sendable {
    public var result: SimulationResult
    public var jsonRows: JSONRows?
}

/// A run of the engine that writes `daily.csv` alone, on a thread of its own
/// (`SimulationJob.run(into:)`). Its result is the other run's, so it is neither kept nor
/// given warnings (their checks skipped: the rows are the same).
private final class DailyRun: @unchecked Sendable {
    private var sink: DailyFile
    private let scenario: Scenario
    private let done = DispatchSemaphore(value: 0)
    /// False when the system refused the thread: `wait` then runs it on the caller's.
    private var started = false

    private init(scenario: Scenario, sink: DailyFile) {
        self.sink = sink
        self.scenario = scenario
    }

    static func start(scenario: Scenario, sink: DailyFile) -> DailyRun {
        let run = DailyRun(scenario: scenario, sink: sink)
        run.started = DetachedThread.start { [run] in
            run.simulate()
            run.done.signal()
        }
        return run
    }

    private func simulate() { _ = Engine.simulate(scenario, into: &sink, warnings: false) }

    /// Returns once the run has written its last day.
    func wait() {
        if started { done.wait() } else { simulate() }
    }
}
