import ArgumentParser
import Foundation
import PlanCore
import PlanIO
import Synchronization

extension Plan.Tune {
    /// A sweep: the library's pipeline, with Ctrl-C, the progress bar and the clock added.
    func runSweep() async throws {
        guard let path = scenario else { return }
        // Ctrl-C, and SIGTERM (how Kubernetes stops a pod), from here on: no new variants are
        // started; what finished is kept (exit 130, or 143 for SIGTERM).
        //
        // Until Dispatch's own handler is in place (it installs it on its manager thread, 1-2
        // ms after `resume`), a signal goes to a handler of `plan`'s that keeps it: it used
        // to be ignored (SIG_IGN), and the sweep then ran to its end.
        signal(SIGINT) { number in earlySignal.store(number, ordering: .relaxed) }
        signal(SIGTERM) { number in earlySignal.store(number, ordering: .relaxed) }
        // Handled on a queue of their own: a serial queue gets a thread even when the
        // values' validation keeps every thread of the global pool busy (on .global(), a
        // signal waited for the whole validation).
        let signals = DispatchQueue(label: "plan.tune.signals")
        let registered = DispatchGroup()
        let sources = [SIGINT, SIGTERM].map { (number: Int32) -> any DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: number, queue: signals)
            source.setEventHandler { Self.handle(signal: number) }
            registered.enter()
            source.setRegistrationHandler { registered.leave() }
            source.resume()
            return source
        }
        registered.wait()
        let early = earlySignal.exchange(0, ordering: .relaxed)
        if early != 0 { signals.sync { Self.handle(signal: early) } }
        defer {
            for source in sources { source.cancel() }
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
        let request = TuneRequest(
            scenarioPath: path, vary: vary, overrides: options.parsedOverrides(), setArguments: options.overrides,
            requirements: requirements, objective: objective, shard: shard, top: top, maximumVariants: maxVariants,
            writeBest: writeBest, layout: try outputLayout(out), today: ScenarioSource.today(Date()))
        let pipeline = try ExitStatus.check(TunePipeline.prepare(request))
        sweepStarted.store(true, ordering: .relaxed)

        let total = pipeline.variants?.count ?? 0
        let progress = Progress(total: total, enabled: isatty(STDERR_FILENO) != 0)
        let started = DispatchTime.now().uptimeNanoseconds
        let (summary, done) = await pipeline.sweep(
            workers: jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount),
            shouldStop: { interruptRequested.load(ordering: .relaxed) }, progress: progress.update)
        progress.finish()
        let interrupted = pipeline.variants != nil && interruptRequested.load(ordering: .relaxed)
        if interrupted {
            StandardError.print(
                "plan: interrupted after \(Format.grouped(done)) of \(Format.grouped(total)) variants; tune.csv keeps the finished ones")
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let outcome = try ExitStatus.check(pipeline.finish(summary))
        if outcome.wroteNothingBest { StandardError.print("plan: no feasible variant; --write-best wrote nothing") }
        let name = pipeline.base.name
        switch format {
        case .table:
            StandardOutput.print(
                TuneRenderer(color: color.enabled).render(
                    name: name, summary: summary, limits: outcome.limits, comparison: outcome.comparison, elapsed: elapsed,
                    interrupted: interrupted, files: outcome.files))
        case .json:
            StandardOutput.print(TuneRenderer.json(name: name, summary: summary, limits: outcome.limits, interrupted: interrupted))
        case .csv:
            StandardOutput.print((try? String(contentsOfFile: pipeline.tunePath, encoding: .utf8)) ?? "")
        }
        if interrupted { throw terminateRequested.load(ordering: .relaxed) ? ExitStatus.terminated : ExitStatus.interrupted }
    }

    /// Ctrl-C or SIGTERM: before the sweep, the command ends at once; during it, no new
    /// variants are started.
    private static func handle(signal number: Int32) {
        if !sweepStarted.load(ordering: .relaxed) {
            StandardError.print("plan: interrupted before the first variant; nothing was written")
            let code: ExitCode = number == SIGTERM ? ExitStatus.terminated : ExitStatus.interrupted
            Foundation.exit(code.rawValue)
        }
        if number == SIGTERM { terminateRequested.store(true, ordering: .relaxed) }
        interruptRequested.store(true, ordering: .relaxed)
    }

    /// `--merge`: the shards combined by the library, then rendered.
    func runMerge() throws {
        let layout = try outputLayout(out)
        let (merge, summary) = try ExitStatus.check(ShardMerge.run(paths: self.merge, layout: layout, top: top))
        switch format {
        case .table:
            StandardOutput.print(
                TuneRenderer(color: color.enabled).render(
                    name: merge.name, summary: summary, limits: [:], comparison: nil, elapsed: nil, interrupted: false,
                    files: [layout.tune(for: merge.name)]))
        case .json:
            StandardOutput.print(TuneRenderer.json(name: merge.name, summary: summary, limits: [:], interrupted: false))
        case .csv:
            StandardOutput.print(merge.text)
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
