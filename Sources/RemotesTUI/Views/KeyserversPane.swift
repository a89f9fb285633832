/// The Keyservers pane: the ordered keyservers of the selected endpoint.
enum KeyserversPane {
    static func view(_ state: UIState) -> PaneView {
        let g = state.glyphs
        let columns = [
            TableColumn("ORDER", .fixed(5)),
            TableColumn("URI", .flex(min: 16, weight: 1)),
            TableColumn("SECURE", .fixed(6)),
            TableColumn("SOURCE", .fixed(8)),
            TableColumn("LOGIN", .fixed(5)),
        ]
        let rows = state.visibleKeyservers
        let cells = { (index: Int) -> [TableCell] in
            let row = rows[index]
            let source: String
            if row.order == nil {
                source = "removed"
            } else {
                source = row.isBuiltin ? "built-in" : "added"
            }
            let dim: CellStyle = row.order == nil ? .dim : .plain
            return [
                TableCell(row.order.map { "#\($0)" } ?? "-", dim),
                TableCell(row.uri ?? "", dim),
                row.isInsecure
                    ? TableCell(g.insecure, CellStyle(color: .warning)) : TableCell(g.check, CellStyle(color: .good)),
                TableCell(source, dim),
                TableCell(row.isLoggedIn ? g.check : "", CellStyle(color: .good)),
            ]
        }
        let endpoint = state.selectedEndpoint
        let title = endpoint.map { "Keyservers of \($0.name)" } ?? Pane.keyservers.title
        let empty: String
        if let endpoint {
            if !state.pane(.keyservers).filter.isEmpty {
                empty = "(no keyserver matches the filter; Esc clears it)"
            } else {
                empty = "(built-in keyserver of \(endpoint.name) not known yet: press s to look it up)"
            }
        } else {
            empty = "(no endpoint selected)"
        }
        return PaneView(
            pane: .keyservers, title: title, columns: columns, rowCount: rows.count, cells: cells, emptyText: empty)
    }
}
