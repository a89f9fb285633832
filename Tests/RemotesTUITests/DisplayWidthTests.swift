import Testing

@testable import RemotesTUI

@Suite struct DisplayWidthTests {
    @Test func asciiMarksAndDotsAreOneColumn() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("✓") == 1)
        #expect(DisplayWidth.of("•••") == 3)
        #expect(DisplayWidth.of("…") == 1)
        #expect(DisplayWidth.of("ü") == 1)
    }

    @Test func wideCharactersAreTwoColumns() {
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("한") == 2)
        #expect(DisplayWidth.of("🔒") == 2)
        #expect(DisplayWidth.of("ｆｕｌｌ") == 8)
    }

    @Test func combiningMarksTakeNoColumnAndControlsTheirEscape() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        // Drawn as `\x1b` (see TerminalInjectionScreenTests).
        #expect(DisplayWidth.of("\u{1B}") == 4)
        #expect(DisplayWidth.of("\r\n") == 8)
    }

    @Test func truncateAddsAnEllipsisOnlyWhenCut() {
        #expect(DisplayWidth.truncate("registry", to: 8) == "registry")
        #expect(DisplayWidth.truncate("registry.example", to: 8) == "registr…")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
        #expect(DisplayWidth.truncate("abcdef", to: 3, ellipsis: "~") == "ab~")
    }

    @Test func truncateNeverSplitsAWideCharacter() {
        let cut = DisplayWidth.truncate("日本語テキスト", to: 6)
        #expect(cut == "日本…")
        #expect(DisplayWidth.of(cut) <= 6)
        #expect(DisplayWidth.fit("日本語", to: 4) == "日…" + " ")
    }

    @Test func fitPadsToTheExactWidth() {
        #expect(DisplayWidth.fit("ab", to: 4) == "ab  ")
        #expect(DisplayWidth.of(DisplayWidth.fit("日本語テキスト", to: 7)) == 7)
    }

    @Test func tailKeepsTheEndThatFits() {
        #expect(DisplayWidth.tail("abcdef", width: 3) == "def")
        #expect(DisplayWidth.tail("日本語", width: 5) == "本語")
    }
}
