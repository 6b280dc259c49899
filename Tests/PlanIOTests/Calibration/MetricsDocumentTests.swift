import PlanCore
import Testing

@testable import PlanIO

/// Saved range answers: good documents in both shapes, and every bad one turned into a
/// message naming the file and the place.
@Suite struct MetricsDocumentTests {
    static func parse(_ text: String) -> Result<MetricsDocument, MetricsDocumentError> {
        MetricsDocument.parse(Array(text.utf8), source: "m.json")
    }

    static func error(_ text: String) -> String {
        if case .failure(let e) = parse(text) { return e.description }
        return "parsed"
    }

    /// api.md's own example shape: float seconds (1435781430.781 s = 1,435,781,430,781 ms),
    /// string values; NaN and ±Inf kept as values.
    @Test func queryRangeDocument() throws {
        let d = try Self.parse(
            """
            {"status":"success","data":{"resultType":"matrix","result":[
              {"metric":{"__name__":"up","job":"prometheus"},
               "values":[[1435781430.781,"1"],[1435781445.781,"NaN"],[1435781460.781,"+Inf"],[1435781475.781,"-Inf"],[1435781490.781,"2.5e9"]]}
            ]},"infos":["an info"]}
            """
        ).get()
        #expect(d.series.count == 1)
        let s = try #require(d.series.first)
        #expect(s.name == "up")
        #expect(s.labels["job"] == "prometheus")
        #expect(s.samples.first == MetricSample(milliseconds: 1_435_781_430_781, value: 1))
        #expect(s.samples[1].value.isNaN)
        #expect(s.samples[2].value == .infinity)
        #expect(s.samples[3].value == -.infinity)
        #expect(s.samples[4].value == 2.5e9)
        #expect(d.warnings == ["Prometheus info: an info"])
    }

    /// `promtool query range -o json` prints only the matrix.
    @Test func promtoolMatrix() throws {
        let d = try Self.parse(#"[{"metric":{"__name__":"m"},"values":[[2,"4"],[1,"3"]]}]"#).get()
        // Sorted by time.
        #expect(d.series.first?.samples.map(\.value) == [3, 4])
    }

    @Test func emptyResultIsReported() throws {
        let d = try Self.parse(#"{"status":"success","data":{"resultType":"matrix","result":[]}}"#).get()
        #expect(d.series.isEmpty)
        #expect(d.warnings == ["the answer holds no series"])
    }

    @Test(arguments: [
        (
            #"{"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected end of input"}"#,
            "m.json: error: status: Prometheus answered 'error' (bad_data): 1:5: parse error: unexpected end of input"
        ),
        (
            #"{"status":"success","data":{"resultType":"vector","result":[]}}"#,
            "m.json: error: data.resultType: 'vector' is not a range query's answer; expected 'matrix'"
        ),
        (
            #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"1"],[2,"abc"]]}]}}"#,
            "m.json: error: data.result[0].values[1][1]: 'abc' is not a number"
        ),
        (
            #"[{"metric":{},"values":[["1","1"]]}]"#,
            "m.json: error: [0].values[0][0]: the time must be a number of seconds since 1970, found a string"
        ),
        (#"[{"metric":{},"values":[[1]]}]"#, "m.json: error: [0].values[0]: expected [time, \"value\"], found a list"),
        (#"[{"metric":{"pod":3},"values":[]}]"#, "m.json: error: [0].metric.pod: a label value must be a string, found a number"),
        (#"[{"metric":{},"value":[1,"1"]}]"#, "m.json: error: [0]: has one 'value', not 'values'"),
        (#"{"data":{}}"#, "m.json: error: status: missing"),
        ("{\"status\":\n\"success\",", "m.json: error: not valid JSON"),
        ("  \n", "m.json: error: the file is empty"),
        ("\n<!DOCTYPE html><html><body>Sign in</body></html>", "m.json: error: not valid JSON at line 2, column 1"),
        // line 2 holds 35 characters before 1e400 ({"metric":{},"values":[[1,"1"],[2, ): column 36
        ("[\n{\"metric\":{},\"values\":[[1,\"1\"],[2, 1e400]]}]", "m.json: error: not valid JSON at line 2, column 36 (Number 1e400"),
        ("42", "m.json: error: expected a query_range answer"),
    ])
    func badDocuments(text: String, expected: String) {
        let message = Self.error(text)
        #expect(message.hasPrefix(expected), "\(message)")
        // Only a document that begins with '<' is taken for a web page.
        #expect(
            message.hasSuffix("; it begins with '<', as a web page does: is this Prometheus' HTTP API (or an export of query_range)?")
                == text.hasPrefix("\n<"))
    }

    /// A default step keeps 30 days under 11,000 points: ⌈2,592,000 / 11,000⌉ = 236 s; 90
    /// days: ⌈7,776,000 / 11,000⌉ = 707 s, the figure api.md gives.
    @Test func defaultStep() {
        #expect(CalibrationRequest.defaultStep(range: Seconds(30 * 86_400)) == 236)
        #expect(CalibrationRequest.defaultStep(range: Seconds(90 * 86_400)) == 707)
        #expect(CalibrationRequest.defaultStep(range: Seconds(60)) == 1)
    }

    /// Query parameters are percent-encoded, `+` too (a server reads a bare `+` as a space),
    /// after the base URL's own path.
    @Test func queryURL() throws {
        let client = try #require(PrometheusClient(address: "http://prom.example:9090/prometheus/"))
        let url = try #require(client.url(query: "m{pod=~\"a-[0-9]+\"}", start: 1_000_500, end: 2_000_000, step: 60))
        #expect(
            url.absoluteString
                == "http://prom.example:9090/prometheus/api/v1/query_range?query=m%7Bpod%3D~%22a-%5B0-9%5D%2B%22%7D&start=1000.500&end=2000.000&step=60"
        )
        #expect(PrometheusClient(address: "ftp://x") == nil)
        #expect(PrometheusClient(address: "prometheus:9090") == nil)
        #expect(PrometheusClient(address: "http://127.0.0.1:99999") == nil)
        #expect(PrometheusClient(address: "http://127.0.0.1:0") == nil)
        #expect(PrometheusClient(address: "http://127.0.0.1:65535") != nil)
    }
}

/// The editor's trailing comments (`# measured: …`).
@Suite struct ScenarioEditorCommentTests {
    static let text = """
        workloads:
          db:
            kind: postgres
            size: 2GiB            # guess
            growth: 2GB/day
          flow: {kind: volume, size: 1GiB}
        """

    @Test func commentsReplaceTheLinesOwnOrFollowTheValue() throws {
        let edited = try ScenarioEditor.apply(
            [
                ScenarioEdit(path: "workloads.db.size", value: "2.134GiB", comment: "measured: a"),
                ScenarioEdit(path: "workloads.db.growth", value: "1.5GiB/day", comment: "measured: b"),
                ScenarioEdit(path: "workloads.db.wal", value: "600MiB/day", comment: "measured: c"),
                ScenarioEdit(path: "workloads.flow.size", value: "3GiB", comment: "measured: d"),
            ], to: Self.text
        ).get()
        #expect(
            edited == """
                workloads:
                  db:
                    kind: postgres
                    size: 2.134GiB        # measured: a
                    growth: 1.5GiB/day  # measured: b
                    wal: 600MiB/day  # measured: c
                  flow: {kind: volume, size: 3GiB}
                """)
    }

    /// Where a key is, and where the deepest key on the path is when it is left out.
    @Test func locations() throws {
        let d = try ScenarioDocument.parse(text: Self.text, file: "s.yaml").get()
        #expect(d.location(of: "workloads.db.size") == (4, 5))
        #expect(d.location(of: "workloads.db.wal") == (2, 3))
        #expect(d.text(at: "workloads.db.growth") == "2GB/day")
        #expect(d.text(at: "workloads.db.wal") == nil)
    }
}
