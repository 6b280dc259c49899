import PlanCore

/// The five CSV files of one run in `DIR/NAME/` (version 2: and `drills.csv`, `jobs.csv`), streamed as
/// the engine produces days and put in place together at the end, as one `OutputSet`
/// (cli.md "Files written").
public struct RunFiles: SimulationSink {
    public let directory: String
    /// Every file name a run can write: a run replaces all of them, so that one that it does
    /// not write (the `faults.csv` of an earlier run with faults) is not left beside its own.
    public static let names: Set<String> = Set(
        [
            DailyColumn.file, WorkloadsColumn.file, TargetsColumn.file, MonthlyColumn.file, KPIsColumn.file, FaultsColumn.file,
            DrillsColumn.file, JobsColumn.file,
        ].map { $0 + ".csv" })
    private let set: OutputSet
    private var layout = RowLayout(jobRows: [], workloads: [], targets: [])
    private let daily: StreamingFile
    private let workloads: StreamingFile
    private let targets: StreamingFile
    private var writers = DayFileWriters()
    /// Version 2 with fault keys: `faults.csv`, opened when the layout says so.
    private var faults: StreamingFile?
    private var faultsFailure: PlanIOError?
    /// When set, the rows of `workloads.csv` and `targets.csv` are also kept as JSON objects.
    private var json: JSONRows?
    private let jsonScratch = ByteBuffer()
    /// Set by `handOffDaily`: a `DailyFile` writes `daily.csv`, and this set the others.
    private var dailyHandedOff = false

    /// Opens the three streamed files in the run's output set. `alsoReplacing` names further
    /// files the set replaces (`report.html` with `--report`); `days`, the horizon, sizes the
    /// JSON rows kept.
    public init(directory: String, keepJSONRows: Bool = false, days: Int = 0, alsoReplacing: Set<String> = []) throws(PlanIOError) {
        self.directory = directory
        set = try OutputSet(directory: directory, owns: RunFiles.names.union(alsoReplacing))
        do {
            daily = try set.file(RunFiles.name(DailyColumn.self))
            workloads = try set.file(RunFiles.name(WorkloadsColumn.self))
            targets = try set.file(RunFiles.name(TargetsColumn.self))
        } catch {
            set.abort()
            throw error
        }
        json = keepJSONRows ? JSONRows(days: days) : nil
    }

    /// Writes the headers of the run's scenario version.
    public mutating func begin(_ layout: RowLayout) {
        self.layout = layout
        let v = layout.version
        if !dailyHandedOff { daily.write(DailyColumn.header(version: v)) }
        workloads.write(WorkloadsColumn.header(version: v))
        targets.write(TargetsColumn.header(version: v))
        writers = DayFileWriters(version: v)
        if layout.faultJobs != nil {
            do {
                let file = try set.file(RunFiles.name(FaultsColumn.self))
                file.write(FaultsColumn.header(version: 2))
                faults = file
            } catch {
                faultsFailure = error
            }
        }
    }

    public mutating func day(_ rows: DayRows) {
        writers.append(
            rows, layout: layout, daily: dailyHandedOff ? nil : daily.buffer, workloads: workloads.buffer, targets: targets.buffer,
            faults: faults?.buffer)
        if !dailyHandedOff { daily.flushIfFull() }
        workloads.flushIfFull()
        targets.flushIfFull()
        faults?.flushIfFull()
        json?.add(rows, layout: layout, scratch: jsonScratch)
    }

    /// Hands `daily.csv` to a sink of its own, for a second run of the engine on another
    /// thread; from then on this set writes the other files. Call it before the first day, and
    /// let that run end before `finish` or `abort`.
    public mutating func handOffDaily() -> DailyFile {
        dailyHandedOff = true
        return DailyFile(file: daily)
    }

    /// The JSON rows kept, if asked for.
    public var jsonRows: JSONRows? { json }

    /// Writes `monthly.csv` and `kpis.csv` (version 2: `drills.csv`, `jobs.csv`) and the `extra`
    /// files (`report.html`), then puts the whole set in place (`published` as
    /// `OutputSet.publish` calls it).
    ///
    /// - Parameter dailyEnded: returns once the `DailyFile` handed off has its last day
    ///   (`handOffDaily`). Meanwhile this set writes the summary files and syncs its own; it
    ///   is called before the set is published or removed, on every path.
    public func finish(
        _ result: SimulationResult, extra: [(name: String, text: String)] = [], dailyEnded: () -> Void = {},
        then published: () -> Void = {}
    ) throws(PlanIOError) {
        do throws(PlanIOError) {
            if let faultsFailure { throw faultsFailure }
            try set.add(RunFiles.name(MonthlyColumn.self), text: CSVRenderer.monthly(result.monthly))
            try set.add(RunFiles.name(KPIsColumn.self), text: CSVRenderer.kpis(result.kpis))
            if result.version >= 2 {
                try set.add(RunFiles.name(DrillsColumn.self), text: CSVRenderer.drills(result.drills))
                try set.add(RunFiles.name(JobsColumn.self), text: CSVRenderer.jobs(result.jobCosts))
            }
            for file in extra { try set.add(file.name, text: file.text) }
            if dailyHandedOff { try set.finishWriting(except: [RunFiles.name(DailyColumn.self)]) }
        } catch {
            dailyEnded()
            set.abort()
            throw error
        }
        dailyEnded()
        try set.publish(then: published)
    }

    /// Removes the temporary files.
    public func abort() {
        set.abort()
    }

    /// The paths of the five files.
    public var paths: [String] {
        [
            RunFiles.path(directory, DailyColumn.self), RunFiles.path(directory, WorkloadsColumn.self),
            RunFiles.path(directory, TargetsColumn.self), RunFiles.path(directory, MonthlyColumn.self),
            RunFiles.path(directory, KPIsColumn.self),
        ]
    }

    /// `DIR/FILE.csv`.
    static func path<C: OutputColumn>(_ directory: String, _ column: C.Type) -> String {
        directory + "/" + name(column)
    }

    /// `FILE.csv`.
    static func name<C: OutputColumn>(_: C.Type) -> String { C.file + ".csv" }
}
