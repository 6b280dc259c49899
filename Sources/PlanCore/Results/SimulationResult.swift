/// Everything a simulation reports besides the daily rows.
public struct SimulationResult: Sendable {
    public var scenarioName: String
    public var currency: String
    public var start: CivilDate
    public var horizonDays: Int
    public var monthly: [MonthlyRow]
    public var kpis: [KPIRow]
    public var targets: [TargetSummary]
    public var workloads: [WorkloadSummary]
    /// In `daily.csv` job order.
    public var jobs: [JobSummary]
    public var warnings: [String]
    /// Sum of every month's total over the horizon.
    public var totalCost: Money
    /// The largest month total (unscaled).
    public var peakMonthlyCost: Money
    /// Job-days simulated (jobs × days), for the benchmark.
    public var jobDays: Int
    /// Version 2: one row per drill firing, in time order; empty for version 1.
    public var drills: [DrillRow]
    /// The scenario's `version`: which columns and files the output has.
    public var version: Int
    /// Version 2 with fault keys: the output has faults.csv and the fault KPI rows.
    public var hasFaults: Bool = false
    /// Version 2: the `jobs.csv` rows, each target's month split between its daily rows
    /// (README "Cost per job"), by month, then in daily.csv row order; empty for version 1.
    public var jobCosts: [JobCostRow] = []

    public init(
        scenarioName: String, currency: String, start: CivilDate, horizonDays: Int, monthly: [MonthlyRow],
        kpis: [KPIRow], targets: [TargetSummary], workloads: [WorkloadSummary], jobs: [JobSummary],
        warnings: [String], totalCost: Money, peakMonthlyCost: Money, jobDays: Int, drills: [DrillRow] = [],
        version: Int = 1
    ) {
        self.scenarioName = scenarioName
        self.currency = currency
        self.start = start
        self.horizonDays = horizonDays
        self.monthly = monthly
        self.kpis = kpis
        self.targets = targets
        self.workloads = workloads
        self.jobs = jobs
        self.warnings = warnings
        self.totalCost = totalCost
        self.peakMonthlyCost = peakMonthlyCost
        self.jobDays = jobDays
        self.drills = drills
        self.version = version
    }
}
