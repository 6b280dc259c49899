import Testing

@testable import PlanIO

/// The one reading of YAML flow nesting shared by `--vary` and `--write-best`.
@Suite("Flow text scanner")
struct FlowScannerTests {
    @Test("commas split only outside brackets, braces and quotes")
    func split() {
        #expect(FlowScanner.splitTopLevel("7d,14d") == ["7d", "14d"])
        #expect(FlowScanner.splitTopLevel("[a, b],[]") == ["[a, b]", "[]"])
        #expect(FlowScanner.splitTopLevel("{after: 30d, class: glacier-ir},x") == ["{after: 30d, class: glacier-ir}", "x"])
        #expect(FlowScanner.splitTopLevel("'a,b',\"c,d\"") == ["'a,b'", "\"c,d\""])
        #expect(FlowScanner.splitTopLevel("") == [""])
        #expect(FlowScanner.splitTopLevel("1,,2") == ["1", "", "2"])
    }

    @Test("a collection's length runs to its matching bracket, quotes hiding brackets")
    func length() {
        // "[a, [b]] tail": the outer list closes at offset 7, so its length is 8.
        #expect(FlowScanner.collectionLength(Array("[a, [b]] tail".unicodeScalars)) == 8)
        // "{k: ']'}": the quoted ']' does not close; '}' at offset 7 does: 8.
        #expect(FlowScanner.collectionLength(Array("{k: ']'}".unicodeScalars)) == 8)
        // Never closed: the whole text.
        #expect(FlowScanner.collectionLength(Array("[a, b".unicodeScalars)) == 5)
    }
}
