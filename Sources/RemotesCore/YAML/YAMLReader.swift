import Yams

/// Reads YAML text into `YAMLNode`s with line numbers, using Yams (libyaml) for the parsing.
public enum YAMLReader {

    /// The root node of the single document in `text`, or nil for an empty document.
    /// Throws a `RemotesError.badFile` naming `source` and the line.
    public static func parse(_ text: String, source: String) throws(RemotesError) -> YAMLNode? {
        try YAMLKeyGuard.check(text, source: source)
        let root: Node?
        do {
            // The basic resolver tags every scalar as a string: we resolve plain scalars with
            // go-yaml's rules ourselves, and Yams' default resolver would compile and run
            // regular expressions (ICU) for every scalar, which dominated start-up time.
            // No constructor either: composing needs none, and Yams' default one builds its
            // tables of every tag on first use.
            root = try Parser(yaml: text, resolver: .basic, constructor: Constructor([:], [:], [:]), encoding: .utf8)
                .singleRoot()
        } catch let error as YamlError {
            throw RemotesError.badFile("\(source): \(describe(error))")
        } catch {
            throw RemotesError.badFile("\(source): \(error)")
        }
        guard let root else { return nil }
        // Aliases are resolved by sharing, so a few hundred bytes can stand for billions of
        // values ("billion laughs"): walking them would never end. Without aliases every value
        // takes at least one byte of the text, so a document may hold twice as many values as it
        // has bytes (and a small one a few thousand) before it is refused.
        var budget = max(4096, 2 * text.utf8.count)
        return try convert(root, source: source, budget: &budget)
    }

    private static func convert(_ node: Node, source: String, budget: inout Int) throws(RemotesError) -> YAMLNode {
        budget -= 1
        if budget < 0 {
            throw RemotesError.badFile(
                "\(source): line \(line(node.mark)): YAML aliases make the document too large: refusing to use it")
        }
        switch node {
        case .scalar(let scalar):
            let isString: Bool
            switch scalar.style {
            case .plain, .any:
                isString = !GoYAMLResolver.resolvesToNonString(scalar.string)
            default:
                isString = true
            }
            return YAMLNode(.scalar(scalar.string, isString: isString), line: line(scalar.mark))
        case .mapping(let mapping):
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                guard case .scalar(let scalar) = key else {
                    let kind: String
                    if case .sequence = key { kind = "sequence" } else { kind = "mapping" }
                    throw RemotesError.badFile(
                        "\(source): line \(line(key.mark)): a key must be a single value, not a \(kind)")
                }
                pairs.append(
                    YAMLPair(scalar.string, try convert(value, source: source, budget: &budget), line: line(key.mark)))
            }
            try refuseDuplicates(pairs, source: source)
            return YAMLNode(.mapping(pairs), line: line(mapping.mark))
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try convert(item, source: source, budget: &budget)) }
            return YAMLNode(.sequence(items), line: line(sequence.mark))
        case .alias:
            // compose() resolves aliases; an unresolved one has no value.
            return YAMLNode(.scalar("", isString: false), line: line(node.mark))
        }
    }

    private static func line(_ mark: Mark?) -> Int { mark?.line ?? 0 }

    /// Yams refuses a key given twice, but counts `! Y` and `!5 Y` as two keys by their tags,
    /// which we do not keep: written back, they would be the same key twice, a file no reader
    /// takes. So keys equal as text are refused here, as Yams refuses equal ones.
    private static func refuseDuplicates(_ pairs: [YAMLPair], source: String) throws(RemotesError) {
        // The line of the key's last use, whatever order the mapping came in.
        func refuse(_ pair: YAMLPair) -> RemotesError {
            let last = pairs.lazy.filter { $0.key == pair.key }.map(\.line).max() ?? pair.line
            return RemotesError.badFile("\(source): line \(last): key \"\(pair.key)\" is defined more than once")
        }
        if pairs.count <= 8 {
            for (i, pair) in pairs.enumerated() where pairs[..<i].contains(where: { $0.key == pair.key }) {
                throw refuse(pair)
            }
            return
        }
        var seen = Set<String>(minimumCapacity: pairs.count)
        for pair in pairs where !seen.insert(pair.key).inserted { throw refuse(pair) }
    }

    /// Yams errors as one line: "line 3, column 5: did not find expected key".
    static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var text = "line \(mark.line), column \(mark.column): \(problem)"
            if let context { text += " (\(context.text))" }
            return text
        case .reader(let problem, let offset, _, _):
            return "not readable as YAML text: \(problem)" + (offset.map { " at byte \($0)" } ?? "")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return
                "line \(context.mark.line): key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) is defined more than once"
        default:
            return "\(error)"
        }
    }
}
