import Testing

@testable import RemotesCore

@Suite struct TerminalSafeTests {
    @Test func escapeSequencesBecomePrintableText() {
        #expect(TerminalSafe.escaped("v1\u{1B}]0;PWNED\u{07}\u{1B}[2J") == #"v1\x1b]0;PWNED\x07\x1b[2J"#)
        #expect(TerminalSafe.escaped("\u{9B}31m\u{7F}\u{0}\u{85}") == #"\x9b31m\x7f\x00\x85"#)
        #expect(TerminalSafe.escaped("\u{1B}]52;c;cHduZWQ=\u{1B}\\") == #"\x1b]52;c;cHduZWQ=\x1b\"#)
    }

    @Test func everyControlCharacterIsEscapedAndNothingElse() {
        for value in UInt32(0)...0x2FF {
            let scalar = Unicode.Scalar(value)!
            let text = String(Character(scalar))
            let control = value < 0x20 || (0x7F...0x9F).contains(value)
            #expect(TerminalSafe.needsEscaping(text) == control, "U+\(String(value, radix: 16))")
            #expect((TerminalSafe.escaped(text) != text) == control, "U+\(String(value, radix: 16))")
        }
    }

    @Test func lineBreaksStayOnlyWhenAsked() {
        let text = "a\tb\nc\r\n"
        #expect(TerminalSafe.escaped(text) == #"a\x09b\x0ac\x0d\x0a"#)
        #expect(TerminalSafe.escaped(text, keepingLineBreaks: true) == "a\tb\nc\\x0d\n")
        #expect(!TerminalSafe.needsEscaping("a\tb\n", keepingLineBreaks: true))
    }

    @Test func cleanTextIsUnchanged() {
        for text in ["", "plain", "✓ ✗! …", "日本語", "e\u{301}", "🔒", "back\\slash", "\u{A0}\u{2028}"] {
            #expect(TerminalSafe.escaped(text) == text)
            #expect(!TerminalSafe.needsEscaping(text))
        }
    }

    @Test func escapingIsIdempotent() {
        let once = TerminalSafe.escaped("x\u{1B}[1m\u{9B}y")
        #expect(TerminalSafe.escaped(once) == once)
    }
}
