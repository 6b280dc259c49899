import ArgumentParser
import Foundation
import PlanCore
import PlanIO
import PlanStore

/// `--db PATH`: the run store, shared by every command that reads or records runs.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The run store, an SQLite file.", valueName: "PATH"))
    var db: String = "output/plan.sqlite"

    /// Opens the store; prints the error and throws exit 2 when it cannot be used.
    /// - Returns: nil when `create` is false and the file does not exist.
    func open(create: Bool) throws -> RunStore? {
        do {
            return try RunStore.open(path: db, create: create)
        } catch {
            StandardError.print(error.description)
            throw ExitStatus.io
        }
    }
}
