/// Escaping for text and attribute values in the report's XHTML and SVG.
enum XMLText {
    /// `s` with `&`, `<`, `>`, `"` and `'` written as character references, so it can stand
    /// as element text or inside a quoted attribute value.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and line breaks, DEL and the C1 block, and
                // the non-characters U+FFFE and U+FFFF are not allowed (or not wanted) in XML.
                if (c.value < 0x20 && c != "\n" && c != "\t" && c != "\r") || (0x7F...0x9F).contains(c.value) || c.value == 0xFFFE
                    || c.value == 0xFFFF
                {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }

    /// A name usable as an `id`: lowercase letters, digits and `-`.
    static func identifier(_ s: String) -> String {
        var out = ""
        for c in s.lowercased().unicodeScalars {
            if ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "-" {
                out.unicodeScalars.append(c)
            } else {
                out += "-"
            }
        }
        return out.isEmpty ? "x" : out
    }
}
