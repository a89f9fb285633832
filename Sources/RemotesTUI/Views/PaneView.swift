/// Draws one pane: its heading (number, name, position, filter), the column header and the
/// visible rows, with the selection marked by `>` and, in the focused pane, reverse video.
/// Only the rows that fit are made into cells, so a pane of 10,000 rows costs what a pane of
/// ten does.
struct PaneView {
    var pane: Pane
    var title: String
    var columns: [TableColumn]
    /// How many rows pass the filter.
    var rowCount: Int
    /// The cells of row `index` (0 ..< rowCount).
    var cells: (Int) -> [TableCell]
    var emptyText: String

    /// The width of the selection marker column (`> `).
    static let markerWidth = 2

    /// Draws the pane in `frame`; returns where the cursor goes when this pane has the focus.
    @discardableResult
    func render(_ state: UIState, frame: Layout.PaneFrame, on screen: Screen) -> (row: Int, column: Int) {
        let width = state.size.width
        let glyphs = state.glyphs
        let focused = state.focus == pane && isPaneMode(state.mode)
        let paneState = state.pane(pane)
        let selected = state.selectedIndex(pane)
        var cursor = (row: frame.itemsTop, column: 0)

        // Heading: ━━ 1 Endpoints 2/5 ━━━━━━━━ /filter ━━
        let line = state.focus == pane ? glyphs.heavyHorizontal : glyphs.horizontal
        screen.rule(row: frame.headingRow, column: 0, width: width, character: line, style: .dim)
        var heading = " \(pane.number) \(title) "
        if let selected, rowCount > 0 { heading += "\(selected + 1)/\(rowCount) " } else { heading += "0 " }
        let headingStyle: CellStyle = state.focus == pane ? CellStyle([.bold, .reverse], color: .accent) : .bold
        screen.put(
            DisplayWidth.truncate(heading, to: max(0, width - 4), ellipsis: glyphs.ellipsis), row: frame.headingRow,
            column: 2, style: headingStyle)
        let filtering = state.mode == .filtering && state.focus == pane
        if filtering || !paneState.filter.isEmpty {
            let filterText = " filter: /\(paneState.filter)\(filtering ? "" : " (Esc clears)") "
            let shown = DisplayWidth.truncate(filterText, to: max(0, width / 2), ellipsis: glyphs.ellipsis)
            let x = max(2 + DisplayWidth.of(heading) + 1, width - DisplayWidth.of(shown) - 2)
            screen.put(shown, row: frame.headingRow, column: x, style: CellStyle(.bold))
            if filtering {
                cursor = (frame.headingRow, min(width - 1, x + DisplayWidth.of(" filter: /\(paneState.filter)")))
            }
        }
        guard frame.itemRows > 0 else { return cursor }

        // Column header.
        let widths = TableColumn.widths(columns, total: width - Self.markerWidth)
        screen.tableRow(
            columns.map { TableCell($0.title, .bold) }, widths: widths, row: frame.headerRow,
            column: Self.markerWidth, glyphs: glyphs)
        guard rowCount > 0 else {
            screen.text(
                emptyText, row: frame.itemsTop, column: Self.markerWidth, width: width - Self.markerWidth,
                style: .dim, glyphs: glyphs)
            if !filtering { cursor = (frame.itemsTop, 0) }
            return cursor
        }
        let first = min(paneState.scroll, max(0, rowCount - 1))
        for index in first..<min(rowCount, first + frame.itemRows) {
            let cells = self.cells(index)
            let row = frame.itemsTop + index - first
            let isSelected = index == selected
            let base: CellStyle.Emphasis = isSelected && focused ? .reverse : []
            if isSelected && focused { screen.fill(row: row, column: 0, width: width, style: .reverse) }
            screen.put(
                isSelected ? "> " : "  ", row: row, column: 0, style: CellStyle(base.union(isSelected ? .bold : [])))
            screen.tableRow(cells, widths: widths, row: row, column: Self.markerWidth, base: base, glyphs: glyphs)
            if isSelected && !filtering { cursor = (row, 0) }
        }
        return cursor
    }

    private func isPaneMode(_ mode: Mode) -> Bool {
        switch mode {
        case .browse, .filtering: return true
        default: return false
        }
    }
}
