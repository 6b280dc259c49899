import Foundation  // math functions only (log, exp); no I/O

/// Measures a scenario's guessed figures from Prometheus series (gitops.md "plan calibrate"):
/// per workload, `size` (the fitted value at the window's end), `growth` (the slope) and,
/// for `postgres`, `wal` (the slope of the cumulative WAL bytes), each an ordinary
/// least-squares fit as `deriv` and `predict_linear` make it (`LinearFit`).
///
/// Which series belong to a workload:
/// - `postgres`: the CNPG cluster `series.cluster` (default: the workload's name), in
///   `series.namespace` when given; its instance pods are the `pod` labels `CLUSTER-N`. Size
///   is the sum over `datname` per pod, from the pod whose fitted size is the largest (the
///   primary); WAL is the largest slope among the pods, from `cnpg_collector_wal_bytes`
///   with its resets taken out, else archived segments × 16 MiB.
/// - `volume`: `kubelet_volume_stats_used_bytes` of the PVC `series.pvc` (default: the
///   workload's name), in `series.namespace` when given.
public enum Calibration {
    public static func calibrate(
        workloads: [Workload], series: [LabeledSeries], window: CalibrationWindow, growth: GrowthMode
    ) -> CalibrationOutcome {
        var byName: [String: [LabeledSeries]] = [:]
        for s in series {
            guard let name = s.name else { continue }
            byName[name, default: []].append(
                LabeledSeries(labels: s.labels, samples: s.samples.filter(window.contains)))
        }
        var outcome = CalibrationOutcome()
        for w in workloads {
            switch w.kind {
            case .postgres: postgres(w, byName, window, growth, &outcome)
            case .volume: volume(w, byName, window, growth, &outcome)
            }
        }
        // A fit that gives what the key does not accept (a falling series' negative size,
        // values of 1e308) is a problem of the series, said here, not a figure to write.
        outcome.fits = outcome.fits.filter { f in
            guard let why = unwritable(f) else { return true }
            outcome.problems.append(
                CalibrationProblem(
                    workload: f.workload, figure: f.figure,
                    message: "cannot be measured: the fit of \(f.metric) (\(f.source)) gives '\(f.value.scenarioText)', which \(why)",
                    suggestion: "check the series in the range (--range), and series: {namespace, pvc, cluster}"))
            return false
        }
        return outcome
    }

    /// Why a fitted value, written as `--write` writes it, is not a value of its key (the
    /// scenario's own value syntax); nil when it is.
    static func unwritable(_ f: FigureFit) -> String? {
        let text = f.value.scenarioText
        switch f.figure {
        case .size:
            if case .size(let b) = f.value, b.bytes < 0 { return "is negative" }
            if case .failure(let e) = ValueSyntax.size(text) { return "is not a size: \(e.message)" }
        case .growth:
            if case .failure(let e) = ValueSyntax.rate(text, allowNegative: true) { return "is not a rate: \(e.message)" }
        case .wal:
            if case .failure(let e) = ValueSyntax.rate(text, allowNegative: false) { return "is not a rate: \(e.message)" }
        }
        return nil
    }

    /// `CLUSTER-N`: an instance pod of the CNPG cluster.
    static func isInstance(_ pod: String?, of cluster: String) -> Bool {
        guard let pod, pod.hasPrefix(cluster + "-") else { return false }
        let n = pod.dropFirst(cluster.count + 1)
        return !n.isEmpty && n.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The series of `metric` that pass `keep`, or a problem when they span several
    /// namespaces and the workload names none.
    static func matching(
        _ metric: String, _ byName: [String: [LabeledSeries]], namespace: String?, keep: (LabeledSeries) -> Bool
    ) -> (series: [LabeledSeries], namespaces: [String]) {
        let found = (byName[metric] ?? []).filter { s in keep(s) && (namespace == nil || (s.labels["namespace"] ?? "") == namespace) }
        return (found, Set(found.map { $0.labels["namespace"] ?? "" }).sorted())
    }

    static func postgres(
        _ w: Workload, _ byName: [String: [LabeledSeries]], _ window: CalibrationWindow, _ growth: GrowthMode,
        _ outcome: inout CalibrationOutcome
    ) {
        let cluster = w.series?.cluster ?? w.name
        let namespace = w.series?.namespace
        let how = w.series?.cluster != nil ? "series.cluster" : "the workload's name"
        let sizes = matching(CalibrationMetric.databaseSize, byName, namespace: namespace) { isInstance($0.labels["pod"], of: cluster) }
        if sizes.namespaces.count > 1 {
            outcome.problems.append(ambiguous(w, "CNPG cluster '\(cluster)'", sizes.namespaces))
            return
        }
        let ns = namespace ?? sizes.namespaces.first.flatMap { $0.isEmpty ? nil : $0 }
        // Size: per pod, the sum over datname; the pod whose line ends highest.
        let pods = Dictionary(grouping: sizes.series) { $0.labels["pod"] ?? "" }
        var best: (pod: String, databases: Int, fit: SizeFit)?
        for pod in pods.keys.sorted() {
            let pieces = pods[pod] ?? []
            let databases = Dictionary(grouping: pieces) { $0.labels["datname"] ?? "" }
            let perDatabase = databases.keys.sorted().map { CounterSeries.concatenated((databases[$0] ?? []).map(\.samples)) }
            let summed = CounterSeries.summed(perDatabase)
            guard let f = SizeFit.make(summed, window: window, growth: growth) else { continue }
            if best == nil || f.size > (best?.fit.size ?? 0) { best = (pod, databases.count, f) }
        }
        let instances = pods.count
        outcome.matches.append(
            SeriesMatch(
                workload: w.name,
                text: "CNPG cluster '\(cluster)' (by \(how))" + (ns.map { " in namespace '\($0)'" } ?? "")
                    + ": \(instances) instance pod\(instances == 1 ? "" : "s")"))
        if let best {
            let source = "pod \(best.pod), \(best.databases) database\(best.databases == 1 ? "" : "s")"
            outcome.fits += best.fit.figures(workload: w.name, metric: CalibrationMetric.databaseSize, source: source, growth: growth)
        } else {
            outcome.problems += tooFew(w, [.size, .growth], "\(CalibrationMetric.databaseSize){pod=~\"\(cluster)-N\"}", sizes.series)
        }
        wal(w, cluster: cluster, namespace: ns, byName, &outcome)
    }

    static func wal(
        _ w: Workload, cluster: String, namespace: String?, _ byName: [String: [LabeledSeries]], _ outcome: inout CalibrationOutcome
    ) {
        // The cumulative WAL bytes first; archived segments × 16 MiB where they are missing.
        let sources: [(metric: String, scale: Double, shown: String)] = [
            (CalibrationMetric.walBytes, 1, CalibrationMetric.walBytes),
            (CalibrationMetric.archivedCount, CalibrationMetric.walSegmentBytes, CalibrationMetric.archivedCount + " × 16 MiB"),
        ]
        var seen: [LabeledSeries] = []
        for source in sources {
            let found = matching(source.metric, byName, namespace: namespace) { isInstance($0.labels["pod"], of: cluster) }.series
            seen += found
            let pods = Dictionary(grouping: found) { $0.labels["pod"] ?? "" }
            var best: FigureFit?
            for pod in pods.keys.sorted() {
                let joined = CounterSeries.concatenated((pods[pod] ?? []).map(\.samples))
                let finite = joined.filter { $0.value.isFinite }
                let corrected = CounterSeries.resetCorrected(finite)
                let scaled = corrected.samples.map { MetricSample(milliseconds: $0.milliseconds, value: $0.value * source.scale) }
                guard let fit = LinearFit.fit(scaled) else { continue }
                let figure = FigureFit(
                    workload: w.name, figure: .wal, metric: source.shown,
                    source: "pod \(pod)" + (corrected.resets > 0 ? ", \(corrected.resets) reset\(corrected.resets == 1 ? "" : "s") taken out" : ""),
                    fit: fit, value: .rate(.absolute(bytesPerDay: fit.slope * 86_400)), resets: corrected.resets,
                    skipped: joined.count - finite.count)
                if best == nil || fit.slope > (best?.fit.slope ?? 0) { best = figure }
            }
            if let best {
                outcome.fits.append(best)
                return
            }
        }
        outcome.problems += tooFew(
            w, [.wal], "\(CalibrationMetric.walBytes) or \(CalibrationMetric.archivedCount){pod=~\"\(cluster)-N\"}", seen)
    }

    static func volume(
        _ w: Workload, _ byName: [String: [LabeledSeries]], _ window: CalibrationWindow, _ growth: GrowthMode,
        _ outcome: inout CalibrationOutcome
    ) {
        let pvc = w.series?.pvc ?? w.name
        let how = w.series?.pvc != nil ? "series.pvc" : "the workload's name"
        let found = matching(CalibrationMetric.volumeUsed, byName, namespace: w.series?.namespace) {
            $0.labels["persistentvolumeclaim"] == pvc
        }
        if found.namespaces.count > 1 {
            outcome.problems.append(ambiguous(w, "PVC '\(pvc)'", found.namespaces))
            return
        }
        let ns = w.series?.namespace ?? found.namespaces.first.flatMap { $0.isEmpty ? nil : $0 }
        outcome.matches.append(
            SeriesMatch(workload: w.name, text: "PVC '\(pvc)' (by \(how))" + (ns.map { " in namespace '\($0)'" } ?? "")))
        let joined = CounterSeries.concatenated(found.series.map(\.samples))
        if let f = SizeFit.make(joined, window: window, growth: growth) {
            outcome.fits += f.figures(workload: w.name, metric: CalibrationMetric.volumeUsed, source: "PVC \(pvc)", growth: growth)
        } else {
            outcome.problems += tooFew(
                w, [.size, .growth], "\(CalibrationMetric.volumeUsed){persistentvolumeclaim=\"\(pvc)\"}", found.series)
        }
    }

    static func ambiguous(_ w: Workload, _ what: String, _ namespaces: [String]) -> CalibrationProblem {
        CalibrationProblem(
            workload: w.name, figure: nil,
            message: "\(what) is in several namespaces (\(namespaces.map { "'\($0)'" }.joined(separator: ", ")))",
            suggestion: "set series.namespace to the one this workload stands for")
    }

    /// "needs at least 2 samples": one problem per figure, saying how many were found.
    static func tooFew(_ w: Workload, _ figures: [CalibratedFigure], _ selector: String, _ found: [LabeledSeries]) -> [CalibrationProblem] {
        let samples = found.reduce(0) { $0 + $1.samples.filter(\.value.isFinite).count }
        let what =
            found.isEmpty
            ? "no series \(selector) in the range"
            : "\(samples) finite sample\(samples == 1 ? "" : "s") of \(selector) in the range"
        return figures.map {
            CalibrationProblem(
                workload: w.name, figure: $0, message: "cannot be measured: \(what); a fit needs at least 2",
                suggestion: "check series: {namespace, pvc, cluster} and --range")
        }
    }
}

/// The fit of a size series: the line (of the size, or of its logarithm for relative
/// growth) and the size it reaches at the window's end.
struct SizeFit {
    var fit: LinearFit
    var size: Double
    var skipped: Int
    var logarithmic: Bool

    static func make(_ samples: [MetricSample], window: CalibrationWindow, growth: GrowthMode) -> SizeFit? {
        let finite = samples.filter { $0.value.isFinite }
        switch growth {
        case .absolute:
            guard let fit = LinearFit.fit(finite) else { return nil }
            return SizeFit(fit: fit, size: fit.value(atMilliseconds: window.end), skipped: samples.count - finite.count, logarithmic: false)
        case .relative:
            // log(size) is a line when the size compounds; sizes ≤ 0 have no logarithm.
            let positive = finite.filter { $0.value > 0 }
            let logs = positive.map { MetricSample(milliseconds: $0.milliseconds, value: log($0.value)) }
            guard let fit = LinearFit.fit(logs) else { return nil }
            return SizeFit(
                fit: fit, size: exp(fit.value(atMilliseconds: window.end)), skipped: samples.count - positive.count, logarithmic: true)
        }
    }

    func figures(workload: String, metric: String, source: String, growth: GrowthMode) -> [FigureFit] {
        let shown = logarithmic ? "log(\(metric))" : metric
        let rate: Rate =
            logarithmic
            ? .relative(fraction: exp(fit.slope * 86_400) - 1, periodDays: 1)
            : .absolute(bytesPerDay: fit.slope * 86_400)
        return [
            FigureFit(
                workload: workload, figure: .size, metric: shown, source: source, fit: fit, value: .size(ByteCount(size)), resets: 0,
                skipped: skipped),
            FigureFit(
                workload: workload, figure: .growth, metric: shown, source: source, fit: fit, value: .rate(rate), resets: 0,
                skipped: skipped),
        ]
    }
}
