/// The Authenticated Logins pane: registry and keyserver logins from `Credentials`.
enum LoginsPane {
    static func view(_ state: UIState) -> PaneView {
        let g = state.glyphs
        let rows = state.visibleLogins
        let columns = [
            TableColumn("URI", .text(min: 10, flex: 1), shortening: .uri) { i in TableCell(rows[i].uri) },
            TableColumn("KIND", .text(min: 4)) { i in TableCell(rows[i].kind.rawValue) },
            TableColumn("SECURE", short: "SEC", .mark) { i in
                rows[i].isInsecure
                    ? TableCell(g.insecure, CellStyle(color: .warning)) : TableCell(g.check, CellStyle(color: .good))
            },
        ]
        let empty =
            state.pane(.logins).filter.isEmpty
            ? "(no logins: press a to log in to a registry or keyserver)"
            : "(no login matches the filter; Esc clears it)"
        return PaneView(
            pane: .logins, title: Pane.logins.title, columns: columns, rowCount: rows.count, emptyText: empty)
    }
}
