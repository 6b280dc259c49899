import PlanCore

/// Writing `report.html`, shared by `plan report` and `plan simulate --report`.
public enum ReportFile {
    /// Renders the report and puts it in `directory/report.html` (an `OutputSet` of one file).
    /// - Returns: the path written.
    public static func write(scenario: Scenario, result: SimulationResult, data: ReportData, directory: String) -> Result<
        String, CommandFailure
    > {
        let path = OutputLayout.join(directory, OutputLayout.reportFile)
        do {
            let set = try OutputSet(directory: directory, owns: [OutputLayout.reportFile])
            try set.add(OutputLayout.reportFile, text: html(scenario: scenario, result: result, data: data))
            try set.publish()
        } catch {
            return .failure(.io(error))
        }
        return .success(path)
    }

    /// The report's HTML.
    public static func html(scenario: Scenario, result: SimulationResult, data: ReportData) -> String {
        HTMLReport(scenario: scenario, result: result, data: data, generator: "plan \(PlanVersion.current)").render()
    }

    /// One line: the scenario, its horizon and whether every KPI passes.
    public static func verdict(_ r: SimulationResult) -> String {
        let failing = r.failingKPIs
        let checks = r.kpiCheckCount
        var line =
            "plan report: \(r.scenarioName)  \(r.start) … \(r.start.adding(days: r.horizonDays - 1)) (\(r.horizonDays) day\(r.horizonDays == 1 ? "" : "s")): "
        if let first = failing.first {
            line +=
                "\(failing.count) of \(checks) KPI checks fail; first: \(first.kpi.rawValue) \(first.subject) on \(first.firstFailure?.description ?? "?")"
        } else if checks > 0 {
            line += "every KPI passes"
        } else {
            line += "no KPI has a limit"
        }
        return line
    }

    /// Simulates `scenario` into the report's chart data and writes `directory/report.html`:
    /// `plan report`'s whole job. Returns the result and the path written.
    public static func run(_ scenario: Scenario, directory: String) -> Result<(result: SimulationResult, path: String), CommandFailure> {
        var collector = ReportCollector(horizonDays: scenario.horizonDays)
        switch Engine.simulate(scenario, into: &collector) {
        case .success(let result):
            return write(scenario: scenario, result: result, data: collector.data, directory: directory).map { (result, $0) }
        case .failure(let d):
            return .failure(.invalid(d.items))
        }
    }
}
