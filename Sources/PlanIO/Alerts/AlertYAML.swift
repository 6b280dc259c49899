import PlanCore

/// The rule groups as YAML text: a Prometheus rule file, a `PrometheusRule`, and a
/// `promtool test rules` file (gitops-facts.md Part 3). Written by hand, so that the bytes
/// are the same on every run and every string is quoted.
public enum AlertYAML {
    /// `rules.yaml`: `groups:` at the top level.
    public static func ruleFile(_ groups: [RuleGroup], header: String) -> String {
        comment(header) + "groups:\n" + render(groups, indent: "")
    }

    /// `prometheusrule.yaml`: the same groups under `spec`, labelled `release: RELEASE` so that
    /// kube-prometheus-stack's default rule selector picks it up.
    public static func prometheusRule(_ groups: [RuleGroup], name: String, namespace: String, release: String, header: String) -> String {
        comment(header)
            + """
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata:
              name: \(quoted(name))
              namespace: \(quoted(namespace))
              labels:
                release: \(quoted(release))
                app.kubernetes.io/managed-by: "plan"
            spec:
              groups:

            """ + render(groups, indent: "  ")
    }

    /// `rules.test.yaml`: per rule, its tests, each check with the alerts expected (labels
    /// and annotations exactly, as promtool compares them).
    public static func testFile(_ groups: [RuleGroup], ruleFile: String, header: String) -> String {
        var out = comment(header) + "rule_files:\n  - \(quoted(ruleFile))\nevaluation_interval: 1m\ntests:\n"
        for rule in groups.flatMap(\.rules) {
            let subject = rule.labels.dropFirst(2).map { "\($0.name)=\($0.value)" }.joined(separator: " ")
            for test in rule.tests {
                out += "  # \(rule.alert) \(subject)\n"
                out += "  - interval: \(PromQL.duration(test.interval))\n    input_series:\n"
                for s in test.series {
                    out += "      - series: \(quoted(s.selector))\n        values: \(quoted(s.values))\n"
                }
                out += "    alert_rule_test:\n"
                for check in test.checks {
                    out += "      # \(check.why)\n"
                    out += "      - eval_time: \(PromQL.duration(check.time))\n        alertname: \(quoted(rule.alert))\n"
                    if check.firing.isEmpty {
                        out += "        exp_alerts: []\n"
                        continue
                    }
                    out += "        exp_alerts:\n"
                    for extra in check.firing {
                        out += "          - exp_labels:\n"
                        for l in (rule.labels + extra).sorted(by: { $0.name < $1.name }) {
                            out += "              \(l.name): \(quoted(l.value))\n"
                        }
                        out += "            exp_annotations:\n"
                        out += "              summary: \(quoted(rule.summary))\n              description: \(quoted(rule.description))\n"
                    }
                }
            }
        }
        return out
    }

    /// The `groups` list, each line prefixed with `indent`.
    static func render(_ groups: [RuleGroup], indent i: String) -> String {
        var out = ""
        for g in groups {
            out += "\(i)  - name: \(quoted(g.name))\n\(i)    rules:\n"
            for r in g.rules {
                out += "\(i)      - alert: \(quoted(r.alert))\n"
                out += "\(i)        expr: |-\n"
                for line in r.expr.split(separator: "\n", omittingEmptySubsequences: false) {
                    out += "\(i)          \(line)\n"
                }
                out += "\(i)        for: \(PromQL.duration(r.pending))\n"
                out += "\(i)        labels:\n"
                for l in r.labels { out += "\(i)          \(l.name): \(quoted(l.value))\n" }
                out += "\(i)        annotations:\n"
                out += "\(i)          summary: \(quoted(r.summary))\n"
                out += "\(i)          description: \(quoted(r.description))\n"
            }
        }
        return out
    }

    static func comment(_ header: String) -> String {
        header.split(separator: "\n").map { "# \($0)\n" }.joined()
    }

    /// A YAML double-quoted scalar: a JSON string literal, whose escapes YAML reads the same.
    public static func quoted(_ s: String) -> String { JSONRenderer.string(s) }
}
