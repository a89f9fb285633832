/// A character-cell surface that views draw on. `CursesScreen` puts the cells on the terminal;
/// `MemoryScreen` keeps them in memory for tests. Coordinates are 0-based; text that runs past
/// the right edge or outside the screen is clipped, never wrapped.
public protocol Screen: AnyObject {
    /// The current size.
    var size: ScreenSize { get }
    /// Blanks every cell.
    func clear()
    /// Draws `text` from `column` on `row` in `style`, one grapheme per cell (two for wide
    /// characters), clipped at the right edge. Control characters are drawn as their escaped
    /// form (`TerminalSafe`: ESC as `\x1b`), never sent to the terminal, and `DisplayWidth`
    /// counts them so.
    func put(_ text: String, row: Int, column: Int, style: CellStyle)
    /// Where the terminal cursor rests after this frame (the focused row or field, for screen
    /// readers and braille displays).
    func placeCursor(row: Int, column: Int)
    /// Shows the frame.
    func flush()
}

extension Screen {
    /// Draws `text` in the default style.
    public func put(_ text: String, row: Int, column: Int) { put(text, row: row, column: column, style: .plain) }

    /// Fills `width` cells from `column` on `row` with spaces in `style`.
    public func fill(row: Int, column: Int, width: Int, style: CellStyle) {
        guard width > 0 else { return }
        put(String(repeating: " ", count: width), row: row, column: column, style: style)
    }
}
