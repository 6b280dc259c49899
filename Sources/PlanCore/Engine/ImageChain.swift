/// The incremental image accounting of model.md shared by Longhorn backups and snapshots
/// and Velero/Kopia file-system backups: one volume in one job.
///
/// A restore point pins the old block versions rewritten before the next point
/// (`pinned_j = min(a · C(t_j, t_{j+1}), size(t_j))`); the raw bytes stored are the newest
/// stored point's size plus the pinned bytes of every other stored point.
struct ImageChain {
    struct Point {
        var t: Double
        var size: Double
        /// Valid once a later point exists.
        var pinned: Double
    }

    var points = PointQueue<Point>()
    /// Σ pinned over every stored point but the newest.
    var pinnedSum = 0.0

    /// Records a run at `t` with the volume at `size`; returns the raw bytes uploaded: the
    /// full image when nothing earlier is stored, else growth plus the pinned churn.
    /// `churn` is `a · C(t_{k−1}, t_k)`.
    mutating func run(t: Double, size: Double, amplifiedChurn: (Double) -> Double) -> Double {
        guard !points.isEmpty else {
            points.push(Point(t: t, size: size, pinned: 0))
            return size
        }
        var prev = points.last
        let pinned = Swift.min(amplifiedChurn(prev.t), prev.size)
        prev.pinned = pinned
        points.last = prev
        pinnedSum += pinned
        points.push(Point(t: t, size: size, pinned: 0))
        return Swift.max(0, size - prev.size) + pinned
    }

    /// Deletes the oldest stored point.
    mutating func dropOldest() {
        let p = points.popFirst()
        if points.count <= 1 {
            pinnedSum = 0  // exactly: no drift left behind by the running sum
        } else {
            pinnedSum -= p.pinned
        }
    }

    /// Raw bytes stored: newest size + Σ pinned of the others; 0 with nothing stored.
    var storedRaw: Double {
        points.isEmpty ? 0 : points.last.size + pinnedSum
    }
}
