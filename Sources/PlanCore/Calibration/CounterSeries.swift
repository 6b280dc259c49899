/// Sample sequences built from several series: the pieces of one counter, and the sum of a
/// metric over one label (`datname`).
public enum CounterSeries {
    /// One time-ordered sequence from series that follow each other (a counter whose
    /// `stats_reset` label changed, a volume whose kubelet moved): ordered by their first
    /// sample, each one contributing only the samples after the previous one's last, so that
    /// the few minutes in which Prometheus' lookback still shows the old series add nothing.
    public static func concatenated(_ pieces: [[MetricSample]]) -> [MetricSample] {
        let ordered = pieces.filter { !$0.isEmpty }.sorted { ($0.first?.milliseconds ?? 0) < ($1.first?.milliseconds ?? 0) }
        var out: [MetricSample] = []
        for piece in ordered {
            let after = out.last?.milliseconds ?? Int64.min
            out += piece.filter { $0.milliseconds > after }
        }
        return out
    }

    /// A cumulative counter with its resets taken out, as Prometheus' `rate` corrects them:
    /// where a value drops below the one before, the counter restarted from zero, so every
    /// later value is raised by the last value before the drop. Returns the corrected
    /// samples and the number of resets found.
    ///
    /// `[10, 20, 5, 15]` has one reset (20 → 5) and becomes `[10, 20, 25, 35]`.
    public static func resetCorrected(_ samples: [MetricSample]) -> (samples: [MetricSample], resets: Int) {
        var out: [MetricSample] = []
        out.reserveCapacity(samples.count)
        var offset = 0.0
        var previous: Double?
        var resets = 0
        for s in samples {
            if let p = previous, s.value < p {
                offset += p
                resets += 1
            }
            previous = s.value
            out.append(MetricSample(milliseconds: s.milliseconds, value: s.value + offset))
        }
        return (out, resets)
    }

    /// The sum of several series at each time any of them has a sample. A series contributes
    /// where it has a sample; a time inside a series' span where it has none (a missed
    /// scrape) is left out, so that a gap does not read as a drop in the sum. Before its
    /// first sample or after its last, a series (a database created or dropped in the
    /// range) counts as absent.
    public static func summed(_ series: [[MetricSample]]) -> [MetricSample] {
        if series.count == 1, let only = series.first { return only }
        let maps = series.map { s in Dictionary(s.map { ($0.milliseconds, $0.value) }, uniquingKeysWith: { _, b in b }) }
        let spans = series.map { s in (s.first?.milliseconds ?? 0, s.last?.milliseconds ?? -1) }
        let times = Set(series.flatMap { $0.map(\.milliseconds) }).sorted()
        var out: [MetricSample] = []
        for t in times {
            var total = 0.0
            var complete = true
            for (i, map) in maps.enumerated() {
                if let v = map[t] {
                    total += v
                } else if spans[i].0 < t && t < spans[i].1 {
                    complete = false
                    break
                }
            }
            if complete { out.append(MetricSample(milliseconds: t, value: total)) }
        }
        return out
    }
}
