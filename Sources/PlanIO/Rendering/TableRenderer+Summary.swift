import PlanCore

extension TableRenderer {
    /// The table summary with its footer: what `plan simulate` prints and `plan show`
    /// prints again.
    /// - Parameters:
    ///   - files: what the `Wrote …` line names (the folder of the CSV files).
    ///   - recorded: the run's id and the store it went to, as `Recorded as run …` names them.
    public func summary(_ result: SimulationResult, files: String?, recorded: (id: Int64, store: String)?) -> String {
        var out = render(result, files: files.map { [$0] } ?? [])
        if let recorded { out += "Recorded as run \(recorded.id) in \(recorded.store)\n" }
        return out
    }
}
