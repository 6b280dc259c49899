import PlanCore

/// One resolved setting of a scenario: its dotted path and its value in scenario syntax
/// (`backups.cnpg.gitea-postgres.retention`, `30d`).
public struct Setting: Sendable, Hashable {
    public var path: String
    public var value: String
    public init(path: String, value: String) {
        self.path = path
        self.value = value
    }
}
