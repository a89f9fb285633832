/// Writes `JSONValue`s in the two layouts remotes needs:
/// - `indented`: Go's `json.MarshalIndent(v, "", "\t")`, which is how docker and Apptainer write
///   the docker config: member order kept, tab indentation, `": "` after keys, no final newline,
///   and `<`, `>`, `&`, U+2028 and U+2029 escaped as `\u003c` and so on;
/// - `pretty`: the documents of `--format json` (docs/json-output.md): keys sorted, two-space
///   indentation, `" : "` after keys, a final newline. Every control character, DEL and the C1
///   range are escaped, so no output can drive a terminal.
/// `{}` and `[]` stand for empty containers in both.
public enum JSONWriter {
    /// The layout of a document.
    enum Layout {
        case go, pretty

        var indent: String { self == .go ? "\t" : "  " }
        var colon: String { self == .go ? ": " : " : " }
    }

    /// Go's indented text of `value` (the docker config's layout).
    public static func indented(_ value: JSONValue) -> String {
        var out = ""
        write(value, layout: .go, indent: 0, into: &out)
        return out
    }

    /// The pretty text of `value` with sorted keys and a final newline (`--format json`).
    public static func pretty(_ value: JSONValue) -> String {
        var out = ""
        write(value, layout: .pretty, indent: 0, into: &out)
        return out + "\n"
    }

    /// A JSON string literal for `text` as Go writes it, quotes included.
    public static func quoted(_ text: String) -> String { quoted(text, layout: .go) }

    static func quoted(_ text: String, layout: Layout) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}" where layout == .pretty: out += "\\b"
            case "\u{c}" where layout == .pretty: out += "\\f"
            case "<", ">", "&", "\u{2028}",
                "\u{2029}" where layout == .go:
                out += unicodeEscape(scalar.value)
            default:
                let value = scalar.value
                if value < 0x20 || (layout == .pretty && value >= 0x7F && value <= 0x9F) {
                    out += unicodeEscape(value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private static func write(_ value: JSONValue, layout: Layout, indent: Int, into out: inout String) {
        switch value {
        case .object(let members):
            let ordered =
                layout == .pretty ? members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) } : members
            writeContainer(ordered, open: "{", close: "}", layout: layout, indent: indent, into: &out) { member, out in
                out += quoted(member.key, layout: layout) + layout.colon
                write(member.value, layout: layout, indent: indent + 1, into: &out)
            }
        case .array(let elements):
            writeContainer(elements, open: "[", close: "]", layout: layout, indent: indent, into: &out) {
                element, out in
                write(element, layout: layout, indent: indent + 1, into: &out)
            }
        case .string(let text): out += quoted(text, layout: layout)
        case .number(let text): out += text
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        }
    }

    private static func writeContainer<Item>(
        _ items: [Item], open: String, close: String, layout: Layout, indent: Int, into out: inout String,
        item: (Item, inout String) -> Void
    ) {
        guard !items.isEmpty else {
            out += open + close
            return
        }
        out += open + "\n"
        for (offset, element) in items.enumerated() {
            out += String(repeating: layout.indent, count: indent + 1)
            item(element, &out)
            out += offset == items.count - 1 ? "\n" : ",\n"
        }
        out += String(repeating: layout.indent, count: indent) + close
    }
}
