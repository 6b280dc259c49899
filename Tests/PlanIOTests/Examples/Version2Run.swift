import Testing

@testable import PlanCore
@testable import PlanIO

/// Runs a version 2 scenario and keeps every day's rows, to read the version 2 values
/// (deleted and noncurrent bytes per row, noncurrent per target) by date and row.
struct Version2Run {
    struct Collector: SimulationSink {
        var layout = RowLayout(jobRows: [], workloads: [], targets: [])
        var days: [DayRows] = []
        mutating func begin(_ layout: RowLayout) { self.layout = layout }
        mutating func day(_ rows: DayRows) { days.append(rows) }

        /// A run's summary and its collected days.
        typealias Result = (SimulationResult, Collector)
    }

    let result: SimulationResult
    let collector: Collector

    init(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let options = LoadOptions(file: "example.yaml", defaultName: "example", today: CivilDate(year: 2026, month: 1, day: 1))
        let scenario = try ScenarioLoader.load(text: yaml, options: options).get()
        var sink = Collector()
        result = try Engine.simulate(scenario, into: &sink).get()
        collector = sink
    }

    /// Day `d`'s values of the daily row of `job` on `target` for `workload` ("" for none).
    func row(day d: Int, job: String, target: String, workload: String = "") -> (stored: Double, deleted: Double, noncurrent: Double)? {
        guard let i = collector.layout.jobRows.firstIndex(where: { $0.job == job && $0.target == target && $0.workload == workload }),
            d < collector.days.count
        else { return nil }
        let day = collector.days[d]
        return (day.jobs[collector.layout.jobRows[i].source].stored, day.deleted[i], day.noncurrent[i])
    }

    /// Day `d`'s used and noncurrent bytes of `target`.
    func target(day d: Int, _ name: String) -> (used: Double, noncurrent: Double)? {
        guard let t = collector.layout.targets.firstIndex(where: { $0.name == name }), d < collector.days.count else { return nil }
        return (collector.days[d].targetUsed[t], collector.days[d].targetNoncurrent[t])
    }

    /// The monthly row of `target` in `month` (`YYYY-MM`).
    func month(_ month: String, _ target: String) -> MonthlyRow? {
        result.monthly.first { $0.month == month && $0.target == target }
    }
}
