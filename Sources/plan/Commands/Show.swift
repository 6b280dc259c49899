import ArgumentParser
import Foundation
import PlanIO
import PlanStore

extension Plan {
    /// `plan show RUN`: a recorded run's summary, exactly as `plan simulate` printed it.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a recorded run's summary, exactly as plan simulate printed it.",
            discussion: """
                RUN is a run id (`plan runs` lists them). With --out DIR, the run's five CSV \
                files are written again to DIR/NAME/, the same bytes `plan simulate` wrote.

                Exit codes: 0 success, 1 no such run, 2 the run store cannot be read or the \
                files cannot be written, 64 malformed command line.
                """)

        @Argument(help: ArgumentHelp("A run id, as plan runs lists it.", valueName: "RUN"))
        var id: Int64

        @Option(help: ArgumentHelp("Also write the run's CSV files to DIR/NAME/.", valueName: "DIR"))
        var out: String?

        @Flag(help: "No colour (also off when standard output is not a terminal or NO_COLOR is set).")
        var noColor = false

        @OptionGroup var store: StoreOptions

        func run() throws {
            let runStore = try store.open(create: false)
            let record: RunRecord?
            do {
                record = try runStore?.run(id)
            } catch {
                StandardError.print(error.description)
                throw ExitStatus.io
            }
            guard let runStore, let record else {
                StandardError.print("error: no run \(id) in '\(store.db)'; plan runs lists the recorded runs")
                throw ExitStatus.unknownRun
            }
            StandardOutput.print(
                Summary.text(
                    record.result, files: record.header.filesWritten,
                    recorded: record.header.storePath.map { (record.id, $0) }, color: Summary.color(noColor: noColor)))
            if let out {
                let dir = (out as NSString).appendingPathComponent(record.header.scenario)
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
