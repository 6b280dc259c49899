import Foundation
import GRDB
import GRDBSQLite
import PlanCore
import PlanIO

/// The run store: every run `plan simulate` recorded, in one SQLite file
/// (`output/plan.sqlite` by default). This type and its extensions are the only code that
/// talks to SQLite.
///
/// - The schema is versioned by GRDB's `DatabaseMigrator` (`RunStore+Schema.swift`); a
///   store written by an older `plan` is migrated when it is opened.
/// - SQLite's rollback journal and a busy timeout (`chooseJournal`): several `plan
///   simulate` processes can record at once; a writer waits for the one before it to
///   finish its run.
/// - One transaction per run (`RunStore+Recording.swift`): a run is recorded whole or not
///   at all, whatever happens to the process.
/// - A file that is not a plan run store (not SQLite, another program's database, a store
///   of a newer `plan`) or that is damaged is refused before anything is written to it.
public final class RunStore {
    /// The file as the user named it.
    public let path: String
    let queue: DatabaseQueue
    /// The file was empty when it was opened for recording (`openForRecording`): the first
    /// run recorded makes the schema, in the run's own transaction.
    var createsWithRun = false

    /// `PRAGMA application_id` of a plan run store: "plan" in ASCII.
    static let applicationID: Int32 = 0x706C_616E
    /// How long a writer waits for another process's run to be recorded, seconds.
    static let busyTimeout: TimeInterval = 60

    private init(path: String, queue: DatabaseQueue) {
        self.path = path
        self.queue = queue
    }

    /// Why `path` cannot name a store, whatever is on the disk; nil when it can. SQLite
    /// opens a temporary database for an empty name, and `d/` as the file `d`.
    public static func pathProblem(_ path: String) -> String? {
        if path.isEmpty { return "an empty name; --db names the database file (e.g. 'output/plan.sqlite')" }
        if path.hasSuffix("/") { return "ends in '/', a folder; --db names the database file (e.g. '\(path)plan.sqlite')" }
        return nil
    }

    /// Opens the store at `path`, migrating an older schema.
    ///
    /// - Parameter create: create the file (and its folder) when it does not exist; when
    ///   false, a missing file gives `nil` (nothing was ever recorded there).
    /// - Throws: `PlanIOError` (exit 2): not a plan run store, damaged, or not writable.
    public static func open(path: String, create: Bool) throws(PlanIOError) -> RunStore? {
        guard let (store, state) = try connect(path: path, create: create) else { return nil }
        // An empty file (a first run that was not recorded leaves one) holds no runs, and
        // reading writes nothing into it.
        if !create && state == .empty { return nil }
        try store.prepare(state, reading: !create)
        return store
    }

    /// Opens the store at `path` to record a run into (`record`), creating the file and its
    /// folder when they do not exist. A new store's schema is made by the run's own
    /// transaction, on the writer thread while the engine runs, and committed with the run:
    /// made on the simulation's thread before it, it was 4 ms of CPU (SQLite parsing the
    /// schema) and a commit with its syncs ahead of a 10-year run's first day. Until a run
    /// is recorded the store has no tables: read it through `open`.
    public static func openForRecording(path: String) throws(PlanIOError) -> RunStore {
        guard let (store, state) = try connect(path: path, create: true) else {
            throw PlanIOError.cannotWrite(path: path, reason: "the store could not be created")
        }
        try store.prepare(state, reading: false, creatingWithRun: true)
        return store
    }

    /// The half of `open` that writes nothing to a store that exists: the checks, the
    /// connection, and what the file holds (`StoreOpening` does it on a thread of its own).
    /// Creates the folder of a store that does not exist, when `create` is true.
    static func connect(path: String, create: Bool) throws(PlanIOError) -> (RunStore, State)? {
        func refused(_ reason: String) -> PlanIOError {
            create ? .cannotWrite(path: path, reason: reason) : .cannotRead(path: path, reason: reason)
        }
        if let problem = pathProblem(path) { throw refused(problem) }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue { throw refused("is a directory; --db names the database file") }
        if !exists, (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
            // A link to nothing, or to itself: not "nothing recorded yet".
            let loop = realpath(path, nil) == nil && errno == ELOOP
            throw .cannotRead(
                path: path,
                reason: loop ? "it is a symbolic link loop; point --db at the store itself" : "it is a symbolic link to a file that does not exist")
        }
        if !exists {
            guard create else { return nil }
            let folder = PathText.folder(of: path)
            if !folder.isEmpty { try StreamingFile.makeDirectory(folder) }
        } else {
            try checkHeader(path)
        }

        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "plan run store"
        let store: RunStore
        do {
            store = RunStore(path: path, queue: try DatabaseQueue(path: path, configuration: configuration))
        } catch {
            throw storeError(error, path: path, reading: !create)
        }
        return (store, try store.inspect(reading: !create))
    }

    /// What the file holds; a file that is neither empty nor a plan run store is refused.
    private func inspect(reading: Bool) throws(PlanIOError) -> State {
        do {
            let state = try queue.inDatabase { db in try RunStore.identify(db, migrator: RunStore.migrator) }
            if case .foreign(let reason) = state { throw PlanIOError.notARunStore(path: path, reason: reason) }
            return state
        } catch {
            throw RunStore.storeError(error, path: path, reading: reading)
        }
    }

    /// Chooses the journal of a file that `inspect` found empty or a plan run store, and
    /// creates or migrates it: nothing is written before the file is known to be one of
    /// those.
    ///
    /// - Parameter creatingWithRun: an empty file is left empty, for the first run recorded
    ///   to make its schema (`openForRecording`).
    func prepare(_ state: State, reading: Bool, creatingWithRun: Bool = false) throws(PlanIOError) {
        let migrator = RunStore.migrator
        do {
            try queue.inDatabase { db in try RunStore.chooseJournal(db, writing: !reading) }
            if state == .empty && creatingWithRun && !reading {
                // Takes effect when the run's transaction makes the first table.
                try queue.inDatabase { db in try db.execute(sql: "PRAGMA page_size = \(RunStore.pageSize)") }
                createsWithRun = true
                return
            }
            if state == .empty { try queue.inDatabase { db in try RunStore.createCurrent(db, migrator: migrator) } }
            if state == .older { try queue.inDatabase { db in try RunStore.dropOrphans(db) } }
            if state != .current { try migrate(migrator) }
        } catch {
            throw RunStore.storeError(error, path: path, reading: reading)
        }
    }

    /// The journal of a store this process writes to: SQLite's rollback journal (`DELETE`).
    /// A run's pages are written once, into the file, when it commits; the pages they
    /// replace wait in `plan.sqlite-journal` meanwhile, which SQLite deletes after the
    /// commit (and plays back, when it finds one left by a process that died, before
    /// anything reads the file). The WAL journal that stores had before wrote every page
    /// twice: into `plan.sqlite-wal` at the commit, and again into the file at the
    /// checkpoint that closing the store runs, about 10 ms of a ten-year run's 55.
    ///
    /// - A store in WAL mode is switched back when this process alone has it open. While
    ///   another process works on it, it stays in WAL mode for this run: both journals keep
    ///   every run whole, and the next writer switches it.
    /// - Readers (`writing` false) leave the journal as they find it: reading writes nothing.
    /// - `synchronous`: FULL with the rollback journal (it syncs the journal before it
    ///   writes into the file; NORMAL could damage the store at a power cut), NORMAL with
    ///   WAL (synced at checkpoints, which WAL keeps consistent).
    /// - The page cache holds a run's pages between its flushes (64 MiB; a hundred-year run
    ///   of the seed cluster is 23 MB): the writer writes them into the file every 1 MiB of
    ///   day numbers (`RunWriteback`), and readers wait from the first flush to the commit.
    ///   The other way round, a reader that keeps a transaction open holds off the flush
    ///   and the commit (WAL did not), until the busy timeout costs the run its record.
    /// - `temp_store = MEMORY` on a connection that records: a statement that may fail
    ///   midway keeps a statement journal (the pages it changes, to undo it alone), which
    ///   SQLite moves to a temporary file past 64 KiB. The day rows keep none (`RowInsert.verb`);
    ///   before that, a ten-year run wrote 3.9 MB into one in `/var/tmp`.
    static func chooseJournal(_ db: Database, writing: Bool) throws {
        var mode = try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased()
        if writing && mode != "delete" {
            // Another connection is a reason to keep the journal, not to wait for it.
            sqlite3_busy_timeout(db.sqliteConnection, 0)
            defer { sqlite3_busy_timeout(db.sqliteConnection, Int32(busyTimeout * 1000)) }
            if let changed = try? String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") { mode = changed.lowercased() }
        }
        try db.execute(sql: mode == "wal" ? "PRAGMA synchronous = NORMAL" : "PRAGMA synchronous = FULL")
        if writing { try db.execute(sql: "PRAGMA cache_size = -\(cacheKiB); PRAGMA temp_store = MEMORY") }
    }

    /// The page cache of a connection that records, KiB (`PRAGMA cache_size` of −N).
    static let cacheKiB = 65_536

    /// Runs the migrations. Two processes opening a new store at once may both try the
    /// first migration; the loser's transaction fails and rolls back, and it finds the
    /// store migrated by the other.
    private func migrate(_ migrator: DatabaseMigrator) throws {
        var attempt = 0
        while true {
            do {
                try migrator.migrate(queue)
                return
            } catch {
                attempt += 1
                let done = (try? queue.read { db in try migrator.hasCompletedMigrations(db) }) ?? false
                if done { return }
                if attempt >= 3 { throw error }
            }
        }
    }

    /// What a file holds, read without writing to it.
    enum State: Equatable {
        /// No table at all: a new store.
        case empty
        /// A plan run store with every migration applied.
        case current
        /// A plan run store written by an older `plan`: it is migrated.
        case older
        /// Anything else; the reason says what it is.
        case foreign(String)
    }

    static func identify(_ db: Database, migrator: DatabaseMigrator) throws -> State {
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if application != applicationID {
            // `grdb_migrations` alone: another process is creating the store right now (the
            // migrator creates that table before the first migration marks the file as plan's).
            if application == 0 && tables.allSatisfy({ $0 == "grdb_migrations" }) { return .empty }
            let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
            return .foreign(
                application != 0
                    ? "an SQLite database of another program (application id \(application))"
                    : "an SQLite database of another program (tables: \(shown))")
        }
        if try migrator.hasBeenSuperseded(db) {
            let unknown = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
            return .foreign(
                "it was written by a newer plan (schema \(unknown.joined(separator: ", "))); "
                    + "plan \(PlanVersion.current) knows up to \(migrator.migrations.last ?? "none")")
        }
        return try migrator.hasCompletedMigrations(db) ? .current : .older
    }

    /// Refuses a file that is not SQLite or that is shorter than its own header says,
    /// by reading its first 100 bytes (the SQLite header), before SQLite opens it.
    static func checkHeader(_ path: String) throws(PlanIOError) {
        // A pipe or a device would block the read below (or is no database file at all); a
        // symbolic link is judged by what it points to (a link to a FIFO hung for ever).
        // stat(2), which follows links (Foundation's attributesOfItem describes the link
        // itself: a link to a good store read as "a link that leads nowhere", or as a store
        // truncated to the link's own 20 bytes).
        var target = stat()
        guard stat(path, &target) == 0 else {
            throw .notARunStore(path: path, reason: "a symbolic link that leads nowhere")
        }
        if target.st_mode & S_IFMT != S_IFREG {
            throw .notARunStore(path: path, reason: "not a regular file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotRead(path: path, reason: "permission denied")
        }
        defer { try? handle.close() }
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        let size = Int(target.st_size)
        // SQLite keeps the WAL beside the file a link points to.
        let resolved =
            realpath(path, nil).map { pointer in
                defer { free(pointer) }
                return String(cString: pointer)
            } ?? path
        if size == 0 { return }  // a new, empty file: SQLite makes it a database
        // A new store's first run writes its pages into the file before its header, page 1,
        // which SQLite writes at the commit (`RunWriteback`): until then the header is zeros
        // and the run's journal is beside it. A reader waits for that run's commit, and
        // after a run killed midway SQLite plays the journal back (the file is empty again).
        var journal = stat()
        if header.prefix(16).allSatisfy({ $0 == 0 }) && stat(resolved + "-journal", &journal) == 0 && journal.st_size > 0 { return }
        let magic = Array("SQLite format 3\0".utf8)
        if header.count < 100 {
            if header.count < magic.count ? Array(magic.prefix(header.count)) == header : Array(header.prefix(16)) == magic {
                throw .damagedRunStore(path: path, reason: "truncated to \(size) bytes, shorter than the SQLite header")
            }
            throw .notARunStore(path: path, reason: "not an SQLite database (\(size) bytes of something else)")
        }
        guard Array(header.prefix(16)) == magic else {
            throw .notARunStore(path: path, reason: "not an SQLite database")
        }
        func be(_ at: Int, _ n: Int) -> Int { header[at..<(at + n)].reduce(0) { $0 << 8 | Int($1) } }
        let pageSize = be(16, 2) == 1 ? 65_536 : be(16, 2)
        guard pageSize >= 512, pageSize <= 65_536, pageSize & (pageSize - 1) == 0 else {
            throw .damagedRunStore(path: path, reason: "its header gives an invalid page size (\(pageSize))")
        }
        // With a WAL file beside it, committed pages may live in the WAL: SQLite reads both.
        var walStat = stat()
        let wal = stat(resolved + "-wal", &walStat) == 0 ? Int(walStat.st_size) : 0
        if wal > 0 { return }
        // A rollback journal left by a process that died in its commit: until SQLite plays
        // it back, the file may be shorter or longer than its header says.
        var journalStat = stat()
        if stat(resolved + "-journal", &journalStat) == 0 && journalStat.st_size > 0 { return }
        let pages = be(28, 4)
        let headerIsCurrent = pages > 0 && be(24, 4) == be(92, 4)
        if headerIsCurrent && size < pages * pageSize {
            throw .damagedRunStore(path: path, reason: "truncated: \(size) bytes of the \(pages * pageSize) its header announces")
        }
        if size % pageSize != 0 {
            throw .damagedRunStore(path: path, reason: "truncated: \(size) bytes is not a whole number of \(pageSize)-byte pages")
        }
    }

    /// Maps an SQLite failure to the error a person reads (exit 2).
    /// - Parameter reading: the command only reads the store (`plan runs`, `show`, `compare`).
    static func storeError(_ error: any Error, path: String, reading: Bool = false) -> PlanIOError {
        if let e = error as? PlanIOError {
            // A value read back from the store that makes no sense names no file yet.
            if case .damagedRunStore(path: "", let reason) = e { return .damagedRunStore(path: path, reason: reason) }
            // Nor does the inserter's refusal of a run it cannot record (`RunInserter`).
            if case .cannotWrite(path: "", let reason) = e { return .cannotWrite(path: path, reason: reason) }
            return e
        }
        if error is RowDecodingError {
            // A value someone changed by hand (sqlite3) to something of another type.
            return .damagedRunStore(path: path, reason: "a value cannot be read back (\(error))")
        }
        guard let e = error as? DatabaseError else {
            return reading ? .cannotRead(path: path, reason: "\(error)") : .cannotWrite(path: path, reason: "\(error)")
        }
        let detail = e.message.map { " (\($0))" } ?? ""
        switch e.resultCode {
        case .SQLITE_NOTADB:
            return .notARunStore(path: path, reason: "not an SQLite database")
        case .SQLITE_CORRUPT:
            return .damagedRunStore(path: path, reason: "SQLite finds it malformed\(detail)")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            if reading { return .cannotRead(path: path, reason: readOnlyReason(path, reading: true)) }
            return .cannotWrite(path: path, reason: readOnlyReason(path, reading: false))
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .cannotWrite(
                path: path,
                reason: "another process kept it locked for more than \(Int(busyTimeout)) seconds: a run being recorded, "
                    + "or a reader with a transaction open (a sqlite3 shell after BEGIN, a database browser), "
                    + "which holds off every commit until it ends")
        case .SQLITE_FULL:
            // On a read, SQLite is out of room for its temporary files, not for the store.
            if reading { return .cannotRead(path: path, reason: "SQLite has no room for its temporary files (is /tmp or the disk full?)") }
            return .cannotWrite(path: path, reason: "the disk is full")
        case .SQLITE_IOERR where reading:
            // Reading a WAL store still writes its shared-memory index beside it.
            return .cannotRead(
                path: path, reason: "SQLite error \(e.resultCode.rawValue)\(detail): is the disk full, or the store on a failing disk?")
        default:
            return reading
                ? .cannotRead(path: path, reason: "SQLite error \(e.resultCode.rawValue)\(detail)")
                : .cannotWrite(path: path, reason: "SQLite error \(e.resultCode.rawValue)\(detail)")
        }
    }

    /// Why a store cannot be opened or written: the file or its folder is read-only.
    static func readOnlyReason(_ path: String, reading: Bool) -> String {
        // SQLite says only "cannot open" for a name the file system cannot hold.
        if path.split(separator: "/").contains(where: { $0.utf8.count > Int(NAME_MAX) }) || path.utf8.count >= Int(PATH_MAX) {
            return "the name is too long for the file system (at most \(NAME_MAX) bytes a name)"
        }
        let fm = FileManager.default
        if let real = realpath(path, nil) {
            free(real)
        } else if errno == ELOOP {
            return "it is a symbolic link loop; point --db at the store itself"
        }
        let folder = PathText.folder(of: path)
        let shown = folder.isEmpty ? "." : folder
        if reading {
            let name = (path as NSString).lastPathComponent
            return "its folder '\(shown)' is read-only, and SQLite must write there to read the store ('\(name)-shm' "
                + "of a store in WAL mode, or to play back '\(name)-journal' left by a process that died); "
                + "copy it to a writable folder and use --db PATH"
        }
        if fm.fileExists(atPath: path) && !fm.isWritableFile(atPath: path) { return "the file is read-only" }
        switch StreamingFile.reason(forWriting: shown) {
        case "permission denied": return "its folder '\(shown)' is read-only (permission denied)"
        case "cannot create a file there": return "a read-only location"
        case let other: return "its folder '\(shown)': \(other)"
        }
    }
}
