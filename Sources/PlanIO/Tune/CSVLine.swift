import PlanCore

/// RFC 4180 fields of one line (quotes doubled inside quoted fields).
enum CSVLine {
    static func split(_ line: String) -> [String] {
        var out: [String] = []
        var field = ""
        var quoted = false
        var chars = line.hasSuffix("\n") ? Substring(line.dropLast()) : Substring(line)
        while let c = chars.first {
            chars = chars.dropFirst()
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        field.append("\"")
                        chars = chars.dropFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                out.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        out.append(field)
        return out
    }
}
