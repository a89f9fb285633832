import RemotesCore

/// The Authenticated Logins pane: registry and keyserver logins from `Credentials` and the
/// docker config files, where each secret is stored (and which ones Apptainer does not read),
/// and what the last check of each found (`s`, `S`).
enum LoginsPane {
    static func view(_ state: UIState) -> PaneView {
        let g = state.glyphs
        let rows = state.visibleLogins
        let spinner = g.spinner.isEmpty ? "*" : g.spinner[state.spinnerFrame % g.spinner.count]
        let storesKnown = state.config?.overview.storesKnown ?? false
        let home = state.locations.home
        var columns = [
            TableColumn("URI", .text(min: 10, flex: 1), shortening: .uri) { i in TableCell(rows[i].uri) },
            TableColumn("KIND", .text(min: 4)) { i in TableCell(rows[i].kind.rawValue) },
        ]
        if rows.contains(where: { $0.username != nil }) {
            columns.append(TableColumn("USER", .text(min: 4, want: 12)) { i in TableCell(rows[i].username ?? "") })
        }
        if storesKnown {
            columns.append(
                TableColumn("STORED IN", short: "STORED", .text(min: 6)) { i in
                    TableCell(
                        UIState.homeShortened(rows[i].storedInCell, home: home),
                        rows[i].shadowedBy != nil || rows[i].place == nil ? CellStyle(color: .warning) : .plain)
                })
        }
        columns += [
            TableColumn("SECURE", short: "SEC", .mark) { i in
                rows[i].isInsecure
                    ? TableCell(g.insecure, CellStyle(color: .warning)) : TableCell(g.check, CellStyle(color: .good))
            },
            TableColumn("STATUS", .text(min: 6, want: 12)) { i in
                EndpointsPane.status(state.loginCells[rows[i].uri], spinner)
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
