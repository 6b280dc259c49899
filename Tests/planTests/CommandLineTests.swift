import Foundation
import Testing

/// The command line's own help for a user who mistypes (issue 14): a command close to a
/// known one, and the run store's path from `PLAN_DB`.
@Suite("Command line")
struct CommandLineTests {
    @Test("a mistyped command gets a did-you-mean and exit 64; a word close to nothing keeps the parser's message")
    func didYouMean() throws {
        let dir = try PlanProcess.folder()
        let typo = try PlanProcess.run(["simualte"], in: dir)
        #expect(typo.status == 64)
        #expect(typo.stderr.hasPrefix("error: unknown command 'simualte'; did you mean 'simulate'?\n"))
        let far = try PlanProcess.run(["xyzzy"], in: dir)
        #expect(far.status == 64)
        #expect(far.stderr.contains("Unexpected argument 'xyzzy'"))
    }

    @Test("PLAN_DB names the run store when --db is not given; --db wins over it")
    func planDB() throws {
        let dir = try PlanProcess.folder()
        let env = ["/usr/bin/env", "PLAN_DB=\(dir)/shared.sqlite", PlanProcess.path]
        let sim = try PlanProcess.run(["simulate", "--out", dir + "/out"], in: dir, prefix: env, binary: nil)
        #expect(sim.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir + "/shared.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/output/plan.sqlite"))
        let shown = try PlanProcess.run(["show", "1", "--no-color"], in: dir, prefix: env, binary: nil)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("plan simulate: seed"))
        let other = try PlanProcess.run(["show", "1", "--db", "other.sqlite"], in: dir, prefix: env, binary: nil)
        #expect(other.status == 1)
        #expect(other.stderr.contains("there is no run store at 'other.sqlite'"))
    }
}
