/// One column of a pane's table: its headers, how it takes width, how its text is shortened,
/// and its cell for each row. A pane is a list of these; adding a column is one more entry.
struct TableColumn {
    /// How a cell's text is cut when the column is narrower than it.
    enum Shortening {
        /// At the end, with an ellipsis.
        case end
        /// In the middle of a URI's path, so that its host and port stay visible.
        case uri
    }

    /// The header when the column is wide enough (`DEFAULT`).
    var title: String
    /// The header otherwise (`DEF`).
    var shortTitle: String
    var sizing: ColumnSizing
    var shortening: Shortening
    /// The widest cell, when known without looking at every row (the endpoints' names and
    /// URIs, measured once per read); nil: measured over the rows drawn.
    var contentWidth: Int?
    /// The cell of row `index`.
    var cell: (Int) -> TableCell

    init(
        _ title: String, short: String? = nil, _ sizing: ColumnSizing, shortening: Shortening = .end,
        contentWidth: Int? = nil, cell: @escaping (Int) -> TableCell
    ) {
        self.title = title
        self.shortTitle = short ?? title
        self.sizing = sizing
        self.shortening = shortening
        self.contentWidth = contentWidth
        self.cell = cell
    }

    /// The header for a column `width` wide.
    func header(width: Int) -> String { DisplayWidth.of(title) <= width ? title : shortTitle }
}

/// How a column takes width: never narrower than `min` (or its short header), never wider
/// than `max`; its content counts up to `want` columns when room is short; and it shares, by
/// `flex`, the room left once every column shows its content whole.
struct ColumnSizing: Sendable, Equatable {
    var min: Int
    var max: Int?
    var want: Int?
    var flex: Int

    /// A text column (a name, a URI).
    static func text(min: Int, want: Int? = nil, flex: Int = 0) -> ColumnSizing {
        ColumnSizing(min: min, max: nil, want: want, flex: flex)
    }

    /// A column of marks (✓): as wide as its header allows.
    static let mark = ColumnSizing(min: 1, max: nil, want: nil, flex: 0)
}

/// One cell of a table row: its text and style.
struct TableCell {
    var text: String
    var style: CellStyle

    init(_ text: String, _ style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }
}
