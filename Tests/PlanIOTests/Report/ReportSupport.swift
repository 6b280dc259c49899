import Foundation
import Testing

@testable import PlanCore
@testable import PlanIO

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An element of a parsed XML document: enough of a DOM to count a report's charts,
/// series and points and to read its tooltips.
final class Markup {
    let name: String
    let attributes: [String: String]
    var children: [Markup] = []
    /// The element's own text (not its children's).
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(_ attribute: String) -> String? { attributes[attribute] }

    /// Every element below this one (depth first, in document order) named `name`.
    func all(_ name: String) -> [Markup] {
        var out: [Markup] = []
        for c in children {
            if c.name == name { out.append(c) }
            out += c.all(name)
        }
        return out
    }

    /// Elements below this one whose `class` attribute lists `cls`.
    func all(_ name: String, class cls: String) -> [Markup] {
        all(name).filter { ($0["class"] ?? "").split(separator: " ").contains(Substring(cls)) }
    }

    /// The text of the first `<title>` child.
    var title: String? { children.first { $0.name == "title" }?.text }

    /// The text of this element and every element below it, in document order.
    var allText = ""

    /// Parses `text` as XML; a parse error is thrown with its line and column.
    static func parse(_ text: String) throws -> Markup {
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseFailure(
                message: parser.parserError.map { "\($0)" } ?? "no root element", line: parser.lineNumber, column: parser.columnNumber)
        }
        return root
    }

    struct ParseFailure: Error, CustomStringConvertible {
        var message: String
        var line: Int
        var column: Int
        var description: String { "not well-formed XML at \(line):\(column): \(message)" }
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: Markup?
        var stack: [Markup] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let e = Markup(name: name, attributes: attributes)
            if let parent = stack.last { parent.children.append(e) } else { root = e }
            stack.append(e)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
            for e in stack { e.allText += string }
        }
    }
}

/// One run of a scenario text with the CSV files and the report's data collected
/// together, as `plan simulate --report` runs it.
struct ReportRun {
    let scenario: Scenario
    let result: SimulationResult
    let data: ReportData
    let csv: CSVCollector
    let html: String

    init(_ yaml: String, overrides: [String] = [], maximumPoints: Int = ReportCollector.maximumPoints) throws {
        let options = LoadOptions(
            file: "report.yaml", defaultName: "report", today: CivilDate(year: 2026, month: 1, day: 1),
            overrides: try overrides.map { try Override.parse($0).get() })
        scenario = try ScenarioLoader.load(text: yaml, options: options).get()
        var sink = SinkPair(CSVCollector(), ReportCollector(horizonDays: scenario.horizonDays, maximumPoints: maximumPoints))
        result = try Engine.simulate(scenario, into: &sink).get()
        csv = sink.first
        data = sink.second.data
        html = HTMLReport(scenario: scenario, result: result, data: data, generator: "plan test").render()
    }

    var report: HTMLReport { HTMLReport(scenario: scenario, result: result, data: data, generator: "plan test") }

    /// The rows of one of the five CSV files, keyed by column.
    func rows(_ file: String) -> [[String: String]] {
        let text: String
        switch file {
        case "daily": text = csv.daily
        case "workloads": text = csv.workloads
        case "targets": text = csv.targets
        case "monthly": text = CSVRenderer.monthly(result.monthly)
        default: text = CSVRenderer.kpis(result.kpis)
        }
        let lines = text.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }
}

extension String {
    /// The integers written in parentheses before ` B)` in a tooltip line:
    /// `used 1.50 GiB (1,611,661,312 B)` → 1611661312.
    var exactBytes: String? {
        guard let close = range(of: " B)", options: .backwards), let open = range(of: "(", options: .backwards, range: startIndex..<close.lowerBound)
        else { return nil }
        return String(self[open.upperBound..<close.lowerBound]).replacingOccurrences(of: ",", with: "")
    }
}
