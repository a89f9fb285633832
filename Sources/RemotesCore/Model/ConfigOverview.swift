/// What `list` shows and the TUI draws: remotes, the default remote's keyservers, and logins,
/// computed once from a `ConfigState` so both front ends show the same thing.
public struct ConfigOverview: Sendable, Equatable {
    /// One remote.
    public struct RemoteRow: Sendable, Equatable {
        /// Name.
        public var name: String
        /// Stored URI.
        public var uri: String
        /// It is the default (`Active`).
        public var isDefault: Bool
        /// It comes from the system file.
        public var isGlobal: Bool
        /// The administrator made it exclusive.
        public var isExclusive: Bool
        /// Discovery goes over https.
        public var isSecure: Bool
        /// A token is stored.
        public var isLoggedIn: Bool
    }

    /// One keyserver in use (skipped entries are not shown).
    public struct KeyserverRow: Sendable, Equatable {
        /// URL, or nil when it is the built-in keyserver and discovery has not told it yet.
        public var uri: String?
        /// 1-based order.
        public var order: Int
        /// It is the endpoint's own (built-in) keyserver rather than one added.
        public var isBuiltin: Bool
        /// The list lives in the system file.
        public var isGlobal: Bool
        /// http allowed, TLS not verified.
        public var isInsecure: Bool
    }

    /// One login to a registry or keyserver.
    public struct LoginRow: Sendable, Equatable {
        /// What was logged in to, e.g. `docker://registry.example.com`.
        public var uri: String
        /// `registry` or `keyserver`.
        public var kind: String
        /// http allowed, TLS not verified.
        public var isInsecure: Bool
    }

    /// Remotes in byte order of their names.
    public var remotes: [RemoteRow]
    /// The default remote's name, if it exists.
    public var defaultRemote: String?
    /// Keyservers of the default remote.
    public var keyservers: [KeyserverRow]
    /// Logins in file order.
    public var logins: [LoginRow]

    /// The overview of `state`; `builtinKeyserver` tells the built-in keyserver of a remote
    /// when it is known without the network.
    public init(state: ConfigState, builtinKeyserver: (Remote) -> String?) {
        let merged = state.merged
        let names = merged.remotes.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        remotes = names.compactMap { name in
            guard let r = merged.remotes[name] else { return nil }
            return RemoteRow(
                name: name, uri: r.uri, isDefault: name == merged.active, isGlobal: r.system,
                isExclusive: r.exclusive, isSecure: !r.insecure, isLoggedIn: r.isLoggedIn)
        }
        if let active = merged.remotes[merged.active] {
            defaultRemote = merged.active
            keyservers = ConfigOverview.keyservers(of: active, builtinKeyserver: builtinKeyserver)
        } else {
            defaultRemote = nil
            keyservers = []
        }
        logins = merged.credentials.map { c in
            LoginRow(
                uri: c.uri, kind: LoginAddress(c.uri)?.isRegistry == true ? "registry" : "keyserver",
                isInsecure: c.insecure)
        }
    }

    /// The keyservers in use of `remote`, in order, with the built-in one made explicit.
    public static func keyservers(of remote: Remote, builtinKeyserver: (Remote) -> String?) -> [KeyserverRow] {
        guard !remote.keyservers.isEmpty else {
            return [
                KeyserverRow(
                    uri: builtinKeyserver(remote), order: 1, isBuiltin: true, isGlobal: remote.system, isInsecure: false
                )
            ]
        }
        return remote.keyservers.filter { !$0.skip }.enumerated().map { index, k in
            KeyserverRow(
                uri: k.uri, order: index + 1, isBuiltin: !k.external, isGlobal: remote.system, isInsecure: k.insecure)
        }
    }
}
