import Testing

@testable import PlanCore

/// A sink that keeps every day's values, keyed as the naive engine keys them.
struct RecordingSink: SimulationSink {
    var layout = RowLayout(jobRows: [], workloads: [], targets: [])
    var days: [DayRows] = []
    mutating func begin(_ layout: RowLayout) { self.layout = layout }
    mutating func day(_ rows: DayRows) { days.append(rows) }
}

/// SplitMix64: a small deterministic generator so failures reproduce from the seed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum RandomScenario {
    static let standardCrons = ["0 0 * * *", "0 12 * * *", "30 */6 * * *", "0 3 * * 1", "0 2 1,15 * *", "@every 8h", "@daily", "15 4 */2 * *"]
    static let cnpgCrons = ["0 0 2 * * *", "0 30 */6 * * *", "0 0 0 * * 0", "0 0 1 * * 1-5", "0 0 12 */3 * *"]

    static func make(seed: UInt64) -> Scenario {
        var g = SplitMix(state: seed)
        func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &g)] }
        func gib(_ lo: Double, _ hi: Double) -> Double { Double.random(in: lo..<hi, using: &g) * 1_073_741_824 }
        func rate(relative: Bool) -> Rate {
            relative
                ? .relative(fraction: Double.random(in: 0.001..<0.05, using: &g), periodDays: pick([1, 7, 30.4375]))
                : .absolute(bytesPerDay: gib(0, 3))
        }
        var workloads: [Workload] = []
        for i in 0..<Int.random(in: 1...3, using: &g) {
            let pg = Bool.random(using: &g)
            workloads.append(
                Workload(
                    name: "w\(i)", kind: pg ? .postgres : .volume, size: ByteCount(gib(1, 40)),
                    growth: Bool.random(using: &g) ? rate(relative: Bool.random(using: &g)) : .zero,
                    churn: Bool.random(using: &g) ? rate(relative: Bool.random(using: &g)) : .zero,
                    wal: pg && Bool.random(using: &g) ? rate(relative: Bool.random(using: &g)) : nil))
        }
        let names = workloads.map(\.name)
        let postgres = workloads.filter { $0.kind == .postgres }.map(\.name)
        func cron(_ text: String, _ dialect: CronDialect) -> CronSchedule {
            // The generator's texts are all valid; a parse failure would be a bug of the test.
            guard case .success(let schedule) = CronSchedule.parse(text, dialect: dialect) else { preconditionFailure("cron '\(text)'") }
            return schedule
        }
        func subset() -> [String] { names.filter { _ in Bool.random(using: &g) } }
        var longhorn: [LonghornJob] = []
        for i in 0..<Int.random(in: 0...2, using: &g) {
            let snapshot = Int.random(in: 0..<4, using: &g) == 0
            longhorn.append(
                LonghornJob(
                    name: "l\(i)", task: snapshot ? .snapshot : .backup, schedule: cron(pick(standardCrons), .standard),
                    retain: Int.random(in: 1...5, using: &g), volumes: subset(),
                    compression: pick([.algorithm(.none), .algorithm(.lz4), .algorithm(.gzip), .ratio(0.5)]),
                    blockAmplification: pick([1, 1.5, 3]), target: snapshot ? "c" : pick(["m", "s"])))
        }
        var velero: [VeleroJob] = []
        for i in 0..<Int.random(in: 0...2, using: &g) {
            velero.append(
                VeleroJob(
                    name: "v\(i)", schedule: cron(pick(standardCrons), .standard),
                    ttl: Seconds(pick([12.0, 24, 36, 72, 168, 720]) * 3600), resources: ByteCount(gib(0.001, 0.1)),
                    volumes: subset(), mode: Int.random(in: 0..<4, using: &g) == 0 ? .full : .incremental,
                    compressionRatio: pick([1, 0.6]), blockAmplification: pick([1, 2]),
                    reclaimDelay: Seconds(pick([0.0, 1, 3]) * 86_400), target: pick(["m", "s"])))
        }
        var cnpg: [CNPGJob] = []
        for (i, w) in postgres.enumerated() where Bool.random(using: &g) || i == 0 {
            cnpg.append(
                CNPGJob(
                    name: "p\(i)", workload: w, schedule: cron(pick(cnpgCrons), .cnpg), immediate: Bool.random(using: &g),
                    retentionDays: Int.random(in: 1...6, using: &g),
                    retentionCheck: pick([.afterBackup, .every(Seconds(1800)), .every(Seconds(43_200)), .every(Seconds(86_400))]),
                    compression: pick([.algorithm(.none), .algorithm(.gzip), .ratio(0.3)]),
                    walCompression: pick([.algorithm(.none), .algorithm(.zstd), .ratio(0.5)]),
                    archiveTimeout: Seconds(pick([300.0, 3600, 86_400])), target: pick(["m", "s"])))
        }
        let jobs = longhorn.map { "longhorn/\($0.name)" } + velero.map { "velero/\($0.name)" } + cnpg.map { "cnpg/\($0.name)" }
        let replicated = jobs.filter { _ in Int.random(in: 0..<3, using: &g) == 0 }
        return Scenario(
            name: "random", start: CivilDate(year: 2026, month: pick([1, 2, 12]), day: pick([1, 15, 28])),
            horizonDays: Int.random(in: 3...30, using: &g), workloads: workloads, cnpg: cnpg, velero: velero,
            longhorn: longhorn,
            targets: [
                Target(name: "m", kind: .minio, capacity: ByteCount(1e13)),
                Target(name: "s", kind: .s3, prices: S3Prices(storageTiers: [PriceTier(upToGB: nil, price: Money(0.023))], putPer1000: Money(0.005))),
                Target(name: "c", kind: .cluster, capacity: ByteCount(1e13), replicas: 3),
                Target(
                    name: "r", kind: .s3, prices: S3Prices(storageTiers: [PriceTier(upToGB: nil, price: Money(0.01))], putPer1000: Money(0.01)),
                    replicates: replicated.filter { j in !j.hasPrefix("longhorn/") || longhorn.first { "longhorn/\($0.name)" == j }?.task == .backup }
                ),
            ])
    }
}

@Suite("The fast engine agrees with the naive one")
struct DifferentialTests {
    static func close(_ a: Double, _ b: Double) -> Bool {
        if a == b { return true }
        return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }

    @Test("random small scenarios", arguments: 0..<300)
    func agrees(seed: Int) throws {
        let s = RandomScenario.make(seed: UInt64(seed) &* 7919 &+ 17)
        var sink = RecordingSink()
        _ = try Engine.simulate(s, into: &sink).get()
        let naive = NaiveEngine.run(s)
        try #require(sink.days.count == naive.count)
        for (d, fast) in sink.days.enumerated() {
            let slow = naive[d]
            for key in sink.layout.jobRows where !key.isReplica {
                let id = "\(key.job)|\(key.target)|\(key.workload)"
                let a = fast.jobs[key.source]
                let b = try #require(slow.rows[id], "seed \(seed): no naive row \(id)")
                let pairs: [(String, Double, Double)] = [
                    ("restore_points", a.restorePoints, b.restorePoints), ("stored", a.stored, b.stored), ("raw", a.raw, b.raw),
                    ("uploaded", a.uploaded, b.uploaded), ("objects", a.objects, b.objects), ("puts", a.putRequests, b.puts),
                ]
                for (name, x, y) in pairs {
                    #expect(Self.close(x, y), "seed \(seed) day \(d) \(id) \(name): fast \(x) naive \(y)")
                }
            }
            for (i, t) in sink.layout.targets.enumerated() {
                let y = slow.targetUsed[t.name] ?? 0
                #expect(Self.close(fast.targetUsed[i], y), "seed \(seed) day \(d) target \(t.name): fast \(fast.targetUsed[i]) naive \(y)")
            }
            for (i, w) in sink.layout.workloads.enumerated() {
                #expect(Self.close(fast.workloads[i].size, slow.size[w.name] ?? -1), "seed \(seed) day \(d) size \(w.name)")
                let x = fast.workloads[i].rto, y = slow.rto[w.name] ?? nil
                #expect((x == nil) == (y == nil), "seed \(seed) day \(d) rto presence \(w.name)")
                if let x, let y { #expect(Self.close(x, y), "seed \(seed) day \(d) rto \(w.name): fast \(x) naive \(y)") }
            }
        }
    }
}
