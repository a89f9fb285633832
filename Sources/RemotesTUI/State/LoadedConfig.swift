import RemotesCore

/// The files as the UI shows them: the loaded state, its `ConfigOverview` (the rows every front
/// end shows), and the UI's own indexes over those rows for moving and filtering quickly.
struct LoadedConfig: Sendable {
    /// The files as read.
    var state: ConfigState
    /// The rows, derived once per read by the core (the same as `list`'s).
    var overview: ConfigOverview
    /// Whether global (system file) edits are allowed.
    var isRoot: Bool
    /// The position of each endpoint in `overview.remotes`, by name: with thousands of remotes,
    /// searching on every key would not keep up with typing.
    let endpointPositions: [String: Int]
    /// The UTF-8 of lowercased `name` NUL `uri` of each row of `overview.remotes`, for the filter.
    let endpointSearchBytes: [[UInt8]]
    /// The display width of the widest endpoint name, and of the widest URI: the columns the
    /// Endpoints pane wants for them, measured once per read.
    let endpointNameWidth: Int
    let endpointURIWidth: Int

    /// Endpoint rows in `remote list` order.
    var endpointRows: [ConfigOverview.RemoteRow] { overview.remotes }
    /// Logins in file order.
    var loginRows: [ConfigOverview.LoginRow] { overview.logins }

    /// Reads the files through `store`; `environment` chooses the docker config files
    /// (`APPTAINER_AUTH_FILE`, `DOCKER_CONFIG`), read to tell where each login's secret is.
    static func load(_ store: ConfigStore, environment: [String: String] = [:]) throws(RemotesError) -> LoadedConfig {
        try LoadedConfig(state: store.load(), store: store, environment: environment)
    }

    /// Wraps `state`, looking up built-in keyservers through `store` and the docker config
    /// files `environment` chooses (never a credential helper, never a secret kept).
    init(state: ConfigState, store: ConfigStore, environment: [String: String] = [:]) {
        self.state = state
        self.isRoot = store.isRoot
        let dockerConfigs = DockerConfigSnapshot.read(
            authFile: nil, environment: environment, locations: store.locations)
        overview = ConfigOverview(
            state: state, builtinKeyserver: store.builtinKeyserver, lookUp: .everyRemote, dockerConfigs: dockerConfigs)
        let rows = overview.remotes
        var positions: [String: Int] = [:]
        positions.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() { positions[row.name] = index }
        endpointPositions = positions
        endpointSearchBytes = rows.map { Array(($0.name + "\u{0}" + $0.uri).lowercased().utf8) }
        endpointNameWidth = rows.reduce(0) { max($0, DisplayWidth.of($1.name)) }
        endpointURIWidth = rows.reduce(0) { max($0, DisplayWidth.of($1.uri)) }
    }

    /// The keyservers of remote `name` the pane lists: those with a known URL (a built-in
    /// keyserver that discovery has not told yet has no row to act on).
    func keyserverRows(of name: String) -> [ConfigOverview.KeyserverRow] {
        overview.keyservers(of: name).filter { $0.uri != nil }
    }
}
