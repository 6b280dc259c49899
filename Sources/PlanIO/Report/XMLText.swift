/// Escaping for text and attribute values in the report's XHTML and SVG.
enum XMLText {
    /// `s` with `&`, `<`, `>`, `"` and `'` written as character references, so it can stand
    /// as element text or inside a quoted attribute value.
    static func escape(_ s: String) -> String {
        // Most of the report's text needs no change (the charts' thousands of tooltips, most
        // of a 10-year report's bytes): one pass over its bytes, and `s` itself.
        if !needsEscaping(s) { return s }
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

    /// Whether `escape` changes `s`: a byte of a markup character, of a control character
    /// other than tab and line breaks, of DEL, or the first two bytes of a C1 control
    /// (U+0080…U+009F: C2 80…C2 9F) or of U+FFFE or U+FFFF (EF BF BE, EF BF BF) in UTF-8.
    static func needsEscaping(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case 0x26, 0x3C, 0x3E, 0x22, 0x27, 0x7F: return true  // & < > " ' DEL
                case 0x09, 0x0A, 0x0D: break
                case 0..<0x20: return true
                case 0xC2: if i + 1 < bytes.count && bytes[i + 1] < 0xA0 { return true }
                case 0xEF: if i + 2 < bytes.count && bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE { return true }
                default: break
                }
                i += 1
            }
            return false
        }
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
