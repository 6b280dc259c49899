/// Longhorn's backup target poll on one object-store target (model.md "Requests (version
/// 2)"): polls at `0, P, 2P, …`, each listing the backup volumes, their hash directories and
/// each volume's backups, and reading each `volume.cfg`.
struct PollPlan {
    /// `poll_interval`, seconds (> 0).
    let interval: Double
    /// Per backup volume on the target: the first run of a Longhorn `backup` job that covers
    /// it, seconds since start, ascending. A poll at or after it counts the volume.
    let firstRuns: [Double]

    /// The polls in `[a, b)`: the multiples of the interval there.
    func polls(from a: Double, to b: Double) -> Double {
        guard b > a else { return 0 }
        return ((b / interval).rounded(.up) - (a / interval).rounded(.up))
    }

    /// Day `[a, b)`'s requests: `1 + 3V` LISTs and `V` HEADs per poll, `V` the volumes
    /// whose first run is at or before the poll.
    ///
    /// - Complexity: O(volumes).
    func requests(from a: Double, to b: Double) -> (lists: Double, heads: Double) {
        let n = polls(from: a, to: b)
        var volumePolls = 0.0
        for f in firstRuns where f < b { volumePolls += polls(from: max(a, f), to: b) }
        return (n + 3 * volumePolls, volumePolls)
    }
}
