import PlanCore

/// Runs the variants of a sweep on every core: a task group bounded to `workers` chunks in
/// flight, with the rows handed to `emit` in variant order whatever order they finish in
/// (output never depends on timing). Memory is bounded by the chunks in flight.
public enum TuneRunner {
    /// Returns how many variants finished. `shouldStop` is polled before each chunk is
    /// started (Ctrl-C); rows that finished after a gap are still emitted, in order.
    public static func run(
        _ variants: ClosedRange<Int>, builder: VariantBuilder, table: TuneTable, requirements: [Requirement], workers: Int,
        shouldStop: @escaping @Sendable () -> Bool, progress: (Int) -> Void, emit: (TuneRow) -> Void
    ) async -> Int {
        let total = variants.count
        let chunk = max(1, min(256, total / (max(1, workers) * 16)))
        let chunks = stride(from: variants.lowerBound, through: variants.upperBound, by: chunk).map {
            $0...min($0 + chunk - 1, variants.upperBound)
        }
        // Jobs that several variants share are simulated once (TraceCache).
        let traces = TraceCache()
        var pending: [Int: [TuneRow]] = [:]
        var nextToEmit = 0
        var done = 0
        await withTaskGroup(of: (Int, [TuneRow]).self) { group in
            var next = 0
            func schedule() {
                guard next < chunks.count, !shouldStop() else { return }
                let index = next
                let range = chunks[index]
                next += 1
                group.addTask {
                    // This chunk's lookups remember the previous variant's traces.
                    let session = TraceSession(traces)
                    return (index, range.map { evaluate($0, builder: builder, table: table, requirements: requirements, session: session) })
                }
            }
            for _ in 0..<max(1, workers) { schedule() }  // at most `workers` chunks run at once
            for await (index, rows) in group {
                pending[index] = rows
                done += rows.count
                while let ready = pending.removeValue(forKey: nextToEmit) {
                    ready.forEach(emit)
                    nextToEmit += 1
                }
                progress(done)
                schedule()
            }
        }
        for index in pending.keys.sorted() { pending[index]?.forEach(emit) }
        return done
    }

    /// One variant, simulated with the full model.
    public static func evaluate(
        _ n: Int, builder: VariantBuilder, table: TuneTable, requirements: [Requirement], session: TraceSession? = nil
    ) -> TuneRow {
        let values = builder.values(variant: n)
        guard case .success(let s) = builder.scenario(variant: n),
            case .success(let r) = Engine.simulate(s, schedules: builder.schedules, session: session, warnings: false)
        else {
            let k = table.kpis.count
            return TuneRow(
                variant: n, values: values, feasible: false, objective: .infinity, totalCost: .infinity, peakMonthlyCost: .infinity,
                peakUsed: table.targets.map { _ in nil }, kpiWorst: Array(repeating: nil, count: k), kpiStatus: Array(repeating: nil, count: k),
                requirementValues: requirements.map { _ in nil })
        }
        return TuneRow(variant: n, values: values, result: r, table: table, requirements: requirements)
    }
}
