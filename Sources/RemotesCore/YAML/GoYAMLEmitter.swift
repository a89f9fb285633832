/// Writes a `YAMLNode` tree exactly as go-yaml v3's `Marshal` does (4-space indent, block
/// style, `- ` items one level in, go-yaml's quoting), so that our files are byte-identical to
/// Apptainer's. Libyaml's own emitter (used by Yams) lays sequences out differently, which is
/// why this small emitter exists (docs/design.md, "Writing YAML").
public enum GoYAMLEmitter {
    /// The text of a YAML document whose root is `root`, ending in a newline.
    public static func document(_ root: YAMLNode) -> String {
        var out = ""
        out.reserveCapacity(256)
        switch root.kind {
        case .scalar(let text, let isString):
            writeScalar(text, isString: isString, indent: 0, into: &out)
            out += "\n"
        case .mapping(let pairs):
            if pairs.isEmpty { out += "{}\n" } else { writeMapping(pairs, indent: 0, inline: false, into: &out) }
        case .sequence(let items):
            if items.isEmpty { out += "[]\n" } else { writeSequence(items, indent: 0, inline: false, into: &out) }
        }
        return out
    }

    private static let step = 4

    private static func spaces(_ n: Int, into out: inout String) {
        for _ in 0..<n { out += " " }
    }

    /// Writes `key: value` lines. With `inline`, the first key continues the current line
    /// (after a sequence dash).
    private static func writeMapping(_ pairs: [YAMLPair], indent: Int, inline: Bool, into out: inout String) {
        for (index, pair) in pairs.enumerated() {
            if !(inline && index == 0) { spaces(indent, into: &out) }
            writeKey(pair.key, into: &out)
            out += ":"
            writeValue(pair.value, indent: indent, into: &out)
        }
    }

    private static func writeValue(_ value: YAMLNode, indent: Int, into out: inout String) {
        switch value.kind {
        case .scalar(let text, let isString):
            out += " "
            writeScalar(text, isString: isString, indent: indent + step, into: &out)
            out += "\n"
        case .mapping(let pairs):
            if pairs.isEmpty {
                out += " {}\n"
            } else {
                out += "\n"
                writeMapping(pairs, indent: indent + step, inline: false, into: &out)
            }
        case .sequence(let items):
            if items.isEmpty {
                out += " []\n"
            } else {
                out += "\n"
                writeSequence(items, indent: indent + step, inline: false, into: &out)
            }
        }
    }

    private static func writeSequence(_ items: [YAMLNode], indent: Int, inline: Bool, into out: inout String) {
        for (index, item) in items.enumerated() {
            if !(inline && index == 0) { spaces(indent, into: &out) }
            out += "-"
            switch item.kind {
            case .scalar(let text, let isString):
                out += " "
                writeScalar(text, isString: isString, indent: indent + 2, into: &out)
                out += "\n"
            case .mapping(let pairs):
                if pairs.isEmpty {
                    out += " {}\n"
                } else {
                    out += " "
                    writeMapping(pairs, indent: indent + 2, inline: true, into: &out)
                }
            case .sequence(let inner):
                if inner.isEmpty {
                    out += " []\n"
                } else {
                    out += " "
                    writeSequence(inner, indent: indent + 2, inline: true, into: &out)
                }
            }
        }
    }

    private static func writeKey(_ key: String, into out: inout String) {
        switch GoYAMLScalarStyle.forString(key, isKey: true) {
        case .plain: out += key
        case .singleQuoted: writeSingleQuoted(key, into: &out)
        case .doubleQuoted, .literal: writeDoubleQuoted(key, into: &out)
        }
    }

    /// Writes a scalar value; `indent` is where the lines of a literal block go.
    private static func writeScalar(_ text: String, isString: Bool, indent: Int, into out: inout String) {
        guard isString else {
            out += text
            return
        }
        switch GoYAMLScalarStyle.forString(text, isKey: false) {
        case .plain: out += text
        case .singleQuoted: writeSingleQuoted(text, into: &out)
        case .doubleQuoted: writeDoubleQuoted(text, into: &out)
        case .literal: writeLiteral(text, indent: indent, into: &out)
        }
    }

    private static func writeSingleQuoted(_ text: String, into out: inout String) {
        out += "'"
        for ch in text.unicodeScalars {
            if ch == "'" { out += "''" } else { out.unicodeScalars.append(ch) }
        }
        out += "'"
    }

    private static func writeDoubleQuoted(_ text: String, into out: inout String) {
        out += "\""
        let bytes = Array(text.utf8)
        var i = 0
        for scalar in text.unicodeScalars {
            let width = scalar.utf8.count
            defer { i += width }
            let v = scalar.value
            let mustEscape =
                !ScalarAnalysis.isPrintable(bytes, i) || v == 0xFEFF || ScalarAnalysis.isBreak(bytes, i)
                || v == 0x22 || v == 0x5C
            guard mustEscape else {
                out.unicodeScalars.append(scalar)
                continue
            }
            out += "\\"
            switch v {
            case 0x00: out += "0"
            case 0x07: out += "a"
            case 0x08: out += "b"
            case 0x09: out += "t"
            case 0x0A: out += "n"
            case 0x0B: out += "v"
            case 0x0C: out += "f"
            case 0x0D: out += "r"
            case 0x1B: out += "e"
            case 0x22: out += "\""
            case 0x5C: out += "\\"
            case 0x85: out += "N"
            case 0xA0: out += "_"
            case 0x2028: out += "L"
            case 0x2029: out += "P"
            default:
                if v <= 0xFF {
                    out += "x" + hex(v, digits: 2)
                } else if v <= 0xFFFF {
                    out += "u" + hex(v, digits: 4)
                } else {
                    out += "U" + hex(v, digits: 8)
                }
            }
        }
        out += "\""
    }

    private static func hex(_ v: UInt32, digits: Int) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }

    /// A `|` block: go-yaml's hints (an indentation digit when the text starts with a space or
    /// break, `-` when there is no final newline, `+` when there are several).
    private static func writeLiteral(_ text: String, indent: Int, into out: inout String) {
        out += "|"
        if text.first == " " || text.first == "\n" { out += String(step) }
        if !text.hasSuffix("\n") {
            out += "-"
        } else if text == "\n" || text.hasSuffix("\n\n") {
            out += "+"
        }
        out += "\n"
        var atLineStart = true
        for ch in text.unicodeScalars {
            if ch == "\n" {
                out += "\n"
                atLineStart = true
            } else {
                if atLineStart {
                    spaces(indent, into: &out)
                    atLineStart = false
                }
                out.unicodeScalars.append(ch)
            }
        }
        // The caller ends the line; a text that ended with its own newline already did.
        if text.hasSuffix("\n") { out.removeLast() }
    }
}
