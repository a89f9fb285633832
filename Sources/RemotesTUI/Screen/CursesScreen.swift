import CNCurses
import RemotesCore

/// The screen on the terminal, through ncursesw. Create it only after `TerminalSession` has
/// started curses, and use it from one thread (the event loop's).
public final class CursesScreen: Screen {
    private let colors: Bool
    private var pairs: [CellStyle.ColorRole: Int16] = [:]

    /// A screen on the running curses session; `monochrome` leaves colour off (NO_COLOR).
    public init(monochrome: Bool) {
        colors = !monochrome && has_colors()
        if colors {
            start_color()
            use_default_colors()
            let table: [(CellStyle.ColorRole, Int32)] = [
                (.accent, COLOR_CYAN), (.good, COLOR_GREEN), (.warning, COLOR_YELLOW), (.error, COLOR_RED),
            ]
            for (index, (role, color)) in table.enumerated() {
                let pair = Int16(index + 1)
                init_pair(pair, Int16(color), -1)
                pairs[role] = pair
            }
        }
    }

    /// The terminal's size now.
    public var size: ScreenSize { ScreenSize(width: Int(nc_cols()), height: Int(nc_lines())) }

    /// Blanks the frame being built.
    public func clear() { erase() }

    /// Draws `text` grapheme by grapheme at the columns our width table gives, so that the
    /// layout holds even where the terminal's idea of a width differs.
    public func put(_ text: String, row: Int, column: Int, style: CellStyle) {
        let size = self.size
        guard row >= 0, row < size.height else { return }
        _ = nc_attrset(attributes(style))
        var x = column
        for character in TerminalSafe.escaped(text) {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if x + w > size.width { break }
            // The bottom-right cell scrolls some terminals; leave it blank.
            if x >= 0, !(row == size.height - 1 && x + w == size.width) {
                var wide = character.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                wide.append(0)
                _ = mvaddwstr(Int32(row), Int32(x), wide)
            }
            x += w
        }
        _ = nc_attrset(nc_a_normal())
    }

    /// Moves the terminal cursor there (done last, so it stays for screen readers).
    public func placeCursor(row: Int, column: Int) {
        let size = self.size
        _ = move(Int32(min(max(0, row), max(0, size.height - 1))), Int32(min(max(0, column), max(0, size.width - 1))))
    }

    /// Sends the frame to the terminal.
    public func flush() { refresh() }

    private func attributes(_ style: CellStyle) -> attr_t {
        var a = nc_a_normal()
        if style.emphasis.contains(.bold) { a |= nc_a_bold() }
        if style.emphasis.contains(.reverse) { a |= nc_a_reverse() }
        if style.emphasis.contains(.underline) { a |= nc_a_underline() }
        if style.emphasis.contains(.dim) { a |= nc_a_dim() }
        if colors, let pair = pairs[style.color] { a |= nc_color_pair(pair) }
        return a
    }
}
