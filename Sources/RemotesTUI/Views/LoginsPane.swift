/// The Authenticated Logins pane: registry and keyserver logins from `Credentials`.
enum LoginsPane {
    static func view(_ state: UIState) -> PaneView {
        let g = state.glyphs
        let columns = [
            TableColumn("URI", .flex(min: 20, weight: 1)),
            TableColumn("KIND", .fixed(9)),
            TableColumn("SECURE", .fixed(6)),
        ]
        let rows = state.visibleLogins
        let cells = { (index: Int) -> [TableCell] in
            let row = rows[index]
            return [
                TableCell(row.uri),
                TableCell(row.kind.rawValue),
                row.isInsecure
                    ? TableCell(g.insecure, CellStyle(color: .warning)) : TableCell(g.check, CellStyle(color: .good)),
            ]
        }
        let empty =
            state.pane(.logins).filter.isEmpty
            ? "(no logins: press a to log in to a registry or keyserver)"
            : "(no login matches the filter; Esc clears it)"
        return PaneView(
            pane: .logins, title: Pane.logins.title, columns: columns, rowCount: rows.count, cells: cells,
            emptyText: empty)
    }
}
