import RemotesCore

/// Everything the UI shows, as a value. Changed only by `handle(_:)`, which returns the effects
/// the event loop must run; no curses, no files, no network here.
struct UIState: Sendable {
    /// The files as last read; nil when they could not be read.
    var config: LoadedConfig? {
        didSet { endpointList = VisibleEndpoints(config: config, filter: pane(.endpoints).filter) }
    }
    /// Where the files are (for the title line), known even when reading failed.
    var locations: ConfigLocations
    /// Whether global edits are allowed.
    var isRoot: Bool
    var size: ScreenSize
    var focus: Pane = .endpoints
    var panes: [Pane: PaneState] = [.endpoints: PaneState(), .keyservers: PaneState(), .logins: PaneState()] {
        didSet {
            let filter = pane(.endpoints).filter
            if filter != endpointList.filter {
                endpointList = VisibleEndpoints(config: config, filter: filter, previous: endpointList)
            }
        }
    }
    /// The endpoint rows that pass the filter, kept up to date by `config` and `panes`.
    private(set) var endpointList = VisibleEndpoints.empty
    var mode: Mode = .browse
    /// The message area's lines.
    var messages: [Message] = []
    /// Running tasks by id.
    var tasks: [Int: PendingTask] = [:]
    var nextTaskID = 1
    /// The status cell of each endpoint that has been checked.
    var statusCells: [String: StatusCell] = [:]
    /// Advances on every tick while tasks run.
    var spinnerFrame = 0
    var glyphs: Glyphs
    /// Set once quitting; no more effects are produced.
    var quitting = false

    init(locations: ConfigLocations, isRoot: Bool, size: ScreenSize, glyphs: Glyphs = .unicode) {
        self.locations = locations
        self.isRoot = isRoot
        self.size = size
        self.glyphs = glyphs
    }

    // MARK: - Derived views of the data

    func pane(_ pane: Pane) -> PaneState { panes[pane] ?? PaneState() }

    /// Changes the remembered state of `pane`.
    mutating func update(_ pane: Pane, _ body: (inout PaneState) -> Void) {
        var value = panes[pane] ?? PaneState()
        body(&value)
        panes[pane] = value
    }

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

    /// The task running for an endpoint row, if any.
    func task(forEndpoint name: String) -> PendingTask? {
        tasks.values.sorted { $0.id < $1.id }.first { $0.endpoint == name }
    }

    /// The layout for the current size and message.
    var layout: Layout { Layout.compute(size, messageRows: messageRowCount) }

    /// 2 when the message does not fit on one line.
    var messageRowCount: Int {
        guard !messages.isEmpty else { return 1 }
        return DisplayWidth.of(messageText) > size.width ? 2 : 1
    }

    /// The message area's text: every message with its prefix.
    var messageText: String {
        messages.map { "\($0.prefix) \($0.text)" }.joined(separator: "  ")
    }

    /// What the keys act on now, for the key table.
    var keyContext: KeyContext {
        switch mode {
        case .browse: return .pane(focus)
        case .filtering: return .filter
        case .form: return .form
        case .confirm: return .confirm
        case .help: return .help
        }
    }

    /// The open form, if any.
    var form: Form? {
        if case .form(let form) = mode { return form }
        return nil
    }

    /// The open confirmation, if any.
    var confirmation: Confirmation? {
        if case .confirm(let confirmation) = mode { return confirmation }
        return nil
    }
}
