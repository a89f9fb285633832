/// The `?` help: every binding of the key table, by where it applies, wrapped to the box.
enum HelpView {
    /// The widest box the help takes.
    static let maxWidth = 84

    /// The help's lines at `width` columns: section titles (bold), then each binding's keys
    /// and its description, which wraps under itself rather than being cut.
    static func lines(width: Int) -> [StyledLine] {
        let keyWidth = max(6, min(22, width / 3))
        var out: [StyledLine] = []
        for (title, rows) in KeyTable.helpSections where !rows.isEmpty {
            out.append(StyledLine(title, CellStyle(.bold, color: .accent)))
            for row in rows {
                let keys = row.keys.joined(separator: " ")
                if DisplayWidth.of(keys) > keyWidth {
                    out.append(StyledLine("  " + keys))
                    out += TextWrap.hanging(String(repeating: " ", count: keyWidth + 3), row.summary, width: width)
                } else {
                    out += TextWrap.hanging(
                        "  " + DisplayWidth.fit(keys, to: keyWidth) + " ", row.summary, width: width)
                }
            }
            out.append(StyledLine(""))
        }
        return out
    }

    /// The box the help is drawn in.
    static func box(_ size: ScreenSize) -> ScrollBox { ScrollBox.frame(size, maxWidth: maxWidth) }

    /// Draws the help scrolled to `scroll`; returns where the cursor goes (the first line).
    static func render(scroll: Int, state: UIState, on screen: Screen) -> (row: Int, column: Int) {
        let g = state.glyphs
        let box = Self.box(state.size)
        let all = lines(width: box.inner)
        let first = min(scroll, max(0, all.count - box.rows))
        let last = min(all.count, first + box.rows)
        let footer = box.fitting([
            "lines \(first + 1)-\(last) of \(all.count) \(g.separator) ↑↓ PgUp PgDn scroll \(g.separator) Esc or ? closes",
            "lines \(first + 1)-\(last) of \(all.count) \(g.separator) Esc closes",
        ])
        return box.draw(title: "Keys", lines: all[first...], footer: footer, glyphs: g, on: screen)
    }
}
