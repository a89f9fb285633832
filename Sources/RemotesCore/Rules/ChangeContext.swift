/// The working copy of both files while a change is applied, and the rules of each change.
/// Pure: no file access; `ConfigStore.apply` reads before and writes after.
struct ChangeContext {
    /// The raw user config, or the merged one once a rule that merges (use, login, logout) ran.
    var user: RemoteConfig
    /// The raw system config.
    var system: RemoteConfig
    var userChanged = false
    var systemChanged = false
    var notices: [Notice] = []
    var removedCount = 0
    let state: ConfigState
    let isRoot: Bool
    let builtinKeyserver: (Remote) -> String?

    init(state: ConfigState, isRoot: Bool, builtinKeyserver: @escaping (Remote) -> String?) {
        self.state = state
        self.user = state.user.config
        self.system = state.system.config
        self.isRoot = isRoot
        self.builtinKeyserver = builtinKeyserver
    }

    var userPath: String { state.user.path }

    mutating func apply(_ change: ConfigChange) throws(RemotesError) {
        switch change {
        case .addRemote(let name, let uri, let insecure, let global, let makeDefault):
            try addRemote(name: name, uri: uri, insecure: insecure, global: global, makeDefault: makeDefault)
        case .removeRemote(let name, let global):
            try removeRemote(name: name, global: global)
        case .useRemote(let name, let global, let exclusive):
            try useRemote(name: name, global: global, exclusive: exclusive)
        case .addKeyserver(let remote, let url, let order, let insecure):
            try addKeyserver(remote: remote, url: url, order: order, insecure: insecure)
        case .removeKeyserver(let remote, let url):
            try removeKeyserver(remote: remote, url: url)
        case .moveKeyserver(let remote, let url, let order):
            try moveKeyserver(remote: remote, url: url, toOrder: order)
        case .storeToken(let remote, let token):
            try storeToken(remote: remote, token: token)
        case .clearToken(let remote):
            try clearToken(remote: remote)
        case .storeCredential(let credential):
            try storeCredential(credential)
        case .removeCredentials(let uri):
            try removeCredentials(uri: uri)
        }
    }

    /// Refuses a change to the system file for a non-root user, with Apptainer's message.
    func requireRootForGlobal() throws(RemotesError) {
        guard isRoot else { throw .failed("Unable to modify global endpoint configuration file: not root user") }
    }

    /// Switches the user config to the merged view (so that the write persists the merged
    /// copies, as Apptainer's sync-then-write does).
    mutating func useMergedUser() {
        user = state.merged
        userChanged = true
    }

    /// Edits the config of the file named by `global` (infallible edits).
    mutating func editTarget(global: Bool, _ body: (inout RemoteConfig) -> Void) {
        if global {
            body(&system)
            systemChanged = true
        } else {
            body(&user)
            userChanged = true
        }
    }

    /// Edits the config of the file named by `global`.
    mutating func editTarget<R>(global: Bool, _ body: (inout RemoteConfig) throws(RemotesError) -> R)
        throws(RemotesError) -> R
    {
        if global {
            let result = try body(&system)
            systemChanged = true
            return result
        }
        let result = try body(&user)
        userChanged = true
        return result
    }
}

/// Go's `%q` for names in messages: the text in double quotes, with `"` and `\` escaped.
func goQuoted(_ text: String) -> String {
    var out = "\""
    for s in text.unicodeScalars {
        switch s {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default:
            if s.value < 0x20 || s.value == 0x7F {
                out += "\\x" + (s.value < 16 ? "0" : "") + String(s.value, radix: 16)
            } else {
                out.unicodeScalars.append(s)
            }
        }
    }
    return out + "\""
}
