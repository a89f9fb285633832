/// The Keyservers pane: the ordered keyservers of the selected endpoint.
enum KeyserversPane {
    static func view(_ state: UIState) -> PaneView {
        let g = state.glyphs
        let rows = state.visibleKeyservers
        let dim = { (i: Int) -> CellStyle in rows[i].order == nil ? .dim : .plain }
        let columns = [
            TableColumn("ORDER", short: "#", .text(min: 2)) { i in
                TableCell(rows[i].order.map { "#\($0)" } ?? "-", dim(i))
            },
            TableColumn("URI", .text(min: 10, flex: 1), shortening: .uri) { i in TableCell(rows[i].uri ?? "", dim(i)) },
            TableColumn("SECURE", short: "SEC", .mark) { i in
                rows[i].isSecure
                    ? TableCell(g.check, CellStyle(color: .good)) : TableCell(g.insecure, CellStyle(color: .warning))
            },
            TableColumn("SOURCE", short: "SRC", .text(min: 3)) { i in
                let row = rows[i]
                return TableCell(row.order == nil ? "removed" : row.isBuiltin ? "built-in" : "added", dim(i))
            },
            TableColumn("LOGIN", short: "LOG", .mark) { i in
                TableCell(rows[i].isLoggedIn ? g.check : "", CellStyle(color: .good))
            },
        ]
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
        return PaneView(pane: .keyservers, title: title, columns: columns, rowCount: rows.count, emptyText: empty)
    }
}
