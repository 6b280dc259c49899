import Testing

@testable import PlanCore

/// Values written as people say them get the form the scenario takes as the fix (issue 14).
@Suite("Value syntax: fixes offered")
struct ValueFixTests {
    @Test(
        "each spoken form gets a fix that parses",
        arguments: [
            ("size", "20 gigs", "20G"), ("size", "500 megabytes", "500M"), ("size", "2 bytes", "2"),
            ("money", "100 USD", "100"), ("money", "$100/month", "100"), ("money", "USD 49.50", "49.50"),
            ("duration", "< 1h", "1h"), ("duration", "<= 30min", "30min"),
            ("rate", "50MiB daily", "50MiB/day"), ("rate", "2 GiB per week", "2GiB/week"), ("rate", "3% monthly", "3%/month"),
        ])
    func fix(kind: String, text: String, fixed: String) throws {
        let suggestion: String?
        switch kind {
        case "size": suggestion = failure(ValueSyntax.size(text))
        case "money": suggestion = failure(ValueSyntax.money(text))
        case "duration": suggestion = failure(ValueSyntax.duration(text))
        default: suggestion = failure(ValueSyntax.rate(text, allowNegative: false))
        }
        #expect(suggestion == "write '\(fixed)'")
    }

    @Test("no fix where none is certain: two numbers, an unknown word, an existing suggestion kept")
    func noFix() {
        #expect(failure(ValueSyntax.money("100 or 200")) == nil)
        #expect(failure(ValueSyntax.size("20 parsecs")) == nil)
        // The case fix of the size parser stays: 20gib → 20GiB.
        #expect(failure(ValueSyntax.size("20gib")) == "did you mean '20GiB'?")
    }

    func failure<T>(_ r: Result<T, ValueError>) -> String? {
        if case .failure(let e) = r { return e.suggestion }
        return "(parsed)"
    }
}
