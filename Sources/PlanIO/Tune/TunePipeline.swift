import PlanCore

/// `plan tune`'s pipeline (README "plan tune"): parse the options and the scenario once,
/// build the sweep, simulate the scenario as given, check what `--require` and
/// `--objective` name, open `DIR/NAME/tune.csv`; then run the variants in order, and finish
/// with the best variant beside the scenario as given (and `--write-best`).
///
/// The executable only adds what belongs to a terminal: Ctrl-C, the progress bar, the
/// clock and the rendering.
public struct TunePipeline {
    public let request: TuneRequest
    /// The scenario's text, for `--write-best`'s edits.
    let text: String
    let options: TuneOptions
    let builder: VariantBuilder
    /// The scenario as given (no variant applied), and its result.
    public let base: Scenario
    public let given: SimulationResult
    public let table: TuneTable
    /// The variants this run simulates (a shard's slice, or all); nil for an empty shard.
    public let variants: ClosedRange<Int>?
    /// `tune.csv` and `tune.sweep`, put in place together.
    let set: OutputSet
    let file: StreamingFile
    /// The rows written so far, for the `tune.sweep` beside the file.
    let written = WrittenRows()

    /// The rows of a sweep as written: how many, and their checksum.
    final class WrittenRows: @unchecked Sendable {
        var count = 0
        var hasher = SweepRecord.Hasher()
        func add(_ line: String) {
            count += 1
            hasher.add(line)
        }
    }

    /// Everything before the first variant runs; every problem found at once.
    public static func prepare(_ request: TuneRequest) -> Result<TunePipeline, CommandFailure> {
        let path = request.scenarioPath
        let bytes: [UInt8]
        do {
            bytes = try StreamingFile.read(path)
        } catch {
            return .failure(.io(error))
        }
        let options: TuneOptions
        switch TuneOptions.parse(request) {
        case .success(let o): options = o
        case .failure(let f): return .failure(f)
        }
        // The scenario, parsed once; every value validated once.
        if let bad = ScenarioLoader.firstNonUTF8(bytes) {
            return .failure(.invalid([Diagnostic(at: .file(path: path, line: bad.line, column: bad.column), path: "", ScenarioLoader.notUTF8)]))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let document: ScenarioDocument
        switch ScenarioDocument.parse(text: text, file: path) {
        case .success(let d): document = d
        case .failure(let d): return .failure(.invalid(d.items))
        }
        let loadOptions = LoadOptions(
            file: path, defaultName: ScenarioSource.defaultName(path), today: request.today, overrides: options.overrides)
        let builder: VariantBuilder
        switch VariantBuilder.make(document: document, options: loadOptions, specs: options.specs, maximumVariants: request.maximumVariants) {
        case .success(let b): builder = b
        case .failure(let d): return .failure(.invalid(d.items))
        }
        let base = builder.base
        let given: SimulationResult
        switch Engine.simulate(base) {
        case .success(let r): given = r
        case .failure(let d): return .failure(.invalid(d.items))
        }
        let problems = unknownNames(options, base: base, given: given)
        if !problems.isEmpty { return .failure(.invalid(problems)) }

        let table = TuneTable(
            paths: options.specs.map(\.path), objective: options.objective, targets: base.targets.map(\.name),
            kpis: given.kpis.map { (kind: $0.kpi, subject: $0.subject) }, requirements: options.requirements.map(\.text))
        let variants = options.shard.map { builder.sweep.shard($0.k, of: $0.n) } ?? 1...builder.sweep.count

        // The output file, streamed in variant order.
        let dir = request.layout.directory(for: base.name)
        let set: OutputSet
        let file: StreamingFile
        do {
            set = try OutputSet(directory: dir, owns: [OutputLayout.tuneFile, SweepRecord.fileName])
            file = try set.file(OutputLayout.tuneFile)
        } catch {
            return .failure(.io(error))
        }
        file.write(table.header)
        return .success(
            TunePipeline(
                request: request, text: text, options: options, builder: builder, base: base, given: given, table: table,
                variants: variants, set: set, file: file))
    }

    /// The names that `--require` and `--objective` refer to must exist in the scenario.
    static func unknownNames(_ options: TuneOptions, base: Scenario, given: SimulationResult) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for req in options.requirements where !req.metric.exists(in: given) {
            problems.append(
                Diagnostic(
                    at: .option(name: "--require", value: req.text), path: "", "'\(req.text)' names a subject the scenario does not have",
                    suggestion: subjects(given)))
        }
        if case .peakUsed(let t) = options.objective, !base.targets.contains(where: { $0.name == t }) {
            problems.append(
                Diagnostic(
                    at: .option(name: "--objective", value: options.objective.name), path: "", "no target '\(t)'",
                    suggestion: "targets: " + base.targets.map(\.name).joined(separator: ", ")))
        }
        return problems
    }

    /// What subjects exist, for a message about a `--require` that names none.
    static func subjects(_ r: SimulationResult) -> String {
        "jobs: " + r.jobs.map(\.job).joined(separator: ", ") + "; targets: " + r.targets.map(\.name).joined(separator: ", ")
            + "; KPI subjects: " + Array(Set(r.kpis.map(\.subject))).sorted().joined(separator: ", ")
    }

    /// `DIR/NAME/tune.csv`.
    public var tunePath: String { request.layout.tune(for: base.name) }

    /// What `tune.csv` holds, for `--merge`: the sweep's identity (the scenario as resolved,
    /// the `--vary`, `--require` and `--objective` arguments, the variant count), the rows
    /// written (a prefix of this run's variants) and their checksum.
    public var record: SweepRecord {
        let count = builder.sweep.count
        let identity = SweepRecord.hash(
            [ScenarioSettings.hash(base)] + request.vary + ["--require"] + request.requirements + [request.objective, String(count)])
        let rows = variants.flatMap { v in written.count > 0 ? v.lowerBound...(v.lowerBound + written.count - 1) : nil }
        return SweepRecord(sweep: identity, variants: count, rows: rows, checksum: written.hasher.hex)
    }

    /// Runs the variants on `workers` cores, writing and summarising the rows in variant
    /// order. `shouldStop` is polled before each chunk (Ctrl-C): what finished is kept.
    /// - Returns: the summary and how many variants finished.
    public func sweep(
        workers: Int, shouldStop: @escaping @Sendable () -> Bool, progress: (Int) -> Void
    ) async -> (summary: TuneSummary, done: Int) {
        var summary = TuneSummary(table: table, top: request.top)
        guard let variants else { return (summary, 0) }
        let table = self.table
        let file = self.file
        let done = await TuneRunner.run(
            variants, builder: builder, table: table, requirements: options.requirements, workers: workers, shouldStop: shouldStop,
            progress: progress
        ) { row in
            let line = row.line(table)
            file.write(line)
            written.add(line)
            summary.add(row)
        }
        return (summary, done)
    }

    /// Publishes `tune.csv`, then compares the best variant with the scenario as given and
    /// writes `--write-best`.
    public func finish(_ summary: TuneSummary) -> Result<TuneOutcome, CommandFailure> {
        do {
            try set.add(SweepRecord.fileName, text: record.text)
            try set.publish()
        } catch {
            return .failure(.io(error))
        }
        var outcome = TuneOutcome(summary: summary, comparison: nil, limits: limits, files: [tunePath], wroteNothingBest: false)
        guard let best = summary.best.first, case .success(let s) = builder.scenario(variant: best.variant),
            case .success(let r) = Engine.simulate(s)
        else {
            outcome.wroteNothingBest = request.writeBest != nil
            return .success(outcome)
        }
        let path = request.scenarioPath
        let setArguments = request.setArguments
        let shownSet = setArguments.isEmpty ? "" : " " + setArguments.map { "--set \($0)" }.joined(separator: " ")
        let givenSide = ComparisonSide(simulated: base, result: given, label: path + shownSet, scenarioPath: path, overrides: setArguments)
        let varied = zip(options.specs, best.values).map { "\($0.path)=\($1)" }
        outcome.comparison = RunComparison(
            a: givenSide,
            b: ComparisonSide(
                simulated: s, result: r, label: "variant \(best.variant): " + varied.joined(separator: ", "), scenarioPath: path,
                overrides: setArguments + varied))
        if let writeBest = request.writeBest {
            // The file is what was simulated: the --set overrides (and --horizon, --start) of
            // the sweep, then the best variant's values (a varied path wins).
            let varied = Set(options.specs.map(\.path))
            let edits =
                options.overrides.filter { !varied.contains($0.path) }.map { (path: $0.path, value: $0.value) }
                + zip(options.specs, best.values).map { (path: $0.path, value: $1) }
            switch ScenarioEditor.apply(edits, to: text) {
            case .success(let edited):
                do {
                    try StreamingFile.write(edited, to: writeBest)
                } catch {
                    return .failure(.io(error))
                }
            case .failure(let e):
                return .failure(.invalidMessage("error: --write-best: \(e.message)"))
            }
            outcome.files.append(writeBest)
        }
        return .success(outcome)
    }

    /// The limits of the scenario as given, by `kpi:subject`.
    var limits: [String: Double] {
        Dictionary(given.kpis.compactMap { k in k.limit.map { ("\(k.kpi.rawValue):\(k.subject)", $0) } }, uniquingKeysWith: { a, _ in a })
    }
}

/// What a sweep ends with, for the renderers.
public struct TuneOutcome: Sendable {
    public var summary: TuneSummary
    /// The best variant beside the scenario as given; nil without a feasible variant.
    public var comparison: RunComparison?
    /// The limits of the scenario as given, by `kpi:subject`.
    public var limits: [String: Double]
    /// The files written: `tune.csv`, and `--write-best`'s file.
    public var files: [String]
    /// `--write-best` was given but no variant is feasible.
    public var wroteNothingBest: Bool
}
