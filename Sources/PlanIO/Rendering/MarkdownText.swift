/// Escaping for text the user wrote (scenario names, paths, `--set` values, descriptions)
/// in GitHub-flavoured Markdown, as `plan compare --format markdown` prints it.
enum MarkdownText {
    /// `s` as inline code that is safe in a table cell and in running text: a `<code>`
    /// element (GitHub neither links `@mentions` and `#123` nor renders emoji inside it)
    /// whose content cannot end the element, split a table row or start Markdown markup.
    ///
    /// `|` (which splits a table row even inside a code span), `<`, `>` and `&` become
    /// character references; `` ` ``, `\`, `*`, `_`, `~`, `[`, `]` get a backslash (the
    /// content of an inline HTML element is still Markdown); line breaks and tabs become
    /// spaces; other control characters become U+FFFD. An empty text is `<code></code>`.
    static func code(_ s: String) -> String { "<code>" + escape(s) + "</code>" }

    /// The escaping of `code(_:)` without the element.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "|": out += "&#124;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "`", "\\", "*", "_", "~", "[", "]": out += "\\" + String(c)
            case "\n", "\r", "\t": out += " "
            default:
                if c.value < 0x20 || (0x7F...0x9F).contains(c.value) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }
}
