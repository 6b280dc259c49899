import ArgumentParser
import Foundation
import PlanIO
import PlanStore

extension Plan {
    /// `plan show RUN`: a recorded run's summary, exactly as `plan simulate` printed it.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print a recorded run's summary, exactly as plan simulate printed it.",
            discussion: """
                RUN is a run id (`plan runs` lists them). With --out DIR, the run's CSV files \
                (the five, and drills.csv for a version 2 scenario) are written again to \
                DIR/NAME/, the same bytes `plan simulate` wrote.

                Exit codes: 0 success, 1 no such run, 2 the run store cannot be read or the \
                files cannot be written, 64 malformed command line.
                """)

        @Argument(help: ArgumentHelp("A run id, as plan runs lists it.", valueName: "RUN"))
        var id: Int64

        @Option(help: ArgumentHelp("Also write the run's CSV files to DIR/NAME/.", valueName: "DIR"))
        var out: String?

        @OptionGroup var color: ColorOptions

        @OptionGroup var store: StoreOptions

        func run() throws {
            let (runStore, record) = try ExitStatus.check(RunStore.lookUp(id, in: try store.path))
            StandardOutput.print(
                TableRenderer(color: color.enabled).summary(
                    record.result, files: record.header.filesWritten, recorded: record.header.storePath.map { (record.id, $0) }))
            if let out {
                let dir = try outputLayout(out).directory(for: record.header.scenario)
                do {
                    _ = try runStore.exportCSV(record.id, to: dir)
                } catch {
                    StandardError.print(error.description)
                    throw ExitStatus.io
                }
                StandardOutput.print("\nExported run \(record.id) to \(dir)/\n")
            }
        }
    }
}
