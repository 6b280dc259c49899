import Foundation
import PlanIO

/// A run store that exists, opened on a thread of its own while `plan simulate` loads its
/// scenario and opens its files. The writer thread sets a recording's pace, and it could
/// start only once the store was open: 1.7 ms of a 10-year recording's 43, now spent beside
/// the loading.
///
/// The thread writes nothing: it checks the file, connects and reads what the file holds
/// (`RunStore.connect`). Choosing the journal and migrating an older store wait for
/// `store()`, after the files are open, as with `RunStore.open`; so does creating a store
/// that does not exist yet, which `start` leaves to `RunStore.open`: a run that cannot
/// write its files creates no store, and an invalid scenario changes none.
public final class StoreOpening: @unchecked Sendable {
    let path: String
    private let connected = DispatchSemaphore(value: 0)
    /// Set by the thread before it signals `connected`.
    private var connection: Result<(RunStore, RunStore.State)?, PlanIOError> = .success(nil)
    /// `store()` has waited, or `cancel()` gave up (the caller's thread only).
    private var taken = false

    /// Starts opening the store at `path` when it names a file that exists; nil otherwise
    /// (no store to record into, or one that `RunStore.open` creates).
    public static func start(path: String?) -> StoreOpening? {
        guard let path, RunStore.pathProblem(path) == nil else { return nil }
        var s = stat()
        guard stat(path, &s) == 0, s.st_mode & S_IFMT == S_IFREG else { return nil }
        return StoreOpening(path: path)
    }

    private init(path: String) {
        self.path = path
        let connect: @Sendable () -> Void = { [self] in
            do throws(PlanIOError) {
                connection = .success(try RunStore.connect(path: path, create: true))
            } catch {
                connection = .failure(error)
            }
            connected.signal()
        }
        // No thread to be had: connected now, as `RunStore.open` would.
        if !DetachedThread.start(connect) { connect() }
    }

    /// Waits for the connection and readies the store for recording: what
    /// `RunStore.openForRecording` gives, with its errors. Call it once.
    func store() throws(PlanIOError) -> RunStore? {
        if !taken {
            taken = true
            connected.wait()
        }
        // The store is the caller's: it closes when the caller lets go of it.
        let taking = connection
        connection = .success(nil)
        guard let (store, state) = try taking.get() else { return nil }
        try store.prepare(state, reading: false, creatingWithRun: true)
        return store
    }

    /// For a command that ends before it records (an invalid scenario, files it cannot
    /// write): lets the thread finish on its own, without waiting for it. Its connection is
    /// closed when the thread and the caller have both let go; the thread only reads, and a
    /// store locked by another process keeps it waiting up to the busy timeout, which the
    /// command must not (an invalid scenario took 11.6 s to be told so while a `sqlite3`
    /// shell held the store for 12 s). Nothing after `store()` took the store.
    public func cancel() {
        taken = true
    }
}
