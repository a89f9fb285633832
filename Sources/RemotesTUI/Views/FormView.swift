/// Draws the open form in a box over the panes. Secret fields show one dot per character and
/// never their text; errors sit under the field they belong to.
enum FormView {
    /// Draws `form`; returns where the cursor goes (the caret of the focused field).
    static func render(_ form: Form, state: UIState, on screen: Screen) -> (row: Int, column: Int) {
        let g = state.glyphs
        let size = state.size
        let width = min(size.width - 4, 76)
        let inner = width - 4
        let labelWidth = min(18, (form.fields.filter(\.isText).map { DisplayWidth.of($0.label) }.max() ?? 0) + 1)
        let inputWidth = max(4, inner - labelWidth - 4)

        // Lay the lines out first, then fit them in the height there is.
        enum Line {
            case text(String, CellStyle)
            case field(Int)
            case blank
        }
        var intro: [Line] = form.intro.flatMap { TextWrap.lines($0, width: inner) }.map { .text($0, .dim) }
        var body: [Line] = []
        for (index, field) in form.fields.enumerated() {
            body.append(.field(index))
            if let error = field.error {
                let indent = field.isText ? labelWidth + 2 : 4
                body += TextWrap.lines(error, width: inner - indent).prefix(2).map {
                    .text(String(repeating: " ", count: indent) + $0, CellStyle(.bold, color: .error))
                }
            }
        }
        var tail: [Line] = [.blank]
        if let error = form.error {
            tail += TextWrap.lines(error, width: inner).prefix(2).map { .text($0, CellStyle(.bold, color: .error)) }
        }
        if form.pendingTask != nil {
            let spinner = g.spinner.isEmpty ? "*" : g.spinner[state.spinnerFrame % g.spinner.count]
            tail.append(.text("\(spinner) checking… (Esc cancels)", .bold))
        }
        let footer =
            "Enter \(form.submitLabel) \(g.separator) Esc cancel \(g.separator) Tab next"
            + (form.fields.contains { $0.kind == .checkbox } ? " \(g.separator) Space toggles" : "")
        tail.append(.text(footer, .dim))
        let room = max(0, size.height - 4)
        // An explanation that does not fit whole is left out rather than cut mid-sentence.
        if intro.count + 1 + body.count + tail.count > room { intro = [] }
        let lines = intro + (intro.isEmpty ? [] : [.blank]) + body + tail
        let height = min(size.height - 2, lines.count + 2)
        let top = max(1, (size.height - height) / 2)
        let left = max(0, (size.width - width) / 2)
        screen.box(
            top: top, left: left, width: width, height: height, title: form.title, glyphs: g,
            style: CellStyle(color: .accent))

        var cursor = (row: top + 1, column: left + 2)
        for (offset, line) in lines.prefix(height - 2).enumerated() {
            let row = top + 1 + offset
            let x = left + 2
            switch line {
            case .blank: break
            case .text(let text, let style):
                screen.text(text, row: row, column: x, width: inner, style: style, glyphs: g)
            case .field(let index):
                let field = form.fields[index]
                let focused = index == form.focus
                screen.put(focused ? ">" : " ", row: row, column: x - 1, style: .bold)
                let labelStyle: CellStyle = focused ? .bold : .plain
                switch field.kind {
                case .checkbox:
                    screen.put(field.checked ? "[x]" : "[ ]", row: row, column: x, style: labelStyle)
                    screen.text(field.label, row: row, column: x + 4, width: inner - 4, style: labelStyle, glyphs: g)
                    if focused { cursor = (row, x + 1) }
                case .text, .secret:
                    screen.text(field.label + ":", row: row, column: x, width: labelWidth, style: labelStyle, glyphs: g)
                    let shown = visibleText(field, width: inputWidth, glyphs: g)
                    let fieldX = x + labelWidth + 1
                    screen.put("[", row: row, column: fieldX, style: labelStyle)
                    screen.text(
                        shown.text, row: row, column: fieldX + 1, width: inputWidth, style: CellStyle(.underline),
                        glyphs: g)
                    screen.put("]", row: row, column: fieldX + 1 + inputWidth, style: labelStyle)
                    if focused { cursor = (row, fieldX + 1 + shown.caretColumn) }
                }
            }
        }
        return cursor
    }

    /// What a text field shows in `width` columns and where its caret is: the text (or one dot
    /// per character of a secret) scrolled so that the caret is visible.
    static func visibleText(_ field: FormField, width: Int, glyphs: Glyphs) -> (text: String, caretColumn: Int) {
        let characters: [String] =
            field.kind == .secret
            ? Array(repeating: glyphs.secretDot, count: field.text.count) : field.text.map { String($0) }
        let caret = min(field.caret, characters.count)
        // Start far enough right that the caret fits.
        var start = 0
        var before = characters[..<caret].reduce(0) { $0 + DisplayWidth.of($1) }
        while before >= width && start < caret {
            before -= DisplayWidth.of(characters[start])
            start += 1
        }
        var text = ""
        var used = 0
        for piece in characters[start...] {
            let w = DisplayWidth.of(piece)
            if used + w > width { break }
            text += piece
            used += w
        }
        return (text, before)
    }
}
