/// How go-yaml v3 writes a string scalar: plain, 'single-quoted', "double-quoted" or a
/// `|` literal block. Our own port of the decisions in its encoder and its libyaml emitter.
enum GoYAMLScalarStyle: Equatable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal

    /// The style go-yaml picks for a string written as a mapping key (`isKey`) or a value.
    static func forString(_ text: String, isKey: Bool) -> GoYAMLScalarStyle {
        let canUsePlain =
            !GoYAMLResolver.resolvesToNonString(text) && !GoYAMLResolver.isBase60Float(text)
            && !GoYAMLResolver.isOldBool(text)
        let requested: GoYAMLScalarStyle
        if text.utf8.contains(10) {
            requested = .literal
        } else if canUsePlain {
            requested = .plain
        } else {
            requested = .doubleQuoted
        }
        let analysis = ScalarAnalysis(text)
        var style = requested
        if style == .plain {
            if !analysis.blockPlainAllowed || (text.isEmpty && isKey) { style = .singleQuoted }
        }
        if style == .singleQuoted, !analysis.singleQuotedAllowed { style = .doubleQuoted }
        if style == .literal, !analysis.blockAllowed || isKey { style = .doubleQuoted }
        return style
    }
}

/// libyaml's `yaml_emitter_analyze_scalar`, for block context.
struct ScalarAnalysis {
    var blockPlainAllowed = true
    var singleQuotedAllowed = true
    var blockAllowed = true

    init(_ text: String) {
        let b = Array(text.utf8)
        if b.isEmpty {
            blockPlainAllowed = true
            singleQuotedAllowed = true
            blockAllowed = false
            return
        }
        var blockIndicators = false
        if b.count >= 3,
            (b[0] == 45 && b[1] == 45 && b[2] == 45) || (b[0] == 46 && b[1] == 46 && b[2] == 46)
        {
            blockIndicators = true
        }
        var leadingSpace = false
        var leadingBreak = false
        var trailingSpace = false
        var trailingBreak = false
        var breakSpace = false
        var spaceBreak = false
        var previousSpace = false
        var previousBreak = false
        var lineBreaks = false
        var special = false
        var precededByWhitespace = true
        var i = 0
        var followedByWhitespace = ScalarAnalysis.isBlankOrEnd(b, ScalarAnalysis.width(b, 0))
        while i < b.count {
            let c = b[i]
            let first = i == 0
            let next = i + ScalarAnalysis.width(b, i)
            let last = next >= b.count
            if first {
                switch c {
                case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
                    UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"),
                    UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
                    UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
                    blockIndicators = true
                case UInt8(ascii: "?"), UInt8(ascii: ":"):
                    if followedByWhitespace { blockIndicators = true }
                case UInt8(ascii: "-"):
                    if followedByWhitespace { blockIndicators = true }
                default: break
                }
            } else {
                switch c {
                case UInt8(ascii: ":"):
                    if followedByWhitespace { blockIndicators = true }
                case UInt8(ascii: "#"):
                    if precededByWhitespace { blockIndicators = true }
                default: break
                }
            }
            if !ScalarAnalysis.isPrintable(b, i) { special = true }
            let isBreak = ScalarAnalysis.isBreak(b, i)
            if isBreak { lineBreaks = true }
            if c == 32 {
                if first { leadingSpace = true }
                if last { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if isBreak {
                if first { leadingBreak = true }
                if last { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousBreak = true
                previousSpace = false
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = ScalarAnalysis.isBlankZ(b, i)
            i = next
            if i < b.count {
                followedByWhitespace = ScalarAnalysis.isBlankOrEnd(b, i + ScalarAnalysis.width(b, i))
            }
        }
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak { blockPlainAllowed = false }
        if trailingSpace { blockAllowed = false }
        if breakSpace {
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if spaceBreak || special {
            blockPlainAllowed = false
            singleQuotedAllowed = false
            blockAllowed = false
        }
        if lineBreaks { blockPlainAllowed = false }
        if blockIndicators { blockPlainAllowed = false }
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
