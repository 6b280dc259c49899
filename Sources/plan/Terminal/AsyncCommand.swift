import ArgumentParser
import Foundation

/// Runs an `async` command (`import`, `calibrate`, `tune`) on Swift's concurrency runtime
/// while the main thread waits for it: `Plan.main` is synchronous, so that the other
/// commands never start that runtime's threads.
enum AsyncCommand {
    /// The command and what its run ended with, handed between the two threads: the main
    /// thread reads them only after the task signalled `done`.
    private final class Handoff: @unchecked Sendable {
        var command: any AsyncParsableCommand
        var failure: (any Error)?
        let done = DispatchSemaphore(value: 0)
        init(_ command: any AsyncParsableCommand) { self.command = command }
    }

    /// Runs `command` and returns once it has finished; rethrows what it threw (the caller
    /// turns it into the exit status, as `AsyncParsableCommand.main` would).
    static func run(_ command: any AsyncParsableCommand) throws {
        let handoff = Handoff(command)
        Task.detached {
            do {
                try await handoff.command.run()
            } catch {
                handoff.failure = error
            }
            handoff.done.signal()
        }
        handoff.done.wait()
        if let failure = handoff.failure { throw failure }
    }
}
