import PlanCore

/// `plan schema`: the scenario format as a JSON Schema (draft 2020-12), for
/// yaml-language-server's `# yaml-language-server: $schema=…` completion and checks.
///
/// Fixed mappings have `additionalProperties: false`; maps by name take names of the name
/// rule only (`patternProperties`), never `total`. Values get their `enum`, or a pattern of
/// the value syntax (`ValuePattern`), and the default where there is one. The loader stays
/// the judge of what the schema cannot say: cross references, the version 2 keys of a
/// version 1 file, the rules between keys.
extension ScenarioReference {
    public static let jsonSchemaDialect = "https://json-schema.org/draft/2020-12/schema"

    /// The schema document, ending with a line break.
    public static func jsonSchema() -> String {
        var root: [(String, JSONValue)] = [
            ("$schema", .string(jsonSchemaDialect)),
            ("title", .string("plan scenario")),
            (
                "description",
                .string(
                    "A scenario of plan, the storage-cost and capacity-planning simulator for Kubernetes backup stacks (scenarios/README.md)."
                )
            ),
        ]
        root += object(Schema.root, version: 1)
        return JSONValue.object(root).rendered() + "\n"
    }

    /// The members of an object schema for `node` (a mapping or a map by name).
    static func object(_ node: SchemaNode, version: Int) -> [(String, JSONValue)] {
        switch node {
        case .value, .list: return []
        case .keys(let keys):
            var members: [(String, JSONValue)] = [("type", .array([.string("object"), .string("null")]))]
            members.append(("properties", .object(keys.map { ($0.name, schema(for: $0, version: $0.isVersion2 ? 2 : version)) })))
            let required = Schema.requiredKeys(keys)
            if !required.isEmpty { members.append(("required", .array(required.map(JSONValue.string)))) }
            members.append(("additionalProperties", .bool(false)))
            return members
        case .named(_, let entry):
            return [
                ("type", .array([.string("object"), .string("null")])),
                ("propertyNames", .object([("not", .object([("const", .string("total"))]))])),
                ("patternProperties", .object([(Schema.namePattern, .object(object(entry, version: version)))])),
                ("additionalProperties", .bool(false)),
            ]
        }
    }

    /// The schema of one key: its description, default and value schema.
    static func schema(for key: SchemaKey, version: Int) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("description", .string(description(of: key, version: version, markdown: false))),
            ("markdownDescription", .string(description(of: key, version: version, markdown: true))),
        ]
        if case .value(let value) = key.fallback { members.append(("default", json(value))) }
        switch key.node {
        case .keys, .named: members += object(key.node, version: version)
        case .list(let entry): members += value(key.type, item: .object(object(entry, version: version)))
        case .value: members += value(key.type, item: nil)
        }
        return .object(members)
    }

    /// What an editor shows on hover: the meaning, then type, default, version and rule.
    static func description(of key: SchemaKey, version: Int, markdown: Bool) -> String {
        var parts = [key.meaning.prefix(1).uppercased() + key.meaning.dropFirst() + "."]
        parts.append("Type: \(key.type.label). Default: \(key.fallback.label).")
        if version >= 2 { parts.append("Version 2 only (needs `version: 2`).") }
        if let rule = key.rule { parts.append("Model: \(rule.title).") }
        let text = parts.joined(separator: " ")
        return markdown ? text : plain(text)
    }

    static func json(_ value: DefaultValue) -> JSONValue {
        switch value {
        case .int(let n): return .int(n)
        case .bool(let b): return .bool(b)
        case .money(let m): return .number(m.amount)
        case .number(let x): return .number(x)
        case .emptyList: return .array([])
        case .emptyMap: return .object([])
        case .rate(let r) where r == .zero: return .int(0)
        default: return .string(value.yaml)
        }
    }

    static func pattern(_ p: String) -> JSONValue { .object([("type", .string("string")), ("pattern", .string(p))]) }

    static let ratioNumber: JSONValue = .object([("type", .string("number")), ("exclusiveMinimum", .int(0)), ("maximum", .int(1))])
    static let zero: JSONValue = .object([("const", .int(0))])

    static func anyOf(_ schemas: JSONValue...) -> [(String, JSONValue)] { [("anyOf", .array(schemas))] }

    /// The value schema of a type; `item` is the object schema of a list's items.
    static func value(_ type: ValueType, item: JSONValue?) -> [(String, JSONValue)] {
        let name = pattern(Schema.namePattern)
        let job = pattern("^(" + Schema.tiers.joined(separator: "|") + ")/" + Schema.namePattern.dropFirst())
        func list(_ items: JSONValue) -> [(String, JSONValue)] {
            [("type", .array([.string("array"), .string("null")])), ("items", items), ("uniqueItems", .bool(true))]
        }
        switch type {
        case .version: return [("enum", .array([.int(1), .int(2)]))]
        case .name, .reference: return [("type", .string("string")), ("pattern", .string(Schema.namePattern))]
        case .text: return [("type", .string("string"))]
        case .date: return [("type", .string("string")), ("pattern", .string(ValuePattern.date))]
        case .dateTime: return [("type", .string("string")), ("pattern", .string(ValuePattern.dateTime))]
        case .size: return anyOf(pattern(ValuePattern.size), .object([("type", .string("number")), ("minimum", .int(0))]))
        case .rate, .absoluteRate: return anyOf(pattern(ValuePattern.rate), zero)
        case .duration, .wholeDays: return anyOf(pattern(ValuePattern.duration), zero)
        case .percent:
            return anyOf(pattern(ValuePattern.percent), .object([("type", .string("number")), ("minimum", .int(0)), ("maximum", .int(1))]))
        case .money: return anyOf(pattern(ValuePattern.money), .object([("type", .string("number")), ("minimum", .int(0))]))
        case .bool: return [("type", .string("boolean"))]
        case .integer(let minimum): return [("type", .string("integer")), ("minimum", .int(minimum))]
        case .number(let minimum): return [("type", .string("number")), ("minimum", .number(minimum))]
        case .cron(let dialect):
            let examples: [String] = dialect == .cnpg ? ["0 0 2 * * *", "@daily", "never"] : ["0 2 * * *", "@daily", "@every 6h"]
            return [("type", .string("string")), ("examples", .array(examples.map(JSONValue.string)))]
        case .retentionPolicy: return [("type", .string("string")), ("pattern", .string(ValuePattern.retentionPolicy))]
        case .retentionCheck: return anyOf(.object([("const", .string("after-backup"))]), pattern(ValuePattern.duration))
        case .words(let words): return [("enum", .array(words.map(JSONValue.string)))]
        case .compression(let algorithms):
            return anyOf(.object([("enum", .array(algorithms.map { .string($0.rawValue) }))]), ratioNumber, pattern(ValuePattern.ratio))
        case .noneOrRatio: return anyOf(.object([("const", .string("none"))]), ratioNumber, pattern(ValuePattern.ratio))
        case .names(let noun): return list(noun == "workload" ? name : .object([("type", .string("string"))]))
        case .job:
            return [
                ("type", .string("string")), ("pattern", .string("^(" + Schema.tiers.joined(separator: "|") + ")/" + Schema.namePattern.dropFirst())),
            ]
        case .jobs: return list(job)
        case .priceTiers:
            let tiers: JSONValue = .object([("type", .string("array")), ("minItems", .int(1)), ("items", item ?? .object([]))])
            return anyOf(pattern(ValuePattern.money), .object([("type", .string("number")), ("minimum", .int(0))]), tiers)
        case .transitions: return [("type", .array([.string("array"), .string("null")])), ("items", item ?? .object([]))]
        case .mapping, .named: return []
        }
    }
}
