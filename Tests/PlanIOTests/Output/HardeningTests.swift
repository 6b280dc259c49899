import Foundation
import Testing

@testable import PlanCore
@testable import PlanIO

/// Inputs that used to exhaust the machine, trap or reach a spreadsheet as formulas
/// (issue 11): each case failed before its fix.
@Suite("Hardening")
struct HardeningTests {
    @Test("a device without end or a file over the cap is refused at the cap, not read whole")
    func boundedRead() throws {
        // /dev/zero never ends: before, the read grew until the kernel killed the process.
        #expect(throws: PlanIOError.self) { try StreamingFile.read("/dev/zero", maximum: 4 * 1_048_576) }
        // A sparse 80 MiB file: refused from its size, before reading.
        let dir = try TunePipelineTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/big.yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 80 * 1_048_576)
        try handle.close()
        do {
            _ = try StreamingFile.read(path)
            Issue.record("an 80 MiB file was read")
        } catch {
            #expect(error.description == "error: cannot read '\(path)': it is larger than 64 MiB, the most plan reads from one file")
        }
    }

    @Test("a shard of huge numbers is a slice, not an overflow trap")
    func hugeShard() throws {
        let sweep = try Sweep.make([VarySpec(path: "a", values: ["1", "2", "3"], argument: "")], maximum: 100).get()
        // 3 variants in 2^63 − 1 shards: shard 2^63 − 2 is ⌊3k/n⌋+1 … ⌊3(k+1)/n⌋ = 3…3.
        #expect(sweep.shard(Int.max - 1, of: Int.max) == 3...3)
        #expect(sweep.shard(0, of: Int.max) == nil)
    }

    @Test("a UTF-8 byte-order mark at the top of a file is read as nothing")
    func byteOrderMark() throws {
        let yaml = "\u{FEFF}" + TuneTests.small
        let options = LoadOptions(file: "bom.yaml", defaultName: "bom", today: TuneTests.today)
        #expect(try ScenarioLoader.load(bytes: Array(yaml.utf8), options: options).get().name == "small")
    }

    @Test("free text reaches the CSV files as text, never as a formula; numbers stay numbers")
    func formulaInjection() {
        #expect(CSVRenderer.freeText("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSVRenderer.freeText("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVRenderer.freeText("+1GiB/day") == "'+1GiB/day")
        #expect(CSVRenderer.freeText("-5") == "-5")
        #expect(CSVRenderer.freeText("USD") == "USD")
    }

    @Test("plan compare --format csv neutralises a description that is a formula")
    func compareCSV() throws {
        let options = LoadOptions(file: "t.yaml", defaultName: "t", today: TuneTests.today)
        let a = try ScenarioLoader.load(text: TuneTests.small, options: options).get()
        var b = a
        b.description = "=HYPERLINK(\"http://evil\",\"x\")"
        let side = { (s: Scenario) in
            ComparisonSide(simulated: s, result: try Engine.simulate(s).get(), label: "x", scenarioPath: nil, overrides: [])
        }
        let csv = ComparisonRenderer.csv(RunComparison(a: try side(a), b: try side(b)))
        let line = try #require(csv.split(separator: "\n").first { $0.hasPrefix("setting,description") })
        #expect(line == "setting,description,value,,,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",,")
    }

    @Test("--max-variants refuses a huge sweep from its counts, before validating a value")
    func maxVariantsFirst() throws {
        let document = try ScenarioDocument.parse(text: TuneTests.small, file: "t.yaml").get()
        let options = LoadOptions(file: "t.yaml", defaultName: "t", today: TuneTests.today)
        // 200,000 values, every one invalid as a ttl: only the size is reported.
        let spec = try VarySpec.parse("backups.velero.res.ttl=1..200000/1").get()
        guard case .failure(let d) = VariantBuilder.make(document: document, options: options, specs: [spec], maximumVariants: 1000) else {
            Issue.record("a sweep of 200,000 variants was accepted")
            return
        }
        #expect(d.items.map(\.message) == ["the sweep has 200,000 variants (200000), more than --max-variants 1,000"])
    }

    @Test("a --vary range of 10^20 values or with ends past 2^53 is refused, not a trap converting its count to Int")
    func hugeRanges() {
        func message(_ r: Result<[String], ValueError>) -> String? {
            if case .failure(let e) = r { return e.message }
            return nil
        }
        // (99999999999999999999 − 1) / 1 + 1 = 10^20 − 1 values, far past Int's 2^63 − 1 ≈ 9.2 × 10^18
        #expect(
            message(VarySpec.range("1d", "99999999999999999999d/1d"))
                == "the ends must lie within ±9,007,199,254,740,992 (where every whole number is exact)")
        // 2^53 exactly is allowed; (2^53 − 0) / 1 + 1 values is still far past 1,000,000
        #expect(
            message(VarySpec.range("0", "9007199254740992/1")) == "it would produce more than 1,000,000 values; at most 1,000,000")
        // (2,000,000 − 1) / 1 + 1 = 2,000,000 values, counted exactly
        #expect(message(VarySpec.range("1", "2000000/1")) == "it would produce 2,000,000 values; at most 1,000,000")
        #expect((try? VarySpec.range("1", "3/1").get()) == ["1", "2", "3"])
    }

    @Test("merged shards in a folder named '..' write under --out, not above it")
    func mergeName() {
        #expect(ShardMerge.folderName(["in/sub/../tune.csv"]) == "merged")
        #expect(ShardMerge.folderName(["a/seed/tune.csv", "b/seed/tune.csv"]) == "seed")
    }

    @Test("the terminal guard keeps plan's own styles and writes out every other control character")
    func terminalGuard() {
        // Bold and reset (SGR) stay; clear screen (CSI 2J), a retitle (OSC … BEL), a bare ESC
        // and a carriage return are written out; the line break stays.
        let text = "\u{1B}[1mKPIs\u{1B}[0m d\u{1B}[2Jx\u{1B}]0;t\u{07} \u{1B}\r\n"
        #expect(
            Diagnostic.visible(text, keepingStyles: true)
                == "\u{1B}[1mKPIs\u{1B}[0m d\\u{1B}[2Jx\\u{1B}]0;t\\u{7} \\u{1B}\\u{D}\n")
        #expect(Diagnostic.visible(text, keepingStyles: false) == Diagnostic.visible(text))
        #expect(Diagnostic.visible("\u{1B}[38;5;196mred\u{1B}[m", keepingStyles: true) == "\u{1B}[38;5;196mred\u{1B}[m")
    }

    @Test("control characters of the user's input reach the terminal escaped")
    func controlCharacters() throws {
        // An escape sequence that would clear the screen, in a currency and in a bad name.
        #expect(Diagnostic.visible("x\u{1B}[2Jy\u{07}") == "x\\u{1B}[2Jy\\u{7}")
        let yaml = TuneTests.small.replacing("name: small", with: "name: small\ncurrency: \"\\e[2J\"")
        let options = LoadOptions(file: "t.yaml", defaultName: "t", today: TuneTests.today)
        let s = try ScenarioLoader.load(text: yaml, options: options).get()
        let table = TableRenderer(color: false).render(try Engine.simulate(s).get())
        #expect(!table.unicodeScalars.contains("\u{1B}"))
        #expect(table.contains("\\u{1B}[2J"))
        let bad = TuneTests.small.replacing("name: small", with: "name: \"bad\\e]0;owned\\a\"")
        guard case .failure(let d) = ScenarioLoader.load(text: bad, options: options) else {
            Issue.record("a name with escapes was accepted")
            return
        }
        #expect(d.items.allSatisfy { !$0.description.unicodeScalars.contains("\u{1B}") })
    }

    @Test("a plain file of more than 100,000 nodes is too large, not 'an alias bomb'")
    func plainLargeFile() {
        // 110,000 list items without an anchor: 110,000 nodes past the cap.
        let yaml = "workloads: [" + Array(repeating: "x", count: 110_000).joined(separator: ", ") + "]\n"
        let options = LoadOptions(file: "big.yaml", defaultName: "big", today: TuneTests.today)
        guard case .failure(let d) = ScenarioLoader.load(text: yaml, options: options) else {
            Issue.record("a file of 110,000 nodes loaded")
            return
        }
        #expect(d.items.map(\.message) == ["the document has more than 100,000 nodes, far more than a scenario needs"])
        // Counted on libyaml's events, before a tree is built: the position is the
        // 100,001st node's. Nodes: the root mapping 1, `workloads` 2, the list 3, item j is
        // node 4 + j, so the 100,001st is item 99,997, at column 13 + 3 × 99,997 = 300,004
        // (`workloads: [` is 12 characters, each `x, ` 3).
        #expect(d.items.map(\.description).first?.hasPrefix("big.yaml:1:300004: error: workloads: ") == true)
    }

    @Test("a text value past 64 KiB is refused where it starts, before a tree is built; one of 64 KiB loads")
    func textCap() {
        let options = LoadOptions(file: "long.yaml", defaultName: "long", today: TuneTests.today)
        // `description: ` is 13 characters: the value starts on line 2 at column 14.
        func load(_ bytes: Int) -> Result<Scenario, Diagnostics> {
            ScenarioLoader.load(
                text: TuneTests.small.replacing("name: small", with: "name: small\ndescription: " + String(repeating: "d", count: bytes)),
                options: options)
        }
        guard case .failure(let d) = load(65_537) else {
            Issue.record("a description of 65,537 bytes loaded")
            return
        }
        #expect(
            d.items.map(\.description) == [
                "long.yaml:2:14: error: description: a value of 65537 bytes; a scenario's text values are at most 64 KiB (65,536 bytes); shorten it, or keep the long text in a file beside the scenario"
            ])
        #expect((try? load(65_536).get())?.description?.count == 65_536)
    }

    @Test("the node cap holds while parsing: 3 million keys are refused at the 100,001st node")
    func millionsOfKeys() {
        // k0 … k2,999,999, one per line (35 MB): the root 1, then key k_i is node 2 + 2i and its
        // value 3 + 2i; the 100,001st node is the value of k49,999 (3 + 2 × 49,999), on line
        // 50,000 at column 9 (`k49999: ` is 8 characters). Before, the whole tree was built
        // first (43 s and 1.8 GB for this file) and the message pointed at the key.
        var yaml = ""
        yaml.reserveCapacity(36_000_000)
        for i in 0..<3_000_000 { yaml += "k\(i): 1\n" }
        #expect(YAMLEventCount.nodePast(100_000, in: yaml).map { "\($0.line):\($0.column) \($0.key)" } == "50000:9 k49999")
        #expect(YAMLEventCount.nodePast(6_000_001, in: yaml) == nil)
        // Nested: the key named is the top-level one the node is under. Root 1, `a` 2, its
        // mapping 3, `b` 4, `1` 5, `c` 6, the list 7, `x` 8, `y` 9 (the 9th: past 8).
        let nested = "a:\n  b: 1\nc: [x, y]\n"
        #expect(YAMLEventCount.nodePast(8, in: nested).map { "\($0.line):\($0.column) \($0.key)" } == "3:8 c")
        #expect(YAMLEventCount.nodePast(5, in: nested).map { "\($0.line):\($0.column) \($0.key)" } == "3:1 c")
        #expect(YAMLEventCount.nodePast(9, in: nested) == nil)
    }

    @Test("a replaced output file keeps its mode")
    func modeKept() throws {
        let dir = try TunePipelineTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/best.yaml"
        try StreamingFile.write("a: 1\n", to: path)
        #expect(chmod(path, 0o600) == 0)
        // Before, the new file took the default mode (0644 under a 022 umask).
        try StreamingFile.write("a: 2\n", to: path)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a: 2\n")
    }

    @Test("a CNPG job without a schedule is warned about: CNPG itself takes no base backup then")
    func cnpgDefaultSchedule() throws {
        let yaml = """
            name: db
            start: 2026-01-01
            horizon: 3d
            workloads:
              db: {kind: postgres, size: 1GiB}
            backups:
              cnpg:
                pg: {workload: db, retention: 7d, target: m}
            targets:
              m: {kind: minio, capacity: 1Ti}
            """
        let options = LoadOptions(file: "db.yaml", defaultName: "db", today: TuneTests.today)
        let s = try ScenarioLoader.load(text: yaml, options: options).get()
        let warnings = try Checks.warnings(for: s).get()
        #expect(warnings.contains { $0.hasPrefix("backups.cnpg.pg: no schedule, so plan assumes @daily") })
        // With the schedule written out, no such warning.
        let written = try ScenarioLoader.load(
            text: yaml.replacing("retention: 7d,", with: "schedule: \"@daily\", retention: 7d,"), options: options
        ).get()
        #expect(!(try Checks.warnings(for: written).get()).contains { $0.contains("no schedule") })
    }

    @Test("a Velero ttl in days is read, with a warning giving the form Velero takes")
    func veleroTTLInDays() throws {
        let options = LoadOptions(file: "t.yaml", defaultName: "t", today: TuneTests.today)
        // 30d = 720 h: Velero's Schedule (a Go duration) rejects '30d'.
        let s = try ScenarioLoader.load(text: TuneTests.small.replacing("ttl: 36h", with: "ttl: 30d"), options: options).get()
        #expect(s.velero[0].ttl == Seconds(720 * 3600))
        #expect(
            try Checks.warnings(for: s).get().contains(
                "backups.velero.res.ttl: '30d' is read here, but Velero's ttl is a Go duration without days: in the Schedule write '720h'"))
        let hours = try ScenarioLoader.load(text: TuneTests.small, options: options).get()
        #expect(!(try Checks.warnings(for: hours).get()).contains { $0.contains("Go duration") })
    }
}
