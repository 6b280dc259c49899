import PlanCore

/// The five CSV files of one run in `DIR/NAME/` (version 2: and `drills.csv`, `jobs.csv`), streamed as
/// the engine produces days and renamed into place together at the end (cli.md "Files
/// written").
public struct RunFiles: SimulationSink {
    public let directory: String
    private var layout = RowLayout(jobRows: [], workloads: [], targets: [])
    private let daily: StreamingFile
    private let workloads: StreamingFile
    private let targets: StreamingFile
    private var dailyWriter = DayFileWriter<DailyColumn>()
    private var workloadsWriter = DayFileWriter<WorkloadsColumn>()
    private var targetsWriter = DayFileWriter<TargetsColumn>()
    /// Version 2 with fault keys: `faults.csv`, opened when the layout says so.
    private var faults: StreamingFile?
    private var faultsWriter = DayFileWriter<FaultsColumn>(version: 2)
    private var faultsFailure: PlanIOError?
    /// When set, the rows of `workloads.csv` and `targets.csv` are also kept as JSON objects.
    private var json: JSONRows?

    /// Opens the three streamed files under temporary names.
    public init(directory: String, keepJSONRows: Bool = false) throws(PlanIOError) {
        self.directory = directory
        try StreamingFile.makeDirectory(directory)
        StreamingFile.removeStale(in: directory)
        daily = try StreamingFile(path: RunFiles.path(directory, DailyColumn.self))
        do {
            workloads = try StreamingFile(path: RunFiles.path(directory, WorkloadsColumn.self))
            targets = try StreamingFile(path: RunFiles.path(directory, TargetsColumn.self))
        } catch {
            daily.abort()
            throw error
        }
        json = keepJSONRows ? JSONRows() : nil
    }

    /// Writes the headers of the run's scenario version.
    public mutating func begin(_ layout: RowLayout) {
        self.layout = layout
        let v = layout.version
        daily.write(DailyColumn.header(version: v))
        workloads.write(WorkloadsColumn.header(version: v))
        targets.write(TargetsColumn.header(version: v))
        dailyWriter = DayFileWriter(version: v)
        workloadsWriter = DayFileWriter(version: v)
        targetsWriter = DayFileWriter(version: v)
        if layout.faultJobs != nil {
            do {
                let file = try StreamingFile(path: RunFiles.path(directory, FaultsColumn.self))
                file.write(FaultsColumn.header(version: 2))
                faults = file
            } catch {
                faultsFailure = error
            }
        }
    }

    public mutating func day(_ rows: DayRows) {
        let layout = self.layout
        daily.appendBytes { dailyWriter.append(rows, layout: layout, to: &$0) }
        workloads.appendBytes { workloadsWriter.append(rows, layout: layout, to: &$0) }
        targets.appendBytes { targetsWriter.append(rows, layout: layout, to: &$0) }
        faults?.appendBytes { faultsWriter.append(rows, layout: layout, to: &$0) }
        json?.add(rows, layout: layout)
    }

    /// The JSON rows kept, if asked for.
    public var jsonRows: JSONRows? { json }

    /// Writes `monthly.csv` and `kpis.csv` and renames all five files into place.
    public func finish(_ result: SimulationResult) throws(PlanIOError) {
        // Every file is written completely under its temporary name first; only then are
        // the five renamed, one after the other, so a failure leaves none of them half-new.
        var all = [daily, workloads, targets] + (faults.map { [$0] } ?? [])
        if let faultsFailure {
            for f in all { f.abort() }
            throw faultsFailure
        }
        do {
            let monthly = try StreamingFile(path: RunFiles.path(directory, MonthlyColumn.self))
            all.append(monthly)
            monthly.write(CSVRenderer.monthly(result.monthly))
            let kpis = try StreamingFile(path: RunFiles.path(directory, KPIsColumn.self))
            all.append(kpis)
            kpis.write(CSVRenderer.kpis(result.kpis))
            if result.version >= 2 {
                let drills = try StreamingFile(path: RunFiles.path(directory, DrillsColumn.self))
                all.append(drills)
                drills.write(CSVRenderer.drills(result.drills))
                let jobs = try StreamingFile(path: RunFiles.path(directory, JobsColumn.self))
                all.append(jobs)
                jobs.write(CSVRenderer.jobs(result.jobCosts))
            }
            for f in all { try f.finishWriting() }
            for f in all { try f.publish() }
        } catch let error as PlanIOError {
            for f in all { f.abort() }
            throw error
        } catch {
            for f in all { f.abort() }
            throw PlanIOError.cannotWrite(path: directory, reason: "\(error)")
        }
    }

    /// Removes the temporary files.
    public func abort() {
        faults?.abort()
        daily.abort()
        workloads.abort()
        targets.abort()
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
    static func path<C: OutputColumn>(_ directory: String, _: C.Type) -> String {
        directory + "/" + C.file + ".csv"
    }
}
