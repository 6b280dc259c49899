import Foundation
import PlanCore

/// `plan tune --merge FILE…`: the shards' `tune.csv` files, each checked against the
/// `tune.sweep` written beside it (one sweep, its rows exactly as written), together
/// covering every variant 1…N exactly once, combined into the file a single run writes (rows
/// copied byte for byte, in variant order).
public struct ShardMerge: Sendable {
    /// The header line every shard shares.
    public let header: String
    /// The rows, in variant order, each with its line break.
    public let rows: [String]
    /// NAME: the folder the shards' files are in (`DIR/NAME/tune.csv`), or `merged`.
    public let name: String
    public let table: TuneTable
    /// The merged file's record: the sweep, all its variants, the rows' checksum.
    public let record: SweepRecord

    /// Combines the shards at `paths`, in the order given, each read with `read` when its
    /// turn comes (so the first problem in file order is the one reported).
    public static func combine(
        _ paths: [String], read: (String) -> Result<String, CommandFailure>
    ) -> Result<ShardMerge, CommandFailure> {
        func invalid(_ value: String, _ message: String) -> Result<ShardMerge, CommandFailure> {
            .failure(.invalid([Diagnostic(at: .option(name: "--merge", value: value), path: "", message)]))
        }
        var header: String? = nil
        var rows: [(Int, String)] = []
        var sweep: SweepRecord? = nil
        for path in paths {
            let text: String
            switch read(path) {
            case .success(let t): text = t
            case .failure(let f): return .failure(f)
            }
            let beside = OutputLayout.join(PathText.folder(of: path), SweepRecord.fileName)
            guard case .success(let recordText) = read(beside), let record = SweepRecord.parse(recordText) else {
                return invalid(path, "no \(SweepRecord.fileName) beside it: not a shard written by plan tune")
            }
            if let sweep, sweep.sweep != record.sweep || sweep.variants != record.variants {
                return invalid(path, "a shard of another sweep (its \(SweepRecord.fileName) differs from the first file's)")
            }
            sweep = record
            var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { String($0) + "\n" }
            guard !lines.isEmpty else { return invalid(path, "the file is empty") }
            let h = lines.removeFirst()
            if let header, header != h { return invalid(path, "its header differs from the first file's: not a shard of the same sweep") }
            header = h
            var check = SweepRecord.Hasher()
            for line in lines { check.add(line) }
            guard check.hex == record.checksum, lines.count == record.rows.map(\.count) ?? 0 else {
                return invalid(path, "its rows are not the ones plan tune wrote (edited or truncated); run its shard again")
            }
            for line in lines {
                guard let n = Int(line.prefix { $0 != "," }) else { return invalid(path, "a row without a variant number: '\(line.dropLast())'") }
                rows.append((n, line))
            }
        }
        guard let header, let table = TuneTable.parse(header: header) else {
            return invalid(paths.first ?? "", "not a tune.csv file (its header is not plan tune's)")
        }
        rows.sort { $0.0 < $1.0 }
        for (i, row) in rows.enumerated() where row.0 != i + 1 {
            let problem = i > 0 && rows[i - 1].0 == row.0 ? "variant \(row.0) appears twice" : "variants \(i + 1)…\(row.0 - 1) are missing"
            return invalid(paths.joined(separator: " "), "the shards do not cover the sweep: \(problem)")
        }
        let total = sweep?.variants ?? rows.count
        if rows.count < total {
            let missing = rows.count + 1 == total ? "variant \(total) is missing" : "variants \(rows.count + 1)…\(total) are missing"
            return invalid(paths.joined(separator: " "), "the shards do not cover the sweep: \(missing)")
        }
        var all = SweepRecord.Hasher()
        for row in rows { all.add(row.1) }
        let record = SweepRecord(sweep: sweep?.sweep ?? "", variants: total, rows: total > 0 ? 1...total : nil, checksum: all.hex)
        return .success(ShardMerge(header: header, rows: rows.map(\.1), name: folderName(paths), table: table, record: record))
    }

    /// NAME of `DIR/NAME/tune.csv` when every shard is in a folder of that name; else `merged`.
    static func folderName(_ paths: [String]) -> String {
        let folders = Set(paths.map { (PathText.folder(of: $0) as NSString).lastPathComponent })
        // Never a name that leaves --out (`sub/..` gives `..`).
        guard folders.count == 1, let folder = folders.first, !folder.isEmpty, folder != ".", folder != "..", !folder.contains("/")
        else { return "merged" }
        return folder
    }

    /// Reads the shards, combines them and writes `DIR/NAME/tune.csv`.
    /// - Returns: the merge and its summary (the best `top` feasible variants).
    public static func run(paths: [String], layout: OutputLayout, top: Int) -> Result<(merge: ShardMerge, summary: TuneSummary), CommandFailure> {
        let merge: ShardMerge
        switch combine(paths, read: readText) {
        case .success(let m): merge = m
        case .failure(let f): return .failure(f)
        }
        var summary = TuneSummary(table: merge.table, top: top)
        do {
            let set = try OutputSet(directory: layout.directory(for: merge.name), owns: [OutputLayout.tuneFile, SweepRecord.fileName])
            let file = try set.file(OutputLayout.tuneFile)
            file.write(merge.header)
            for line in merge.rows {
                file.write(line)
                if let row = TuneRow.parse(line, table: merge.table) { summary.add(row) }
            }
            try set.add(SweepRecord.fileName, text: merge.record.text)
            try set.publish()
        } catch {
            return .failure(.io(error))
        }
        return .success((merge, summary))
    }

    /// A shard's text (invalid UTF-8 replaced, then refused by the header check).
    static func readText(_ path: String) -> Result<String, CommandFailure> {
        do {
            return .success(String(decoding: try StreamingFile.read(path), as: UTF8.self))
        } catch {
            return .failure(.io(error))
        }
    }

    /// The merged file's text.
    public var text: String { header + rows.joined() }
}
