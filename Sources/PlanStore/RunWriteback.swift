import Foundation
import GRDB
import GRDBSQLite
import PlanIO

/// A recording's pages on their way to the disk while the run goes on.
///
/// A run's pages wait in SQLite's page cache (64 MiB, `RunStore.chooseJournal`) until its
/// commit, which wrote them all into the file and then waited for the disk in `fdatasync`:
/// 4.9–7.8 ms of a ten-year recording's 38–49 (timestamps, 15 runs into a new store and 15
/// into one with runs), at its very end, after the files were published. Every `bytes` of
/// day numbers the writer now writes the pages made so far into the file
/// (`sqlite3_db_cacheflush`, with the journal synced first as for any write into the file)
/// and starts their writeback (`sync_file_range`, as the CSV files do), so that the commit
/// writes and waits for the last few only: 1.0–3.1 ms.
///
/// The price: from the first flush to the commit the writer holds the file's exclusive lock,
/// so a `plan runs` or `plan show` started meanwhile waits for the commit (the busy timeout)
/// instead of reading the runs before it; that is the length of the run, 30 ms for ten years.
/// A run that dies in between is rolled back from its journal, as it always was.
struct RunWriteback {
    /// Day numbers' bytes (`RunChannel.Item.bytes`) between two flushes: about 720 days of
    /// the built-in example, 0.8 MB of pages.
    static let bytes = 1 << 20
    /// SQLite's own descriptor of the store's file, found by its device and inode; nil
    /// where there is no `sync_file_range` (flushing alone would only move the writes).
    /// It is never closed here: closing any descriptor of the file would release the
    /// process's POSIX locks on it, SQLite's among them.
    private let descriptor: Int32?
    private var unflushed = 0
    /// A flush found another connection holding the file: no more flushes this run.
    private(set) var busy = false

    init(path: String) {
        descriptor = StreamingFile.startWriteback == nil ? nil : Self.openDescriptor(of: path)
    }

    /// Counts `bytes` more of day numbers inserted, and flushes once they reach `bytes`.
    mutating func inserted(_ bytes: Int, _ db: Database) {
        unflushed += bytes
        if unflushed >= Self.bytes { flush(db) }
    }

    /// Writes the pages made so far into the file and starts their writeback. An error is
    /// left to the commit, which meets it again: the flush is only ahead of it.
    ///
    /// The flush needs the file's exclusive lock, and does not wait for it: a reader inside
    /// a transaction (a `sqlite3` shell after `BEGIN`) would make every flush wait the whole
    /// busy timeout, 60 s each. Once it finds the store busy the run flushes no more, and
    /// its commit waits for the reader as it always did.
    mutating func flush(_ db: Database) {
        guard let descriptor, !busy else { return }
        unflushed = 0
        let connection = db.sqliteConnection
        sqlite3_busy_timeout(connection, 0)
        let code = sqlite3_db_cacheflush(connection)
        sqlite3_busy_timeout(connection, Int32(RunStore.busyTimeout * 1000))
        if code == SQLITE_BUSY { busy = true }
        guard code == SQLITE_OK else { return }
        _ = StreamingFile.startWriteback?(descriptor, 0, 0, 2 /* SYNC_FILE_RANGE_WRITE */)
    }

    /// The lowest open descriptor of the file at `path` (SQLite opened it when it connected).
    static func openDescriptor(of path: String) -> Int32? {
        var file = stat()
        guard stat(path, &file) == 0 else { return nil }
        var candidate = stat()
        for fd in Int32(0)..<1024 where fstat(fd, &candidate) == 0 {
            if candidate.st_dev == file.st_dev && candidate.st_ino == file.st_ino { return fd }
        }
        return nil
    }
}
