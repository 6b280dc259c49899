/// A path's folder, split off as text.
///
/// Foundation's `NSString.deletingLastPathComponent` traps (signal 4, a backtrace) on this
/// platform for a name of one character with no folder: `a`, `-`, `.`, `a/`, `é`
/// (swift-corelibs-foundation, Swift 6.3.1). That made `plan import … --out a`,
/// `--db d` and a one-letter shard or manifest crash. Every folder of a path the user gives
/// is taken here instead.
public enum PathText {
    /// The folder part of `path`, as `NSString.deletingLastPathComponent` gives it where that
    /// does not trap: trailing slashes ignored, `""` for a bare name (the current folder, to
    /// the caller), `/` for a name at the root.
    ///
    ///     folder(of: "a/b") == "a"      folder(of: "a") == ""
    ///     folder(of: "/a") == "/"       folder(of: "/a/b/") == "/a"
    ///     folder(of: "a//b") == "a"     folder(of: "/") == "/"
    public static func folder(of path: String) -> String {
        var bytes = Array(path.utf8)
        let slash = UInt8(ascii: "/")
        let rooted = bytes.first == slash
        while bytes.last == slash { bytes.removeLast() }
        guard let cut = bytes.lastIndex(of: slash) else { return rooted ? "/" : "" }
        var end = cut
        while end > 0 && bytes[end - 1] == slash { end -= 1 }
        return end == 0 ? "/" : String(decoding: bytes[..<end], as: UTF8.self)
    }
}
