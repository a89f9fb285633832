import RemotesCore

/// The endpoint rows that pass the Endpoints pane's filter, with each row's position by name.
/// `UIState` keeps one up to date whenever the files or that filter change, so that moving
/// through 10,000 remotes neither filters nor searches them again on every key; and a filter
/// that grows by a typed character only searches the rows that matched before.
struct VisibleEndpoints: Sendable {
    /// The filter the rows were chosen with.
    let filter: String
    /// The rows, in `remote list` order.
    let rows: [ConfigOverview.RemoteRow]
    /// The index in `rows` of each row, by name.
    let positions: [String: Int]
    /// For each row, its index in the config's `endpointRows`; nil when every row is shown.
    private let sourceIndices: [Int]?

    /// No rows.
    static let empty = VisibleEndpoints(filter: "", rows: [], positions: [:], sourceIndices: nil)

    private init(filter: String, rows: [ConfigOverview.RemoteRow], positions: [String: Int], sourceIndices: [Int]?) {
        self.filter = filter
        self.rows = rows
        self.positions = positions
        self.sourceIndices = sourceIndices
    }

    /// The rows of `config` whose name or URI contains `filter`, ignoring case. Without a
    /// filter the config's own arrays are shared, not copied. `previous`, when it was made from
    /// the same config with a filter that `filter` extends, narrows the search to its rows.
    init(config: LoadedConfig?, filter: String, previous: VisibleEndpoints? = nil) {
        guard let config else {
            self.init(filter: filter, rows: [], positions: [:], sourceIndices: [])
            return
        }
        guard !filter.isEmpty else {
            self.init(
                filter: filter, rows: config.endpointRows, positions: config.endpointPositions, sourceIndices: nil)
            return
        }
        let needle = Array(filter.lowercased().utf8)
        // A filter that grows by what was typed can only match rows that matched before.
        let narrowing = previous.map { !$0.filter.isEmpty && filter.hasPrefix($0.filter) } ?? false
        let candidates = narrowing ? previous?.sourceIndices : nil
        let search = config.endpointSearchBytes
        let matching =
            candidates.map { $0.filter { Self.contains(search[$0], needle) } }
            ?? search.indices.filter { Self.contains(search[$0], needle) }
        // When no row dropped out (typing `l`, `la`, `lab` over `lab-…` names), keep sharing the
        // rows and positions instead of copying 10,000 of them.
        if matching.count == search.count {
            self.init(
                filter: filter, rows: config.endpointRows, positions: config.endpointPositions, sourceIndices: nil)
            return
        }
        if let previous, narrowing, matching.count == previous.rows.count {
            self.init(
                filter: filter, rows: previous.rows, positions: previous.positions,
                sourceIndices: previous.sourceIndices)
            return
        }
        let rows = matching.map { config.endpointRows[$0] }
        var positions: [String: Int] = [:]
        positions.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() { positions[row.name] = index }
        self.init(filter: filter, rows: rows, positions: positions, sourceIndices: matching)
    }

    /// True when `haystack` holds the bytes of `needle` (a plain byte search: the texts are
    /// short, and this allocates nothing).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                var start = 0
                let last = h.count - n.count
                while start <= last {
                    if h[start] == first {
                        var offset = 1
                        while offset < n.count && h[start + offset] == n[offset] { offset += 1 }
                        if offset == n.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
