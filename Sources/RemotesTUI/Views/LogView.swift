/// The message log (`m`): every message since the UI started, oldest first, with its time,
/// level and subject, wrapped so that nothing is cut. It scrolls by message.
enum LogView {
    /// The widest box the log takes.
    static let maxWidth = 160

    /// The box the log is drawn in.
    static func box(_ size: ScreenSize) -> ScrollBox { ScrollBox.frame(size, maxWidth: maxWidth) }

    /// The lines of one entry at `width` columns: `10:42:07 ERROR   text`, wrapped under the text.
    static func lines(_ entry: MessageLog.Entry, width: Int) -> [StyledLine] {
        let message = entry.message
        let level = DisplayWidth.fit(String(message.prefix.dropLast()), to: 7)
        let color: CellStyle.ColorRole =
            message.level == .error ? .error : message.level == .warning ? .warning : .plain
        return TextWrap.hanging(
            "\(entry.time) \(level) ", message.textWithSubject, width: width, style: CellStyle(color: color))
    }

    /// The first entry to show so that the last ones fill the box: where the log opens, and
    /// how far it scrolls.
    static func lastScroll(_ log: MessageLog, box: ScrollBox) -> Int {
        var rows = 0
        var index = log.entries.count
        while index > 0 {
            let needed = lines(log.entries[index - 1], width: box.inner).count
            if rows + needed > box.rows { break }
            rows += needed
            index -= 1
        }
        return min(index, max(0, log.entries.count - 1))
    }

    /// Draws the log from entry `scroll`; returns where the cursor goes.
    static func render(scroll: Int, state: UIState, on screen: Screen) -> (row: Int, column: Int) {
        let g = state.glyphs
        let box = Self.box(state.size)
        let entries = state.log.entries
        var shown: [StyledLine] = []
        var index = min(scroll, max(0, entries.count - 1))
        let first = index
        while index < entries.count && shown.count < box.rows {
            shown += lines(entries[index], width: box.inner)
            index += 1
        }
        if entries.isEmpty { shown = [StyledLine("(no messages yet)", .dim)] }
        let range = entries.isEmpty ? "no messages" : "messages \(first + 1)-\(index) of \(entries.count)"
        let footer = box.fitting([
            "\(range) \(g.separator) ↑↓ PgUp PgDn scroll \(g.separator) Esc or m closes",
            "\(range) \(g.separator) Esc closes",
        ])
        return box.draw(title: "Message log", lines: shown[...], footer: footer, glyphs: g, on: screen)
    }
}
