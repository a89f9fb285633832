/// Small drawing helpers shared by the views.
extension Screen {
    /// Draws `text` cut or padded to exactly `width` columns.
    func text(_ text: String, row: Int, column: Int, width: Int, style: CellStyle, glyphs: Glyphs) {
        guard width > 0 else { return }
        put(DisplayWidth.fit(text, to: width, ellipsis: glyphs.ellipsis), row: row, column: column, style: style)
    }

    /// A horizontal rule of `character`.
    func rule(row: Int, column: Int, width: Int, character: Character, style: CellStyle = .plain) {
        guard width > 0 else { return }
        put(String(repeating: character, count: width), row: row, column: column, style: style)
    }

    /// A box with `title` in its top border; the inside is blanked.
    func box(top: Int, left: Int, width: Int, height: Int, title: String, glyphs: Glyphs, style: CellStyle = .plain) {
        guard width >= 2, height >= 2 else { return }
        let inner = width - 2
        put(
            String(glyphs.topLeft) + String(repeating: glyphs.horizontal, count: inner) + String(glyphs.topRight),
            row: top, column: left, style: style)
        for row in (top + 1)..<(top + height - 1) {
            put(String(glyphs.vertical), row: row, column: left, style: style)
            fill(row: row, column: left + 1, width: inner, style: .plain)
            put(String(glyphs.vertical), row: row, column: left + width - 1, style: style)
        }
        put(
            String(glyphs.bottomLeft) + String(repeating: glyphs.horizontal, count: inner) + String(glyphs.bottomRight),
            row: top + height - 1, column: left, style: style)
        if !title.isEmpty, inner > 4 {
            let shown = DisplayWidth.truncate(" \(title) ", to: inner - 2, ellipsis: glyphs.ellipsis)
            put(shown, row: top, column: left + 2, style: style.adding(.bold))
        }
    }
}
