import Foundation
import Testing

@testable import PlanCore
@testable import PlanIO

/// The fuzz test of issue 11, grown to the new inputs: every manifest of the import fixture
/// and every saved metrics export, mutated at random (seeded, so a failure names its seed),
/// must give a scenario that loads or a clear message with a place — never a crash, never a
/// message without its file.
@Suite("Mutated manifests and metric exports")
struct MutatedInputTests {
    /// SplitMix64: the same mutations on every machine.
    struct Mutator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }

        /// One of: delete a span, duplicate a line, insert YAML/JSON punctuation, swap two
        /// bytes, truncate, or put a control byte in.
        mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
            guard !bytes.isEmpty else { return bytes }
            var b = bytes
            let at = below(b.count)
            switch below(6) {
            case 0: b.removeSubrange(at..<min(b.count, at + 1 + below(40)))
            case 1:
                let lines = b.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                let i = below(lines.count)
                var out: [UInt8] = []
                for (n, l) in lines.enumerated() {
                    out += l + [10]
                    if n == i { out += l + [10] }
                }
                b = out
            case 2:
                let punctuation = Array(":{}[]-#&*!|>'\"\t\n,${}".utf8)
                b.insert(punctuation[below(punctuation.count)], at: at)
            case 3:
                let other = below(b.count)
                b.swapAt(at, other)
            case 4: b = Array(b.prefix(at))
            default: b.insert(UInt8(below(32)), at: at)
            }
            return b
        }
    }

    static let fixture = ImportTests.root
    static let metrics = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("planTests/Fixtures/calibration").path

    /// Every file of the fixture tree, relative to its root.
    static func files(under root: String) -> [String] {
        let e = FileManager.default.enumerator(atPath: root)
        var out: [String] = []
        while let p = e?.nextObject() as? String {
            var dir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + p, isDirectory: &dir), !dir.boolValue { out.append(p) }
        }
        return out.sorted()
    }

    @Test("300 mutated copies of the fixture tree: a scenario that loads, or located messages", arguments: 0..<3)
    func manifests(batch: Int) throws {
        let files = Self.files(under: Self.fixture)
        #expect(files.count >= 20)
        var m = Mutator(state: 2026_1202 + UInt64(batch))
        var outcomes = (imported: 0, refused: 0)
        for round in 0..<100 {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plan-mutate-\(batch)-\(round)-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let victim = files[m.below(files.count)]
            for f in files {
                let src = try Data(contentsOf: URL(fileURLWithPath: Self.fixture + "/" + f))
                var bytes = [UInt8](src)
                if f == victim { for _ in 0...m.below(3) { bytes = m.mutate(bytes) } }
                let path = dir + "/" + f
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            }
            switch ManifestImport.run(paths: [dir], name: "m", format: .yaml, standardInput: ImportTests.noInput) {
            case .success(let outcome):
                // ManifestImport has read the scenario back already; load it once more here.
                let options = LoadOptions(file: "m.yaml", defaultName: "m", today: CivilDate(year: 2026, month: 1, day: 1))
                #expect((try? ScenarioLoader.load(text: outcome.text, options: options).get()) != nil, "seed \(batch) round \(round): \(victim)")
                outcomes.imported += 1
            case .failure(let f):
                outcomes.refused += 1
                #expect(!f.lines.isEmpty, "seed \(batch) round \(round)")
                for d in f.diagnostics {
                    // Each reading problem names a file and a line in it.
                    if case .file(let path, let line, let column) = d.location {
                        #expect(path.hasPrefix(dir) && line >= 1 && column >= 1, "seed \(batch) round \(round): \(victim): \(d.description)")
                    } else {
                        #expect(d.message.contains("no ") || d.message.contains("plan import"), "seed \(batch) round \(round): \(d)")
                    }
                }
            }
        }
        // Both outcomes occur: the mutations are neither all harmless nor all fatal.
        #expect(outcomes.imported > 0 && outcomes.refused > 0, "\(outcomes)")
    }

    @Test("200 mutated metric exports: read, or refused with the file and what is wrong")
    func metricExports() throws {
        let files = Self.files(under: Self.metrics).filter { $0.hasSuffix(".json") }
        #expect(!files.isEmpty)
        var m = Mutator(state: 13)
        var refused = 0
        for round in 0..<200 {
            let f = files[round % files.count]
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.metrics + "/" + f)))
            for _ in 0...m.below(3) { bytes = m.mutate(bytes) }
            switch MetricsDocument.parse(bytes, source: f) {
            case .success: continue
            case .failure(let e):
                refused += 1
                #expect(e.description.hasPrefix("\(f): error: ") && !e.message.isEmpty, "round \(round)")
            }
        }
        #expect(refused > 20)
    }
}
