/// One line of a scrollable box: its text and style.
struct StyledLine: Sendable, Equatable {
    var text: String
    var style: CellStyle

    init(_ text: String, _ style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }
}

/// Where the help, the message log and the details are drawn: a box over the panes with a title
/// in its top border, a footer line, and as many lines as fit between them.
struct ScrollBox: Sendable, Equatable {
    var top: Int
    var left: Int
    var width: Int
    var height: Int

    /// The columns text may take inside the box.
    var inner: Int { max(1, width - 4) }
    /// The rows of lines between the top border and the footer.
    var rows: Int { max(1, height - 3) }

    /// The box on a screen of `size`, at most `maxWidth` wide, centred.
    static func frame(_ size: ScreenSize, maxWidth: Int) -> ScrollBox {
        let width = max(4, min(size.width - 2, maxWidth))
        return ScrollBox(top: 1, left: max(0, (size.width - width) / 2), width: width, height: max(4, size.height - 2))
    }

    /// The first of `choices` that fits inside the box (the last, cut, when none does).
    func fitting(_ choices: [String]) -> String {
        choices.first { DisplayWidth.of($0) <= inner } ?? choices.last ?? ""
    }

    /// Draws the box with `lines` and `footer`; returns where the cursor goes (the first line).
    @discardableResult
    func draw(title: String, lines: ArraySlice<StyledLine>, footer: String, glyphs: Glyphs, on screen: Screen) -> (
        row: Int, column: Int
    ) {
        screen.box(
            top: top, left: left, width: width, height: height, title: title, glyphs: glyphs,
            style: CellStyle(color: .accent))
        for (offset, line) in lines.prefix(rows).enumerated() {
            screen.text(
                line.text, row: top + 1 + offset, column: left + 2, width: inner, style: line.style, glyphs: glyphs)
        }
        screen.text(footer, row: top + height - 2, column: left + 2, width: inner, style: .dim, glyphs: glyphs)
        return (top + 1, left + 2)
    }
}

extension TextWrap {
    /// `text` wrapped to `width` after a first-line `lead`, with the lines after it indented to
    /// the lead's width: `  Esc       close the help` and its continuation.
    static func hanging(_ lead: String, _ text: String, width: Int, style: CellStyle = .plain) -> [StyledLine] {
        let indent = DisplayWidth.of(lead)
        let pieces = lines(text, width: max(1, width - indent))
        let pad = String(repeating: " ", count: indent)
        return pieces.enumerated().map { index, piece in StyledLine((index == 0 ? lead : pad) + piece, style) }
    }
}
