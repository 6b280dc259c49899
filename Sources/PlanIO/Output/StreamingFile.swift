import Foundation

/// A file written under a temporary name beside its final one and renamed into place by
/// `commit()`: a reader never sees a half-written file under the final name (cli.md).
/// Writes are buffered; the buffer is flushed every `flushBytes`.
public final class StreamingFile {
    /// How many bytes the buffer gathers before they are written out; a line may pass it by
    /// up to the buffer's spare 64 KiB. 256 KiB: the buffer's pages stay in the caches, and
    /// are faulted in once (a 1 MiB buffer per file cost a 10-year run 380 page faults more).
    public static let flushBytes = 1 << 18

    /// How many written bytes make the disk's writeback start (`flush`): 1 MiB, so that its
    /// writes stay as large as when the buffer itself was 1 MiB.
    static let writebackBytes = 1 << 20

    /// Bytes written since the writeback was last started.
    private var unstarted = 0
    public let finalPath: String
    let tempPath: String
    private let handle: FileHandle
    /// The bytes not yet written to the file: append to it, then call `flushIfFull()`.
    let buffer = ByteBuffer(capacity: StreamingFile.flushBytes + 1 << 16)
    private var failed: String?
    /// Set by `finishWriting`: synced and closed.
    private var finished = false

    /// - Parameter path: where the file goes. A symbolic link there is followed, so the link
    ///   stays and its target gets the new content (`calibrate --in-place` on a linked
    ///   scenario); anything there but a regular file (a device such as `/dev/null`, a FIFO,
    ///   a socket) is refused, since the rename would replace it with a file.
    ///   Errors name `path` as given, and the link's target when there is one.
    public init(path given: String) throws(PlanIOError) {
        let path = StreamingFile.destination(of: given)
        // "it is …", or for a link "it is a symbolic link to 'TARGET', which is …".
        let itIs = path == given ? "it is " : "it is a symbolic link to '\(path)', which is "
        if let kind = StreamingFile.notRegular(path) {
            throw .cannotWrite(
                path: given,
                reason: itIs
                    + (kind == .directory
                        ? "a directory; give the path of a file"
                        : "not a regular file (a device, a FIFO or a socket), and plan writes a file whole under another "
                            + "name, then renames it into place; give the path of a file"))
        }
        finalPath = path
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        tempPath = dir + "/." + url.lastPathComponent + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        // open(2) rather than FileManager.createFile, which writes a `.dat.nosync…` file and
        // renames it: one more rename, and a stray file if killed in between.
        let fd = open(tempPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            let reason = StreamingFile.reason(forWriting: dir)
            throw .cannotWrite(path: given, reason: path == given ? reason : "it is a symbolic link to '\(path)': \(reason)")
        }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Appends text; flushes when the buffer reaches `flushBytes`.
    public func write(_ text: String) {
        buffer.write { $0.append(text) }
        flushIfFull()
    }

    /// Writes the buffer out once it holds `flushBytes` or more (after appending to `buffer`).
    func flushIfFull() {
        if buffer.count >= StreamingFile.flushBytes { flush() }
    }

    /// Gives `body` a text to append to; its bytes are added to the buffer.
    public func append(_ body: (inout String) -> Void) {
        var text = ""
        body(&text)
        write(text)
    }

    /// Writes what the buffer holds, and starts the writeback of what was written once it
    /// reaches `writebackBytes`, or whatever is left when `last` (`OutputSet` does that for
    /// every file before it syncs any, so the disk works on all of them at once).
    func flush(last: Bool = false) {
        guard failed == nil, !finished else { return }
        if buffer.count > 0 {
            do {
                try buffer.withBytes { try handle.write(contentsOf: $0) }
            } catch {
                failed = "\(error.localizedDescription)"
            }
            unstarted += buffer.count
            buffer.removeAll()
        }
        // Start writing the pages to the disk now, while the engine goes on: the fsync at the
        // end then waits for little (a 4 MB daily.csv's fsync took 7.4 ms without this).
        guard unstarted >= StreamingFile.writebackBytes || (last && unstarted > 0) else { return }
        unstarted = 0
        _ = StreamingFile.startWriteback?(handle.fileDescriptor, 0, 0, 2 /* SYNC_FILE_RANGE_WRITE */)
    }

    public typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32

    /// Linux's `sync_file_range`, looked up at run time (Swift's Glibc module does not
    /// declare it); nil where the C library lacks it, and then only the final fsync syncs.
    /// The run store starts its file's writeback with it too (`RunWriteback`).
    public static let startWriteback: SyncFileRange? = dlsym(nil, "sync_file_range").map { unsafeBitCast($0, to: SyncFileRange.self) }

    /// Flushes, closes and renames into place.
    public func commit() throws(PlanIOError) {
        try finishWriting()
        try publish()
    }

    /// Flushes, syncs to the disk (so a crash after the rename cannot leave an empty file
    /// under the final name) and closes the temporary file; nothing is under the final name yet.
    ///
    /// A second call does nothing, unless bytes were written since the first: they cannot
    /// reach the closed file, and the call fails.
    public func finishWriting() throws(PlanIOError) {
        if !finished {
            flush()
            if failed == nil {
                do {
                    try handle.synchronize()
                } catch {
                    failed = "\(error.localizedDescription)"
                }
            }
            try? handle.close()
            finished = true
        } else if failed == nil, buffer.count > 0 {
            failed = "written to after it was synced and closed"
        }
        if let failed {
            abort()
            throw .cannotWrite(path: finalPath, reason: failed)
        }
    }

    /// Renames the written temporary file to its final name, keeping the mode of the file it
    /// replaces (a file made private with `chmod 600` stays private), then syncs the folder
    /// (unless `syncingFolder` is false: an `OutputSet` syncs its stage once for all files).
    public func publish(syncingFolder: Bool = true) throws(PlanIOError) {
        var old = stat()
        if stat(finalPath, &old) == 0 { chmod(tempPath, old.st_mode & 0o7777) }
        if rename(tempPath, finalPath) != 0 {
            let reason = String(cString: strerror(errno))
            abort()
            throw .cannotWrite(path: finalPath, reason: reason)
        }
        guard syncingFolder else { return }
        let folder = PathText.folder(of: finalPath)
        OutputSet.sync(folder.isEmpty ? "." : folder)
    }

    /// Removes the temporary file.
    public func abort() {
        try? handle.close()
        unlink(tempPath)
    }

    public static func reason(forWriting dir: String) -> String {
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) { return "no such directory" }
        if !isDir.boolValue { return "not a directory" }
        if !FileManager.default.isWritableFile(atPath: dir) { return "permission denied" }
        return "cannot create a file there"
    }

    /// What stands at a path that is not a regular file.
    public enum NonRegular: String {
        case directory = "a directory"
        case fifo = "a FIFO"
        case socket = "a socket"
        case device = "a device"
    }

    /// What `path` is (links followed) when it is not a regular file; nil for a regular
    /// file, or when nothing can be looked at there (the read or write then says why).
    static func notRegular(_ path: String) -> NonRegular? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return .directory
        case S_IFIFO: return .fifo
        case S_IFSOCK: return .socket
        default: return .device
        }
    }

    /// Where a file written to `path` goes: the file a symbolic link at `path` points to
    /// (resolved whole, links to links too), else `path` itself (also for a dangling link or
    /// a loop, which the write then replaces).
    static func destination(of path: String) -> String {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK, let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// Writes `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws(PlanIOError) {
        let f = try StreamingFile(path: path)
        f.write(text)
        try f.commit()
    }

    /// Removes the temporary files (`.NAME.tmp-PID`) that a killed run left in `dir`: those
    /// of processes that no longer exist. A running process's files are left alone.
    public static func removeStale(in dir: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for name in names where name.hasPrefix(".") {
            guard let range = name.range(of: ".tmp-", options: .backwards), let pid = Int32(name[range.upperBound...]) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(dir + "/" + name) }
        }
    }

    /// Creates `dir` and its parents.
    public static func makeDirectory(_ dir: String) throws(PlanIOError) {
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: dir, reason: whyNoDirectory(dir))
        }
    }

    /// Why `dir` cannot be created, in words: the first part of the path that is a file, or
    /// the first existing folder that is not writable.
    static func whyNoDirectory(_ dir: String) -> String {
        var path = dir.hasPrefix("/") ? "" : "."
        for part in dir.split(separator: "/") {
            path += "/" + part
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
                if !isDir.boolValue {
                    return "'\(path.hasPrefix("./") ? String(path.dropFirst(2)) : path)' is a file, not a directory"
                }
            } else {
                let parent = PathText.folder(of: path)
                if !FileManager.default.isWritableFile(atPath: parent.isEmpty ? "." : parent) {
                    return "permission denied in '\(parent)'"
                }
                break
            }
        }
        return "cannot create the directory"
    }

    /// The most bytes `plan` reads from one input file (a scenario, a tune.csv shard): far
    /// above any real one, and checked while reading, so `/dev/zero` or a huge file is
    /// refused at once instead of filling the memory.
    public static let maximumInputBytes = 64 * 1_048_576

    /// Reads a file's bytes, at most `maximumInputBytes`: a regular file by its size, a pipe
    /// or a device (`/dev/stdin`, `<(…)`) in chunks until its end or the cap.
    public static func read(_ path: String, maximum: Int = maximumInputBytes) throws(PlanIOError) -> [UInt8] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            var st = stat()
            let failure = stat(path, &st) == 0 ? 0 : errno
            switch failure {
            case ENOTDIR: throw .cannotRead(path: path, reason: "a part of the path is a file, not a directory (a '/' after a file's name?)")
            case ENAMETOOLONG: throw .cannotRead(path: path, reason: "the name is too long for the file system")
            case EACCES: throw .cannotRead(path: path, reason: "permission denied on a folder of the path")
            case ELOOP: throw .cannotRead(path: path, reason: "a symbolic link loop")
            default: throw .cannotRead(path: path, reason: "no such file")
            }
        }
        if isDir.boolValue { throw .cannotRead(path: path, reason: "is a directory") }
        let tooLarge = PlanIOError.cannotRead(
            path: path, reason: "it is larger than \(maximum / 1_048_576) MiB, the most plan reads from one file")
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let regular = (attributes?[.type] as? FileAttributeType) == .typeRegular
        if regular, let size = attributes?[.size] as? Int, size > maximum { throw tooLarge }
        guard FileManager.default.isReadableFile(atPath: path) else { throw .cannotRead(path: path, reason: "permission denied") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .cannotRead(path: path, reason: "cannot open it") }
        defer { try? handle.close() }
        var bytes: [UInt8] = []
        do {
            while let chunk = try handle.read(upToCount: 1_048_576), !chunk.isEmpty {
                bytes += chunk
                if bytes.count > maximum { throw tooLarge }
            }
        } catch let error as PlanIOError {
            throw error
        } catch {
            throw .cannotRead(path: path, reason: "\(error.localizedDescription)")
        }
        return bytes
    }
}
