import ArgumentParser
import Foundation
import PlanCore
import PlanIO
import PlanStore
import Synchronization

extension Plan.Tune {
    /// Reports problems and exits 1.
    func invalid(_ items: [Diagnostic]) -> ExitCode {
        ScenarioInput.report(items)
        return ExitStatus.invalid
    }

    func runSweep() async throws {
        guard let path = scenario else { return }
        // Ctrl-C from here on: no new variants are started; what finished is kept (exit 130).
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { interruptRequested.store(true, ordering: .relaxed) }
        source.resume()
        defer {
            source.cancel()
            signal(SIGINT, SIG_DFL)
        }
        let bytes: [UInt8]
        do {
            bytes = try StreamingFile.read(path)
        } catch {
            StandardError.print(error.description)
            throw ExitStatus.io
        }
        // Options.
        var problems: [Diagnostic] = []
        var overrides: [Override] = []
        switch options.parsedOverrides() {
        case .success(let o): overrides = o
        case .failure(let d): problems += d.items
        }
        var specs: [VarySpec] = []
        for v in vary {
            switch VarySpec.parse(v) {
            case .success(let s): specs.append(s)
            case .failure(let d): problems.append(d)
            }
        }
        var requires: [Requirement] = []
        for r in requirements {
            switch Requirement.parse(r) {
            case .success(let q): requires.append(q)
            case .failure(let d): problems.append(d)
            }
        }
        guard let objective = Objective.parse(objective) else {
            problems.append(
                Diagnostic(
                    at: .option(name: "--objective", value: self.objective), path: "",
                    "expected total-cost, peak-monthly-cost or peak-used:TARGET"))
            throw invalid(problems)
        }
        var shardRange: (k: Int, n: Int)? = nil
        if let shard {
            let parts = shard.split(separator: "/").map { Int($0) }
            if parts.count == 2, let k = parts[0], let n = parts[1], n >= 1, k >= 0, k < n {
                shardRange = (k, n)
            } else {
                problems.append(Diagnostic(at: .option(name: "--shard", value: shard), path: "", "expected K/N with 0 ≤ K < N, as in '0/4'"))
            }
        }
        if !problems.isEmpty { throw invalid(problems) }

        // The scenario, parsed once; every value validated once.
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw invalid([Diagnostic(at: .file(path: path, line: 1, column: 1), path: "", "file is not UTF-8 text (a binary file?)")])
        }
        let document: ScenarioDocument
        switch ScenarioDocument.parse(text: text, file: path) {
        case .success(let d): document = d
        case .failure(let d): throw invalid(d.items)
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let loadOptions = LoadOptions(file: path, defaultName: name, today: ScenarioInput.today(), overrides: overrides)
        let builder: VariantBuilder
        switch VariantBuilder.make(document: document, options: loadOptions, specs: specs, maximumVariants: maxVariants) {
        case .success(let b): builder = b
        case .failure(let d): throw invalid(d.items)
        }
        let base = builder.base
        let given: SimulationResult
        switch Engine.simulate(base) {
        case .success(let r): given = r
        case .failure(let d): throw invalid(d.items)
        }
        // Names that --objective and --require refer to must exist.
        for req in requires where !req.metric.exists(in: given) {
            problems.append(
                Diagnostic(
                    at: .option(name: "--require", value: req.text), path: "", "'\(req.text)' names a subject the scenario does not have",
                    suggestion: subjects(given)))
        }
        if case .peakUsed(let t) = objective, !base.targets.contains(where: { $0.name == t }) {
            problems.append(
                Diagnostic(
                    at: .option(name: "--objective", value: objective.name), path: "", "no target '\(t)'",
                    suggestion: "targets: " + base.targets.map(\.name).joined(separator: ", ")))
        }
        if !problems.isEmpty { throw invalid(problems) }

        let table = TuneTable(
            paths: specs.map(\.path), objective: objective, targets: base.targets.map(\.name),
            kpis: given.kpis.map { (kind: $0.kpi, subject: $0.subject) }, requirements: requires.map(\.text))
        let variants: ClosedRange<Int>?
        if let (k, n) = shardRange {
            variants = builder.sweep.shard(k, of: n)
        } else {
            variants = 1...builder.sweep.count
        }

        // Output file, streamed in variant order.
        let dir = (out as NSString).appendingPathComponent(base.name)
        let file: StreamingFile
        do {
            try StreamingFile.makeDirectory(dir)
            StreamingFile.removeStale(in: dir)
            file = try StreamingFile(path: dir + "/tune.csv")
        } catch {
            StandardError.print(error.description)
            throw ExitStatus.io
        }
        file.write(table.header)

        var summary = TuneSummary(table: table, top: top)
        let started = DispatchTime.now().uptimeNanoseconds
        let interrupted = await sweep(variants, builder: builder, table: table, requires: requires, file: file, summary: &summary)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        do {
            try file.commit()
        } catch {
            StandardError.print(error.description)
            throw ExitStatus.io
        }

        // The best variant next to the scenario as given.
        var comparison: RunComparison? = nil
        if let best = summary.best.first, case .success(let s) = builder.scenario(variant: best.variant), case .success(let r) = Engine.simulate(s) {
            func side(_ label: String, _ scenario: Scenario, _ result: SimulationResult, _ overrides: [String]) -> ComparisonSide {
                ComparisonSide(
                    label: label, runID: nil, scenarioPath: path, overrides: overrides, contentHash: ScenarioSettings.hash(scenario),
                    settings: ScenarioSettings.flatten(scenario).map { Setting(path: $0.path, value: $0.value) }, result: result)
            }
            let given = side(
                "\(path)\(options.overrides.isEmpty ? "" : " " + options.overrides.map { "--set \($0)" }.joined(separator: " "))", base, given,
                options.overrides)
            let varied = zip(specs, best.values).map { "\($0.path)=\($1)" }
            comparison = RunComparison(
                a: given, b: side("variant \(best.variant): " + varied.joined(separator: ", "), s, r, options.overrides + varied))
            if let writeBest {
                let edits = zip(specs, best.values).map { (path: $0.path, value: $1) }
                switch ScenarioEditor.apply(edits, to: text) {
                case .success(let edited):
                    do {
                        try StreamingFile.write(edited, to: writeBest)
                    } catch {
                        StandardError.print(error.description)
                        throw ExitStatus.io
                    }
                case .failure(let e):
                    StandardError.print("error: --write-best: \(e.message)")
                    throw ExitStatus.invalid
                }
            }
        } else if writeBest != nil {
            StandardError.print("plan: no feasible variant; --write-best wrote nothing")
        }
        let limits = Dictionary(
            given.kpis.compactMap { k in k.limit.map { ("\(k.kpi.rawValue):\(k.subject)", $0) } }, uniquingKeysWith: { a, _ in a })
        switch format {
        case .table:
            StandardOutput.print(
                TuneRenderer(color: color).render(
                    name: base.name, summary: summary, limits: limits, comparison: comparison, elapsed: elapsed, interrupted: interrupted,
                    files: [dir + "/tune.csv"] + (summary.best.isEmpty ? [] : writeBest.map { [$0] } ?? [])))
        case .json:
            StandardOutput.print(TuneRenderer.json(name: base.name, summary: summary, limits: limits, interrupted: interrupted))
        case .csv:
            StandardOutput.print((try? String(contentsOfFile: dir + "/tune.csv", encoding: .utf8)) ?? "")
        }
        if interrupted { throw ExitCode(130) }
    }

    /// What subjects exist, for a message about a --require that names none.
    func subjects(_ r: SimulationResult) -> String {
        "jobs: " + r.jobs.map(\.job).joined(separator: ", ") + "; targets: " + r.targets.map(\.name).joined(separator: ", ")
            + "; KPI subjects: " + Array(Set(r.kpis.map(\.subject))).sorted().joined(separator: ", ")
    }

    /// Runs the variants on every core with a bounded task group; rows are written and
    /// summarised in variant order whatever order they finish in. Returns true when Ctrl-C
    /// stopped the sweep (the finished rows are kept).
    func sweep(
        _ variants: ClosedRange<Int>?, builder: VariantBuilder, table: TuneTable, requires: [Requirement], file: StreamingFile,
        summary: inout TuneSummary
    ) async -> Bool {
        guard let variants else { return false }
        let workers = jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
        let total = variants.count

        let progress = Progress(total: total, enabled: isatty(STDERR_FILENO) != 0)
        let done = await TuneRunner.run(
            variants, builder: builder, table: table, requirements: requires, workers: workers,
            shouldStop: { interruptRequested.load(ordering: .relaxed) }, progress: progress.update
        ) { row in
            file.write(row.line(table))
            summary.add(row)
        }
        progress.finish()
        let interrupted = interruptRequested.load(ordering: .relaxed)
        if interrupted {
            StandardError.print(
                "plan: interrupted after \(Format.grouped(done)) of \(Format.grouped(total)) variants; tune.csv keeps the finished ones")
        }
        return interrupted
    }

    /// `--merge`: the shards' rows, checked for one header and complete coverage, written
    /// as the file a single run writes (rows copied byte for byte, in variant order).
    func runMerge() throws {
        var header: String? = nil
        var rows: [(Int, String)] = []
        for path in merge {
            let text: String
            do {
                text = String(decoding: try StreamingFile.read(path), as: UTF8.self)
            } catch {
                StandardError.print(error.description)
                throw ExitStatus.io
            }
            var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { String($0) + "\n" }
            guard !lines.isEmpty else { throw invalid([Diagnostic(at: .option(name: "--merge", value: path), path: "", "the file is empty")]) }
            let h = lines.removeFirst()
            if let header, header != h {
                throw invalid([
                    Diagnostic(
                        at: .option(name: "--merge", value: path), path: "", "its header differs from the first file's: not a shard of the same sweep"
                    )
                ])
            }
            header = h
            for line in lines {
                guard let n = Int(line.prefix { $0 != "," }) else {
                    throw invalid([
                        Diagnostic(at: .option(name: "--merge", value: path), path: "", "a row without a variant number: '\(line.dropLast())'")
                    ])
                }
                rows.append((n, line))
            }
        }
        guard let header, let table = TuneTable.parse(header: header) else {
            throw invalid([Diagnostic(at: .option(name: "--merge", value: merge[0]), path: "", "not a tune.csv file (its header is not plan tune's)")]
            )
        }
        rows.sort { $0.0 < $1.0 }
        for (i, row) in rows.enumerated() where row.0 != i + 1 {
            let problem = i > 0 && rows[i - 1].0 == row.0 ? "variant \(row.0) appears twice" : "variants \(i + 1)…\(row.0 - 1) are missing"
            throw invalid([
                Diagnostic(
                    at: .option(name: "--merge", value: merge.joined(separator: " ")), path: "", "the shards do not cover the sweep: \(problem)")
            ])
        }
        // NAME: the folder the shards' tune.csv files are in (DIR/NAME/tune.csv).
        let folders = Set(merge.map { (($0 as NSString).deletingLastPathComponent as NSString).lastPathComponent })
        let name = folders.count == 1 && !folders.first!.isEmpty && folders.first! != "." ? folders.first! : "merged"
        let dir = (out as NSString).appendingPathComponent(name)
        var summary = TuneSummary(table: table, top: top)
        do {
            try StreamingFile.makeDirectory(dir)
            let file = try StreamingFile(path: dir + "/tune.csv")
            file.write(header)
            for (_, line) in rows {
                file.write(line)
                if let row = TuneRow.parse(line, table: table) { summary.add(row) }
            }
            try file.commit()
        } catch {
            StandardError.print(error.description)
            throw ExitStatus.io
        }
        switch format {
        case .table:
            StandardOutput.print(
                TuneRenderer(color: color).render(
                    name: name, summary: summary, limits: [:], comparison: nil, elapsed: nil, interrupted: false, files: [dir + "/tune.csv"]))
        case .json:
            StandardOutput.print(TuneRenderer.json(name: name, summary: summary, limits: [:], interrupted: false))
        case .csv:
            StandardOutput.print(header + rows.map(\.1).joined())
        }
    }
}

/// A progress bar on standard error (only when it is a terminal): done, rate, time left.
final class Progress: @unchecked Sendable {
    let total: Int
    let enabled: Bool
    let start = DispatchTime.now().uptimeNanoseconds
    var last: UInt64 = 0

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func update(_ done: Int) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - last > 100_000_000 || done == total else { return }
        last = now
        let elapsed = Double(now - start) / 1e9
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(
            Data(
                "\r[\(bar)] \(Format.grouped(done))/\(Format.grouped(total)) variants  \(Format.grouped(Int(rate)))/s  \(Format.duration(left)) left   "
                    .utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
