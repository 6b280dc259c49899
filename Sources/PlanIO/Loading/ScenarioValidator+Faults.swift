import PlanCore

/// `faults.NAME` (version 2): the what-ifs, each checked against the jobs and targets it
/// names and read into a window of simulation seconds (scenario.md "Version 2 errors";
/// model.md "Version 2: faults", "Windows"). A window outside the horizon is not an error
/// here: `Checks` warns about it, so that `--start` and `--horizon` keep a file valid.
extension ScenarioValidator {
    mutating func faults(_ top: Fields, start: CivilDate, references: References) -> [Fault] {
        var faults: [Fault] = []
        for entry in namedEntries(top, "faults", noun: "fault") ?? [] {
            if let fault = fault(entry, start: start, references: references) { faults.append(fault) }
        }
        return faults
    }

    mutating func fault(_ entry: YAMLPair, start: CivilDate, references: References) -> Fault? {
        let path = "faults." + entry.key
        guard let f = fields(entry.value, anchor: entry.keyNode, path: path, allowed: Schema.fault, what: "fault keys") else { return nil }
        for key in Schema.requiredKeys(Schema.faultKeys) { required(f, key) }
        let kind = word(f, "kind", among: Schema.faultKinds).flatMap(FaultKind.init(rawValue:))
        var job: String?
        var target: String?
        var valid = kind != nil
        if let kind {
            if kind == .targetDown {
                required(f, "target")
                valid = notApplying("job", to: kind, f, hint: "the fault acts on every job whose target is down") && valid
                target = faultTarget(f, references: references)
                valid = valid && target != nil
            } else {
                required(f, "job")
                valid = notApplying("target", to: kind, f, hint: "a target-down fault names a target") && valid
                job = faultJob(f, kind: kind, references: references)
                valid = valid && job != nil
            }
        }
        let from = instant(f, "from", start: start)
        let until = window(f, kind: kind, from: from, start: start)
        guard valid, let kind, let from, let until else { return nil }
        return Fault(name: entry.key, kind: kind, job: job, target: target, from: from, until: until.seconds)
    }

    /// A key that `kind` does not take; false when it is there (reported at the key).
    private mutating func notApplying(_ key: String, to kind: FaultKind, _ f: Fields, hint: String) -> Bool {
        guard let pair = f[key] else { return true }
        error(pair.keyNode, f.path(key), "'\(key)' does not apply to a \(kind.rawValue) fault (\(hint))", suggestion: "remove it")
        return false
    }

    /// `job`: an existing `TIER/NAME`, of the tier the kind needs.
    private mutating func faultJob(_ f: Fields, kind: FaultKind, references: References) -> String? {
        guard let (job, node) = text(f, "job", expected: "a job as TIER/NAME such as 'velero/nightly'") else { return nil }
        guard references.jobs[job] != nil else {
            error(
                node, f.path("job"), "no job '\(job)'",
                suggestion: Suggest.suggestion(for: job, among: references.jobs.keys.sorted(), listing: "the jobs are"))
            return nil
        }
        let tier = String(job.prefix { $0 != "/" })
        let needed: String? =
            switch kind {
            case .archiveDown: "cnpg"
            case .maintenanceStops: "velero"
            case .runsFail, .retentionStops, .targetDown: nil
            }
        if let needed, tier != needed {
            let others = references.jobs.keys.filter { $0.hasPrefix(needed + "/") }.sorted()
            error(
                node, f.path("job"), "'\(kind.rawValue)' applies only to \(needed) jobs, and '\(job)' is a \(tier) job",
                suggestion: others.isEmpty ? "name a \(needed) job" : "name a \(needed) job: " + others.joined(separator: ", "))
            return nil
        }
        return job
    }

    /// `target` of a `target-down`: an existing `minio` or `s3` target.
    private mutating func faultTarget(_ f: Fields, references: References) -> String? {
        guard let (text, node) = existingTarget(f, "target", references: references, expected: "a target name") else { return nil }
        if references.targetKinds[text] == .cluster {
            let stores = references.targetNames.filter { references.targetKinds[$0].map { $0 != .cluster } ?? false }
            error(
                node, f.path("target"), "'\(text)' is a cluster target; a target-down fault takes down an object store",
                suggestion: stores.isEmpty ? "name a minio or s3 target" : "name a minio or s3 target: " + stores.joined(separator: ", "))
            return nil
        }
        return text
    }

    /// The end of the window: `until`, or `from + for`, or for ever (`end` nil) for the two
    /// `-stops` kinds. `nil` when the window cannot be read.
    private mutating func window(_ f: Fields, kind: FaultKind?, from: Double?, start: CivilDate) -> FaultEnd? {
        if let both = f["for"], f["until"] != nil {
            error(both.keyNode, f.path("for"), "both 'until' and 'for'; the window ends at one of them", suggestion: "remove one")
            return nil
        }
        if f["for"] != nil {
            guard let length = duration(f, "for", positive: true), let from else { return nil }
            return .at(from + length.value)
        }
        if f["until"] != nil {
            guard let until = instant(f, "until", start: start) else { return nil }
            if let from, until <= from, let node = f["until"]?.value, let fromNode = f["from"]?.value {
                error(
                    node, f.path("until"), "until \(node.found) is not after from \(fromNode.found); the window [from, until) is empty",
                    suggestion: "give a later until, or for: DURATION")
                return nil
            }
            return .at(until)
        }
        switch kind {
        case .runsFail?, .archiveDown?, .targetDown?:
            if let kind, !f.suggested.contains("until"), !f.suggested.contains("for") {
                error(
                    f.anchor, f.path, "a \(kind.rawValue) fault needs an end: 'until' or 'for'",
                    suggestion: "add until: DATE or for: DURATION (only retention-stops and maintenance-stops last for ever)")
            }
            return nil
        case .retentionStops?, .maintenanceStops?, nil:
            return .never
        }
    }

    /// Where a window ends: at a second since the start, or never.
    enum FaultEnd {
        case at(Double)
        case never
        var seconds: Double? {
            if case .at(let s) = self { s } else { nil }
        }
    }

    /// A date or UTC date-time as seconds since 00:00 UTC of `start`.
    private mutating func instant(_ f: Fields, _ key: String, start: CivilDate) -> Double? {
        let expected = "a date or a UTC date-time such as '2026-03-01T06:00:00Z'"
        guard let (date, second) = parsed(f, key, expected: expected, ValueSyntax.dateTime) else { return nil }
        return Double(Int64(date.daysSinceEpoch - start.daysSinceEpoch) * 86_400 + Int64(second))
    }
}
