/// A cached trace's arrays as buffers, valid only inside `TraceReplay.withBuffers`.
///
/// The day loop reads cached traces through these rather than through the arrays: a trace
/// is shared by every worker of a sweep, and retaining its arrays each day from two cores
/// at once would make them contend on its reference count.
struct TraceBuffers {
    /// `rows × days` values, day-major.
    let values: UnsafeBufferPointer<JobDayValues>
    /// `slots × days` RTO offers, seconds (NaN: none that day).
    let rto: UnsafeBufferPointer<Double>
    /// Per day: the job ran.
    let ran: UnsafeBufferPointer<Bool>
}

/// A `TraceCache.WorkloadDays` as buffers, valid only inside the closures that made them
/// (for the same reason as `TraceBuffers`).
struct WorkloadDayBuffers {
    /// `workloads × days` sizes, day-major.
    let size: UnsafeBufferPointer<Double>
    /// `workloads × days` WAL of the day, day-major.
    let wal: UnsafeBufferPointer<Double>
    /// False when the run took its volume tracker from the days (`WorkloadDays.volumes`).
    let recordVolumes: Bool
}

extension TraceReplay {
    /// Calls `body` with the buffers of every entry of `cached` (nil stays nil), each valid
    /// for the whole call: the closures of `withUnsafeBufferPointer` are nested, one level
    /// per cached array, around `body`, and the list of buffers is built by value inside
    /// them, so no pointer outlives the closure that made it.
    ///
    /// - Complexity: O(jobs²) once per run (jobs are few); recursion depth 3 × the cached jobs.
    static func withBuffers<R>(_ cached: [TraceCache.Entry?], _ body: ([TraceBuffers?]) -> R) -> R {
        nest(cached[...], [], body)
    }

    private static func nest<R>(_ rest: ArraySlice<TraceCache.Entry?>, _ buffers: [TraceBuffers?], _ body: ([TraceBuffers?]) -> R) -> R {
        guard let first = rest.first else { return body(buffers) }
        guard let entry = first else { return nest(rest.dropFirst(), buffers + [nil], body) }
        return entry.values.withUnsafeBufferPointer { values in
            entry.rto.withUnsafeBufferPointer { rto in
                entry.ran.withUnsafeBufferPointer { ran in
                    nest(rest.dropFirst(), buffers + [TraceBuffers(values: values, rto: rto, ran: ran)], body)
                }
            }
        }
    }
}
