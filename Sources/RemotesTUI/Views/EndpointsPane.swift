import RemotesCore

/// The Endpoints pane: name, URI, default, global, exclusive, secure, logged in, status.
enum EndpointsPane {
    static func view(_ state: UIState) -> PaneView {
        let g = state.glyphs
        let rows = state.visibleEndpoints
        let spinner = g.spinner.isEmpty ? "*" : g.spinner[state.spinnerFrame % g.spinner.count]
        let mark = { (on: Bool, style: CellStyle) in TableCell(on ? g.check : "", style) }
        let columns = [
            TableColumn("NAME", .text(min: 6), contentWidth: state.config?.endpointNameWidth) { i in
                TableCell(rows[i].name, rows[i].isDefault ? .bold : .plain)
            },
            TableColumn("URI", .text(min: 8), shortening: .uri, contentWidth: state.config?.endpointURIWidth) { i in
                TableCell(rows[i].uri)
            },
            TableColumn("DEFAULT", short: "DEF", .mark) { i in mark(rows[i].isDefault, CellStyle(color: .accent)) },
            TableColumn("GLOBAL", short: "GLB", .mark) { i in mark(rows[i].isGlobal, .plain) },
            TableColumn("EXCL", short: "EXC", .mark) { i in mark(rows[i].isExclusive, .plain) },
            TableColumn("SECURE", short: "SEC", .mark) { i in
                rows[i].isInsecure
                    ? TableCell(g.insecure, CellStyle(color: .warning)) : TableCell(g.check, CellStyle(color: .good))
            },
            TableColumn("LOGIN", short: "LOG", .mark) { i in
                if case .loginEndpoint = state.task(forEndpoint: rows[i].name)?.kind {
                    return TableCell(spinner, .bold)
                }
                return login(rows[i], now: state.epochSeconds, glyphs: g)
            },
            TableColumn("STATUS", .text(min: 6, want: 20, flex: 1)) { i in
                status(state.statusCells[rows[i].name], spinner)
            },
        ]
        return PaneView(
            pane: .endpoints, title: Pane.endpoints.title, columns: columns, rowCount: rows.count,
            emptyText: emptyText(state))
    }

    /// ✓ when a token is stored, or how long it has left when that is under a month ("12d"),
    /// in the warning colour under a week ("5d", "12h") and "expired" in the error colour:
    /// words, so they read the same without colour.
    static func login(_ row: ConfigOverview.RemoteRow, now: Int64, glyphs g: Glyphs) -> TableCell {
        guard row.isLoggedIn else { return TableCell("") }
        guard let expiry = row.tokenExpiry, now > 0, expiry.expires - now < showDaysWithin else {
            return TableCell(g.check, CellStyle(color: .good))
        }
        let color: CellStyle.ColorRole =
            expiry.isExpired(now: now) ? .error : expiry.needsWarning(now: now) ? .warning : .good
        return TableCell(expiry.shortForm(now: now), CellStyle(color: color))
    }

    /// A token with less than this left shows its days instead of ✓.
    static let showDaysWithin: Int64 = 30 * 86_400

    static func status(_ cell: StatusCell?, _ spinner: String) -> TableCell {
        switch cell {
        case .running?: return TableCell("\(spinner) checking", .bold)
        case .done(let text, let ok)?: return TableCell(text, CellStyle(color: ok ? .good : .warning))
        case nil: return TableCell("")
        }
    }

    private static func emptyText(_ state: UIState) -> String {
        if state.config == nil { return "(the configuration could not be read: see the message below; r reloads)" }
        if !state.pane(.endpoints).filter.isEmpty { return "(no remote matches the filter; Esc clears it)" }
        return "(no remotes: press a to add one)"
    }
}
