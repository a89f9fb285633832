import RemotesCore

/// How many terminal columns text takes: East Asian wide and fullwidth characters and emoji
/// take two, combining marks none, a control character the four of its escaped form `\xNN`
/// (screens draw it so, see `Screen.put`), everything else one. The table is our own (not
/// `wcwidth`) so that layout does not depend on the process locale and tests see what a UTF-8
/// terminal shows.
public enum DisplayWidth {
    /// The columns one character (grapheme cluster) takes.
    public static func of(_ character: Character) -> Int {
        // A control character is a grapheme of its own (CR LF the only pair), so its first
        // scalar tells.
        if let first = character.unicodeScalars.first, TerminalSafe.isEscaped(first) {
            return of(TerminalSafe.escaped(String(character)))
        }
        var width = 0
        for scalar in character.unicodeScalars {
            width = max(width, of(scalar))
        }
        if width == 1, character.unicodeScalars.contains(where: { $0.value == 0xFE0F }),
            character.unicodeScalars.first?.properties.isEmoji == true
        {
            return 2
        }
        return width
    }

    /// The columns `text` takes.
    public static func of(_ text: String) -> Int {
        // Printable ASCII, most text here, is one column a byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The columns one scalar takes on its own.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if v >= 0x1160 && v <= 0x11FF { return 0 }  // Hangul medial vowels and final consonants
        if isWide(v) { return 2 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    private static func isWide(_ v: UInt32) -> Bool {
        guard v >= 0x1100 else { return false }
        for range in wideRanges where range.contains(v) { return true }
        return false
    }

    /// `text` cut to at most `width` columns; when it had to be cut, the last column is `…`
    /// (`ellipsis`). A wide character that would straddle the edge is left out.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let room = width - of(ellipsis)
        guard room >= 0 else { return String(repeating: ".", count: width) }
        var out = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > room { break }
            out.append(character)
            used += w
        }
        return out + ellipsis
    }

    /// `text` cut or padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let cut = truncate(text, to: width, ellipsis: ellipsis)
        let w = of(cut)
        return w < width ? cut + String(repeating: " ", count: width - w) : cut
    }

    /// The last columns of `text` that fit in `width` (for a text field scrolled to its end).
    public static func tail(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        var out: [Character] = []
        var used = 0
        for character in text.reversed() {
            let w = of(character)
            if used + w > width { break }
            out.append(character)
            used += w
        }
        return String(out.reversed())
    }
}
