/// The endpoint rows that pass the Endpoints pane's filter, with each row's position by name.
/// `UIState` keeps one up to date whenever the files or that filter change, so that moving
/// through 10,000 remotes neither filters nor searches them again on every key.
struct VisibleEndpoints: Sendable {
    /// The filter the rows were chosen with.
    let filter: String
    /// The rows, in `remote list` order.
    let rows: [EndpointRow]
    /// The index in `rows` of each row, by name.
    let positions: [String: Int]

    /// No rows.
    static let empty = VisibleEndpoints(filter: "", rows: [], positions: [:])

    private init(filter: String, rows: [EndpointRow], positions: [String: Int]) {
        self.filter = filter
        self.rows = rows
        self.positions = positions
    }

    /// The rows of `config` whose name or URI contains `filter`, ignoring case. Without a
    /// filter the config's own arrays are shared, not copied.
    init(config: LoadedConfig?, filter: String) {
        guard let config else {
            self.init(filter: filter, rows: [], positions: [:])
            return
        }
        guard !filter.isEmpty else {
            self.init(filter: filter, rows: config.endpointRows, positions: config.endpointPositions)
            return
        }
        let needle = filter.lowercased()
        var rows: [EndpointRow] = []
        var positions: [String: Int] = [:]
        for (index, text) in config.endpointSearchText.enumerated() where text.contains(needle) {
            let row = config.endpointRows[index]
            positions[row.name] = rows.count
            rows.append(row)
        }
        self.init(filter: filter, rows: rows, positions: positions)
    }
}
