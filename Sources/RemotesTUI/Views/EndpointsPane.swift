/// The Endpoints pane: name, URI, default, global, exclusive, secure, logged in, status.
enum EndpointsPane {
    static func view(_ state: UIState) -> PaneView {
        let g = state.glyphs
        let narrow = state.size.width < 72
        let columns = [
            TableColumn("NAME", .flex(min: 8, weight: 3)),
            TableColumn("URI", .flex(min: 10, weight: 4)),
            TableColumn(narrow ? "DEF" : "DEFAULT", .fixed(narrow ? 3 : 7)),
            TableColumn(narrow ? "GLB" : "GLOBAL", .fixed(narrow ? 3 : 6)),
            TableColumn(narrow ? "EXC" : "EXCL", .fixed(narrow ? 3 : 4)),
            TableColumn(narrow ? "SEC" : "SECURE", .fixed(narrow ? 3 : 6)),
            TableColumn(narrow ? "LOG" : "LOGIN", .fixed(narrow ? 3 : 5)),
            TableColumn("STATUS", .flex(min: 8, weight: 3)),
        ]
        let spinner = g.spinner.isEmpty ? "*" : g.spinner[state.spinnerFrame % g.spinner.count]
        let rows = state.visibleEndpoints
        let cells = { (index: Int) -> [TableCell] in
            let row = rows[index]
            let task = state.task(forEndpoint: row.name)
            var login = TableCell(row.isLoggedIn ? g.check : "", CellStyle(color: .good))
            if case .loginEndpoint = task?.kind { login = TableCell(spinner, .bold) }
            var status = TableCell("")
            switch state.statusCells[row.name] {
            case .running?: status = TableCell("\(spinner) checking", .bold)
            case .done(let text, let ok)?: status = TableCell(text, CellStyle(color: ok ? .good : .warning))
            case nil: break
            }
            return [
                TableCell(row.name, row.isDefault ? .bold : .plain),
                TableCell(row.uri),
                TableCell(row.isDefault ? g.check : "", CellStyle(color: .accent)),
                TableCell(row.isGlobal ? g.check : ""),
                TableCell(row.isExclusive ? g.check : ""),
                row.isInsecure
                    ? TableCell(g.insecure, CellStyle(color: .warning)) : TableCell(g.check, CellStyle(color: .good)),
                login,
                status,
            ]
        }
        let empty: String
        if state.config == nil {
            empty = "(the configuration could not be read: see the message below; r reloads)"
        } else if !state.pane(.endpoints).filter.isEmpty {
            empty = "(no remote matches the filter; Esc clears it)"
        } else {
            empty = "(no remotes: press a to add one)"
        }
        return PaneView(
            pane: .endpoints, title: Pane.endpoints.title, columns: columns, rowCount: rows.count, cells: cells,
            emptyText: empty)
    }
}
