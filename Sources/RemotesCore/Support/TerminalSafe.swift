/// Makes text harmless on a terminal. Text from servers (versions, user names, error bodies,
/// realms), from credential helpers and from files other users control may carry control
/// characters; written raw, an escape sequence can set the terminal's title, clear the screen,
/// move the cursor over earlier lines or write the clipboard (OSC 52). Every C0 control
/// character (U+0000–U+001F), DEL (U+007F) and every C1 control character (U+0080–U+009F, which
/// many terminals act on like ESC sequences) is shown as `\xNN` (two lowercase hex digits of the
/// code point: `\x1b`, `\x07`, `\x9b`); everything else is kept. An escape sequence is then just
/// printable text: `\x1b]0;PWNED\x07`.
///
/// The front ends apply it where text leaves the program: the batch console (stdout, stderr,
/// `--verbose` logs), its tables, and the terminal UI's screen. Backslashes are not doubled, so
/// `\x1b` written by a server reads the same as an escaped ESC; that is ambiguous to the eye but
/// not to the terminal, which is what this guards.
public enum TerminalSafe {
    /// `text` with every control character escaped. With `keepingLineBreaks`, newline and tab
    /// stay as they are (for our own multi-line output, such as tables and messages); carriage
    /// return, which could overwrite a line already printed, is escaped either way.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard needsEscaping(text, keepingLineBreaks: keepingLineBreaks) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if isEscaped(scalar, keepingLineBreaks: keepingLineBreaks) {
                out += escape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// True when `escaped(text, keepingLineBreaks:)` would change `text`. Reads the UTF-8 bytes
    /// only, so clean text (nearly all of it) costs one pass.
    public static func needsEscaping(_ text: String, keepingLineBreaks: Bool = false) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 {
                if !(keepingLineBreaks && (byte == 0x0A || byte == 0x09)) { return true }
            } else if byte == 0x7F {
                return true
            } else if previous == 0xC2 && byte >= 0x80 && byte <= 0x9F {
                return true  // U+0080–U+009F in UTF-8
            }
            previous = byte
        }
        return false
    }

    /// True when `scalar` is shown escaped.
    public static func isEscaped(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool = false) -> Bool {
        let value = scalar.value
        if keepingLineBreaks && (value == 0x0A || value == 0x09) { return false }
        return value < 0x20 || (value >= 0x7F && value <= 0x9F)
    }

    /// `\xNN` for one control character.
    private static func escape(_ scalar: Unicode.Scalar) -> String {
        let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
        let value = Int(scalar.value)
        return "\\x" + String(digits[value >> 4]) + String(digits[value & 0xF])
    }
}
