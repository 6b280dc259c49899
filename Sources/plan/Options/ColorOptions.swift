import ArgumentParser
import Foundation

/// `--no-color`, shared by every command that prints a table.
struct ColorOptions: ParsableArguments {
    @Flag(help: "No colour (also off when standard output is not a terminal or NO_COLOR is set).")
    var noColor = false

    /// Colour on a terminal unless `--no-color` or `NO_COLOR`.
    var enabled: Bool {
        !noColor && StandardOutput.isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
