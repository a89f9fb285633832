/// Writes a `YAMLNode` tree exactly as go-yaml v3's `Marshal` does (4-space indent, block
/// style, `- ` items one level in, go-yaml's quoting), so that our files are byte-identical to
/// Apptainer's. Libyaml's own emitter (used by Yams) lays sequences out differently, which is
/// why this small emitter exists (docs/design.md, "Writing YAML").
public enum GoYAMLEmitter {
    /// The text of a YAML document whose root is `root`. It ends in a line break: a newline, or
    /// (as go-yaml writes it) the LS or PS that ends a literal block written last.
    public static func document(_ root: YAMLNode) -> String {
        var out = ""
        out.reserveCapacity(256)
        switch root.kind {
        case .scalar(let text, let isString):
            writeScalar(text, isString: isString, indent: step, parent: 0, into: &out)
            endLine(&out)
        case .mapping(let pairs):
            if pairs.isEmpty { out += "{}\n" } else { writeMapping(pairs, indent: 0, inline: false, into: &out) }
        case .sequence(let items):
            if items.isEmpty { out += "[]\n" } else { writeSequence(items, indent: 0, inline: false, into: &out) }
        }
        return out
    }

    private static let step = 4

    /// The indentation of what a mapping at `indent` holds: go-yaml aligns it to the next
    /// multiple of 4 (a mapping inside a `- ` item sits at an odd multiple of 2, and its
    /// values then go 2 columns in, not 4).
    private static func deeper(_ indent: Int) -> Int { step * ((indent + step) / step) }

    private static func spaces(_ n: Int, into out: inout String) {
        for _ in 0..<n { out += " " }
    }

    /// Writes `key: value` lines. With `inline`, the first key continues the current line
    /// (after a sequence dash or a `:` of the `? key` form).
    private static func writeMapping(_ pairs: [YAMLPair], indent: Int, inline: Bool, into out: inout String) {
        for (index, pair) in pairs.enumerated() {
            if !(inline && index == 0) { spaces(indent, into: &out) }
            if GoYAMLScalarStyle.isSimpleKey(pair.key) {
                writeString(pair.key, simpleKey: true, indent: deeper(indent), parent: indent, into: &out)
                out += ":"
                writeValue(pair.value, indent: indent, into: &out)
            } else {
                // go-yaml's form for a key with a line break or over 128 bytes:
                // `? key`, then `: value` on a line of its own.
                out += "? "
                writeString(pair.key, simpleKey: false, indent: deeper(indent), parent: indent, into: &out)
                endLine(&out)
                spaces(indent, into: &out)
                out += ":"
                writeComplexValue(pair.value, indent: indent, into: &out)
            }
        }
    }

    private static func writeValue(_ value: YAMLNode, indent: Int, into out: inout String) {
        switch value.kind {
        case .scalar(let text, let isString):
            out += " "
            writeScalar(text, isString: isString, indent: deeper(indent), parent: indent, into: &out)
            endLine(&out)
        case .mapping(let pairs):
            if pairs.isEmpty {
                out += " {}\n"
            } else {
                out += "\n"
                writeMapping(pairs, indent: deeper(indent), inline: false, into: &out)
            }
        case .sequence(let items):
            if items.isEmpty {
                out += " []\n"
            } else {
                out += "\n"
                writeSequence(items, indent: deeper(indent), inline: false, into: &out)
            }
        }
    }

    /// The value after the `:` of a `? key`: a mapping or sequence starts on the same line, at
    /// its own indentation (`:   a: b`).
    private static func writeComplexValue(_ value: YAMLNode, indent: Int, into out: inout String) {
        switch value.kind {
        case .mapping(let pairs) where !pairs.isEmpty:
            spaces(deeper(indent) - indent - 1, into: &out)
            writeMapping(pairs, indent: deeper(indent), inline: true, into: &out)
        case .sequence(let items) where !items.isEmpty:
            spaces(deeper(indent) - indent - 1, into: &out)
            writeSequence(items, indent: deeper(indent), inline: true, into: &out)
        default:
            writeValue(value, indent: indent, into: &out)
        }
    }

    private static func writeSequence(_ items: [YAMLNode], indent: Int, inline: Bool, into out: inout String) {
        for (index, item) in items.enumerated() {
            if !(inline && index == 0) { spaces(indent, into: &out) }
            out += "-"
            switch item.kind {
            case .scalar(let text, let isString):
                out += " "
                writeScalar(text, isString: isString, indent: indent + 2, parent: indent, into: &out)
                endLine(&out)
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

    /// Ends the line of a scalar, unless the scalar (a literal block ending in a line break)
    /// already did: go-yaml then starts the next line right after that break.
    private static func endLine(_ out: inout String) {
        if let last = out.unicodeScalars.last, ScalarAnalysis.isBreak(last) { return }
        out += "\n"
    }

    /// Writes a scalar; `indent` is where its continuation lines go (the lines of a literal
    /// block, or what follows a line break inside single quotes), `parent` the column of the
    /// mapping or sequence that holds it.
    private static func writeScalar(_ text: String, isString: Bool, indent: Int, parent: Int, into out: inout String) {
        if isString {
            writeString(text, simpleKey: false, indent: indent, parent: parent, into: &out)
        } else {
            out += text
        }
    }

    private static func writeString(
        _ text: String, simpleKey: Bool, indent: Int, parent: Int, into out: inout String
    ) {
        let fits = indent == parent + step
        switch GoYAMLScalarStyle.forString(text, simpleKey: simpleKey, indicatorFits: fits) {
        case .plain: out += text
        case .singleQuoted: writeSingleQuoted(text, indent: indent, into: &out)
        case .doubleQuoted: writeDoubleQuoted(text, into: &out)
        case .literal: writeLiteral(text, indent: indent, into: &out)
        }
    }

    /// go-yaml's single quotes: a line break (only LS and PS get here; other breaks make the
    /// text double-quoted or a literal block) is written as it is, and the text after it is
    /// indented to `indent`.
    private static func writeSingleQuoted(_ text: String, indent: Int, into out: inout String) {
        out += "'"
        var breaks = false
        for ch in text.unicodeScalars {
            if ch == " " {
                out += " "
            } else if ScalarAnalysis.isBreak(ch) {
                if !breaks && ch == "\n" { out += "\n" }
                out.unicodeScalars.append(ch)
                breaks = true
            } else {
                if breaks { spaces(indent, into: &out) }
                if ch == "'" { out += "'" }
                out.unicodeScalars.append(ch)
                breaks = false
            }
        }
        out += "'"
    }

    private static func writeDoubleQuoted(_ text: String, into out: inout String) {
        out += "\""
        let bytes = Array(text.utf8)
        // go-yaml's `is_bom` looks at the start of the text, not at the character: a text that
        // starts with a byte order mark has every character escaped.
        let escapeAll = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        var i = 0
        for scalar in text.unicodeScalars {
            let width = scalar.utf8.count
            defer { i += width }
            let v = scalar.value
            let mustEscape =
                escapeAll || !ScalarAnalysis.isPrintable(bytes, i) || ScalarAnalysis.isBreak(bytes, i)
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

    /// A `|` block: go-yaml's hints (an indentation digit when the text starts with a space,
    /// `-` when it does not end in a line break, `+` when it ends in several), then the text
    /// with every line indented to `indent`. Its line breaks (LF, LS, PS) are written as they
    /// are. `forString` never sends a text that starts with a line break or a tab.
    private static func writeLiteral(_ text: String, indent: Int, into out: inout String) {
        let scalars = Array(text.unicodeScalars)
        out += "|"
        if let first = scalars.first, first == " " || ScalarAnalysis.isBreak(first) { out += String(step) }
        if let last = scalars.last {
            if !ScalarAnalysis.isBreak(last) {
                out += "-"
            } else if scalars.count == 1 || ScalarAnalysis.isBreak(scalars[scalars.count - 2]) {
                out += "+"
            }
        }
        out += "\n"
        var breaks = true
        for ch in scalars {
            if ScalarAnalysis.isBreak(ch) {
                out.unicodeScalars.append(ch)
                breaks = true
            } else {
                if breaks { spaces(indent, into: &out) }
                out.unicodeScalars.append(ch)
                breaks = false
            }
        }
    }
}
