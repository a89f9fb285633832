import RemotesCore

/// The rows each pane shows, the selection among them, and what a key acts on.
extension UIState {
    /// Endpoint rows that pass the filter.
    var visibleEndpoints: [ConfigOverview.RemoteRow] { endpointList.rows }

    /// The endpoint whose keyservers are shown and that `u`, `l`, `o`, `s` act on.
    var selectedEndpoint: ConfigOverview.RemoteRow? {
        let list = endpointList
        if let key = pane(.endpoints).selected, let index = list.positions[key] { return list.rows[index] }
        return list.rows.first
    }

    /// Keyserver rows of the selected endpoint that pass the filter.
    var visibleKeyservers: [ConfigOverview.KeyserverRow] {
        guard let config, let endpoint = selectedEndpoint else { return [] }
        let filter = pane(.keyservers).filter
        return config.keyserverRows(of: endpoint.name).filter { matches(filter, $0.uri ?? "") }
    }

    var selectedKeyserver: ConfigOverview.KeyserverRow? {
        let rows = visibleKeyservers
        let key = pane(.keyservers).selected
        return rows.first { $0.uri == key } ?? rows.first
    }

    /// Login rows that pass the filter.
    var visibleLogins: [ConfigOverview.LoginRow] {
        let rows = config?.loginRows ?? []
        let filter = pane(.logins).filter
        return rows.filter { matches(filter, $0.uri, $0.kind.rawValue) }
    }

    var selectedLogin: ConfigOverview.LoginRow? {
        let rows = visibleLogins
        let key = pane(.logins).selected
        return rows.first { $0.uri == key } ?? rows.first
    }

    /// How many rows of `pane` pass the filter.
    func visibleCount(_ pane: Pane) -> Int {
        switch pane {
        case .endpoints: return endpointList.rows.count
        case .keyservers: return visibleKeyservers.count
        case .logins: return visibleLogins.count
        }
    }

    /// The key (name or URI) of row `index` of `pane`; `index` must be valid.
    func visibleKey(_ pane: Pane, at index: Int) -> String {
        switch pane {
        case .endpoints: return endpointList.rows[index].name
        case .keyservers: return visibleKeyservers[index].uri ?? ""
        case .logins: return visibleLogins[index].uri
        }
    }

    /// The index of the row with `key` among the visible rows of `pane`, if it is there.
    func visibleIndex(_ pane: Pane, of key: String) -> Int? {
        switch pane {
        case .endpoints: return endpointList.positions[key]
        case .keyservers: return visibleKeyservers.firstIndex { $0.uri == key }
        case .logins: return visibleLogins.firstIndex { $0.uri == key }
        }
    }

    /// The key of the row after `key` in `pane`, else of the one before it: what is selected
    /// once `key` is removed.
    func neighbour(of key: String, in pane: Pane) -> String? {
        let count = visibleCount(pane)
        let index = visibleIndex(pane, of: key) ?? 0
        if index + 1 < count { return visibleKey(pane, at: index + 1) }
        return index > 0 ? visibleKey(pane, at: index - 1) : nil
    }

    /// Index of the selected row of `pane` among the visible rows.
    func selectedIndex(_ pane: Pane) -> Int? {
        guard visibleCount(pane) > 0 else { return nil }
        return visibleIndex(pane, of: self.pane(pane).selected ?? "") ?? 0
    }

    private func matches(_ filter: String, _ fields: String...) -> Bool {
        guard !filter.isEmpty else { return true }
        let needle = filter.lowercased()
        return fields.contains { $0.lowercased().contains(needle) }
    }

}
