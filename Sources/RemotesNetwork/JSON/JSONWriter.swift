/// Writes `JSONValue`s the way Go's `json.MarshalIndent(v, "", "\t")` does, which is how docker
/// and Apptainer write the docker config: one member per line, tab indentation, `": "` after
/// keys, `{}` and `[]` for empty containers, no final newline, and `<`, `>`, `&`, U+2028 and
/// U+2029 escaped as `\u003c` and so on.
public enum JSONWriter {
    /// The indented text of `value`.
    public static func indented(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        return out
    }

    /// A JSON string literal for `text`, quotes included.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}": out += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 {
                    out += unicodeEscape(scalar.value)
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

    private static func write(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{\n"
            for (offset, member) in members.enumerated() {
                out += String(repeating: "\t", count: indent + 1) + quoted(member.key) + ": "
                write(member.value, indent: indent + 1, into: &out)
                out += offset == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "\t", count: indent) + "}"
        case .array(let elements):
            guard !elements.isEmpty else {
                out += "[]"
                return
            }
            out += "[\n"
            for (offset, element) in elements.enumerated() {
                out += String(repeating: "\t", count: indent + 1)
                write(element, indent: indent + 1, into: &out)
                out += offset == elements.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "\t", count: indent) + "]"
        case .string(let text): out += quoted(text)
        case .number(let text): out += text
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        }
    }
}
