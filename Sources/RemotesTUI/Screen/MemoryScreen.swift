import RemotesCore

/// An in-memory screen for tests: a grid of cells that can be read back as text, with a map of
/// which cells are highlighted and where the cursor rests.
public final class MemoryScreen: Screen {
    /// One cell: a grapheme (empty for the right half of a wide character) and its style.
    public struct Cell: Equatable, Sendable {
        /// The grapheme drawn here; "" for the second column of a wide character.
        public var text: String
        /// Its style.
        public var style: CellStyle
    }

    /// The current size.
    public private(set) var size: ScreenSize
    /// The cells, row by row.
    public private(set) var cells: [[Cell]]
    /// Where the cursor rests, if a view placed it.
    public private(set) var cursor: (row: Int, column: Int)?
    /// How many frames were flushed.
    public private(set) var flushCount = 0
    /// When true, colour roles are dropped as a monochrome terminal would.
    public var monochrome: Bool

    /// A blank screen of `size`.
    public init(size: ScreenSize, monochrome: Bool = false) {
        self.size = size
        self.monochrome = monochrome
        self.cells = MemoryScreen.blank(size)
    }

    /// Changes the size (as a terminal resize does) and blanks the screen.
    public func resize(to newSize: ScreenSize) {
        size = newSize
        cells = MemoryScreen.blank(newSize)
        cursor = nil
    }

    private static func blank(_ size: ScreenSize) -> [[Cell]] {
        Array(repeating: Array(repeating: Cell(text: " ", style: .plain), count: size.width), count: size.height)
    }

    /// Blanks every cell.
    public func clear() {
        cells = MemoryScreen.blank(size)
        cursor = nil
    }

    /// Draws `text`, clipped at the edges.
    public func put(_ text: String, row: Int, column: Int, style: CellStyle) {
        guard row >= 0, row < size.height else { return }
        let style = monochrome ? CellStyle(style.emphasis) : style
        var x = column
        for character in TerminalSafe.escaped(text) {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if x + w > size.width { break }
            if x >= 0 {
                // Overwriting half of a wide character blanks its other half.
                if cells[row][x].text.isEmpty, x > 0 { cells[row][x - 1].text = " " }
                if x + w < size.width, cells[row][x + w].text.isEmpty { cells[row][x + w].text = " " }
                cells[row][x] = Cell(text: String(character), style: style)
                if w == 2 { cells[row][x + 1] = Cell(text: "", style: style) }
            }
            x += w
        }
    }

    /// Records where the cursor rests.
    public func placeCursor(row: Int, column: Int) { cursor = (row, column) }

    /// The text of every frame flushed so far, when `recordsFrames` is on.
    public private(set) var frames: [String] = []
    /// Keep the text of every flushed frame in `frames` (to check that something never
    /// appeared on any frame).
    public var recordsFrames = false

    /// Counts the frame (and keeps its text when recording).
    public func flush() {
        flushCount += 1
        if recordsFrames { frames.append(text) }
    }

    /// One row as text, trailing spaces removed.
    public func line(_ row: Int) -> String {
        guard row >= 0, row < size.height else { return "" }
        var text = cells[row].map(\.text).joined()
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    /// The whole screen as text, one line per row, trailing spaces removed.
    public var text: String { (0..<size.height).map(line).joined(separator: "\n") }

    /// True when any row contains `needle`.
    public func contains(_ needle: String) -> Bool { (0..<size.height).contains { line($0).contains(needle) } }

    /// The first row containing `needle`.
    public func row(containing needle: String) -> Int? { (0..<size.height).first { line($0).contains(needle) } }

    /// The style map: one character per cell, `.` for plain cells, otherwise `R` reverse,
    /// `B` bold, `U` underline, `D` dim (the first that applies), lowercased when the cell also
    /// has a colour role. Trailing dots are removed.
    public var styleMap: String {
        (0..<size.height).map { row in
            var line = cells[row].map { MemoryScreen.code(for: $0.style) }.joined()
            while line.hasSuffix(".") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    private static func code(for style: CellStyle) -> String {
        let e = style.emphasis
        let letter: String
        if e.contains(.reverse) {
            letter = "R"
        } else if e.contains(.bold) {
            letter = "B"
        } else if e.contains(.underline) {
            letter = "U"
        } else if e.contains(.dim) {
            letter = "D"
        } else {
            letter = style.color == .plain ? "." : "C"
        }
        return style.color == .plain || letter == "C" ? letter : letter.lowercased()
    }

    /// Text of the cells on `row` drawn with `emphasis` (for example the reverse-video
    /// selection), joined; trailing spaces removed.
    public func text(onRow row: Int, with emphasis: CellStyle.Emphasis) -> String {
        guard row >= 0, row < size.height else { return "" }
        var text = cells[row].filter { $0.style.emphasis.isSuperset(of: emphasis) }.map(\.text).joined()
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    /// A snapshot: the text, then the style map, then the cursor position.
    public var snapshot: String {
        let cursorText = cursor.map { "cursor: row \($0.row), column \($0.column)" } ?? "cursor: none"
        return "size: \(size)\n" + text + "\n--- styles ---\n" + styleMap + "\n--- " + cursorText + "\n"
    }
}
