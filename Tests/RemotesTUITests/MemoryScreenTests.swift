import Testing

@testable import RemotesTUI

@Suite struct MemoryScreenTests {
    @Test func textIsClippedAtTheRightEdgeAndOutside() {
        let screen = MemoryScreen(size: ScreenSize(width: 5, height: 2))
        screen.put("abcdefgh", row: 0, column: 2)
        screen.put("zzz", row: 5, column: 0)
        screen.put("xy", row: 1, column: -1)
        #expect(screen.text == "  abc\ny")
    }

    @Test func wideCharactersTakeTwoCellsAndDoNotStraddleTheEdge() {
        let screen = MemoryScreen(size: ScreenSize(width: 5, height: 1))
        screen.put("日本語", row: 0, column: 0)
        #expect(screen.line(0) == "日本")
        #expect(screen.cells[0][1].text.isEmpty)
        screen.put("a", row: 0, column: 1)
        #expect(screen.line(0) == " a本")
    }

    @Test func styleMapShowsHighlightedCells() {
        let screen = MemoryScreen(size: ScreenSize(width: 6, height: 2))
        screen.put("ab", row: 0, column: 1, style: .reverse)
        screen.put("c", row: 1, column: 0, style: CellStyle(.bold, color: .error))
        #expect(screen.styleMap == ".RR\nb")
        #expect(screen.text(onRow: 0, with: .reverse) == "ab")
    }

    @Test func monochromeDropsColourButKeepsEmphasis() {
        let screen = MemoryScreen(size: ScreenSize(width: 3, height: 1), monochrome: true)
        screen.put("x", row: 0, column: 0, style: CellStyle(.reverse, color: .accent))
        #expect(screen.cells[0][0].style == CellStyle(.reverse))
    }

    @Test func snapshotHasTextStylesAndCursor() {
        let screen = MemoryScreen(size: ScreenSize(width: 3, height: 1))
        screen.put("ok", row: 0, column: 0)
        screen.placeCursor(row: 0, column: 1)
        #expect(screen.snapshot == "size: 3×1\nok\n--- styles ---\n\n--- cursor: row 0, column 1\n")
    }
}
