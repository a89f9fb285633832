import RemotesCore

/// The files as the UI shows them: the loaded state plus what the UI needs that `ConfigState`
/// does not hold (built-in keyservers known without the network, and whether the user is root).
struct LoadedConfig: Sendable {
    /// The files as read.
    var state: ConfigState
    /// The built-in keyserver of each remote without a keyserver list, when known.
    var builtinKeyservers: [String: String]
    /// Whether global (system file) edits are allowed.
    var isRoot: Bool
    /// Endpoints in `remote list` order (byte-wise by name), made once per read: with
    /// thousands of remotes, sorting on every key would not keep up with typing.
    let endpointRows: [EndpointRow]
    /// The position of each endpoint in `endpointRows`, by name.
    let endpointPositions: [String: Int]
    /// The UTF-8 of lowercased `name` NUL `uri` of each row of `endpointRows`, for the filter.
    let endpointSearchBytes: [[UInt8]]
    /// Logins in file order.
    let loginRows: [LoginRow]
    /// The keyservers that have a login, parsed once (the Keyservers pane's LOGIN column).
    let keyserverLogins: Set<KeyserverAddress>

    /// Reads the files through `store`.
    static func load(_ store: ConfigStore) throws(RemotesError) -> LoadedConfig {
        try LoadedConfig(state: store.load(), store: store)
    }

    /// Wraps `state`, looking up built-in keyservers through `store`.
    init(state: ConfigState, store: ConfigStore) {
        self.state = state
        self.isRoot = store.isRoot
        var builtins: [String: String] = [:]
        for (name, remote) in state.merged.remotes where remote.keyservers.isEmpty {
            builtins[name] = store.builtinKeyserver(of: remote)
        }
        self.builtinKeyservers = builtins
        let merged = state.merged
        let rows = merged.remotes.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { name, remote in
            EndpointRow(
                name: name, uri: remote.uri, isDefault: merged.active == name, global: remote.system,
                exclusive: remote.exclusive, insecure: remote.insecure, loggedIn: remote.isLoggedIn)
        }
        endpointRows = rows
        var positions: [String: Int] = [:]
        positions.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() { positions[row.name] = index }
        endpointPositions = positions
        endpointSearchBytes = rows.map { Array(($0.name + "\u{0}" + $0.uri).lowercased().utf8) }
        keyserverLogins = Set(merged.credentials.compactMap { KeyserverAddress($0.uri) })
        loginRows = merged.credentials.map {
            LoginRow(
                uri: $0.uri, kind: LoginAddress($0.uri)?.isRegistry == true ? .registry : .keyserver,
                insecure: $0.insecure)
        }
    }

    /// The keyservers of `remote`: entries in use with their order, then skipped ones. A remote
    /// without a list shows its built-in keyserver when it is known.
    func keyserverRows(of name: String) -> [KeyserverRow] {
        guard let remote = state.merged.remotes[name] else { return [] }
        let logins = keyserverLogins
        func loggedIn(_ uri: String) -> Bool { !logins.isEmpty && KeyserverAddress(uri).map(logins.contains) == true }
        if remote.keyservers.isEmpty {
            guard let builtin = builtinKeyservers[name] else { return [] }
            return [
                KeyserverRow(
                    uri: builtin, order: 1, insecure: false, builtin: true, loggedIn: loggedIn(builtin))
            ]
        }
        var rows: [KeyserverRow] = []
        var order = 0
        for entry in remote.keyservers where !entry.skip {
            order += 1
            rows.append(
                KeyserverRow(
                    uri: entry.uri, order: order, insecure: entry.insecure, builtin: !entry.external,
                    loggedIn: loggedIn(entry.uri)))
        }
        for entry in remote.keyservers where entry.skip {
            rows.append(
                KeyserverRow(
                    uri: entry.uri, order: nil, insecure: entry.insecure, builtin: !entry.external,
                    loggedIn: loggedIn(entry.uri)))
        }
        return rows
    }
}
