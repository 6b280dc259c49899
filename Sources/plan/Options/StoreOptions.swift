import ArgumentParser
import Foundation
import PlanCore
import PlanIO
import PlanStore

/// `--db PATH`: the run store, shared by every command that reads or records runs; the
/// environment's `PLAN_DB` when `--db` is not given, else `output/plan.sqlite`.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The run store, an SQLite file (default: $PLAN_DB, else output/plan.sqlite).", valueName: "PATH"))
    var db: String = StoreOptions.defaultPath

    /// Read with `getenv`: `ProcessInfo.environment` copies the whole environment into a
    /// dictionary, and the argument parser makes this default several times per command.
    static var defaultPath: String {
        let fromEnvironment = getenv("PLAN_DB").map { String(cString: $0) } ?? ""
        return fromEnvironment.isEmpty ? "output/plan.sqlite" : fromEnvironment
    }

    /// `--db`, checked before any work: a path that can name no store (empty, or ending in
    /// `/`) is an invalid option value (exit 1).
    var path: String {
        get throws {
            if let problem = RunStore.pathProblem(db) { try failInvalid("error: --db '\(db)': \(problem)") }
            return db
        }
    }

    /// Opens the store; prints the error and throws exit 2 when it cannot be used.
    /// - Returns: nil when `create` is false and the file does not exist.
    func open(create: Bool) throws -> RunStore? {
        let path = try path
        do {
            return try RunStore.open(path: path, create: create)
        } catch {
            StandardError.print(error.description)
            throw ExitStatus.io
        }
    }
}
