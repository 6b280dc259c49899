import PlanCore

/// `plan alerts`' whole job: simulate the scenario, derive the thresholds, render the four
/// files and write them atomically to `DIR/NAME/` (gitops.md "`plan alerts`").
public struct AlertFiles: Sendable {
    public static let prometheusRule = "prometheusrule.yaml"
    public static let rules = "rules.yaml"
    public static let tests = "rules.test.yaml"
    public static let dashboard = "grafana-dashboard.yaml"
    /// `--release`'s default: the Helm release kube-prometheus-stack is usually installed as.
    public static let defaultRelease = "kube-prometheus-stack"
    /// `--namespace`'s default.
    public static let defaultNamespace = "monitoring"

    /// Why `--release` or `--namespace` cannot be written into the manifests, or nil.
    /// Kubernetes refuses a namespace that is not a DNS label (RFC 1123: at most 63 of
    /// `a-z`, `0-9` and `-`, a letter or digit at each end), and a label value of more than
    /// 63 characters or of other than `A-Z`, `a-z`, `0-9`, `-`, `_` and `.` (a letter or
    /// digit at each end); an empty release is a valid label value no Helm release has.
    public static func problem(release: String, namespace: String) -> String? {
        func alphanumeric(_ c: UInt8) -> Bool { (48...57).contains(c) || (97...122).contains(c) || (65...90).contains(c) }
        let ns = Array(namespace.utf8)
        let nsValid =
            (1...63).contains(ns.count) && ns.allSatisfy { (48...57).contains($0) || (97...122).contains($0) || $0 == 45 }
            && ns.first != 45 && ns.last != 45
        if !nsValid {
            return "error: --namespace '\(namespace)': a namespace is 1 to 63 lowercase letters, digits and '-', "
                + "a letter or digit at each end (RFC 1123), as in 'monitoring'"
        }
        let r = Array(release.utf8)
        let rValid =
            (1...63).contains(r.count) && r.allSatisfy { alphanumeric($0) || $0 == 45 || $0 == 95 || $0 == 46 }
            && alphanumeric(r[0]) && alphanumeric(r[r.count - 1])
        if !rValid {
            return "error: --release '\(release)': a Helm release name, as a label value: 1 to 63 letters, digits, "
                + "'-', '_' and '.', a letter or digit at each end, as in 'kube-prometheus-stack'"
        }
        return nil
    }

    public var scenario: Scenario
    public var release: String
    public var namespace: String

    public init(scenario: Scenario, release: String = AlertFiles.defaultRelease, namespace: String = AlertFiles.defaultNamespace) {
        self.scenario = scenario
        self.release = release
        self.namespace = namespace
    }

    /// The rendered files, by name, in writing order; or the diagnostics of a scenario the
    /// engine rejects.
    public func render() -> Result<[(name: String, text: String)], CommandFailure> {
        let result: SimulationResult
        switch Engine.simulate(scenario) {
        case .success(let r): result = r
        case .failure(let d): return .failure(.invalid(d.items))
        }
        return .success(render(AlertThresholds.derive(scenario, result: result)))
    }

    /// The files for given thresholds.
    public func render(_ thresholds: AlertThresholds) -> [(name: String, text: String)] {
        let groups = AlertRules(scenario: scenario, thresholds: thresholds).groups
        let header = "Written by plan \(PlanVersion.current) alerts for scenario \(scenario.name): thresholds from the scenario and its simulation."
        let dashboard = GrafanaDashboard(scenario: scenario, thresholds: thresholds, namespace: namespace)
        return [
            (
                AlertFiles.prometheusRule,
                AlertYAML.prometheusRule(groups, name: "plan-\(scenario.name)", namespace: namespace, release: release, header: header)
            ),
            (AlertFiles.rules, AlertYAML.ruleFile(groups, header: header + "\nCheck: promtool check rules rules.yaml")),
            (AlertFiles.tests, AlertYAML.testFile(groups, ruleFile: AlertFiles.rules, header: header + "\nRun: promtool test rules rules.test.yaml")),
            (AlertFiles.dashboard, dashboard.configMap(header: header)),
        ]
    }

    /// Renders every file and puts them in `directory` together (an `OutputSet`); returns the paths.
    public func write(to directory: String) -> Result<[String], CommandFailure> {
        render().flatMap { files in
            do throws(PlanIOError) {
                let set = try OutputSet(directory: directory, owns: Set(files.map(\.name)))
                for f in files { try set.add(f.name, text: f.text) }
                try set.publish()
                return .success(files.map { OutputLayout.join(directory, $0.name) })
            } catch {
                return .failure(.io(error))
            }
        }
    }
}
