extension ImportedScenario {
    /// Writes measured values (`plan import --metrics`): each edit's dotted path (`workloads.NAME.size`,
    /// `start`) gets its value and its `# measured: …` comment in place of the guess. A key
    /// the tree lacks is added to its map (`start` after `description`, where a reader looks
    /// for it).
    mutating func apply(_ edits: [ScenarioEdit]) {
        for edit in edits {
            let keys = edit.path.split(separator: ".").map(String.init)
            let origin = edit.comment.map { Origin.note($0) }
            if keys == ["start"], !entries.contains(where: { $0.key == "start" }) {
                let at = (entries.firstIndex { $0.key == "description" } ?? entries.count - 1) + 1
                entries.insert(Entry("start", .scalar(edit.value), origin), at: min(at, entries.count))
                continue
            }
            Self.set(keys[...], .scalar(edit.value), origin, in: &entries)
        }
    }

    private static func set(_ keys: ArraySlice<String>, _ value: Value, _ origin: Origin?, in entries: inout [Entry]) {
        guard let key = keys.first else { return }
        let rest = keys.dropFirst()
        guard let i = entries.firstIndex(where: { $0.key == key }) else {
            if rest.isEmpty { entries.append(Entry(key, value, origin)) }
            return
        }
        if rest.isEmpty {
            entries[i].value = value
            entries[i].origin = origin
        } else if case .map(var children) = entries[i].value {
            set(rest, value, origin, in: &children)
            entries[i].value = .map(children)
        }
    }
}
