/// Draws the open form in a box over the panes. Secret fields show one dot per character and
/// never their text; errors sit under the field they belong to.
enum FormView {
    /// One line of the form box.
    enum Line {
        case text(String, CellStyle)
        case field(Int)
        case blank
    }

    /// The form's geometry on a screen of `size`.
    struct Metrics {
        var width: Int
        var inner: Int { width - 4 }
        var labelWidth: Int
        var inputWidth: Int { max(4, inner - labelWidth - 4) }

        init(_ form: Form, size: ScreenSize) {
            width = min(size.width - 4, 76)
            labelWidth = min(18, (form.fields.filter(\.isText).map { DisplayWidth.of($0.label) }.max() ?? 0) + 1)
        }
    }

    /// Draws `form`; returns where the cursor goes (the caret of the focused field).
    static func render(_ form: Form, state: UIState, on screen: Screen) -> (row: Int, column: Int) {
        let g = state.glyphs
        let size = state.size
        let m = Metrics(form, size: size)
        let lines = self.lines(form, state: state, metrics: m)
        let height = min(size.height - 2, lines.count + 2)
        let top = max(1, (size.height - height) / 2)
        let left = max(0, (size.width - m.width) / 2)
        screen.box(
            top: top, left: left, width: m.width, height: height, title: form.title, glyphs: g,
            style: CellStyle(color: .accent))
        var cursor = (row: top + 1, column: left + 2)
        for (offset, line) in lines.prefix(height - 2).enumerated() {
            let row = top + 1 + offset
            switch line {
            case .blank: break
            case .text(let text, let style):
                screen.text(text, row: row, column: left + 2, width: m.inner, style: style, glyphs: g)
            case .field(let index):
                let caret = drawField(form, index, row: row, x: left + 2, metrics: m, glyphs: g, on: screen)
                if index == form.focus { cursor = caret }
            }
        }
        return cursor
    }

    /// The lines of the form, fitted to the height there is: an explanation that does not fit
    /// whole is left out rather than cut mid-sentence.
    private static func lines(_ form: Form, state: UIState, metrics m: Metrics) -> [Line] {
        let g = state.glyphs
        var intro: [Line] = form.intro.flatMap { TextWrap.lines($0, width: m.inner) }.map { .text($0, .dim) }
        var body: [Line] = []
        for (index, field) in form.fields.enumerated() {
            body.append(.field(index))
            if let error = field.error {
                let indent = field.isText ? m.labelWidth + 2 : 4
                body += errorLines(error, width: m.inner - indent).map {
                    .text(String(repeating: " ", count: indent) + $0, CellStyle(.bold, color: .error))
                }
            }
        }
        var tail: [Line] = [.blank]
        if let error = form.error {
            tail += errorLines(error, width: m.inner).map { .text($0, CellStyle(.bold, color: .error)) }
        }
        if form.pendingTask != nil {
            let spinner = g.spinner.isEmpty ? "*" : g.spinner[state.spinnerFrame % g.spinner.count]
            tail.append(.text("\(spinner) checking… (Esc cancels)", .bold))
        }
        let footer =
            "Enter \(form.submitLabel) \(g.separator) Esc cancel \(g.separator) Tab next"
            + (form.fields.contains { $0.kind == .checkbox } ? " \(g.separator) Space toggles" : "")
        tail.append(.text(footer, .dim))
        if intro.count + 1 + body.count + tail.count > max(0, state.size.height - 4) { intro = [] }
        return intro + (intro.isEmpty ? [] : [.blank]) + body + tail
    }

    /// Draws field `index` on `row` from `x`; returns where its caret is.
    private static func drawField(
        _ form: Form, _ index: Int, row: Int, x: Int, metrics m: Metrics, glyphs g: Glyphs, on screen: Screen
    ) -> (row: Int, column: Int) {
        let field = form.fields[index]
        let focused = index == form.focus
        screen.put(focused ? ">" : " ", row: row, column: x - 1, style: .bold)
        let labelStyle: CellStyle = focused ? .bold : .plain
        switch field.kind {
        case .checkbox:
            screen.put(field.checked ? "[x]" : "[ ]", row: row, column: x, style: labelStyle)
            screen.text(field.label, row: row, column: x + 4, width: m.inner - 4, style: labelStyle, glyphs: g)
            return (row, x + 1)
        case .text, .secret:
            screen.text(field.label + ":", row: row, column: x, width: m.labelWidth, style: labelStyle, glyphs: g)
            let shown = visibleText(field, width: m.inputWidth, glyphs: g)
            let fieldX = x + m.labelWidth + 1
            screen.put("[", row: row, column: fieldX, style: labelStyle)
            screen.text(
                shown.text, row: row, column: fieldX + 1, width: m.inputWidth, style: CellStyle(.underline), glyphs: g)
            screen.put("]", row: row, column: fieldX + 1 + m.inputWidth, style: labelStyle)
            return (row, fieldX + 1 + shown.caretColumn)
        }
    }

    /// An error's lines under a field: the cause first, so that what is cut (past four lines)
    /// is where it happened, never why.
    static func errorLines(_ error: String, width: Int) -> [String] {
        let lines = TextWrap.lines(ErrorText.causeFirst(error), width: width)
        guard lines.count > maximumErrorLines else { return lines }
        return Array(lines.prefix(maximumErrorLines - 1)) + [
            DisplayWidth.truncate(lines[(maximumErrorLines - 1)...].joined(separator: " "), to: width)
        ]
    }

    /// The most lines an error takes in a form.
    static let maximumErrorLines = 4

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
