import PlanCore

/// Translates `AlertThresholds` into rule groups, each rule with its promtool test
/// (gitops.md "`plan alerts`"; metric names and sentinels from gitops-facts.md Parts 2–3).
///
/// Every rule is per subject (a job, a CNPG cluster, a target, a workload) and carries the
/// labels `severity`, `scenario` and `plan_job`, `plan_workload` or `plan_target` (not `job`,
/// which Prometheus sets on every scraped series). Never the design document's own rules:
/// `cnpg_backup_duration_seconds` does not exist, and `velero_backup_failure_total > 0`
/// fires from the first failure until Velero restarts; a failed backup shows instead as a
/// late one.
public struct AlertRules: Sendable {
    public var scenario: Scenario
    public var thresholds: AlertThresholds

    public init(scenario: Scenario, thresholds: AlertThresholds) {
        self.scenario = scenario
        self.thresholds = thresholds
    }

    /// The groups, in a fixed order; a group without rules is left out.
    public var groups: [RuleGroup] {
        let name = "plan-\(scenario.name)"
        let all = [
            RuleGroup(name: "\(name)-backups", rules: thresholds.backups.compactMap(backupLate)),
            RuleGroup(name: "\(name)-wal", rules: walRules),
            RuleGroup(name: "\(name)-capacity", rules: thresholds.targets.map(targetFilling) + thresholds.volumes.map(volumeFilling)),
            RuleGroup(name: "\(name)-growth", rules: thresholds.growth.map(growthAbovePlan)),
        ]
        return all.filter { !$0.rules.isEmpty }
    }

    // MARK: Labels and series

    typealias Label = AlertRule.Label

    func labels(_ severity: String, _ subject: String, _ value: String) -> [Label] {
        [Label("severity", severity), Label("scenario", scenario.name), Label(subject, value)]
    }

    func series(_ workload: String) -> WorkloadSelector { AlertSeries.workload(workload, in: scenario) }

    /// The namespace a test's series carry: the workload's, or `default`.
    func testNamespace(_ s: WorkloadSelector) -> String { s.namespace ?? "default" }

    /// Matchers of a CNPG cluster's instance pods.
    func podMatchers(_ s: WorkloadSelector, _ cluster: String) -> [(String, String, Bool)] {
        (s.namespace.map { [("namespace", $0, false)] } ?? []) + [("pod", s.podPattern ?? PromQL.regexQuote(cluster) + "-[0-9]+", true)]
    }

    /// The PVC a test's series use: the cluster's first instance, or the PVC itself.
    func testPVC(_ s: WorkloadSelector) -> String { s.cluster.map { "\($0)-1" } ?? s.pvc }

    static func d(_ seconds: Double) -> String { PromQL.duration(seconds) }
    static func n(_ x: Double) -> String { PromQL.number(x) }
    static func minutes(_ seconds: Double) -> Int { Int((seconds / 60).rounded(.up)) }
}

// MARK: - Backups late

extension AlertRules {
    func backupLate(_ b: AlertThresholds.BackupLate) -> AlertRule? {
        let m: String
        let groupBy: String
        let late: [Label]
        let testSeries: (_ late: String, _ never: String) -> [RuleTest.Series]
        let job = "\(b.tool.rawValue)/\(b.job)"
        let source: String
        switch b.tool {
        case .velero:
            m = "velero_backup_last_successful_timestamp" + PromQL.selector([("schedule", b.job, false)])
            groupBy = "schedule"
            late = [Label("schedule", b.job)]
            testSeries = { l, n in
                [RuleTest.Series(selector: m, values: l)].filter { _ in !l.isEmpty }
                    + [RuleTest.Series(selector: m, values: n)].filter { _ in !n.isEmpty }
            }
            source = "Velero Schedule '\(b.job)'"
        case .cnpg:
            guard let cluster = b.workloads.first else { return nil }
            let s = series(cluster)
            let ns = testNamespace(s)
            // The Barman Cloud plugin (a retention check every interval) reports its own
            // metric; the in-tree barmanObjectStore (retention after each backup) only
            // cnpg_collector_*, which stays 0 or stale under the plugin (gitops-facts).
            let inTree = scenario.cnpg.first { $0.name == b.job }?.retentionCheck == .afterBackup
            let metric =
                inTree ? "cnpg_collector_last_available_backup_timestamp" : "barman_cloud_cloudnative_pg_io_last_available_backup_timestamp"
            m = metric + PromQL.selector(podMatchers(s, cluster))
            groupBy = "namespace"
            late = [Label("namespace", ns)]

            testSeries = { l, n in
                if n.isEmpty {
                    // Two instances: the replica's sidecar may be staler; the freshest counts.
                    return [
                        RuleTest.Series(selector: "\(metric){namespace=\"\(ns)\", pod=\"\(cluster)-1\"}", values: l),
                        RuleTest.Series(
                            selector: "\(metric){namespace=\"\(ns)\", pod=\"\(cluster)-2\"}", values: "\(AlertRules.n(-b.gap - 86_400))+0x5"),
                    ]
                }
                return [RuleTest.Series(selector: "\(metric){namespace=\"\(ns)\", pod=\"\(cluster)-1\"}", values: n)]
            }
            source = "CNPG cluster '\(cluster)' (\(inTree ? "in-tree barmanObjectStore" : "Barman Cloud plugin"))"
        case .longhorn:
            let all = b.workloads.map(series)
            guard let first = all.first else { return nil }
            let pattern = all.map(\.pvcPattern).joined(separator: "|")
            m = "longhorn_volume_last_backup_at" + PromQL.selector([("pvc", pattern, true)])
            groupBy = "pvc_namespace, pvc"
            let pvc = testPVC(first)
            let ns = testNamespace(first)
            late = [Label("pvc", pvc), Label("pvc_namespace", ns)]
            testSeries = { l, n in
                [
                    RuleTest.Series(
                        selector: "longhorn_volume_last_backup_at{pvc=\"\(pvc)\", pvc_namespace=\"\(ns)\", volume=\"pvc-0001\"}",
                        values: l.isEmpty ? n : l)
                ]
            }
            source = "Longhorn RecurringJob '\(b.job)' (per volume)"
        }
        let newest = "max by (\(groupBy)) (\(m))"
        let expr = "(time() - \(newest) > \(AlertRules.n(b.threshold)))\nor\n(\(newest) == 0)"

        // The test: the last backup ended one gap before the test starts, so the next one is
        // due at 0; quiet until the margin has passed, firing just after, quiet again once a
        // new backup ends. A metric at 0 (never backed up) fires at once.
        let marginMinutes = AlertRules.minutes(b.margin)
        let newAt = Double(marginMinutes + 2) * 60
        let lateValues = "\(AlertRules.n(-b.gap))+0x\(marginMinutes + 1) \(AlertRules.n(newAt))+0x10"
        let gapText = Format.duration(b.gap)
        return AlertRule(
            alert: "PlanBackupLate", expr: expr, pending: 0, labels: labels("warning", "plan_job", job),
            summary: "\(job) of scenario \(scenario.name): no successful backup for longer than \(Format.exactDuration(b.threshold))",
            description:
                "Scenario \(scenario.name) schedules \(job) as '\(b.schedule)': its longest gap between runs is \(gapText), plus a margin of \(Format.exactDuration(b.margin)) (1h for the scheduler and \(Format.duration(b.duration)) to copy \(b.workloads.isEmpty ? "its resources" : b.workloads.joined(separator: ", ")) at the restore bandwidth). \(source) has had no successful backup for longer than that, or never (the metric is 0). Check the last backups and the job's logs, and the target's reachability; the plan's RPO and restore points assume every run succeeds.",
            tests: [
                RuleTest(
                    series: testSeries(lateValues, ""),
                    checks: [
                        RuleTest.Check(time: b.margin - 60, firing: [], why: "one gap and less than the margin since the last backup: quiet"),
                        RuleTest.Check(time: b.margin + 60, firing: [late], why: "the margin has passed: firing"),
                        RuleTest.Check(time: newAt + 60, firing: [], why: "a new backup ended: quiet again"),
                    ]),
                RuleTest(
                    series: testSeries("", "0+0x5"),
                    checks: [RuleTest.Check(time: 60, firing: [late], why: "the metric is 0 (never backed up): firing at once")]),
            ])
    }
}

// MARK: - WAL archiving

extension AlertRules {
    var walRules: [AlertRule] {
        var seen: Set<String> = []
        var out: [AlertRule] = []
        for w in thresholds.wal where seen.insert(w.workload).inserted {
            out += walRules(w)
        }
        return out
    }

    func walRules(_ w: AlertThresholds.WALArchiving) -> [AlertRule] {
        let s = series(w.workload)
        let sel = PromQL.selector(podMatchers(s, w.workload))
        let selReady = PromQL.selector([("value", "ready", false)] + podMatchers(s, w.workload))
        let ns = testNamespace(s)
        let p1 = "\(w.workload)-1", p2 = "\(w.workload)-2"
        func pod(_ p: String) -> String { "namespace=\"\(ns)\", pod=\"\(p)\"" }
        let budget = Format.duration(w.budget)
        let budgetSource =
            w.budgetFromRPO
            ? "kpis.rpo \(budget)" : "\(budget) (no kpis.rpo: \(Int(AlertThresholds.archiveTimeoutsPerBudget)) × archive_timeout)"
        let subject = labels("warning", "plan_workload", w.workload)

        let failMinutes = AlertRules.minutes(w.failingFor) + 5
        let failing = AlertRule(
            alert: "PlanWALArchivingFailing",
            expr: "cnpg_pg_stat_archiver_last_failed_time\(sel)\n> cnpg_pg_stat_archiver_last_archived_time\(sel)",
            pending: w.failingFor, labels: subject,
            summary: "\(w.workload) of scenario \(scenario.name): WAL archiving has been failing for \(Format.duration(w.failingFor))",
            description:
                "The last WAL archive attempt of \(w.workload) failed and none has succeeded since, for half of the RPO budget of scenario \(scenario.name) (\(budgetSource)). Every minute of this adds to the data a restore would lose. Check the instance's logs for barman-cloud-wal-archive errors and the object store's credentials and free space.",
            tests: [
                RuleTest(
                    series: [
                        RuleTest.Series(selector: "cnpg_pg_stat_archiver_last_failed_time{\(pod(p1))}", values: "60+60x\(failMinutes)"),
                        RuleTest.Series(selector: "cnpg_pg_stat_archiver_last_archived_time{\(pod(p1))}", values: "0+0x\(failMinutes)"),
                        RuleTest.Series(selector: "cnpg_pg_stat_archiver_last_failed_time{\(pod(p2))}", values: "0+0x\(failMinutes)"),
                        RuleTest.Series(selector: "cnpg_pg_stat_archiver_last_archived_time{\(pod(p2))}", values: "60+60x\(failMinutes)"),
                    ],
                    checks: [
                        RuleTest.Check(time: w.failingFor - 60, firing: [], why: "failing for less than half the budget: pending"),
                        RuleTest.Check(
                            time: w.failingFor + 60, firing: [[Label("namespace", ns), Label("pod", p1)]],
                            why: "failing for half the budget: firing; the instance that archives is quiet"),
                    ])
            ])

        let backlogMinutes = AlertRules.minutes(w.archiveTimeout) + 5
        let n = w.backlogSegments
        let backlog = AlertRule(
            alert: "PlanWALArchiveBacklog",
            expr: "cnpg_collector_pg_wal_archive_status\(selReady) > \(n)",
            pending: w.archiveTimeout, labels: subject,
            summary: "\(w.workload) of scenario \(scenario.name): more than \(n) WAL segments wait to be archived",
            description:
                "More WAL segments of \(w.workload) wait in pg_wal/archive_status than one RPO budget of scenario \(scenario.name) fills (\(budgetSource): \(n) segments, from one forced switch per archive_timeout \(Format.duration(w.archiveTimeout)) and a peak WAL of \(Format.bytes(w.peakWALPerDay))/day), for longer than archive_timeout. Archiving is too slow or stuck: check the archiver's errors and the upload bandwidth (wal.maxParallel).",
            tests: [
                RuleTest(
                    series: [
                        RuleTest.Series(
                            selector: "cnpg_collector_pg_wal_archive_status{\(pod(p1)), value=\"ready\"}", values: "\(n + 1)+0x\(backlogMinutes)"),
                        RuleTest.Series(
                            selector: "cnpg_collector_pg_wal_archive_status{\(pod(p2)), value=\"ready\"}", values: "\(n)+0x\(backlogMinutes)"),
                    ],
                    checks: [
                        RuleTest.Check(time: w.archiveTimeout - 60, firing: [], why: "a backlog for less than archive_timeout: pending"),
                        RuleTest.Check(
                            time: w.archiveTimeout + 60, firing: [[Label("namespace", ns), Label("pod", p1), Label("value", "ready")]],
                            why: "\(n + 1) segments for archive_timeout: firing; \(n) segments stay quiet"),
                    ])
            ])

        let stuckMinutes = AlertRules.minutes(w.budget) + 5
        let stuck = AlertRule(
            alert: "PlanWALArchiveStuck",
            expr:
                "cnpg_collector_pg_wal_archive_status\(selReady) > 0\nand on (namespace, pod)\ncnpg_pg_stat_archiver_seconds_since_last_archival\(sel) > \(AlertRules.n(w.budget))",
            pending: 0, labels: labels("critical", "plan_workload", w.workload),
            summary: "\(w.workload) of scenario \(scenario.name): WAL waits, and nothing was archived for longer than the RPO",
            description:
                "WAL of \(w.workload) waits to be archived and the last successful archive is older than the RPO budget of scenario \(scenario.name) (\(budgetSource)): a restore now would lose more than the plan allows. An idle database (nothing waiting) does not fire. Fix archiving first (logs, credentials, object store space), then take a base backup.",
            tests: [
                RuleTest(
                    series: [
                        RuleTest.Series(selector: "cnpg_collector_pg_wal_archive_status{\(pod(p1)), value=\"ready\"}", values: "1+0x\(stuckMinutes)"),
                        RuleTest.Series(selector: "cnpg_pg_stat_archiver_seconds_since_last_archival{\(pod(p1))}", values: "0+60x\(stuckMinutes)"),
                        RuleTest.Series(selector: "cnpg_collector_pg_wal_archive_status{\(pod(p2)), value=\"ready\"}", values: "0+0x\(stuckMinutes)"),
                        RuleTest.Series(selector: "cnpg_pg_stat_archiver_seconds_since_last_archival{\(pod(p2))}", values: "0+60x\(stuckMinutes)"),
                    ],
                    checks: [
                        RuleTest.Check(time: w.budget - 60, firing: [], why: "nothing archived for less than the budget: quiet"),
                        RuleTest.Check(
                            time: w.budget + 60, firing: [[Label("namespace", ns), Label("pod", p1), Label("value", "ready")]],
                            why: "WAL waiting and nothing archived for longer than the budget: firing; the idle instance stays quiet"),
                    ])
            ])
        return [failing, backlog, stuck]
    }
}

// MARK: - Capacity and volumes

extension AlertRules {
    /// `for` of the prediction rules: one hour, as kube-prometheus-stack's
    /// KubePersistentVolumeFillingUp, to ride out a scrape gap or MinIO's scanner lag.
    static let predictionPending = 3_600.0

    /// A series rising from `start` so steeply that its prediction `lead` ahead passes
    /// `limit` at once: `start+bxn` with `b ≥ limit / lead` per minute.
    static func rising(from start: Double, above limit: Double, lead: Double, samples: Int) -> String {
        "\(n(start.rounded(.down)))+\(n((limit * 60 / lead).rounded(.up) + 1))x\(samples)"
    }

    func predictionChecks(_ firing: [Label]) -> [RuleTest.Check] {
        [
            RuleTest.Check(time: 30 * 60, firing: [], why: "on course to pass, for less than an hour: pending"),
            RuleTest.Check(time: 70 * 60, firing: [firing], why: "on course to pass for an hour: firing"),
        ]
    }

    func targetFilling(_ t: AlertThresholds.TargetCapacity) -> AlertRule {
        let w = AlertRules.d(t.window), h = AlertRules.n(t.lead.rounded(.up))
        let buckets = AlertSeries.target(t.target, in: scenario).buckets
        let sel = PromQL.selector(buckets.map { [("bucket", $0.map(PromQL.regexQuote).joined(separator: "|"), true)] } ?? [])
        let expr: String
        let metric: String
        let measured: String
        switch t.kind {
        case .cluster:
            metric = "longhorn_node_storage_usage_bytes"
            expr = "sum(predict_linear(\(metric)[\(w)], \(h))) > \(AlertRules.n(t.limit.rounded(.down)))"
            measured = "the Longhorn nodes' used storage (volumes and snapshots)"
        case .minio, .s3:
            metric = "minio_bucket_usage_total_bytes"
            expr =
                "(\n  sum(predict_linear(minio_bucket_usage_total_bytes\(sel)[\(w)], \(h)))\n  or\n  sum(predict_linear(minio_cluster_usage_buckets_total_bytes\(sel)[\(w)], \(h)))\n) > \(AlertRules.n(t.limit.rounded(.down)))"
            measured = "MinIO's bucket usage (metrics v2, or v3 where v2 is not scraped)"
        }
        let planned =
            t.alertDate.map { "the simulation reaches it on \($0)" }
            ?? "the simulation never reaches it within the horizon (peak \(Format.bytes(t.peakUsed)))"
        return AlertRule(
            alert: "PlanTargetFilling", expr: expr, pending: AlertRules.predictionPending, labels: labels("warning", "plan_target", t.target),
            summary: "target \(t.target) of scenario \(scenario.name) is on course to pass its alert level within \(Format.exactDuration(t.lead))",
            description:
                "The trend of \(measured) over \(Format.duration(t.window)) passes \(Int((t.alert * 100).rounded()))% of the usable capacity of target \(t.target) (\(Format.bytes(t.limit)) of \(Format.bytes(t.usable)), model.md) within \(Format.duration(t.lead)), the time the growth that scenario \(scenario.name) simulates (\(Format.bytes(t.growthPerDay))/day) takes from the alert level to full; \(planned). If retention is set but the buckets keep growing, check that old backups are really deleted; otherwise add capacity or shorten retention, and simulate the change with plan.",
            tests: targetTests(t, metric: metric, bucket: buckets?.first ?? "backups"))
    }

    /// A target rule's tests: used rising fast enough to pass the level within the lead
    /// (firing; for MinIO also under the v3 name alone), and flat at 90% of it (quiet).
    func targetTests(_ t: AlertThresholds.TargetCapacity, metric: String, bucket: String) -> [RuleTest] {
        let labelText = t.kind == .cluster ? "{node=\"node-1\"}" : "{bucket=\"\(bucket)\"}"
        let rising = AlertRules.rising(from: t.limit / 2, above: t.limit, lead: t.lead, samples: 80)
        let flat = "\(AlertRules.n((t.limit * 0.9).rounded(.down)))+0x80"
        var out = [
            RuleTest(series: [RuleTest.Series(selector: metric + labelText, values: rising)], checks: predictionChecks([])),
            RuleTest(
                series: [RuleTest.Series(selector: metric + labelText, values: flat)],
                checks: [RuleTest.Check(time: 70 * 60, firing: [], why: "flat at 90% of the level: quiet")]),
        ]
        if t.kind != .cluster {
            out.append(
                RuleTest(
                    series: [RuleTest.Series(selector: "minio_cluster_usage_buckets_total_bytes" + labelText, values: rising)],
                    checks: predictionChecks([])))
        }
        return out
    }

    func volumeFilling(_ v: AlertThresholds.VolumeFill) -> AlertRule {
        let s = series(v.workload)
        let matchers = (s.namespace.map { [("namespace", $0, false)] } ?? []) + [("persistentvolumeclaim", s.pvcPattern, true)]
        let w = AlertRules.d(v.window), h = AlertRules.n(v.lead.rounded(.up))
        let pvc = testPVC(s), ns = testNamespace(s)
        let metric = "kubelet_volume_stats_available_bytes"
        let volumeSeries = "\(metric){namespace=\"\(ns)\", persistentvolumeclaim=\"\(pvc)\"}"
        let start = (v.volume / 2).rounded(.down)
        let step = (v.volume * 60 / v.lead).rounded(.up) + 1
        let planned =
            v.alertDate.map { "the simulation reaches the alert level on \($0)" } ?? "the simulation never reaches the alert level within the horizon"
        return AlertRule(
            alert: "PlanVolumeFilling", expr: "predict_linear(\(metric)\(PromQL.selector(matchers))[\(w)], \(h)) < 0",
            pending: AlertRules.predictionPending, labels: labels("warning", "plan_workload", v.workload),
            summary: "volume of \(v.workload) (scenario \(scenario.name)) is on course to fill within \(Format.exactDuration(v.lead))",
            description:
                "The trend of the free bytes of \(v.workload)'s volume (\(Format.bytes(v.volume))) over \(Format.duration(v.window)) reaches 0 within \(Format.duration(v.lead)), the time the planned growth (\(Format.bytes(v.growthPerDay))/day) of scenario \(scenario.name) takes from volume_alert \(Int((v.volumeAlert * 100).rounded()))% to full; \(planned). Expand the PVC (CNPG: spec.storage.size) or find what writes faster than planned.",
            tests: [
                RuleTest(
                    series: [RuleTest.Series(selector: volumeSeries, values: "\(PromQL.number(start))-\(PromQL.number(step))x80")],
                    checks: predictionChecks([Label("namespace", ns), Label("persistentvolumeclaim", pvc)])),
                RuleTest(
                    series: [RuleTest.Series(selector: volumeSeries, values: "\(PromQL.number(start))+0x80")],
                    checks: [RuleTest.Check(time: 70 * 60, firing: [], why: "half free and not shrinking: quiet")]),
            ])
    }
}

// MARK: - Growth above the plan

extension AlertRules {
    func growthAbovePlan(_ g: AlertThresholds.GrowthAbovePlan) -> AlertRule {
        let s = series(g.workload)
        let ns = testNamespace(s)
        let window = AlertRules.d(AlertThresholds.growthWindow)
        let measured: String
        let lhs: String
        let rhs: String
        let seriesOf: (_ values: String) -> [RuleTest.Series]
        let firing: [Label]
        if let cluster = s.cluster {
            let m = "cnpg_pg_database_size_bytes" + PromQL.selector(podMatchers(s, cluster))
            lhs = "sum by (namespace, pod) (deriv(\(m)[\(window)]))"
            rhs = g.factor == 0 ? AlertRules.n(g.offset) : "sum by (namespace, pod) (\(m)) * \(AlertRules.n(g.factor)) + \(AlertRules.n(g.offset))"
            measured = "the database size (cnpg_pg_database_size_bytes, summed over datname)"
            seriesOf = { v in
                [
                    RuleTest.Series(selector: "cnpg_pg_database_size_bytes{datname=\"app\", namespace=\"\(ns)\", pod=\"\(cluster)-1\"}", values: v),
                    RuleTest.Series(
                        selector: "cnpg_pg_database_size_bytes{datname=\"postgres\", namespace=\"\(ns)\", pod=\"\(cluster)-1\"}",
                        values: "7500000+0x80"),
                ]
            }
            firing = [Label("namespace", ns), Label("pod", "\(cluster)-1")]
        } else {
            let matchers = (s.namespace.map { [("namespace", $0, false)] } ?? []) + [("persistentvolumeclaim", s.pvcPattern, true)]
            let m = "kubelet_volume_stats_used_bytes" + PromQL.selector(matchers)
            lhs = "deriv(\(m)[\(window)])"
            rhs = g.factor == 0 ? AlertRules.n(g.offset) : "\(m) * \(AlertRules.n(g.factor)) + \(AlertRules.n(g.offset))"
            measured = "the volume's used bytes (kubelet_volume_stats_used_bytes)"
            seriesOf = { v in
                [RuleTest.Series(selector: "kubelet_volume_stats_used_bytes{namespace=\"\(ns)\", persistentvolumeclaim=\"\(s.pvc)\"}", values: v)]
            }
            firing = [Label("namespace", ns), Label("persistentvolumeclaim", s.pvc)]
        }
        let size = scenario.workloads.first { $0.name == g.workload }?.size.bytes ?? 1e9
        // Twice the threshold at up to twice the size: firing; the planned slope: quiet.
        let fast = (2 * 60 * (g.factor * 2 * size + g.offset)).rounded(.up) + 1
        let plannedPerMinute: Double
        switch g.planned {
        case .absolute(let perDay): plannedPerMinute = Swift.max(perDay, 0) * 60 / 86_400
        case .relative: plannedPerMinute = g.factor / (1 + AlertThresholds.growthMargin) * size * 60
        }
        let plannedText: String
        switch g.planned {
        case .absolute(let perDay): plannedText = "\(Format.bytes(perDay))/day"
        case .relative(let p, let period): plannedText = "\(Format.plain(p * 100))% per \(Format.plain(period)) days"
        }
        let base = size.rounded(.down)
        var fastTest = RuleTest(series: seriesOf("\(AlertRules.n(base))+\(AlertRules.n(fast))x80"), checks: predictionChecks(firing))
        fastTest.checks[0].why = "growing faster than planned, for less than an hour: pending"
        fastTest.checks[1].why = "growing faster than planned for an hour: firing"
        let plannedTest = RuleTest(
            series: seriesOf("\(AlertRules.n(base))+\(AlertRules.n(plannedPerMinute.rounded(.down)))x80"),
            checks: [RuleTest.Check(time: 70 * 60, firing: [], why: "growing as planned: quiet")])
        return AlertRule(
            alert: "PlanGrowthAbovePlan", expr: "\(lhs)\n> \(rhs)", pending: AlertRules.predictionPending,
            labels: labels("warning", "plan_workload", g.workload),
            summary: "\(g.workload) grows faster than scenario \(scenario.name) plans (\(plannedText))",
            description:
                "The slope of \(measured) over 7 days exceeds the growth that scenario \(scenario.name) plans for \(g.workload) (\(plannedText)) by more than \(Int(AlertThresholds.growthMargin * 100))% plus \(Format.bytes(g.floorPerDay))/day (1% of its volume or size). The plan's capacity dates and costs no longer hold: measure the growth (plan calibrate) and simulate again.",
            tests: [fastTest, plannedTest])
    }
}
