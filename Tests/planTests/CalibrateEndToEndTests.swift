import Foundation
import PlanCore
import PlanIO
import Testing

/// `plan calibrate` against a real Prometheus holding `CalibrationData`'s month of metrics:
/// the figures it writes must be the known slopes (within 1%), and with a step on the
/// samples' own times, the fit must be PromQL's own `deriv` and `predict_linear`.
@Suite(.serialized) struct CalibrateEndToEndTests {
    typealias Expected = CalibrationData.Expected

    static func seed() throws -> String {
        try String(contentsOf: Sandbox.repository.appendingPathComponent("scenarios/seed.yaml"), encoding: .utf8)
    }

    /// The scenario a run wrote, loaded as `plan simulate` loads it.
    static func load(_ sandbox: Sandbox, _ file: String) throws -> Scenario {
        let text = try sandbox.text(file)
        let options = LoadOptions(file: file, defaultName: "seed", today: CivilDate(year: 2026, month: 1, day: 1))
        return try ScenarioLoader.load(text: text, options: options).get()
    }

    static func workload(_ s: Scenario, _ name: String) throws -> Workload {
        try #require(s.workloads.first { $0.name == name })
    }

    static func perDay(_ rate: Rate?) -> Double {
        if case .absolute(let b)? = rate { return b }
        return .nan
    }

    /// |measured − expected| ≤ tolerance · |expected|.
    static func close(_ measured: Double, _ expected: Double, _ tolerance: Double, _ what: String, sourceLocation: SourceLocation = #_sourceLocation)
    {
        #expect(
            Swift.abs(measured - expected) <= tolerance * Swift.abs(expected),
            "\(what): measured \(measured), expected \(expected) (±\(tolerance * 100)%)", sourceLocation: sourceLocation)
    }

    /// The known slopes of `CalibrationData` come back within 1% through the HTTP API, at
    /// the default step; the written file keeps the seed's comments and marks each value.
    @Test func calibratesTheSeedAgainstARealPrometheus() throws {
        let sandbox = try Sandbox()
        let server = try PrometheusServer(openMetrics: CalibrationData.openMetrics(), directory: sandbox.root)
        defer { server.stop() }
        try sandbox.write("seed.yaml", Self.seed())

        let run = try sandbox.plan(
            "calibrate", "seed.yaml", "--prometheus", server.url, "--end", "2025-07-01", "--write", "calibrated.yaml")
        run.expect(status: 0)
        // 30 days at the default step: ⌈2,592,000 / 11,000⌉ = 236 s = 3min56s.
        #expect(run.stdout.contains("step 3min56s"), "\(run.stdout)")
        #expect(run.stdout.contains("CNPG cluster 'gitea-db' (by the workload's name) in namespace 'gitea': 2 instance pods"))
        #expect(run.stdout.contains("pod gitea-db-1, 1 reset taken out"), "\(run.stdout)")
        #expect(run.stdout.contains("cnpg_pg_stat_archiver_archived_count × 16 MiB"))
        #expect(run.stdout.contains("NaN/Inf samples left out"))

        let s = try Self.load(sandbox, "calibrated.yaml")
        let gitea = try Self.workload(s, "gitea-db")
        let coder = try Self.workload(s, "coder-db")
        let data = try Self.workload(s, "gitea-data")
        Self.close(gitea.size.bytes, Expected.giteaSize, 0.01, "gitea-db size")
        Self.close(Self.perDay(gitea.growth), Expected.giteaGrowth, 0.01, "gitea-db growth")
        Self.close(Self.perDay(gitea.wal), Expected.giteaWAL, 0.01, "gitea-db wal")
        Self.close(coder.size.bytes, Expected.coderSize, 0.01, "coder-db size")
        Self.close(Self.perDay(coder.growth), Expected.coderGrowth, 0.01, "coder-db growth")
        Self.close(Self.perDay(coder.wal), Expected.coderWAL, 0.01, "coder-db wal")
        Self.close(data.size.bytes, Expected.dataSize, 0.01, "gitea-data size")
        Self.close(Self.perDay(data.growth), Expected.dataGrowth, 0.01, "gitea-data growth")
        // The range ends at 2025-07-01T00:00Z, inside 2025-06-30: the plan starts on 2025-07-01.
        #expect(s.start == CivilDate(year: 2025, month: 7, day: 1))

        let written = try sandbox.text("calibrated.yaml")
        #expect(written.contains("# measured: cnpg_collector_wal_bytes over 30d to 2025-07-01, R² "))
        #expect(written.contains("start: 2025-07-01  # measured: the day after the calibration range"))
        #expect(written.contains("# Gitea and Coder on PostgreSQL (CloudNative-PG), volumes on Longhorn, Velero for the"))
        #expect(written.contains("    volume: 20Gi          # \"Embedded PostgreSQL (20Gi)\""))
        #expect(try sandbox.text("seed.yaml") == Self.seed(), "without --in-place the scenario is left as it was")

        if let keep = ProcessInfo.processInfo.environment["PLAN_RECORD_CALIBRATION_FIXTURES"], !keep.isEmpty {
            try Self.record(server, to: keep)
        }
    }

    /// At a step on the samples' own times (300 s), the query_range points are the raw
    /// samples of `[30d]`, so the fit is Prometheus' own: PromQL's `deriv` and
    /// `predict_linear` on the same range give the same figures (to the four significant
    /// figures written).
    @Test func agreesWithPromQLDerivAndPredictLinear() throws {
        let sandbox = try Sandbox()
        let server = try PrometheusServer(openMetrics: CalibrationData.openMetrics(), directory: sandbox.root)
        defer { server.stop() }
        try sandbox.write("seed.yaml", Self.seed())
        let run = try sandbox.plan(
            "calibrate", "seed.yaml", "--prometheus", server.url, "--end", "2025-07-01", "--step", "5min", "--write", "exact.yaml")
        run.expect(status: 0)
        let coder = try Self.workload(Self.load(sandbox, "exact.yaml"), "coder-db")
        let end = CalibrationData.end
        let sum = "sum by (pod) (cnpg_pg_database_size_bytes{pod=\"coder-db-1\"})[30d:5m]"
        let deriv = try server.instant("deriv(\(sum))", at: end)
        let predicted = try server.instant("predict_linear(\(sum), 0)", at: end)
        let archived = try server.instant("deriv(cnpg_pg_stat_archiver_archived_count{pod=\"coder-db-1\"}[30d])", at: end)
        Self.close(Self.perDay(coder.growth), deriv * 86_400, 0.001, "coder-db growth vs deriv")
        Self.close(coder.size.bytes, predicted, 0.001, "coder-db size vs predict_linear")
        Self.close(Self.perDay(coder.wal), archived * 16 * 1_048_576 * 86_400, 0.001, "coder-db wal vs deriv")
    }

    /// Saves the range answers the offline tests and README read (on purpose only: set
    /// PLAN_RECORD_CALIBRATION_FIXTURES to the folder).
    static func record(_ server: PrometheusServer, to folder: String) throws {
        let queries = [
            ("gitea-db.json", "{__name__=~\"cnpg_pg_database_size_bytes|cnpg_collector_wal_bytes\",namespace=\"gitea\"}"),
            ("coder-db.json", "{__name__=~\"cnpg_pg_database_size_bytes|cnpg_pg_stat_archiver_archived_count\",namespace=\"coder\"}"),
            ("gitea-data.json", "kubelet_volume_stats_used_bytes{persistentvolumeclaim=\"gitea-data\"}"),
        ]
        for (file, query) in queries {
            let body = try server.rangeAnswer(query, start: CalibrationData.start, end: CalibrationData.end, step: 3_600)
            try body.write(to: URL(fileURLWithPath: folder).appendingPathComponent(file))
        }
    }
}

/// Failures of the environment and of the input, through the built binary (cli.md exit codes).
@Suite struct CalibrateErrorTests {
    @Test func prometheusDownIsAnIOFailure() throws {
        let sandbox = try Sandbox()
        try sandbox.write("seed.yaml", CalibrateEndToEndTests.seed())
        let port = try PrometheusServer.freePort()
        let run = try sandbox.plan("calibrate", "seed.yaml", "--prometheus", "http://127.0.0.1:\(port)")
        run.expect(status: 2)
        #expect(
            run.stderr
                == "error: cannot query Prometheus at 'http://127.0.0.1:\(port)': connection refused (is it running, and is the address right?)\n")
        #expect(run.stdout.isEmpty)
    }

    /// libcurl is loaded when the first request is sent (`CCurlLoader`); one that cannot
    /// be loaded (PLAN_LIBCURL names another) fails that command alone, with the reason.
    @Test func aLibcurlThatCannotBeLoadedIsAnIOFailure() throws {
        let sandbox = try Sandbox()
        try sandbox.write("seed.yaml", CalibrateEndToEndTests.seed())
        let missing = sandbox.root.appendingPathComponent("no-libcurl.so").path
        let run = try PlanProcess.run(
            ["calibrate", "seed.yaml", "--prometheus", "http://127.0.0.1:9"], in: sandbox.root.path, environment: ["PLAN_LIBCURL": missing])
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "error: cannot query Prometheus at 'http://127.0.0.1:9': cannot load libcurl (tried \(missing): \(missing): cannot open shared object file: No such file or directory); install libcurl4 (Debian, Ubuntu) or your system's libcurl\n"
        )
        // Every other command starts without it.
        let simulate = try PlanProcess.run(
            ["simulate", "--no-record", "--out", "out"], in: sandbox.root.path, environment: ["PLAN_LIBCURL": missing])
        #expect(simulate.status == 0, "\(simulate.stderr)")
    }

    /// Redirects are followed to http and https only: one to `file://` is refused (libcurl's
    /// own default would read the file), one to another http server is followed (here to
    /// an answer past the cap). The request asks for a compressed answer and for JSON.
    @Test func redirectsStayOnHTTP() throws {
        let tooLarge = try EndlessHTTPServer(announced: 100 << 20)
        defer { tooLarge.stop() }
        for (target, expected) in [
            ("file:///etc/passwd", "Protocol \"file\" not supported or disabled in libcurl"),
            ("ftp://127.0.0.1:9/x", "Protocol \"ftp\" not supported or disabled in libcurl"),
            (tooLarge.address + "/next", "the answer is larger than 64 MiB, the most plan reads from one answer"),
        ] {
            let server = try EndlessHTTPServer(answer: "HTTP/1.1 302 Found\r\nLocation: \(target)\r\nContent-Length: 0\r\n\r\n")
            defer { server.stop() }
            let url = try #require(URL(string: server.address + "/api/v1/query_range?query=up"))
            guard case .failure(let failure) = PrometheusClient.get(url, timeout: 10) else {
                Issue.record("a redirect to \(target) was answered")
                continue
            }
            #expect(failure.message == expected)
            #expect(server.lastRequest.hasPrefix("GET /api/v1/query_range?query=up HTTP/1.1\r\n"), "\(server.lastRequest)")
            #expect(server.lastRequest.contains("\r\nAccept: application/json\r\n"), "\(server.lastRequest)")
            #expect(server.lastRequest.contains("\r\nAccept-Encoding: "), "\(server.lastRequest)")
        }
        #expect(tooLarge.lastRequest.hasPrefix("GET /next HTTP/1.1\r\n"), "\(tooLarge.lastRequest)")
    }

    /// An error page (a proxy's HTML, a binary body) is shown on one line, its first 200
    /// bytes with every run of white space and control characters made one space.
    @Test func anErrorPageIsShownOnOneLine() throws {
        let sandbox = try Sandbox()
        try sandbox.write("seed.yaml", CalibrateEndToEndTests.seed())
        let page = "<html>\n  <body>\u{1B}[31mBad\u{0}\tgateway</body>\n</html>\n"
        let server = try EndlessHTTPServer(answer: "HTTP/1.1 502 Bad Gateway\r\nContent-Length: \(page.utf8.count)\r\n\r\n" + page)
        defer { server.stop() }
        let run = try sandbox.plan("calibrate", "seed.yaml", "--prometheus", server.address)
        run.expect(status: 2)
        #expect(run.stderr.hasSuffix(": error: HTTP 502: <html> <body> [31mBad gateway</body> </html>\n"), "\(run.stderr)")
    }

    /// An answer that never ends (issue 11: it grew to 16 GB) stops at the 64 MiB cap, exit 2;
    /// one whose Content-Length passes the cap is refused before its body is read.
    @Test(arguments: [nil, 100 << 20] as [Int64?])
    func anEndlessAnswerStopsAtTheCap(announced: Int64?) throws {
        let sandbox = try Sandbox()
        try sandbox.write("seed.yaml", CalibrateEndToEndTests.seed())
        let server = try EndlessHTTPServer(announced: announced)
        defer { server.stop() }
        let run = try sandbox.plan("calibrate", "seed.yaml", "--prometheus", server.address)
        run.expect(status: 2)
        #expect(
            run.stderr
                == "error: cannot query Prometheus at '\(server.address)': the answer is larger than 64 MiB, the most plan reads from one answer\n"
        )
        #expect(run.stdout.isEmpty)
    }

    /// A server that takes the request and never answers: the client's timeout (1 s here)
    /// ends the wait with its own message. The blocking `get` is timed, not the async
    /// query: resuming an awaiting test can wait for a thread of the pool the other tests
    /// keep busy (it once read 32 s).
    @Test func aSilentServerTimesOut() throws {
        let server = try EndlessHTTPServer(silent: true)
        defer { server.stop() }
        let url = try #require(URL(string: server.address + "/api/v1/query_range?query=up"))
        let started = Date()
        let answer = PrometheusClient.get(url, timeout: 1)
        let waited = Date().timeIntervalSince(started)
        guard case .failure(let failure) = answer else {
            Issue.record("a server that never answers gave \(answer)")
            return
        }
        #expect(failure.message == "no answer within 1 s (timed out)")
        #expect(waited >= 0.9 && waited < 10, "waited \(waited) s")
    }

    /// `plan` loads libcurl only when `calibrate --prometheus` sends a request
    /// (`CCurlLoader`): linked, it and its ~30 libraries would load at the start of every
    /// command. ldd lists what the dynamic loader maps at start.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ldd")))
    func planDoesNotLoadLibcurlAtStart() throws {
        let run = try PlanProcess.run(["/usr/bin/ldd", PlanProcess.path], in: FileManager.default.temporaryDirectory.path, binary: nil)
        #expect(run.status == 0)
        #expect(run.stdout.contains("libc.so"), "\(run.stdout)")  // ldd read the binary
        #expect(!run.stdout.contains("libcurl"), "\(run.stdout)")
    }

    /// 30 days at 1 s would be 2,592,000 points: refused before any query is sent.
    @Test func aStepPastTheLimitIsRefused() throws {
        let sandbox = try Sandbox()
        try sandbox.write("seed.yaml", CalibrateEndToEndTests.seed())
        let run = try sandbox.plan("calibrate", "seed.yaml", "--prometheus", "http://127.0.0.1:9", "--step", "1s")
        run.expect(status: 1)
        #expect(
            run.stderr.contains("error: --step '1s': 30d at this step is more than Prometheus' 11,000 points per series; use --step 236s or more"),
            "\(run.stderr)")
    }

    @Test func malformedMetricsAreInvalidInput() throws {
        let sandbox = try Sandbox()
        try sandbox.write("seed.yaml", CalibrateEndToEndTests.seed())
        try sandbox.write("bad.json", "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")
        let run = try sandbox.plan("calibrate", "seed.yaml", "--metrics", "bad.json")
        run.expect(status: 1)
        #expect(run.stderr.hasPrefix("bad.json: error: data.resultType: 'vector' is not a range query's answer"), "\(run.stderr)")
    }

    @Test func anUnreadableMetricsFileIsAnIOFailure() throws {
        let sandbox = try Sandbox()
        try sandbox.write("seed.yaml", CalibrateEndToEndTests.seed())
        let run = try sandbox.plan("calibrate", "seed.yaml", "--metrics", "missing.json")
        run.expect(status: 2)
        #expect(run.stderr.contains("error: cannot read 'missing.json': no such file"), "\(run.stderr)")
    }

    /// One sample is not a line: exit 1, located on the key the figure would replace, and
    /// nothing written.
    @Test func fewerThanTwoSamplesIsLocatedOnTheScenarioKey() throws {
        let sandbox = try Sandbox()
        let scenario = Marked(
            """
            workloads:
              ‸data:
                kind: volume
                ‸size: 1GiB
            backups:
              velero:
                nightly: {schedule: "0 2 * * *", volumes: [data], target: minio}
            targets:
              minio: {kind: minio, capacity: 1TB}
            """)
        try sandbox.write("s.yaml", scenario.text)
        try sandbox.write(
            "one.json",
            """
            [{"metric":{"__name__":"kubelet_volume_stats_used_bytes","namespace":"apps","persistentvolumeclaim":"data"},"values":[[1751328000,"1073741824"]]}]
            """)
        let run = try sandbox.plan("calibrate", "s.yaml", "--metrics", "one.json", "--write", "out.yaml")
        run.expect(status: 1)
        let size = scenario.marks[1]
        let workload = scenario.marks[0]
        #expect(
            run.stderr.contains(
                "s.yaml:\(size.line):\(size.column): error: workloads.data.size: cannot be measured: 1 finite sample of kubelet_volume_stats_used_bytes{persistentvolumeclaim=\"data\"} in the range; a fit needs at least 2"
            ), "\(run.stderr)")
        // growth is not in the file: the problem points at the workload's key.
        #expect(run.stderr.contains("s.yaml:\(workload.line):\(workload.column): error: workloads.data.growth: cannot be measured"))
        #expect(!sandbox.exists("out.yaml"))
    }
}

/// The same figures from saved answers (`Fixtures/calibration`, recorded from the
/// Prometheus above at a 1 h step): no server needed.
@Suite struct CalibrateOfflineTests {
    typealias Expected = CalibrationData.Expected

    static var fixtures: [String] {
        ["gitea-db", "coder-db", "gitea-data"].map {
            Sandbox.repository.appendingPathComponent("Tests/planTests/Fixtures/calibration/\($0).json").path
        }
    }

    @Test func savedAnswersGiveTheKnownSlopes() throws {
        let sandbox = try Sandbox()
        try sandbox.write("seed.yaml", CalibrateEndToEndTests.seed())
        let run = try sandbox.plan(["calibrate", "seed.yaml", "--metrics"] + Self.fixtures + ["--in-place"])
        run.expect(status: 0)
        // The range ends at the last sample, 2025-07-01T00:00:00Z; 720 hourly samples after
        // its start (the one at the start itself is outside the left-open range).
        #expect(run.stdout.contains("2025-06-01 … 2025-07-01 (30d, from "), "\(run.stdout)")
        #expect(run.stdout.contains("     720  2025-06-01T01:00:00Z … 2025-07-01"), "\(run.stdout)")
        let s = try CalibrateEndToEndTests.load(sandbox, "seed.yaml")
        let gitea = try CalibrateEndToEndTests.workload(s, "gitea-db")
        let coder = try CalibrateEndToEndTests.workload(s, "coder-db")
        let data = try CalibrateEndToEndTests.workload(s, "gitea-data")
        let perDay = CalibrateEndToEndTests.perDay
        CalibrateEndToEndTests.close(gitea.size.bytes, Expected.giteaSize, 0.01, "gitea-db size")
        CalibrateEndToEndTests.close(perDay(gitea.growth), Expected.giteaGrowth, 0.01, "gitea-db growth")
        CalibrateEndToEndTests.close(perDay(gitea.wal), Expected.giteaWAL, 0.01, "gitea-db wal")
        CalibrateEndToEndTests.close(coder.size.bytes, Expected.coderSize, 0.01, "coder-db size")
        CalibrateEndToEndTests.close(perDay(coder.growth), Expected.coderGrowth, 0.01, "coder-db growth")
        CalibrateEndToEndTests.close(perDay(coder.wal), Expected.coderWAL, 0.01, "coder-db wal")
        CalibrateEndToEndTests.close(data.size.bytes, Expected.dataSize, 0.01, "gitea-data size")
        CalibrateEndToEndTests.close(perDay(data.growth), Expected.dataGrowth, 0.01, "gitea-data growth")
    }

    /// `--growth relative` fits log(size): gitea-data grows 100 MiB/day from 10 GiB, about
    /// 0.8% a day at the start and 0.75% at the end (100 MiB / 12.9 GiB); the log fit's
    /// slope lies between.
    @Test func relativeGrowthFitsTheLogarithm() throws {
        let sandbox = try Sandbox()
        try sandbox.write(
            "data.yaml",
            """
            workloads:
              gitea-data: {kind: volume, size: 10GiB, growth: 100MB/day}
            backups:
              velero:
                nightly: {schedule: "0 2 * * *", volumes: [gitea-data], target: minio}
            targets:
              minio: {kind: minio, capacity: 1TB}
            """)
        let run = try sandbox.plan(["calibrate", "data.yaml", "--metrics"] + Self.fixtures + ["--growth", "relative", "--write", "r.yaml"])
        run.expect(status: 0)
        let data = try CalibrateEndToEndTests.workload(CalibrateEndToEndTests.load(sandbox, "r.yaml"), "gitea-data")
        guard case .relative(let fraction, let period) = data.growth else {
            Issue.record("growth is not relative: \(data.growth)")
            return
        }
        #expect(period == 1)
        #expect(fraction > 0.0075 && fraction < 0.0098, "\(fraction)")
        #expect(run.stdout.contains("log(kubelet_volume_stats_used_bytes)"), "\(run.stdout)")
    }

    /// The seed's databases grow 2 → 47 GiB in the month: compounded for a year, that is past
    /// the model's 2^70 bytes, so the edited scenario would not load and nothing is written.
    @Test func anEditThatWouldNotLoadWritesNothing() throws {
        let sandbox = try Sandbox()
        try sandbox.write("seed.yaml", CalibrateEndToEndTests.seed())
        let run = try sandbox.plan(["calibrate", "seed.yaml", "--metrics"] + Self.fixtures + ["--growth", "relative", "--in-place"])
        run.expect(status: 1)
        #expect(run.stderr.contains("error: --write: the edited scenario would not load"), "\(run.stderr)")
        #expect(run.stderr.contains("workloads.gitea-db.growth: workload 'gitea-db' grows past 2^70 bytes"))
        #expect(try sandbox.text("seed.yaml") == CalibrateEndToEndTests.seed())
    }
}
