/// Draws a confirmation: the question and two buttons, No first and focused at first.
enum ConfirmView {
    /// Draws `confirmation`; returns where the cursor goes (the focused button).
    static func render(_ confirmation: Confirmation, state: UIState, on screen: Screen) -> (row: Int, column: Int) {
        let g = state.glyphs
        let size = state.size
        let width = min(size.width - 4, max(44, DisplayWidth.of(confirmation.question) + 6))
        let inner = width - 4
        let question = Array(TextWrap.lines(confirmation.question, width: inner).prefix(max(1, size.height - 8)))
        let height = question.count + 6
        let top = max(1, (size.height - height) / 2)
        let left = max(0, (size.width - width) / 2)
        screen.box(
            top: top, left: left, width: width, height: height, title: confirmation.title, glyphs: g,
            style: CellStyle(color: .warning))
        for (i, line) in question.enumerated() {
            screen.text(line, row: top + 1 + i, column: left + 2, width: inner, style: .bold, glyphs: g)
        }
        let no = "[ No ]"
        let yes = "[ \(confirmation.yesLabel) ]"
        let buttonsWidth = DisplayWidth.of(no) + 4 + DisplayWidth.of(yes)
        let buttonsRow = top + question.count + 2
        let noX = left + max(2, (width - buttonsWidth) / 2)
        let yesX = noX + DisplayWidth.of(no) + 4
        screen.put(
            no, row: buttonsRow, column: noX, style: confirmation.yesFocused ? .plain : CellStyle([.reverse, .bold]))
        screen.put(
            yes, row: buttonsRow, column: yesX, style: confirmation.yesFocused ? CellStyle([.reverse, .bold]) : .plain)
        screen.put(">", row: buttonsRow, column: (confirmation.yesFocused ? yesX : noX) - 1, style: .bold)
        screen.text(
            "y yes \(g.separator) n/Esc no \(g.separator) Enter answers the focused button", row: top + height - 2,
            column: left + 2, width: inner, style: .dim, glyphs: g)
        return (buttonsRow, (confirmation.yesFocused ? yesX : noX) + 2)
    }
}
