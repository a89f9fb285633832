import Foundation
import Testing

@testable import RemotesCore

/// Our emitter against what go-yaml v3 itself wrote: `GoYAML/golden.jsonl` holds, for strings
/// of every kind (each YAML line break, tabs, spaces, quotes, indicators, a BOM) in every
/// position (values, sequence items, nested sequences, short and long keys), the document and
/// the bytes go-yaml 3.0.1's `Marshal` wrote for it (made by `scripts/goyaml-golden.sh`).
@Suite("Writing YAML as go-yaml v3 wrote it (golden cases)")
struct GoYAMLGoldenTests {
    struct Case {
        let line: Int
        let input: YAMLNode
        let goYAML: String
        /// go-yaml's own reader gave the document back.
        let goReadsBack: Bool
    }

    static func cases(filePath: String = #filePath) throws -> [Case] {
        let path = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(
            "GoYAML/golden.jsonl")
        let text = try String(contentsOf: path, encoding: .utf8)
        var cases: [Case] = []
        // Split on "\n" only (a Character split would take "\r\n" as one).
        for (index, line) in text.unicodeScalars.split(separator: "\n").enumerated() {
            guard case .object(let fields) = try #require(GoldenJSON.parse(Substring(line))),
                let input = fields.first(where: { $0.0 == "in" }).flatMap({ node($0.1) }),
                case .string(let out) = fields.first(where: { $0.0 == "out" })?.1,
                case .string(let verdict) = fields.first(where: { $0.0 == "go" })?.1
            else {
                Issue.record("golden.jsonl line \(index + 1) is not a golden case")
                continue
            }
            cases.append(Case(line: index + 1, input: input, goYAML: out, goReadsBack: verdict == "roundtrip"))
        }
        return cases
    }

    /// The JSON document as a YAML tree, keys in go-yaml's order for a Go map.
    static func node(_ json: GoldenJSON) -> YAMLNode {
        switch json {
        case .string(let text):
            return .string(text)
        case .array(let items):
            return .sequence(items.map(node))
        case .object(let members):
            let values = Dictionary(members, uniquingKeysWith: { first, _ in first })
            return .mapping(NaturalKeyOrder.sorted(values.keys).map { YAMLPair($0, node(values[$0]!)) })
        }
    }

    /// True when a string in `node` starts with U+FEFF. Our reader cannot give those back:
    /// Yams makes its strings with Foundation, which drops a leading byte order mark
    /// (docs/design.md, "Writing YAML byte for byte"). Their bytes are still go-yaml's.
    static func hasLeadingBOM(_ node: YAMLNode) -> Bool {
        switch node.kind {
        case .scalar(let text, _): return text.unicodeScalars.first == "\u{FEFF}"
        case .sequence(let items): return items.contains(where: hasLeadingBOM)
        case .mapping(let pairs):
            return pairs.contains { $0.key.unicodeScalars.first == "\u{FEFF}" || hasLeadingBOM($0.value) }
        }
    }

    /// True when our reader gives `text` back as `node`.
    static func readsBack(_ text: String, as node: YAMLNode) -> Bool {
        guard let read = try? YAMLReader.parse(text, source: "golden") else { return false }
        return read == node
    }

    @Test("go-yaml's bytes, wherever they read back as the same value")
    func sameBytes() throws {
        let cases = try Self.cases()
        var compared = 0
        for entry in cases
        where entry.goReadsBack && (Self.readsBack(entry.goYAML, as: entry.input) || Self.hasLeadingBOM(entry.input)) {
            compared += 1
            let ours = GoYAMLEmitter.document(entry.input)
            #expect(ours == entry.goYAML, "golden.jsonl line \(entry.line)")
        }
        // The file holds some 1,800 cases; most of them are go-yaml's ordinary output.
        #expect(cases.count == 1836)
        #expect(compared > 1500)
    }

    @Test("every case reads back as the value written, also where go-yaml's bytes do not")
    func readsBack() throws {
        let cases = try Self.cases()
        var deviations = 0
        for entry in cases where !Self.hasLeadingBOM(entry.input) {
            let ours = GoYAMLEmitter.document(entry.input)
            #expect(Self.readsBack(ours, as: entry.input), "golden.jsonl line \(entry.line): \(ours.debugDescription)")
            if !entry.goReadsBack || !Self.readsBack(entry.goYAML, as: entry.input) {
                deviations += 1
                #expect(ours != entry.goYAML, "golden.jsonl line \(entry.line)")
            }
        }
        // go-yaml loses or breaks these (leading line breaks and tabs, indented sequence items).
        #expect(deviations > 100)
        if let path = ProcessInfo.processInfo.environment["REMOTES_GOYAML_DUMP"] {
            // scripts/goyaml-golden.sh --check reads our bytes back with go-yaml's reader.
            let lines = cases.map { entry -> String in
                let object: [String: String] = ["yaml": GoYAMLEmitter.document(entry.input), "line": "\(entry.line)"]
                let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
                return String(decoding: data, as: UTF8.self)
            }
            try lines.joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}
