import Foundation
import Testing

@testable import PlanCore
@testable import PlanIO

/// `plan simulate`'s pipeline in-process: one run feeds the five CSV files and the report.
@Suite("Simulation job in-process")
struct SimulationJobTests {
    /// TuneTests' small scenario: one Velero job of 1 GiB a day, in January 2026.
    static func small() throws -> Scenario {
        let options = LoadOptions(file: "small.yaml", defaultName: "small", today: TuneTests.today)
        return try ScenarioLoader.load(text: TuneTests.small, options: options).get()
    }

    @Test("the files and the report are published under DIR/NAME, and the totals are the hand-worked ones")
    func publishes() throws {
        let dir = try TunePipelineTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let scenario = try Self.small()
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

    /// Runs `job` once with `daily.csv` from a second run of the engine beside it, once
    /// without, each into its own folder; returns each file's bytes, by name, of both.
    static func filesBothWays(_ scenario: Scenario, report: Bool) throws -> (beside: [String: Data], single: [String: Data]) {
        var found: [[String: Data]] = []
        for beside in [true, false] {
            let dir = try TunePipelineTests.folder()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let job = SimulationJob(scenario: scenario, layout: OutputLayout(root: dir), withReport: report, keepJSONRows: false)
            _ = try PlanIOTests.value(job.run(into: try PlanIOTests.value(job.openFiles()), dailyBeside: beside))
            let folder = dir + "/" + scenario.name
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            }
            found.append(files)
        }
        return (found[0], found[1])
    }

    @Test(
        "daily.csv written by a second run of the engine beside the first: every file of every example the single run's, byte for byte",
        // Each horizon long enough for a daily.csv past 1 MiB (homelab's is 254 bytes a day),
        // `StreamingFile.writebackBytes`: written out four times and its writeback started.
        arguments: [("seed", 1_500), ("seed-v2", 1_500), ("seed-faults", 1_500), ("homelab", 4_500), ("production", 3_000)])
    func dailyBesideIsTheSame(name: String, days: Int) throws {
        let path = TuneTests.scenarios.appendingPathComponent(name + ".yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let options = LoadOptions(file: path, defaultName: name, today: TuneTests.today)
        var scenario = try ScenarioLoader.load(text: text, options: options).get()
        // daily.csv past the bytes at which a file's buffer is written out and its writeback
        // started: each run then writes its files while the other goes on.
        scenario.horizonDays = days
        let both = try Self.filesBothWays(scenario, report: true)
        #expect(both.beside.keys.sorted() == both.single.keys.sorted())
        #expect(
            both.single["daily.csv"].map { $0.count > StreamingFile.writebackBytes } == true,
            "daily.csv under \(StreamingFile.writebackBytes) B: no writeback started while running")
        for (file, bytes) in both.single {
            #expect(both.beside[file] == bytes, "\(name): \(file)")
        }
    }

    @Test("daily.csv written beside: the header, then one line a day in order, the values worked out by hand")
    func dailyBesideByHand() throws {
        let scenario = try Self.small()
        let daily = try #require(Self.filesBothWays(scenario, report: false).beside["daily.csv"])
        let lines = String(decoding: daily, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        // One Velero job, so one row a day: the header, 31 days of January, and the empty
        // string after the last newline.
        #expect(lines.count == 1 + 31 + 1)
        #expect(lines.first == "date,day,job,tier,target,workload,restore_points,stored_bytes,raw_bytes,uploaded_bytes,objects,put_requests")
        #expect(lines.last == "")
        // model.md "Velero schedule": a run at 00:00 of day d is deleted at d + 36h, so day d's
        // end (d + 24h) holds that run alone, the one before gone at d + 12h: 1 point of
        // 1 GiB = 2^30 bytes stored, raw the same (resources count as stored), uploaded that
        // day; 10 objects per run whose resources are stored, 10 PUTs per run.
        for day in 0..<31 {
            let date = String(format: "2026-01-%02d", day + 1)
            #expect(lines[1 + day] == "\(date),\(day),velero/res,velero,s,,1,1073741824,1073741824,1073741824,10,10")
        }
    }

    @Test("daily.csv handed off and written only once the other files are synced: the set waits for it, and it is whole")
    func dailyEndsLast() throws {
        let dir = try TunePipelineTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let scenario = try Self.small()
        var files = try RunFiles(directory: dir + "/small")
        var daily = files.handOffDaily()
        let result = try Engine.simulate(scenario, into: &files).get()
        // The daily run as late as it can be: all of it inside `dailyEnded`, after the summary
        // files are written and the set's other files synced.
        var published = false
        try files.finish(
            result,
            dailyEnded: {
                #expect(!published)
                _ = Engine.simulate(scenario, into: &daily)
            }, then: { published = true })
        #expect(published)
        let single = try Self.filesBothWays(scenario, report: false).single
        for name in ["daily.csv", "workloads.csv", "targets.csv", "monthly.csv", "kpis.csv"] {
            #expect(FileManager.default.contents(atPath: dir + "/small/" + name) == single[name], "\(name)")
        }
        // The header and 31 days of one job.
        #expect(single["daily.csv"].map { String(decoding: $0, as: UTF8.self).split(separator: "\n").count } == 32)
    }

    @Test("a folder that cannot be created is an I/O failure, before anything is simulated")
    func unwritable() throws {
        let dir = try TunePipelineTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A file where the folder DIR/NAME would go.
        try "x".write(toFile: dir + "/small", atomically: true, encoding: .utf8)
        let scenario = try Self.small()
        let job = SimulationJob(scenario: scenario, layout: OutputLayout(root: dir), withReport: false, keepJSONRows: false)
        guard case .failure(let failure) = job.openFiles() else {
            Issue.record("files opened under a plain file")
            return
        }
        #expect(failure.isEnvironment)
    }
}
