import Testing

@testable import PlanIO

@Suite("XML text of the report")
struct XMLTextTests {
    @Test("characters XML does not allow are replaced in the report's text")
    func xmlText() {
        // U+FFFE and DEL (U+007F) become U+FFFD; markup characters become references.
        #expect(XMLText.escape("a\u{FFFE}b\u{7F}c<&>") == "a\u{FFFD}b\u{FFFD}c&lt;&amp;&gt;")
    }

    /// `escape` returns text it would not change as it is, after one look at its bytes; the
    /// look must find every character the escaping changes, and only those.
    @Test("text that needs no escaping is kept, and every character that does is found")
    func fastPath() {
        // Kept: tab, line breaks, the neighbours of the C1 block and of U+FFFE in UTF-8
        // (U+007E "~", U+00A0 and "·" U+00B7 = C2 A0 / C2 B7, U+FFFD = EF BF BD, U+FEFF = EF BB BF),
        // and other scalars beginning with C2 or EF ("é" is C3 A9; "—" E2 80 94).
        for kept in ["", "plain", "a\tb\nc\rd~", "\u{A0}·é—…", "\u{FFFD}\u{FEFF}\u{F000}", "ends in C2: \u{A0}"] {
            #expect(!XMLText.needsEscaping(kept), "\(kept.debugDescription)")
            #expect(XMLText.escape(kept) == kept)
        }
        // Found, alone and at either end, each as the escaping writes it.
        let changed: [(String, String)] = [
            ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;"),
            ("\u{0}", "\u{FFFD}"), ("\u{1F}", "\u{FFFD}"), ("\u{7F}", "\u{FFFD}"),
            ("\u{80}", "\u{FFFD}"), ("\u{9F}", "\u{FFFD}"), ("\u{FFFE}", "\u{FFFD}"), ("\u{FFFF}", "\u{FFFD}"),
        ]
        for (input, output) in changed {
            for text in [input, "x" + input, input + "·"] {
                #expect(XMLText.needsEscaping(text), "\(text.debugDescription)")
            }
            #expect(XMLText.escape("é" + input + "—") == "é" + output + "—")
        }
    }
}
