import PlanCore

/// The parsed options of a sweep: every `--vary`, `--require`, `--objective` and `--shard`
/// checked at once, so that one run reports all of their problems.
struct TuneOptions {
    var specs: [VarySpec]
    var requirements: [Requirement]
    var objective: Objective
    var shard: (k: Int, n: Int)?
    var overrides: [Override]

    static func parse(_ request: TuneRequest) -> Result<TuneOptions, CommandFailure> {
        var problems: [Diagnostic] = []
        var overrides: [Override] = []
        switch request.overrides {
        case .success(let o): overrides = o
        case .failure(let f): problems += f.diagnostics
        }
        var specs: [VarySpec] = []
        for v in request.vary {
            switch VarySpec.parse(v) {
            case .success(let s): specs.append(s)
            case .failure(let d): problems.append(d)
            }
        }
        var requires: [Requirement] = []
        for r in request.requirements {
            switch Requirement.parse(r) {
            case .success(let q): requires.append(q)
            case .failure(let d): problems.append(d)
            }
        }
        guard let objective = Objective.parse(request.objective) else {
            problems.append(
                Diagnostic(
                    at: .option(name: "--objective", value: request.objective), path: "",
                    "expected total-cost, peak-monthly-cost or peak-used:TARGET"))
            return .failure(.invalid(problems))
        }
        var shard: (k: Int, n: Int)? = nil
        if let text = request.shard {
            if let parsed = parseShard(text) {
                shard = parsed
            } else {
                problems.append(Diagnostic(at: .option(name: "--shard", value: text), path: "", "expected K/N with 0 ≤ K < N, as in '0/4'"))
            }
        }
        if !problems.isEmpty { return .failure(.invalid(problems)) }
        return .success(TuneOptions(specs: specs, requirements: requires, objective: objective, shard: shard, overrides: overrides))
    }

    /// `K/N` with `0 ≤ K < N`.
    static func parseShard(_ text: String) -> (k: Int, n: Int)? {
        let parts = text.split(separator: "/").map { Int($0) }
        guard parts.count == 2, let k = parts[0], let n = parts[1], n >= 1, k >= 0, k < n else { return nil }
        return (k, n)
    }
}
