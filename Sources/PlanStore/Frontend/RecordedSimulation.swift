import PlanCore
import PlanIO

/// A simulation job recorded in the run store as it runs (`plan simulate` without
/// `--no-record`): the daily rows stream into the store in the same pass that writes the
/// CSV files.
extension SimulationJob {
    /// Runs the job, recording it in the store at `storePath` (nil: not recorded).
    ///
    /// A store that cannot be opened or written costs the run its record, not its output:
    /// the simulation then runs again without the store, and the failure is returned
    /// beside a complete output (exit 2 after the summary, cli.md).
    ///
    /// - Parameter opening: the store at `storePath`, already being opened (`StoreOpening`).
    public func run(recordingAt storePath: String?, opening: StoreOpening? = nil, header: RunHeader) -> Result<RecordedSimulation, CommandFailure> {
        let files: RunFiles
        switch openFiles() {
        case .success(let f): files = f
        case .failure(let f): return .failure(f)
        }
        var output: SimulationOutput? = nil
        var recordedID: Int64? = nil
        var storeFailure: PlanIOError? = nil
        if let storePath {
            do {
                let opened = opening?.path == storePath ? opening : nil
                let store = try opened?.store() ?? RunStore.openForRecording(path: storePath)
                recordedID = try store.record(header) { recorder in
                    // The writer inserts the summary rows while the files are written
                    // and synced, and commits while the folder they replaced is removed.
                    output = try run(into: files, also: recorder, simulated: recorder.simulated, published: recorder.published)
                        .value()
                    return output?.result
                }
            } catch let failure as PlanIOError {
                storeFailure = failure
            } catch let failure as CommandFailure {
                return .failure(failure)
            } catch {
                return .failure(.ioMessage("error: \(error)"))
            }
        }
        if let output {
            return .success(RecordedSimulation(output: output, recordedID: recordedID, storeFailure: storeFailure))
        }
        return run(into: files).map {
            RecordedSimulation(output: $0, recordedID: nil, storeFailure: storeFailure)
        }
    }
}

/// What a recorded simulation produced.
public struct RecordedSimulation: Sendable {
    public var output: SimulationOutput
    /// The new run's id; nil when not recorded.
    public var recordedID: Int64?
    /// Why the run is not in the store, when the store failed.
    public var storeFailure: PlanIOError?
}
