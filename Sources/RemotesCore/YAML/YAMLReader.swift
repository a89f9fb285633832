import Yams

/// Reads YAML text into `YAMLNode`s with line numbers, using Yams (libyaml) for the parsing.
public enum YAMLReader {

    /// The root node of the single document in `text`, or nil for an empty document.
    /// Throws a `RemotesError.badFile` naming `source` and the line.
    public static func parse(_ text: String, source: String) throws(RemotesError) -> YAMLNode? {
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
        return convert(root)
    }

    private static func convert(_ node: Node) -> YAMLNode {
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
                let keyText: String
                switch key {
                case .scalar(let s): keyText = s.string
                default: keyText = "<\(key)>"
                }
                pairs.append(YAMLPair(keyText, convert(value), line: line(key.mark)))
            }
            return YAMLNode(.mapping(pairs), line: line(mapping.mark))
        case .sequence(let sequence):
            return YAMLNode(.sequence(sequence.map(convert)), line: line(sequence.mark))
        case .alias:
            // compose() resolves aliases; an unresolved one has no value.
            return YAMLNode(.scalar("", isString: false), line: line(node.mark))
        }
    }

    private static func line(_ mark: Mark?) -> Int { mark?.line ?? 0 }

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
