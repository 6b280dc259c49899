// libyaml, as Yams vendors it: its event parser is what Yams composes trees from, and Yams
// does not make it public. Importing Yams' own C module keeps one YAML parser in the build.
import CYaml

/// Counts a document's nodes (scalars, sequences, mappings, aliases unexpanded) with
/// libyaml's event parser, before Yams composes the tree: a file of millions of keys is
/// refused at its 100,001st node in milliseconds, instead of after a tree of gigabytes is
/// built (and Yams' duplicate-key check has gone over every mapping).
enum YAMLEventCount {
    /// Where the node after the first `limit` starts (1-based line and column) and the
    /// top-level key it is under (empty if none), or nil when the text has at most `limit`
    /// nodes or is not valid YAML (Yams then says why).
    /// With `perDocument`, the count starts again at each document of a stream (`---`).
    /// With `maximumScalarBytes`, a scalar longer than that stops the count too: `textBytes`
    /// is then its length (nil when the node count is what was passed).
    static func nodePast(_ limit: Int, in text: String, perDocument: Bool = false, maximumScalarBytes: Int? = nil) -> (
        line: Int, column: Int, key: String, textBytes: Int?
    )? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var text = text
        return text.withUTF8 { bytes -> (line: Int, column: Int, key: String, textBytes: Int?)? in
            guard let base = bytes.baseAddress else { return nil }
            yaml_parser_set_input_string(&parser, base, bytes.count)
            var count = 0
            // Depth of collections; in the root mapping (depth 1) nodes alternate key, value.
            var depth = 0
            var rootIsMapping = false
            var atKey = true
            var key = ""
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                let type = event.type
                let mark = event.start_mark
                if type == YAML_SCALAR_EVENT, depth == 1, rootIsMapping, atKey, let value = event.data.scalar.value {
                    key = String(decoding: UnsafeBufferPointer(start: value, count: event.data.scalar.length), as: UTF8.self)
                }
                let length = type == YAML_SCALAR_EVENT ? event.data.scalar.length : 0
                yaml_event_delete(&event)
                if let maximumScalarBytes, length > maximumScalarBytes {
                    return (Int(mark.line) + 1, Int(mark.column) + 1, key, length)
                }
                switch type {
                case YAML_SCALAR_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT, YAML_ALIAS_EVENT:
                    count += 1
                    if count > limit { return (Int(mark.line) + 1, Int(mark.column) + 1, key, nil) }
                    if depth == 0 { rootIsMapping = type == YAML_MAPPING_START_EVENT }
                    // A node that starts at depth 1 is a key or a value of the root mapping.
                    let startsAtRoot = depth == 1
                    if type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT { depth += 1 }
                    if startsAtRoot, type != YAML_SEQUENCE_START_EVENT, type != YAML_MAPPING_START_EVENT { atKey.toggle() }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                    if depth == 1 { atKey.toggle() }  // a collection value (or key) of the root ended
                case YAML_DOCUMENT_START_EVENT:
                    if perDocument { (count, depth, rootIsMapping, atKey, key) = (0, 0, false, true, "") }
                case YAML_STREAM_END_EVENT:
                    return nil
                default:
                    break
                }
            }
            return nil
        }
    }
}
