/// One CNPG job (model.md "CNPG"): barman-cloud base backups and the WAL archived between
/// them, grouped by day, deleted by the retention check.
struct CNPGSim {
    /// One base backup.
    struct Base {
        /// When it was taken, seconds since start.
        var t: Double
        /// The database size then, bytes.
        var raw: Double
        /// Bytes stored (compressed).
        var stored: Double
        /// Objects stored (tar files and the backup's metadata).
        var objects: Double
    }

    /// The WAL archived during one day.
    struct WALGroup {
        /// End of the group's day, seconds.
        var dayEnd: Double
        /// Segment bytes (16 MiB each).
        var raw: Double
        /// Bytes stored (compressed WAL and padding).
        var stored: Double
        /// Segments archived.
        var segments: Double
    }

    /// Run times, seconds since start, UTC; `next` is the first not yet simulated.
    var fires: [Double]
    var next = 0
    /// Index of the database's workload in the scenario.
    let workload: Int
    /// The job's value row.
    let row: Int
    /// Stored bytes per raw byte of a base backup.
    let ratio: Double
    /// Stored bytes per byte of WAL written.
    let walRatio: Double
    /// Stored bytes per byte of segment padding.
    let paddingRatio: Double
    /// Segments forced a day by `archive_timeout` (`86 400 / archive_timeout`).
    let segmentsFloor: Double
    /// `retention`, seconds.
    let retention: Double
    /// `retention_check` interval, seconds; nil: after each backup.
    let checkInterval: Double?
    /// The latest interval check applied, seconds since start.
    var lastCheck = 0.0
    /// Version 2 faults: where retention checks are skipped.
    var retentionStops: FaultWindows.Windows? = nil
    /// Version 2 faults: where WAL archiving is down (merged, disjoint), and per window the
    /// WAL held in pg_wal so far: stored bytes, raw bytes and segments (model.md "Archive
    /// outages").
    var archiveDown: FaultWindows.Windows? = nil
    var held: [(stored: Double, raw: Double, segments: Double)] = []
    var bases = PointQueue<Base>()
    /// Σ over `bases`: raw bytes, stored bytes, objects.
    var baseRaw = 0.0, baseStored = 0.0, baseObjects = 0.0
    var wal = PointQueue<WALGroup>()
    /// Σ over `wal`: raw bytes, stored bytes, segments.
    var walRaw = 0.0, walStored = 0.0, walSegments = 0.0

    /// Simulates the base backups before `now` and the WAL of the day `[dayStart, now)`
    /// (seconds since start; `walToday` bytes), applies the retention check, and writes the
    /// day's row; offers the newest base plus its WAL replay to the RTO (model.md "Restore").
    /// True when a base backup ran.
    ///
    /// - Complexity: O(1 + runs of the day + points deleted), no allocation once the queues
    ///   are sized.
    mutating func advance(
        dayStart: Double, now: Double, walToday: Double, model: WorkloadModel, rows: inout [JobDayValues],
        rto: inout Double?, restore: RestoreSpeeds
    ) -> Bool {
        var ran = false
        var uploaded = 0.0
        var puts = 0.0
        while next < fires.count && fires[next] < now {
            let t = fires[next]
            next += 1
            ran = true
            if let d = checkInterval { intervalCheck(atOrBefore: t, every: d) }
            let raw = model.size(at: t)
            let stored = raw * ratio
            let objects = (stored / barmanTar).rounded(.up) + 1
            bases.push(Base(t: t, raw: raw, stored: stored, objects: objects))
            baseRaw += raw
            baseStored += stored
            baseObjects += objects
            uploaded += stored
            puts += (stored / barmanPart).rounded(.up) + 3
            if checkInterval == nil, retentionStops?.contains(t) != true { check(now: t) }
        }
        if let d = checkInterval {
            // The latest check strictly before now (one at exactly now belongs to the next day).
            let k = (now / d).rounded(.up) - 1
            if k >= 1 { intervalCheck(atOrBefore: k * d, every: d) }
        }
        // The day's WAL group.
        let n = Swift.max(walToday / walSegment, segmentsFloor)
        let groupRaw = n * walSegment
        let groupStored = walToday * walRatio + (groupRaw - walToday) * paddingRatio
        wal.push(WALGroup(dayEnd: now, raw: groupRaw, stored: groupStored, segments: n))
        walRaw += groupRaw
        walStored += groupStored
        walSegments += n
        uploaded += groupStored
        puts += n
        var missing = (stored: 0.0, raw: 0.0, segments: 0.0)
        var archivedUpTo = now
        if let windows = archiveDown {
            let moved = hold(dayStart: dayStart, now: now, windows: windows, group: (groupStored, groupRaw, n))
            uploaded += moved.uploaded
            puts += moved.puts
            missing = moved.missing
            archivedUpTo = moved.archivedUpTo
        }

        rows[row].restorePoints = Double(bases.count)
        rows[row].stored = baseStored + walStored - missing.stored
        rows[row].raw = baseRaw + walRaw - missing.raw
        rows[row].objects = baseObjects + walSegments - missing.segments
        rows[row].uploaded = uploaded
        rows[row].putRequests = puts
        if !bases.isEmpty {
            let b = bases.last
            lower(&rto, b.raw / restore.bandwidthBytesPerSecond + model.wal(b.t, archivedUpTo) / restore.walReplayBytesPerSecond)
        }
        return ran
    }

    /// Applies the interval check at the largest multiple of `d` that is `≤ t`, if not yet
    /// applied. Between two runs only the latest check matters: each later check keeps a
    /// subset of what an earlier one kept, and deletes WAL up to its own oldest base.
    private mutating func intervalCheck(atOrBefore t: Double, every d: Double) {
        var c = (t / d).rounded(.down) * d
        // A check inside a retention-stops window is skipped: the latest one before the
        // window is the one that applies (found by review against a naive engine).
        while let span = retentionStops?.span(containing: c) { c = ((span.from / d).rounded(.up) - 1) * d }
        if c >= d && c > lastCheck {
            lastCheck = c
            check(now: c)
        }
    }

    /// model.md: keep every base with `t_k ≥ now − retention` and the newest older one;
    /// when a base is deleted, delete the WAL groups whose day ended at or before the
    /// oldest kept base.
    private mutating func check(now: Double) {
        let cutoff = now - retention
        var i = 0
        while i < bases.count && bases[i].t < cutoff { i += 1 }
        let drop = i - 1
        guard drop > 0 else { return }
        for _ in 0..<drop {
            let b = bases.popFirst()
            baseRaw -= b.raw
            baseStored -= b.stored
            baseObjects -= b.objects
        }
        let oldest = bases.first.t
        while !wal.isEmpty && wal.first.dayEnd <= oldest {
            let g = wal.popFirst()
            walRaw -= g.raw
            walStored -= g.stored
            walSegments -= g.segments
        }
        if wal.isEmpty { (walRaw, walStored, walSegments) = (0, 0, 0) }
    }

    /// The day `[dayStart, now)` of an archive outage (model.md "Archive outages"): the part
    /// of the day's WAL group generated in a window that is still down at the day's end
    /// (`a < now ≤ b`) is held, so it leaves the day's upload; a window ending in the day
    /// (`dayStart ≤ b < now`) releases everything it held as an upload of the day. Returns
    /// the change to the day's upload and PUTs, what is still missing from the row, and the
    /// time up to which WAL is archived (`a` while down at the day's end, else `now`).
    mutating func hold(
        dayStart: Double, now: Double, windows: FaultWindows.Windows, group: (stored: Double, raw: Double, segments: Double)
    ) -> (uploaded: Double, puts: Double, missing: (stored: Double, raw: Double, segments: Double), archivedUpTo: Double) {
        if held.count != windows.spans.count { held = Array(repeating: (0, 0, 0), count: windows.spans.count) }
        var uploaded = 0.0, puts = 0.0
        var archivedUpTo = now
        for (w, span) in windows.spans.enumerated() {
            if span.until >= now, span.from < now {
                // Still down at the day's end: today's part of the group is held.
                let share = (now - Swift.max(span.from, dayStart)) / 86_400
                held[w].stored += group.stored * share
                held[w].raw += group.raw * share
                held[w].segments += group.segments * share
                uploaded -= group.stored * share
                puts -= group.segments * share
                archivedUpTo = Swift.min(archivedUpTo, span.from)
            } else if span.until >= dayStart, span.until < now {
                // Archived at b: what was held becomes the day's upload (today's own part
                // simply stays in today's upload).
                uploaded += held[w].stored
                puts += held[w].segments
                held[w] = (0, 0, 0)
            }
        }
        var missing = (stored: 0.0, raw: 0.0, segments: 0.0)
        for h in held {
            missing.stored += h.stored
            missing.raw += h.raw
            missing.segments += h.segments
        }
        return (uploaded, puts, missing, archivedUpTo)
    }
}
