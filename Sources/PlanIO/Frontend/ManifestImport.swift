import Foundation
import PlanCore

/// `plan import` and `plan lint` (gitops.md): read the manifests, translate them, and
/// return the scenario text and the findings. Nothing is written here; the command writes
/// the text (atomically) only when this succeeds.
public enum ManifestImport {
    public enum Format: String, Sendable, CaseIterable {
        case yaml, json
    }

    /// What an import produced.
    public struct Outcome: Sendable {
        /// The scenario (`--format`), which `plan simulate` runs as it is.
        public var text: String
        /// Lint findings and reading notes, in file, line and column order.
        public var findings: [Diagnostic]
        /// The one warning listing every guessed figure (nil when nothing was guessed).
        public var guesses: String?
        public var name: String
        /// `--metrics` / `--prometheus`: the one line saying what was measured (nil: nothing).
        public var measured: String? = nil
    }

    /// Reads and translates; fails (exit 1) on manifests that cannot be read as YAML, no
    /// manifests at all, or (exit 2) files that cannot be read.
    public static func run(
        paths: [String], name: String?, format: Format, standardInput: @escaping () throws(PlanIOError) -> [UInt8]
    ) -> Result<Outcome, CommandFailure> {
        translate(paths: paths, name: name, standardInput: standardInput).flatMap { finish($0, format: format, measured: nil) }
    }

    /// As `run`, then `--metrics` / `--prometheus` (gitops.md "plan import": "calibrate the
    /// guessed figures at once, as plan calibrate does"): the scenario text goes through
    /// `CalibrationPipeline.measure`, the code `plan calibrate` runs, and each fitted value
    /// replaces its guess in the tree (`# measured: …`, the comment `--write` writes), with
    /// `start` the day after the range. A figure that cannot be measured stays a guess, and
    /// says why in a warning. `calibration.scenarioPath` and `writePath` are not read.
    public static func run(
        paths: [String], name: String?, format: Format, standardInput: @escaping () throws(PlanIOError) -> [UInt8],
        calibration: CalibrationRequest?
    ) async -> Result<Outcome, CommandFailure> {
        let translated: Translation
        switch translate(paths: paths, name: name, standardInput: standardInput) {
        case .success(let t): translated = t
        case .failure(let f): return .failure(f)
        }
        guard let calibration else { return finish(translated, format: format, measured: nil) }
        var request = calibration
        request.writePath = nil
        request.check = nil
        switch await CalibrationPipeline.measure(text: translated.scenario.yaml, path: importedFile, request: request) {
        case .success(let run): return finish(translated, format: format, measured: run)
        case .failure(let f): return .failure(f)
        }
    }

    /// What the translation made, before it is written out.
    struct Translation {
        var scenario: ImportedScenario
        var guesses: [String]
        var findings: [Diagnostic]
        var name: String
    }

    /// The name the imported scenario has in messages about it.
    static let importedFile = "(imported scenario)"

    static func translate(
        paths: [String], name: String?, standardInput: @escaping () throws(PlanIOError) -> [UInt8]
    ) -> Result<Translation, CommandFailure> {
        let read = readAll(paths, standardInput: standardInput)
        guard case .success(let (inventory, notes)) = read else {
            if case .failure(let f) = read { return .failure(f) }
            return .failure(.invalidMessage("error: no manifests"))
        }
        var importer = ManifestImporter(inventory)
        importer.run()
        let scenarioName = ImportNames.valid(name ?? defaultName(paths))
        return .success(
            Translation(
                scenario: importer.scenario(name: scenarioName, inputs: paths),
                guesses: importer.guesses + importer.targets.guessedPrices.sorted().map { "targets.\($0).prices" },
                findings: sorted(notes + importer.findings), name: scenarioName))
    }

    /// Writes the measured values into the tree, renders it, and checks that it loads.
    static func finish(_ t: Translation, format: Format, measured run: CalibrationRun?) -> Result<Outcome, CommandFailure> {
        var scenario = t.scenario
        var guesses = t.guesses
        var findings = t.findings
        var measured: String?
        if let run {
            let edits = CalibrationPipeline.edits(run, range: Seconds(Double(run.window.end - run.window.start) / 1_000))
            if !run.outcome.fits.isEmpty {
                scenario.apply(edits)
                let done = Set(edits.map(\.path))
                guesses.removeAll { done.contains($0) }
                measured =
                    "measured \(run.outcome.fits.count) figure\(run.outcome.fits.count == 1 ? "" : "s") as plan calibrate does: "
                    + run.outcome.fits.map { "\($0.path) \($0.value.scenarioText)" }.joined(separator: ", ")
                    + "; start: \(run.newStart) (the day after the range)"
            }
            // What could not be measured stays a guess; say why (the scenario has no file yet).
            findings += (run.problems + run.figureWarnings).map { p in
                Diagnostic(.warning, at: .none, path: p.path, p.message, suggestion: p.suggestion)
            }
            findings += run.warnings.map { Diagnostic(.warning, at: .none, path: "", $0) }
        }
        let text = format == .yaml ? scenario.yaml : scenario.json
        // The scenario must load as it is: a translation that does not is plan's own bug,
        // reported rather than written.
        let options = LoadOptions(file: importedFile, defaultName: t.name, today: CivilDate(year: 2026, month: 1, day: 1))
        if case .failure(let d) = ScenarioLoader.load(text: text, options: options) {
            return .failure(
                .invalid(
                    d.items + [
                        Diagnostic(at: .none, path: "", "plan import wrote a scenario it cannot read back; please report this with the manifests")
                    ]))
        }
        let guessed =
            guesses.isEmpty
            ? nil
            : "warning: \(guesses.count) \(guesses.count == 1 ? "figure is a guess" : "figures are guesses"), since no manifest holds them: \(guesses.joined(separator: ", ")); measure them with plan calibrate or edit them (each is marked '# guess:')"
        return .success(Outcome(text: text, findings: findings, guesses: guessed, name: t.name, measured: measured))
    }

    /// `plan lint`: the findings alone.
    public static func lint(paths: [String], standardInput: @escaping () throws(PlanIOError) -> [UInt8]) -> Result<[Diagnostic], CommandFailure> {
        readAll(paths, standardInput: standardInput).map { inventory, notes in
            var importer = ManifestImporter(inventory)
            importer.run()
            return sorted(notes + importer.findings)
        }
    }

    /// The files, their objects, and the notes of reading (SOPS, remote resources, skipped links).
    static func readAll(
        _ paths: [String], standardInput: @escaping () throws(PlanIOError) -> [UInt8]
    ) -> Result<(ManifestInventory, [Diagnostic]), CommandFailure> {
        var reader = ManifestReader(standardInput: standardInput)
        do {
            try reader.read(paths)
        } catch {
            return .failure(.io(error))
        }
        var objects: [ManifestObject] = []
        var notes = reader.diagnostics
        for file in reader.files {
            let outcome = ManifestParser.parse(file)
            objects += outcome.objects
            notes += outcome.diagnostics
        }
        let fatal = notes.filter { $0.severity == .error }
        if !fatal.isEmpty { return .failure(.invalid(sorted(notes))) }
        guard !objects.isEmpty else {
            let what = reader.files.isEmpty ? "no manifest files (*.yaml, *.yml)" : "no Kubernetes objects (documents with apiVersion and kind)"
            return .failure(
                .invalid(
                    notes + [
                        Diagnostic(
                            at: .none, path: "", "\(what) in \(paths.joined(separator: " "))",
                            suggestion:
                                "point plan at the folder a Flux Kustomization's spec.path names, or pipe 'kubectl kustomize DIR' into 'plan import -'"
                        )
                    ]))
        }
        return .success((ManifestInventory(objects), notes))
    }

    /// The last directory name of the first path (`clusters/minikube` → `minikube`).
    static func defaultName(_ paths: [String]) -> String {
        guard let first = paths.first, first != "-" else { return "imported" }
        var isDir: ObjCBool = false
        let path = ManifestReader.clean(first)
        let dir =
            FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue ? path : PathText.folder(of: path)
        let resolved = dir == "." || dir.isEmpty ? FileManager.default.currentDirectoryPath : dir
        let last = (resolved as NSString).lastPathComponent
        return last.isEmpty ? "imported" : last
    }

    static func sorted(_ items: [Diagnostic]) -> [Diagnostic] {
        func key(_ d: Diagnostic) -> (String, Int, Int) {
            if case .file(let p, let l, let c) = d.location { return (p, l, c) }
            return ("", 0, 0)
        }
        return items.enumerated().sorted { a, b in
            let ka = key(a.element)
            let kb = key(b.element)
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }
}
