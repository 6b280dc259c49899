/// One daily row's bytes on a version 2 object store, as the store keeps and bills them
/// (model.md "Version 2: Rows, lots and deleted bytes", "Versioned buckets", "Object lock",
/// "Storage classes and lifecycle transitions").
///
/// The row's uploads form one stream of bytes in upload order; a lot is the part of the
/// stream uploaded on one day. Deletions take the oldest bytes first (FIFO), so at every
/// moment the stream splits into three intervals by position:
///
///     [0, removed)           gone from the store
///     [removed, deleted)     noncurrent versions (empty without versioning)
///     [deleted, uploaded)    current bytes (= the row's stored bytes)
///
/// and a byte's class depends only on its lot's age, so the bytes of a class are those of
/// a contiguous range of upload days. Keeping the stream's prefix sums by upload day makes
/// every figure of a day O(classes) (plus a binary search per deletion), with no list of
/// lots that grows with the horizon.
struct RowLedger {
    /// `P[u]`: bytes uploaded on days before `u` (stream position where lot `u` starts),
    /// `P[0] = 0`; one entry per simulated day plus one.
    private(set) var starts: [Double]
    /// `W[u]`: Σ over days `v < u` of `uploaded(v) × v` (byte-days), for the ages of
    /// the bytes that leave a class.
    private var weighted: [Double]
    /// Stream positions: end of what was deleted (current bytes start here) and of what is
    /// gone from the store (noncurrent bytes start here), bytes.
    private(set) var deleted = 0.0
    private(set) var removed = 0.0
    /// `deleted` before the last day's deletion: a drill of that day still reads the bytes
    /// its deletion took (they were current at the drill's instant).
    private(set) var deletedAtDayStart = 0.0
    /// The stored bytes at the end of the previous day.
    private var previousStored = 0.0
    /// Deletions not yet removed, oldest first: (day of the deletion, stream end after it).
    private var pending: [(day: Int, end: Double)] = []
    private var pendingHead = 0
    /// The days simulated so far.
    private(set) var days = 0

    /// Whether deletions are kept for a later removal by their day (a versioned bucket with
    /// a noncurrent expiry); otherwise `pending` stays empty and allocates nothing.
    private let tracksDeletions: Bool

    init(horizonDays: Int, tracksDeletions: Bool = true) {
        self.tracksDeletions = tracksDeletions
        starts = [0]
        starts.reserveCapacity(horizonDays + 1)
        weighted = [0]
        weighted.reserveCapacity(horizonDays + 1)
    }

    /// The bytes the store keeps: current plus noncurrent.
    var held: Double { uploadedTotal - removed }
    /// The current bytes (the row's stored bytes).
    var current: Double { uploadedTotal - deleted }
    /// The noncurrent bytes.
    var noncurrent: Double { deleted - removed }
    private var uploadedTotal: Double { starts[starts.count - 1] }

    /// Day `d`'s upload and deletion (steps 1 and 2 of model.md's day): the lot of `uploaded`
    /// bytes, then `deleted(d) = max(0, stored(d−1) + uploaded(d) − stored(d))` taken from
    /// the oldest bytes. Returns `deleted(d)` and the stream interval deleted. The stream
    /// holds only what was uploaded, so the interval stops at its end; `deleted(d)` does not:
    /// a row whose bytes never come from uploads (a Longhorn `snapshot` row, a snapshot-target
    /// row) deletes the decrease of its bytes (model.md "Rows, lots and deleted bytes").
    ///
    /// - Complexity: amortised O(1).
    mutating func record(day d: Int, stored: Double, uploaded: Double) -> (bytes: Double, from: Double, to: Double) {
        starts.append(uploadedTotal + uploaded)
        weighted.append(weighted[weighted.count - 1] + uploaded * Double(d))
        days = d + 1
        let bytes = max(0, previousStored + uploaded - stored)
        previousStored = stored
        let from = deleted
        deletedAtDayStart = from
        deleted = min(uploadedTotal, deleted + bytes)
        if tracksDeletions && deleted > from { pending.append((d, deleted)) }
        return (bytes, from, deleted)
    }

    /// Removes what is gone at the end of day `d` (step 3): without versioning every deleted
    /// byte at once; with it, a byte of lot `u` deleted on day `e` at the end of day
    /// `max(e + N, u + L)` (never without a noncurrent expiry `N`; `L` the object lock, 0
    /// without). Returns the stream interval removed.
    ///
    /// - Complexity: amortised O(log H) (a binary search for the lock's bound).
    mutating func remove(day d: Int, versioning: Bool, expiryDays: Int?, lockDays: Int?) -> (from: Double, to: Double) {
        let from = removed
        if !versioning {
            removed = deleted
            pending.removeAll(keepingCapacity: true)
            pendingHead = 0
            return (from, removed)
        }
        guard let n = expiryDays else { return (from, from) }
        // Positions whose lot is old enough for the lock: u ≤ d − L, that is x < P[d − L + 1].
        let lockBound = lockDays.map { d - $0 + 1 < 0 ? 0 : starts[min(d - $0 + 1, starts.count - 1)] } ?? .infinity
        while pendingHead < pending.count, pending[pendingHead].day + n <= d {
            let end = pending[pendingHead].end
            if lockBound < end {
                removed = max(removed, lockBound)
                break
            }
            removed = max(removed, end)
            pendingHead += 1
        }
        if pendingHead > 64 && pendingHead * 2 > pending.count {
            pending.removeFirst(pendingHead)
            pendingHead = 0
        }
        return (from, removed)
    }

    /// The stream positions of the lots of upload days `first…last` (clamped to the days
    /// simulated), as a half-open interval.
    func positions(days first: Int, _ last: Int) -> (from: Double, to: Double) {
        let a = max(0, first)
        let b = min(last, days - 1)
        guard a <= b else { return (0, 0) }
        return (starts[a], starts[b + 1])
    }

    /// The bytes of `[from, to)` that lie in the lots of days `first…last`, and their
    /// byte-weighted sum of upload days (Σ bytes × u), for the ages of bytes leaving a class.
    ///
    /// - Complexity: O(log H).
    func bytesAndDays(from: Double, to: Double, days first: Int, _ last: Int) -> (bytes: Double, byteDays: Double) {
        let (lo, hi) = positions(days: first, last)
        let x0 = max(from, lo), x1 = min(to, hi)
        guard x1 > x0 else { return (0, 0) }
        let u0 = lot(containing: x0), u1 = lot(containing: x1, end: true)
        if u0 == u1 { return (x1 - x0, (x1 - x0) * Double(u0)) }
        // Partial first lot, whole lots between, partial last lot.
        let firstPart = starts[u0 + 1] - x0
        let lastPart = x1 - starts[u1]
        let middle = starts[u1] - starts[u0 + 1]
        let middleDays = weighted[u1] - weighted[u0 + 1]
        return (firstPart + middle + lastPart, firstPart * Double(u0) + middleDays + lastPart * Double(u1))
    }

    /// The upload day whose lot holds stream position `x` (`end`: the position just before
    /// `x`, for the end of an interval).
    func lot(containing x: Double, end: Bool = false) -> Int {
        // The last u with P[u] < x (end) or P[u] ≤ x, among lots that are not empty.
        var lo = 0, hi = days - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if end ? starts[mid] < x : starts[mid] <= x { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
