import Foundation
import Testing

@testable import PlanCore
@testable import PlanIO

/// `plan simulate`'s pipeline in-process: one run feeds the five CSV files and the report.
@Suite("Simulation job in-process")
struct SimulationJobTests {
    @Test("the files and the report are published under DIR/NAME, and the totals are the hand-worked ones")
    func publishes() throws {
        let dir = try TunePipelineTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let options = LoadOptions(file: "small.yaml", defaultName: "small", today: TuneTests.today)
        let scenario = try ScenarioLoader.load(text: TuneTests.small, options: options).get()
        let job = SimulationJob(scenario: scenario, layout: OutputLayout(root: dir), withReport: true, keepJSONRows: true)
        #expect(job.written == [dir + "/small/", dir + "/small/report.html"])
        let output = try PlanIOTests.value(job.run(into: try PlanIOTests.value(job.openFiles()), also: NullSink()))
        // ttl 36h keeps one 1 GiB run at every day's end: 31 GiB-days / 31 = 1 GB-month at $1,
        // in the row of target s and in January's total row.
        #expect(output.result.monthly.map(\.target) == ["s", "total"])
        #expect(output.result.monthly.allSatisfy { abs($0.totalCost.amount - 1) < 1e-9 })
        #expect(output.jsonRows != nil)
        for file in ["daily", "workloads", "targets", "monthly", "kpis"] {
            #expect(FileManager.default.fileExists(atPath: "\(dir)/small/\(file).csv"), "\(file).csv")
        }
        #expect(FileManager.default.fileExists(atPath: dir + "/small/report.html"))
        // Nothing is left under a temporary name.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir + "/small").filter { $0.hasPrefix(".") }
        #expect(left.isEmpty)
    }

    @Test("a folder that cannot be created is an I/O failure, before anything is simulated")
    func unwritable() throws {
        let dir = try TunePipelineTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A file where the folder DIR/NAME would go.
        try "x".write(toFile: dir + "/small", atomically: true, encoding: .utf8)
        let options = LoadOptions(file: "small.yaml", defaultName: "small", today: TuneTests.today)
        let scenario = try ScenarioLoader.load(text: TuneTests.small, options: options).get()
        let job = SimulationJob(scenario: scenario, layout: OutputLayout(root: dir), withReport: false, keepJSONRows: false)
        guard case .failure(let failure) = job.openFiles() else {
            Issue.record("files opened under a plain file")
            return
        }
        #expect(failure.isEnvironment)
    }
}
