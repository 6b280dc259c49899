import ArgumentParser
import Foundation
import PlanCore
import PlanIO

extension Plan {
    /// `plan alerts [SCENARIO]`: writes Prometheus alerting rules, their promtool tests and a
    /// Grafana dashboard whose thresholds come from the scenario and its simulation.
    struct Alerts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "alerts",
            abstract: "Write Prometheus alerts, their promtool tests and a Grafana dashboard derived from a scenario.",
            discussion: """
                Without SCENARIO the built-in example is used (the same as scenarios/seed.yaml).

                Files, each written atomically to DIR/NAME/: prometheusrule.yaml (a PrometheusRule labelled \
                release: RELEASE for kube-prometheus-stack), rules.yaml (the same groups as a plain rule file: \
                promtool check rules), rules.test.yaml (promtool test rules: every alert fires when it should \
                and stays quiet otherwise), grafana-dashboard.yaml (a ConfigMap labelled grafana_dashboard: "1").

                Exit codes: 0 success, 1 invalid scenario or option value, 2 I/O failure, \
                64 malformed command line.
                """)

        @Argument(help: ArgumentHelp("A scenario file (YAML). Default: the built-in example.", valueName: "SCENARIO"))
        var scenario: String?

        @OptionGroup var options: ScenarioOptions

        @Option(help: ArgumentHelp("Where the files go: DIR/NAME/.", valueName: "DIR"))
        var out: String = OutputLayout.defaultRoot

        @Option(help: ArgumentHelp("The kube-prometheus-stack Helm release: the PrometheusRule's 'release' label.", valueName: "RELEASE"))
        var release: String = AlertFiles.defaultRelease

        @Option(help: ArgumentHelp("The namespace of the PrometheusRule and the dashboard's ConfigMap.", valueName: "NS"))
        var namespace: String = AlertFiles.defaultNamespace

        func run() throws {
            if let problem = AlertFiles.problem(release: release, namespace: namespace) {
                StandardError.print(problem)
                throw ExitStatus.invalid
            }
            let s = try ScenarioInput.load(path: scenario, options: options, today: ScenarioSource.today(Date()))
            let files = AlertFiles(scenario: s, release: release, namespace: namespace)
            let paths = try ExitStatus.check(files.write(to: try outputLayout(out).directory(for: s.name)))
            StandardOutput.print("plan alerts: \(s.name): wrote \(paths.joined(separator: ", "))\n")
        }
    }
}
