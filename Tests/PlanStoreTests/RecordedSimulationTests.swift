import Foundation
import Testing

@testable import PlanCore
@testable import PlanIO
@testable import PlanStore

/// `plan simulate`'s recording pipeline in-process: the files and the store in one pass,
/// and a store that fails costs the record, not the output.
@Suite("Recorded simulation in-process")
struct RecordedSimulationTests {
    static func job(_ dir: String) throws -> (SimulationJob, RunHeader) {
        let scenario = try RunStoreTests.seed60()
        let job = SimulationJob(scenario: scenario, layout: OutputLayout(root: dir + "/out"), withReport: false, keepJSONRows: false)
        let header = RunHeader(
            scenario: scenario, scenarioPath: nil, overrides: [], createdAt: "2026-01-01T00:00:00Z",
            filesWritten: job.written.joined(separator: ", "), storePath: dir + "/plan.sqlite")
        return (job, header)
    }

    @Test("the run is recorded as run 1 and reads back with the same summary")
    func records() throws {
        let dir = try RunStoreTests.folder()
        let (job, header) = try Self.job(dir)
        guard case .success(let run) = job.run(recordingAt: dir + "/plan.sqlite", header: header) else {
            Issue.record("the run failed")
            return
        }
        #expect(run.recordedID == 1)
        #expect(run.storeFailure == nil)
        let (_, record) = try #require(try? RunStore.lookUp(1, in: dir + "/plan.sqlite").get())
        #expect(record.result.monthly == run.output.result.monthly)
        #expect(record.result.kpis == run.output.result.kpis)
        // No run 2: the lookup says so (exit 1), naming the store.
        guard case .failure(.unknownRun(let message)) = RunStore.lookUp(2, in: dir + "/plan.sqlite") else {
            Issue.record("run 2 found")
            return
        }
        #expect(message == "error: no run 2 in '\(dir)/plan.sqlite'; plan runs lists the recorded runs")
    }

    @Test("a store that is not a run store costs the record, not the files")
    func storeFails() throws {
        let dir = try RunStoreTests.folder()
        let (job, header) = try Self.job(dir)
        try "not a database".write(toFile: dir + "/plan.sqlite", atomically: true, encoding: .utf8)
        guard case .success(let run) = job.run(recordingAt: dir + "/plan.sqlite", header: header) else {
            Issue.record("the run failed")
            return
        }
        #expect(run.recordedID == nil)
        #expect(run.storeFailure != nil)
        #expect(FileManager.default.fileExists(atPath: job.directory + "/kpis.csv"))
    }
}
