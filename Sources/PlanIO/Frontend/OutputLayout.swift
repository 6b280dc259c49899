import Foundation

/// Where a command writes (cli.md "Files written"): `DIR/NAME/` per scenario, with fixed
/// file names inside. The one home of these names: every command builds its paths here.
public struct OutputLayout: Sendable, Hashable {
    /// `--out`'s default: `output/` in the current directory.
    public static let defaultRoot = "output"
    /// The HTML report's file name.
    public static let reportFile = "report.html"
    /// `plan tune`'s file name.
    public static let tuneFile = "tune.csv"

    /// `DIR`, as given with `--out`.
    public var root: String

    public init(root: String = OutputLayout.defaultRoot) { self.root = root }

    /// `DIR/NAME`: the folder of one scenario's files (NAME is the scenario's name).
    public func directory(for name: String) -> String { OutputLayout.join(root, name) }

    /// `DIR/NAME/report.html`.
    public func report(for name: String) -> String { OutputLayout.join(directory(for: name), OutputLayout.reportFile) }

    /// `DIR/NAME/tune.csv`.
    public func tune(for name: String) -> String { directory(for: name) + "/" + OutputLayout.tuneFile }

    /// `directory/file`, joined as Foundation joins path components (one slash).
    public static func join(_ directory: String, _ file: String) -> String {
        (directory as NSString).appendingPathComponent(file)
    }
}
