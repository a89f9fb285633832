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
    var emptyText: String

    /// The width of the selection marker column (`> `).
    static let markerWidth = 2
    /// The space between columns.
    static let gap = 1

    /// Draws the pane in `frame`; returns where the cursor goes when this pane has the focus.
    @discardableResult
    func render(_ state: UIState, frame: Layout.PaneFrame, on screen: Screen) -> (row: Int, column: Int) {
        let width = state.size.width
        let filtering = state.mode == .filtering && state.focus == pane
        var cursor = renderHeading(state, frame: frame, on: screen)
        guard frame.itemRows > 0 else { return cursor }
        let first = min(state.pane(pane).scroll, max(0, rowCount - 1))
        let shown = rowCount == 0 ? 0..<0 : first..<min(rowCount, first + frame.itemRows)
        let cells = shown.map { index in columns.map { $0.cell(index) } }
        let widths = self.widths(cells: cells, total: width - Self.markerWidth)
        let headers = zip(columns, widths).map { TableCell($0.header(width: $1), .bold) }
        let shortenings = columns.map(\.shortening)
        screen.tableRow(
            headers, widths: widths, row: frame.headerRow, column: Self.markerWidth, glyphs: state.glyphs)
        guard rowCount > 0 else {
            screen.text(
                emptyText, row: frame.itemsTop, column: Self.markerWidth, width: width - Self.markerWidth,
                style: .dim, glyphs: state.glyphs)
            if !filtering { cursor = (frame.itemsTop, 0) }
            return cursor
        }
        let focused = state.focus == pane && isPaneMode(state.mode)
        let selected = state.selectedIndex(pane)
        for (offset, index) in shown.enumerated() {
            let row = frame.itemsTop + offset
            let isSelected = index == selected
            let base: CellStyle.Emphasis = isSelected && focused ? .reverse : []
            if isSelected && focused { screen.fill(row: row, column: 0, width: width, style: .reverse) }
            screen.put(
                isSelected ? "> " : "  ", row: row, column: 0, style: CellStyle(base.union(isSelected ? .bold : [])))
            screen.tableRow(
                cells[offset], widths: widths, shortenings: shortenings, row: row, column: Self.markerWidth,
                base: base, glyphs: state.glyphs)
            if isSelected && !filtering { cursor = (row, 0) }
        }
        return cursor
    }

    /// The column widths for the rows drawn, in `total` columns.
    func widths(cells: [[TableCell]], total: Int) -> [Int] {
        let demands = columns.indices.map { c in
            let content =
                columns[c].contentWidth ?? cells.reduce(0) { Swift.max($0, DisplayWidth.of($1[c].text)) }
            return ColumnLayout.demand(columns[c], content: content)
        }
        return ColumnLayout.widths(demands, total: total - Swift.max(0, columns.count - 1) * Self.gap)
    }

    /// The heading: ━━ 1 Endpoints 2/5 ━━━━━━━━ /filter ━━. Returns where the cursor goes
    /// while the filter is typed.
    private func renderHeading(_ state: UIState, frame: Layout.PaneFrame, on screen: Screen) -> (row: Int, column: Int)
    {
        let width = state.size.width
        let glyphs = state.glyphs
        let paneState = state.pane(pane)
        var cursor = (row: frame.itemsTop, column: 0)
        let line = state.focus == pane ? glyphs.heavyHorizontal : glyphs.horizontal
        screen.rule(row: frame.headingRow, column: 0, width: width, character: line, style: .dim)
        var heading = " \(pane.number) \(title) "
        if let selected = state.selectedIndex(pane), rowCount > 0 {
            heading += "\(selected + 1)/\(rowCount) "
        } else {
            heading += "0 "
        }
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
        return cursor
    }

    private func isPaneMode(_ mode: Mode) -> Bool {
        switch mode {
        case .browse, .filtering: return true
        default: return false
        }
    }
}

extension Screen {
    /// Draws `cells` in columns of `widths` from `column` on `row`, each cut (as `shortenings`
    /// says, at the end by default) or padded to its width; `base` emphasis (the selection's
    /// reverse video) is added to every cell and gap.
    func tableRow(
        _ cells: [TableCell], widths: [Int], shortenings: [TableColumn.Shortening] = [], row: Int, column: Int,
        base: CellStyle.Emphasis = [], glyphs: Glyphs
    ) {
        var x = column
        for (index, cell) in cells.enumerated() where index < widths.count {
            // On the reverse-video selection bar, colours would turn into patches: drop them.
            let style = base.contains(.reverse) ? CellStyle(cell.style.emphasis.union(base)) : cell.style.adding(base)
            var shown = cell.text
            if index < shortenings.count, shortenings[index] == .uri {
                shown = URIShortening.fit(shown, width: widths[index], ellipsis: glyphs.ellipsis)
            }
            text(shown, row: row, column: x, width: widths[index], style: style, glyphs: glyphs)
            x += widths[index]
            if index < cells.count - 1 {
                fill(row: row, column: x, width: PaneView.gap, style: CellStyle(base))
                x += PaneView.gap
            }
        }
    }
}
