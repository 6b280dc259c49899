import PlanCore
import Testing

@testable import PlanIO

extension LoaderTests {
    // MARK: - YAML that cannot be read

    @Test func tabsInIndentation() {
        expectErrors(
            "workloads:\n⟨⟩\tapp: {}\n",
            [("", "found a tab character where indentation is expected; YAML indents with spaces")])
    }

    @Test func duplicateKey() {
        expectErrors(
            base(replacing: "      retention: 30d\n", with: "      retention: 30d\n      ⟨⟩retention: 14d\n"),
            [("", "duplicate key 'retention' in this mapping (first at line 16); keep one of them")])
    }

    @Test("a merge key (<<, YAML 1.1) is named as such, not as an unknown key with a did-you-mean")
    func mergeKey() {
        expectErrors(
            base(replacing: "      retention: 30d\n", with: "      retention: 30d\n      ⟨⟩<<: {schedule: \"0 0 2 * * *\"}\n"),
            [
                (
                    "backups.cnpg.app-postgres.<<",
                    "a YAML 1.1 merge key, which YAML 1.2 does not have: its keys are not merged; write the keys out (an alias can stand for a whole value, as in 'target: *store')"
                )
            ])
    }

    @Test func emptyAndAllCommentFiles() {
        let message = "lab.yaml:1:1: error: the scenario is empty; it needs at least 'workloads', 'backups' and 'targets'"
        #expect(errors("") == [message])
        #expect(errors("# nothing yet\n\n# still nothing\n") == [message])
        #expect(errors("---\n") == [message])
    }

    @Test func binaryFile() {
        let options = LoadOptions(file: "lab.yaml", defaultName: "lab", today: today)
        let result = ScenarioLoader.load(bytes: [0x7F, 0x45, 0x4C, 0x46, 0xFF, 0x00, 0x01], options: options)
        // 0x7F, E, L, F are four characters of UTF-8; 0xFF, the fifth byte, is none: column 5
        #expect(result.failureDescriptions == ["lab.yaml:1:5: error: file is not UTF-8 text (a binary file?)"])
        // A leading byte-order mark is no column, as to libyaml: "# " then 0xE9 is at 1:3
        #expect(
            ScenarioLoader.load(bytes: [0xEF, 0xBB, 0xBF, 0x23, 0x20, 0xE9], options: options).failureDescriptions == [
                "lab.yaml:1:3: error: file is not UTF-8 text (a binary file?)"
            ])
        // A lone \r ends a line, as \r\n does once: "# a\r# b" then 0xE9 is at 2:4; "# a\r\n" too
        for end in [[0x0D], [0x0D, 0x0A]] as [[UInt8]] {
            #expect(
                ScenarioLoader.load(bytes: Array("# a".utf8) + end + Array("# b".utf8) + [0xE9], options: options).failureDescriptions == [
                    "lab.yaml:2:4: error: file is not UTF-8 text (a binary file?)"
                ])
        }
        // Latin-1 "é" (0xE9) on line 3, after "name: caf" (9 characters): line 3, column 10
        let latin1 = Array("version: 1\n# ok\nname: caf".utf8) + [0xE9] + Array("\n".utf8)
        #expect(
            ScenarioLoader.load(bytes: latin1, options: options).failureDescriptions == [
                "lab.yaml:3:10: error: file is not UTF-8 text (a binary file?)"
            ])
    }

    @Test func controlCharacterInUTF8Text() {
        let options = LoadOptions(file: "lab.yaml", defaultName: "lab", today: today)
        let result = ScenarioLoader.load(bytes: Array("name: a\u{1}b\n".utf8), options: options)
        #expect(
            result.failureDescriptions == [
                "lab.yaml:1:8: error: control character U+0001 is not allowed in YAML text (a binary file?)"
            ])
    }

    @Test func aliasBombIsRefused() {
        // Billion laughs: 9 levels of 9 aliases each expand to 9^9 = 387,420,489 nodes.
        var yaml = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for level in 1..<names.count {
            let previous = "*" + names[level - 1]
            let marker = level == 5 ? "⟨⟩" : ""
            yaml +=
                "\(marker)\(names[level]): &\(names[level]) [" + Array(repeating: previous, count: 9).joined(separator: ", ")
                + "]\n"
        }
        // With its key, a counts 11 nodes, b 92, c 821, d 7,382, e 66,431: 74,737 in all; the
        // running total passes 100,000 within `f` (597,872), which the error names.
        expectErrors(yaml, [("f", "the document expands past 100,000 nodes (a YAML alias bomb?); write the values out, or use fewer nested aliases")])
    }

    @Test func aliasesThatStaySmallAreExpanded() throws {
        let s = try load(
            """
            workloads:
              a: &db {kind: postgres, size: 1Gi}
              b: *db
            backups: {}
            targets:
              t: {kind: s3}

            """
        ).get()
        #expect(s.workloads.map(\.name) == ["a", "b"])
        #expect(s.workloads[1].size == ByteCount(1_073_741_824))
    }

    @Test func otherSyntaxErrors() {
        expectErrors("name: ⟨⟩@daily\n", [("", "'@' cannot start a plain YAML value; quote the value, as in \"@daily\"")])
        expectErrors(
            "a: 1\n⟨⟩---\nb: 2\n",
            [
                (
                    "",
                    "the file holds more than one YAML document; a scenario is one document; remove the '---' line and what follows, or split the file"
                )
            ])
        #expect(
            errors("- a\n- b\n") == [
                "lab.yaml:1:1: error: the top level must be a mapping of keys (version, name, workloads, backups, targets, …), found a list"
            ])
    }
}

extension LoaderTests {
    /// Each value of `a: VALUE` as the reader gives it: its text and whether it is no value.
    func scalarValues(_ values: [String]) -> [(String, Bool)] {
        values.map { value in
            guard case .tree(let root, _) = YAMLReader.read("a: \(value)\n", origin: { .file(line: $0?.line ?? 1, column: $0?.column ?? 1) }),
                case .mapping(let pairs) = root.content, case .scalar(let text, let isNull)? = pairs.first?.value.content
            else { return ("not a scalar", false) }
            return (text, isNull)
        }
    }

    @Test("no value: empty, ~, null, Null, NULL when plain; text: quoted, or tagged !!str, and every other plain scalar")
    func nullsAndText() {
        let read = scalarValues(["", "~", "null", "Null", "NULL", "\"null\"", "'~'", "!!str null", "!!str ~", "! null", "nul", "true", "0x1F", "1e3"])
        let expected: [(String, Bool)] = [
            ("", true), ("~", true), ("null", true), ("Null", true), ("NULL", true), ("null", false), ("~", false), ("null", false),
            ("~", false), ("null", false), ("nul", false), ("true", false), ("0x1F", false), ("1e3", false),
        ]
        #expect(read.map(\.0) == expected.map(\.0))
        #expect(read.map(\.1) == expected.map(\.1))
    }

    @Test(
        "keys of one text that Yams's default resolver keeps apart by type (1 and \"1\", true and \"true\") are reported beside the file's other problems; two strings stop the read"
    )
    func plainAndQuotedKeys() {
        for (key, quoted) in [("1", "\"1\""), ("true", "'true'"), ("null", "\"null\"")] {
            // Read on: the tree comes back with the pair as one of its problems.
            guard
                case .tree(_, let problems) = YAMLReader.read(
                    "a: 1\n\(key): x\n\(quoted): y\n", origin: { .file(line: $0?.line ?? 1, column: $0?.column ?? 1) })
            else {
                Issue.record("\(key): the read stopped")
                continue
            }
            #expect(problems.map(\.message) == ["duplicate key '\(key)' in this mapping (first at line 2)"])
            #expect(problems.map(\.line) == [3])
            #expect(problems.map(\.suggestion) == ["keep one of them"])
        }
        // A plain and a quoted string are one key to Yams, which stops the read there.
        expectErrors(
            base(replacing: "    size: 8GiB\n", with: "    size: 8 gigs\n").replacing(
                "      retention: 30d\n", with: "      retention: 30d\n      ⟨⟩\"retention\": 14d\n"),
            [("", "duplicate key 'retention' in this mapping (first at line 16); keep one of them")])
    }

    @Test("a plain null keeps being no value when an alias of it is a key (Yams resolves the key's tag, which the alias shares)")
    func aliasedNullKey() {
        guard
            case .tree(let root, let problems) = YAMLReader.read(
                "a: &n null\nb:\n  *n : 2\n", origin: { .file(line: $0?.line ?? 1, column: $0?.column ?? 1) }),
            case .mapping(let pairs) = root.content, case .scalar(let text, let isNull)? = pairs.first?.value.content
        else {
            Issue.record("not read as a tree")
            return
        }
        #expect(text == "null")
        #expect(isNull)
        #expect(problems.isEmpty)
    }
}
