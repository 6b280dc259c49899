import Foundation
import Synchronization

/// The files one command writes into `DIR/NAME/`, replacing their predecessors together
/// (README "Output files"): a reader sees the old set or the new one, never a mix, even if
/// the process is killed at any point.
///
/// The files are written into a hidden staging folder beside the final one
/// (`DIR/.NAME.set-PID-TAG`), each synced; at `publish()` every entry of `DIR/NAME` the set
/// does not replace is hard-linked into the stage (other commands' files, the user's own),
/// the stage is synced, and the two folders trade places in one `renameat2(RENAME_EXCHANGE)`;
/// then the parent is synced and the old folder removed. A lock on `DIR` (flock) makes
/// concurrent `plan` processes publish one after the other, so none loses another's file.
///
/// A symbolic link in `DIR/NAME` under one of the set's names (`daily.csv` linked into a
/// dashboard's folder) is written through, as any file plan writes by name: its target gets
/// the new content, under a temporary name renamed onto it before the swap, and the link
/// itself is carried into the new folder. That one file is then not swapped together with
/// the others.
///
/// Where a folder swap cannot work (`DIR/NAME` is a symlink or a mount point, `DIR` is not
/// writable, the file system has no hard links or no exchange), the files are renamed into
/// `DIR/NAME/` one after the other instead, as version 1 did.
public final class OutputSet {
    /// `DIR/NAME`.
    public let directory: String
    /// The names this set replaces, written this time or not: one it did not write is not
    /// carried over (a version 1 run drops the `drills.csv` of an earlier version 2 run).
    let owned: Set<String>
    /// The staging folder; nil when the files go straight into `directory`.
    private(set) var stage: String?
    private var files: [(name: String, file: StreamingFile)] = []
    /// The names written through a symbolic link in `DIR/NAME` rather than into the stage.
    private var throughLinks: Set<String> = []
    private let parent: String

    /// Creates the staging folder (and `DIR`, if missing) and removes what a killed run left.
    public init(directory: String, owns names: Set<String>) throws(PlanIOError) {
        self.directory = directory
        self.owned = names
        let folder = PathText.folder(of: directory)
        parent = folder.isEmpty ? "." : folder
        let base = (directory as NSString).lastPathComponent
        do {
            try StreamingFile.makeDirectory(parent)
        } catch {
            // Told about the folder the user gets, as for any other folder that cannot be made.
            throw .cannotWrite(path: directory, reason: StreamingFile.whyNoDirectory(directory))
        }
        OutputSet.removeStale(in: parent, name: base)
        if OutputSet.canSwap(directory, parent: parent) {
            let tag = String(UInt32.random(in: 0...UInt32.max), radix: 16)
            let path = OutputLayout.join(parent, ".\(base).set-\(ProcessInfo.processInfo.processIdentifier)-\(tag)")
            if mkdir(path, 0o777) == 0 { stage = path }
        }
        if stage == nil {
            try StreamingFile.makeDirectory(directory)
            StreamingFile.removeStale(in: directory)
        }
    }

    /// Opens `name` for streaming; it reaches `DIR/NAME/name` at `publish()`.
    public func file(_ name: String) throws(PlanIOError) -> StreamingFile {
        do {
            let existing = OutputLayout.join(directory, name)
            // A link that leads somewhere is followed (a dangling one is replaced, as by any write).
            let linked = stage != nil && StreamingFile.destination(of: existing) != existing
            let f = try StreamingFile(path: linked ? existing : OutputLayout.join(stage ?? directory, name))
            files.append((name, f))
            if linked { throughLinks.insert(name) }
            return f
        } catch {
            throw shown(error)
        }
    }

    /// Adds a file with the given text.
    public func add(_ name: String, text: String) throws(PlanIOError) {
        try file(name).write(text)
    }

    /// Syncs every file and puts the whole set in place; if writing fails nothing changes in
    /// `DIR/NAME` and the staged files are removed. (In the file-by-file fallback, a rename
    /// that fails after others succeeded leaves those in place.)
    ///
    /// - Parameter published: called once the new set is in place, before the folder it
    ///   replaced is removed (2 ms for a 10-year run's 5 MB): a recording commits its run
    ///   meanwhile (`RunStore.record`). Not called when publishing fails.
    ///
    /// The replaced folder is removed before this returns, or after
    /// `removeReplacedFoldersInBackground()` on a thread of its own, before the process exits.
    public func publish(then published: () -> Void = {}) throws(PlanIOError) {
        do throws(PlanIOError) {
            try OutputSet.finishWriting(files.map(\.file))
            // Every publish takes its turn, swap or not.
            let lock = OutputSet.lock(parent)
            defer { OutputSet.unlock(lock) }
            guard let stage else {
                for f in files { try f.file.publish() }
                for name in owned.subtracting(files.map(\.name)) { unlink(OutputLayout.join(directory, name)) }
                published()
                return
            }
            // A file written through a link reaches its target now, its folder synced.
            for f in files { try f.file.publish(syncingFolder: throughLinks.contains(f.name)) }
            var current = stat()
            if lstat(directory, &current) != 0 {
                // Nothing there yet: the stage (synced) becomes the folder.
                OutputSet.sync(stage)
                if rename(stage, directory) == 0 {
                    OutputSet.sync(parent)
                    self.stage = nil
                    published()
                    return
                }
                guard lstat(directory, &current) == 0 else { throw .cannotWrite(path: directory, reason: OutputSet.errnoText()) }
            }
            // Checked again under the lock: a folder that became a symlink is written through.
            guard current.st_mode & S_IFMT == S_IFDIR else { return try moveIntoPlace(from: stage, then: published) }
            for f in files where !throughLinks.contains(f.name) {
                var old = stat()
                if stat(OutputLayout.join(directory, f.name), &old) == 0 { chmod(f.file.finalPath, old.st_mode & 0o7777) }
            }
            chmod(stage, current.st_mode & 0o7777)
            // A link written through is carried over as the link it is.
            let replaced = owned.union(files.map(\.name)).subtracting(throughLinks)
            if OutputSet.link(directory, into: stage, skipping: replaced), OutputSet.sync(stage), OutputSet.exchange(stage, directory) {
                OutputSet.sync(parent)
                // What another program put in the folder between the links and the swap (an
                // editor's save) is moved over before the old folder goes.
                OutputSet.carryLate(from: stage, into: directory, skipping: replaced)
                published()
                OutputSet.removeReplaced(stage)
                self.stage = nil
                return
            }
            try moveIntoPlace(from: stage, then: published)
        } catch {
            abort()
            throw shown(error)
        }
    }

    /// The fallback: each staged file renamed into `DIR/NAME/`, then the owned names this
    /// set did not write removed.
    private func moveIntoPlace(from stage: String, then published: () -> Void) throws(PlanIOError) {
        for f in files where !throughLinks.contains(f.name) {
            let target = OutputLayout.join(directory, f.name)
            var old = stat()
            if stat(target, &old) == 0 { chmod(f.file.finalPath, old.st_mode & 0o7777) }
            if rename(f.file.finalPath, target) != 0 { throw .cannotWrite(path: target, reason: OutputSet.errnoText()) }
        }
        for name in owned.subtracting(files.map(\.name)) { unlink(OutputLayout.join(directory, name)) }
        OutputSet.sync(directory)
        published()
        try? FileManager.default.removeItem(atPath: stage)
        self.stage = nil
    }

    /// Flushes and syncs every file added so far but those named in `names`, ahead of
    /// `publish` (which then syncs only the rest): a file still being written by another
    /// thread (`RunFiles.handOffDaily`) is left to it. A file that fails is reported, and the
    /// caller aborts the set once no thread writes into it.
    public func finishWriting(except names: Set<String>) throws(PlanIOError) {
        do throws(PlanIOError) {
            try OutputSet.finishWriting(files.filter { !names.contains($0.name) }.map(\.file))
        } catch {
            throw shown(error)
        }
    }

    /// Every file's last bytes written and their writeback started first, then each synced
    /// and closed: the disk works on all of them at once, and each sync waits for what is
    /// left of its own. A file already finished is passed over (`StreamingFile.finishWriting`).
    private static func finishWriting(_ files: [StreamingFile]) throws(PlanIOError) {
        for f in files { f.flush(last: true) }
        for f in files { try f.finishWriting() }
    }

    /// Makes every later publish remove the folder it replaced on a thread of its own, while
    /// the command goes on (`plan` prints its summary meanwhile: the removal is 2 ms of a
    /// 10-year run, most of it the file system freeing the old files' 5 MB). The process
    /// waits for those removals when it exits (`atexit`: a return from `main` or `exit`), so a
    /// command that ends leaves no old folder; one killed before leaves its hidden folder to
    /// the next publish beside it (`removeStale`), as a kill before the removal always did.
    /// For the command line; in-process callers (the tests) keep the removal inside `publish`.
    public static func removeReplacedFoldersInBackground() {
        removals.withLock { state in
            guard !state.inBackground else { return }
            state.inBackground = true
            atexit { OutputSet.waitForRemovals() }
        }
    }

    /// Returns once every removal started in the background has ended.
    public static func waitForRemovals() {
        removals.withLock { $0.group }.wait()
    }

    /// Whether removals run in the background, and the ones running.
    private static let removals = Mutex<(inBackground: Bool, group: DispatchGroup)>((false, DispatchGroup()))

    /// Removes a folder that a publish replaced, now or in the background.
    private static func removeReplaced(_ path: String) {
        let (inBackground, group) = removals.withLock { ($0.inBackground, $0.group) }
        guard inBackground else {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        group.enter()
        let remove: @Sendable () -> Void = {
            try? FileManager.default.removeItem(atPath: path)
            group.leave()
        }
        // No thread to be had: removed now, as without the background.
        if !DetachedThread.start(remove) { remove() }
    }

    /// Removes the staged files (and the staging folder).
    public func abort() {
        for f in files { f.file.abort() }
        if let stage { try? FileManager.default.removeItem(atPath: stage) }
        stage = nil
    }

    /// An error about a staged path, told about the final one.
    private func shown(_ error: PlanIOError) -> PlanIOError {
        guard let stage, case .cannotWrite(let path, let reason) = error, path.hasPrefix(stage) else { return error }
        return .cannotWrite(path: directory + path.dropFirst(stage.count), reason: reason)
    }

    // MARK: - The file system steps

    /// Whether `directory` can be swapped whole: it is missing, or a real folder (not a
    /// symlink) on the same file system as its parent, and the parent is writable.
    static func canSwap(_ directory: String, parent: String) -> Bool {
        guard access(parent, W_OK) == 0, exchangeCall != nil else { return false }
        var own = stat()
        guard lstat(directory, &own) == 0 else { return true }
        var up = stat()
        return (own.st_mode & S_IFMT) == S_IFDIR && stat(parent, &up) == 0 && up.st_dev == own.st_dev
    }

    /// Hard-links every entry of `from` (but `skipping`) into `to`: files linked, folders
    /// made and filled, symlinks copied. False if one cannot be carried (no hard links on
    /// this file system, a pipe or a device).
    static func link(_ from: String, into to: String, skipping: Set<String>) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: from) else { return false }
        for name in names where !skipping.contains(name) {
            let source = OutputLayout.join(from, name)
            let target = OutputLayout.join(to, name)
            var s = stat()
            guard lstat(source, &s) == 0 else { continue }  // removed meanwhile
            switch s.st_mode & S_IFMT {
            case S_IFREG:
                if Glibc.link(source, target) != 0 && errno != ENOENT { return false }
            case S_IFDIR:
                guard mkdir(target, s.st_mode & 0o7777) == 0, link(source, into: target, skipping: []), sync(target) else { return false }
            case S_IFLNK:
                guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: source),
                    symlink(destination, target) == 0
                else { return false }
            default:
                return false
            }
        }
        return true
    }

    /// After the swap, `old` is the previous folder: an entry of it (but `skipping`) that is
    /// missing in `new`, or is another file than the one linked there, was written after the
    /// links were made; it is renamed into `new` (replacing the older link).
    static func carryLate(from old: String, into new: String, skipping: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: old) else { return }
        var moved = false
        for name in names where !skipping.contains(name) {
            var before = stat()
            var after = stat()
            guard lstat(OutputLayout.join(old, name), &before) == 0 else { continue }
            if lstat(OutputLayout.join(new, name), &after) == 0, after.st_ino == before.st_ino { continue }
            if after.st_ino != 0, (after.st_mode & S_IFMT) == S_IFDIR { continue }  // a folder, carried already
            if rename(OutputLayout.join(old, name), OutputLayout.join(new, name)) == 0 { moved = true }
        }
        if moved { sync(new) }
    }

    typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's `renameat2` (2.28 and later), looked up at run time: Swift's Glibc module
    /// does not declare it.
    static let exchangeCall: Renameat2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: Renameat2.self) }

    /// Swaps two paths in one step (`RENAME_EXCHANGE`); false where the file system cannot.
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let call = exchangeCall else { return false }
        return call(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0
    }

    /// fsync of a folder, so that its new entries survive a crash.
    @discardableResult
    static func sync(_ folder: String) -> Bool {
        let fd = open(folder, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return fsync(fd) == 0
    }

    static func lock(_ folder: String) -> Int32 {
        let fd = open(folder, O_RDONLY | O_DIRECTORY)
        if fd >= 0 { flock(fd, LOCK_EX) }
        return fd
    }

    static func unlock(_ fd: Int32) {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }

    /// Removes the staging folders (`.NAME.set-PID-TAG`) of processes that no longer exist:
    /// a run killed before its swap, or after it but before the old folder was removed.
    static func removeStale(in parent: String, name: String) {
        let prefix = ".\(name).set-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in names where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count).prefix(while: { $0 != "-" })) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: OutputLayout.join(parent, entry)) }
        }
    }
}
