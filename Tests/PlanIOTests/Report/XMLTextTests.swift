import Testing

@testable import PlanIO

@Suite("XML text of the report")
struct XMLTextTests {
    @Test("characters XML does not allow are replaced in the report's text")
    func xmlText() {
        // U+FFFE and DEL (U+007F) become U+FFFD; markup characters become references.
        #expect(XMLText.escape("a\u{FFFE}b\u{7F}c<&>") == "a\u{FFFD}b\u{FFFD}c&lt;&amp;&gt;")
    }
}
