import PlanCore

/// One key of a mapping of the scenario format, with its reference entry: what `plan
/// schema`, `plan explain` and the key tables of scenarios/README.md say of it. The
/// loader accepts exactly the keys of `Schema.root` (a test probes every mapping).
struct SchemaKey: Sendable {
    /// The YAML key, as scenario.md spells it.
    let name: String
    /// What lies below: `.value` for a value, a mapping, or a mapping by name.
    let node: SchemaNode
    /// The kind of value, with its accepted forms.
    let type: ValueType
    /// The default, read from `ScenarioDefaults` where one exists.
    let fallback: SchemaDefault
    /// What the key means, in a sentence or two (Markdown, with `code`).
    let meaning: String
    /// The model.md rule the key feeds; `nil` for keys that change no number.
    let rule: ModelRule?

    /// A value key.
    init(_ name: String, _ type: ValueType, _ fallback: SchemaDefault, _ meaning: String, rule: ModelRule?) {
        self.init(name, node: .value, type, fallback, meaning, rule: rule)
    }

    init(_ name: String, node: SchemaNode, _ type: ValueType, _ fallback: SchemaDefault, _ meaning: String, rule: ModelRule?) {
        self.name = name
        self.node = node
        self.type = type
        self.fallback = fallback
        self.meaning = meaning
        self.rule = rule
    }

    /// A mapping with fixed keys.
    static func mapping(_ name: String, _ keys: [SchemaKey], _ fallback: SchemaDefault, _ meaning: String, rule: ModelRule?) -> SchemaKey {
        SchemaKey(name, node: .keys(keys), .mapping, fallback, meaning, rule: rule)
    }

    /// A mapping of entries by the user's names.
    static func named(
        _ name: String, noun: String, _ entry: [SchemaKey], _ fallback: SchemaDefault, _ meaning: String, rule: ModelRule?
    ) -> SchemaKey {
        SchemaKey(name, node: .named(noun: noun, entry: .keys(entry)), .named(noun), fallback, meaning, rule: rule)
    }

    /// True when the key is one of scenario.md's *v2* keys (`Schema.version2Keys`).
    var isVersion2: Bool { Schema.version2Keys.contains(name) }
}
