/// How go-yaml v3 writes a string scalar: plain, 'single-quoted', "double-quoted" or a
/// `|` literal block. Our own port of the decisions in its encoder (`stringv`) and its libyaml
/// emitter (`yaml_emitter_analyze_scalar`, `yaml_emitter_select_scalar_style`,
/// `yaml_emitter_check_simple_key`), followed to the letter so that our bytes are go-yaml's;
/// the few places where go-yaml's own output would not read back are listed in `forString`
/// (docs/design.md, "Writing YAML byte for byte").
enum GoYAMLScalarStyle: Equatable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal

    /// True when go-yaml writes `key` as a simple key: it holds no line break (of any kind) and
    /// is at most 128 bytes long. Other keys are written in the `? key` form.
    static func isSimpleKey(_ key: String) -> Bool {
        key.utf8.count <= 128 && !ScalarAnalysis(key).lineBreaks
    }

    /// The style we write `text` in: go-yaml's, except where go-yaml v3's output does not read
    /// back as the same string (checked against go-yaml 3.0.1 itself, see the golden cases in
    /// Tests/RemotesCoreTests/GoYAML). For those literal blocks we write the double-quoted form,
    /// which always reads back:
    /// - text that starts with a line break: go-yaml's emitter lacks libyaml's line break after
    ///   the block header, so the first line break of the text is lost (`"\n"` reads back as "");
    /// - text that starts with a tab: go-yaml writes the tab where a reader looks for the
    ///   block's indentation, and no YAML reader accepts it;
    /// - text that starts with a space where the block's lines are not 4 columns in from the
    ///   collection holding it (`indicatorFits` false: a `- ` item, or a value of a mapping
    ///   that is itself a `- ` item): go-yaml's indentation indicator is always `4`, counted from
    ///   that collection, and the block does not parse.
    /// `simpleKey` is true for a key written `key: value`.
    static func forString(_ text: String, simpleKey: Bool, indicatorFits: Bool) -> GoYAMLScalarStyle {
        let style = goYAML(text, simpleKey: simpleKey, analysis: ScalarAnalysis(text))
        guard style == .literal, let first = text.unicodeScalars.first else { return style }
        if ScalarAnalysis.isBreak(first) || first == "\t" || (first == " " && !indicatorFits) {
            return .doubleQuoted
        }
        return style
    }

    /// go-yaml's own choice for a string in block context.
    static func goYAML(_ text: String, simpleKey: Bool, analysis: ScalarAnalysis) -> GoYAMLScalarStyle {
        let canUsePlain =
            !GoYAMLResolver.resolvesToNonString(text) && !GoYAMLResolver.isBase60Float(text)
            && !GoYAMLResolver.isOldBool(text)
        var style: GoYAMLScalarStyle
        if text.utf8.contains(10) {
            style = .literal
        } else if canUsePlain {
            style = .plain
        } else {
            style = .doubleQuoted
        }
        if simpleKey && analysis.lineBreaks { style = .doubleQuoted }
        if style == .plain, !analysis.blockPlainAllowed || (text.isEmpty && simpleKey) { style = .singleQuoted }
        if style == .singleQuoted, !analysis.singleQuotedAllowed { style = .doubleQuoted }
        if style == .literal, !analysis.blockAllowed || simpleKey { style = .doubleQuoted }
        return style
    }
}

/// libyaml's `yaml_emitter_analyze_scalar` as go-yaml v3 has it (with its separate test for
/// tabs, and `unicode` on), for block context.
struct ScalarAnalysis {
    var blockPlainAllowed = true
    var singleQuotedAllowed = true
    var blockAllowed = true
    /// The text holds a line break of any kind (go-yaml's `multiline`).
    var lineBreaks = false

    init(_ text: String) {
        let b = Array(text.utf8)
        if b.isEmpty {
            blockAllowed = false
            return
        }
        var flags = Flags()
        flags.blockIndicators =
            b.count >= 3 && ((b[0] == 45 && b[1] == 45 && b[2] == 45) || (b[0] == 46 && b[1] == 46 && b[2] == 46))
        var precededByWhitespace = true
        var i = 0
        while i < b.count {
            let next = i + ScalarAnalysis.width(b, i)
            let followedByWhitespace = ScalarAnalysis.isBlankOrEnd(b, next)
            if ScalarAnalysis.isIndicator(b[i], first: i == 0, followedByWhitespace, precededByWhitespace) {
                flags.blockIndicators = true
            }
            flags.note(b, i, last: next >= b.count)
            precededByWhitespace = ScalarAnalysis.isBlankZ(b, i)
            i = next
        }
        lineBreaks = flags.lineBreaks
        if flags.leadingSpace || flags.leadingBreak || flags.trailingSpace || flags.trailingBreak {
            blockPlainAllowed = false
        }
        if flags.trailingSpace { blockAllowed = false }
        if flags.breakSpace {
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if flags.spaceBreak || flags.tabs || flags.special {
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if flags.spaceBreak || flags.special { blockAllowed = false }
        if flags.lineBreaks || flags.blockIndicators { blockPlainAllowed = false }
    }

    /// What the scan has seen so far (the booleans of `yaml_emitter_analyze_scalar`).
    private struct Flags {
        var blockIndicators = false
        var lineBreaks = false, special = false, tabs = false
        var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
        var breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false

        mutating func note(_ b: [UInt8], _ i: Int, last: Bool) {
            if b[i] == 9 {
                tabs = true
            } else if !ScalarAnalysis.isPrintable(b, i) {
                special = true
            }
            if b[i] == 32 {
                if i == 0 { leadingSpace = true }
                if last { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if ScalarAnalysis.isBreak(b, i) {
                lineBreaks = true
                if i == 0 { leadingBreak = true }
                if last { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
        }
    }

    /// Whether byte `c` makes the text an indicator in block context.
    static func isIndicator(_ c: UInt8, first: Bool, _ followedByWhitespace: Bool, _ precededByWhitespace: Bool)
        -> Bool
    {
        if first {
            switch c {
            case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
                UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"),
                UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
                UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
                return true
            case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "-"):
                return followedByWhitespace
            default:
                return false
            }
        }
        switch c {
        case UInt8(ascii: ":"): return followedByWhitespace
        case UInt8(ascii: "#"): return precededByWhitespace
        default: return false
        }
    }

    /// Width in bytes of the UTF-8 character at i.
    static func width(_ b: [UInt8], _ i: Int) -> Int {
        guard i < b.count else { return 1 }
        let c = b[i]
        if c & 0x80 == 0 { return 1 }
        if c & 0xE0 == 0xC0 { return 2 }
        if c & 0xF0 == 0xE0 { return 3 }
        if c & 0xF8 == 0xF0 { return 4 }
        return 1
    }

    static func byte(_ b: [UInt8], _ i: Int) -> UInt8 { i < b.count ? b[i] : 0 }

    /// libyaml's `is_printable`. Note that 4-byte characters are not "printable" to it.
    static func isPrintable(_ b: [UInt8], _ i: Int) -> Bool {
        let c = byte(b, i)
        let c1 = byte(b, i + 1)
        let c2 = byte(b, i + 2)
        return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c == 0xC2 && c1 >= 0xA0) || (c > 0xC2 && c < 0xED)
            || (c == 0xED && c1 < 0xA0) || c == 0xEE
            || (c == 0xEF && !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF)))
    }

    /// CR, LF, NEL, LS, PS.
    static func isBreak(_ b: [UInt8], _ i: Int) -> Bool {
        let c = byte(b, i)
        return c == 0x0D || c == 0x0A || (c == 0xC2 && byte(b, i + 1) == 0x85)
            || (c == 0xE2 && byte(b, i + 1) == 0x80 && (byte(b, i + 2) == 0xA8 || byte(b, i + 2) == 0xA9))
    }

    /// CR, LF, NEL, LS, PS, as a Unicode scalar.
    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Space, tab, or the end (go-yaml's test for "followed by whitespace").
    static func isBlankOrEnd(_ b: [UInt8], _ i: Int) -> Bool {
        i >= b.count || b[i] == 32 || b[i] == 9
    }

    /// Space, tab, a break, or the end.
    static func isBlankZ(_ b: [UInt8], _ i: Int) -> Bool {
        if i >= b.count { return true }
        let c = b[i]
        return c == 32 || c == 9 || c == 0 || isBreak(b, i)
    }
}
