import ArgumentParser
import Foundation
import PlanCore
import PlanIO

extension ManifestImport.Format: ExpressibleByArgument {}

extension Plan {
    /// `plan import PATH…`: a scenario from the GitOps repository's manifests.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Write a scenario from Kubernetes manifests (CNPG, Velero, Longhorn, MinIO, PVCs).",
            discussion: """
                PATH is a file, a directory (walked as Flux walks a Kustomization's spec.path: a \
                kustomization.yaml's resources, else every *.yaml below it), or - for a rendered \
                stream on standard input (kubectl kustomize DIR | plan import -).

                Every value carries a comment naming its manifest line; figures no manifest holds \
                are marked '# guess:' and listed in one warning. The findings of `plan lint` are \
                printed on standard error.

                With --metrics FILE... or --prometheus URL, the guessed size, growth and wal of each \
                workload are measured at once, by the code of plan calibrate (matched exactly through the \
                series keys the import writes): each becomes '# measured: ...', start becomes the day after \
                the range, and the warning lists only what is still guessed.

                Exit codes: 0 success, 1 manifests that cannot be read, 2 I/O failure, 64 malformed command line.
                """)

        @Argument(help: ArgumentHelp("Manifest files or directories, or - for standard input.", valueName: "PATH"))
        var paths: [String]

        @Option(help: ArgumentHelp("Write the scenario here (default, or -: standard output).", valueName: "FILE"))
        var out: String?

        @Option(help: "The scenario's name (default: the last directory name of the first PATH).")
        var name: String?

        @Option(help: "yaml (default) or json.")
        var format: ManifestImport.Format = .yaml

        @OptionGroup var measure: MeasureOptions

        func run() async throws {
            let now = Date()
            let calibration = try measure.request(now: Int64((now.timeIntervalSince1970 * 1_000).rounded(.down)))
            let outcome = try ExitStatus.check(
                await ManifestImport.run(
                    paths: paths, name: name, format: format, standardInput: StandardInput.readAll, calibration: calibration))
            for f in outcome.findings { StandardError.print(f.description) }
            if let m = outcome.measured { StandardError.print(m) }
            if let g = outcome.guesses { StandardError.print(g) }
            if let out, out != "-" {
                do {
                    try StreamingFile.write(outcome.text, to: out)
                } catch {
                    StandardError.print(error.description)
                    throw ExitStatus.io
                }
                StandardError.print("Wrote \(out) (scenario '\(outcome.name)'); run it with: plan simulate \(out)")
            } else {
                StandardOutput.print(outcome.text)
            }
        }
    }

    /// `plan lint PATH…`: the findings about the manifests themselves.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Check Kubernetes backup manifests against what CNPG, Velero and Longhorn really do.",
            discussion: """
                Prints FILE:LINE:COLUMN: warning|error: KIND/NAME: PATH: message; fix, on the \
                manifests' own lines. PATH as for `plan import`.

                Exit codes: 0 no error (warnings allowed), 1 an error (with --strict: any finding), 2 I/O failure.
                """)

        @Argument(help: ArgumentHelp("Manifest files or directories, or - for standard input.", valueName: "PATH"))
        var paths: [String]

        @Flag(help: "Warnings count as errors for the exit code.")
        var strict = false

        func run() throws {
            let findings = try ExitStatus.check(ManifestImport.lint(paths: paths, standardInput: StandardInput.readAll))
            for f in findings { StandardOutput.print(f.description + "\n") }
            let errors = findings.filter { $0.severity == .error }.count
            let warnings = findings.count - errors
            StandardError.print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            if errors > 0 || (strict && warnings > 0) { throw ExitStatus.invalid }
        }
    }
}
