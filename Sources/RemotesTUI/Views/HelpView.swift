/// The `?` help: every binding of the key table, by where it applies.
enum HelpView {
    /// The help's lines: section titles (bold) and `keys  summary` rows.
    static func lines() -> [(text: String, isTitle: Bool)] {
        var out: [(String, Bool)] = []
        for (title, rows) in KeyTable.helpSections where !rows.isEmpty {
            out.append((title, true))
            for row in rows {
                let keys = row.keys.joined(separator: " ")
                out.append(("  " + DisplayWidth.fit(keys, to: 22) + " " + row.summary, false))
            }
            out.append(("", false))
        }
        return out
    }

    /// Draws the help scrolled to `scroll`; returns where the cursor goes (the first line).
    static func render(scroll: Int, state: UIState, on screen: Screen) -> (row: Int, column: Int) {
        let g = state.glyphs
        let size = state.size
        let width = min(size.width - 2, 84)
        let height = size.height - 2
        let top = 1
        let left = max(0, (size.width - width) / 2)
        screen.box(
            top: top, left: left, width: width, height: height, title: "Keys", glyphs: g,
            style: CellStyle(color: .accent))
        let all = lines()
        let rows = max(0, height - 3)
        let first = min(scroll, max(0, all.count - rows))
        for (offset, line) in all[first...].prefix(rows).enumerated() {
            screen.text(
                line.text, row: top + 1 + offset, column: left + 2, width: width - 4,
                style: line.isTitle ? CellStyle(.bold, color: .accent) : .plain, glyphs: g)
        }
        let last = min(all.count, first + rows)
        let footer =
            "lines \(first + 1)-\(last) of \(all.count) \(g.separator) ↑↓ PgUp PgDn scroll \(g.separator) Esc or ? closes"
        screen.text(footer, row: top + height - 2, column: left + 2, width: width - 4, style: .dim, glyphs: g)
        return (top + 1, left + 2)
    }
}
