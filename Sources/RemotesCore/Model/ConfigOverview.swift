/// What `list` prints and the UI's three panes draw: the one place where rows are derived from
/// the files, sorted and numbered. `list`, `list --format json`, `keyserver list` and the UI
/// read it; none of them derives rows of its own.
public struct ConfigOverview: Sendable {
    /// One remote endpoint.
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
        /// Discovery goes over http (`Insecure`).
        public var isInsecure: Bool
        /// A token is stored.
        public var isLoggedIn: Bool
        /// When the stored token says it expires (its JWT `exp`); nil without a token, or when
        /// the token is not a JWT with an `exp`. For display only: the server decides validity.
        public var tokenExpiry: TokenExpiry?
        /// Discovery goes over https.
        public var isSecure: Bool { !isInsecure }
        /// The URL requests go to (`https://` or `http://` and the stored URI).
        public var baseURL: String { EndpointURI.baseURL(stored: uri, insecure: isInsecure) }
    }

    /// One keyserver of a remote.
    public struct KeyserverRow: Sendable, Equatable {
        /// URL, or nil when it is the built-in keyserver and discovery has not told it yet.
        public var uri: String?
        /// 1-based order among the entries in use; nil for a skipped (removed built-in) entry.
        public var order: Int?
        /// It is the endpoint's own (built-in) keyserver rather than one added.
        public var isBuiltin: Bool
        /// The list lives in the system file.
        public var isGlobal: Bool
        /// http allowed, TLS not verified.
        public var isInsecure: Bool
        /// A keyserver login is stored for it.
        public var isLoggedIn: Bool
        /// Plain http: `http://` or `hkp://`, whatever `Insecure` says.
        public var isPlainHTTP: Bool { uri.flatMap(KeyserverAddress.init)?.scheme == "http" }
        /// Requests go over https with TLS checked: not insecure and not plain http.
        public var isSecure: Bool { !isInsecure && !isPlainHTTP }
    }

    /// One login to a registry or keyserver, with where its secret lives (see `StoredLogin`).
    public typealias LoginRow = StoredLogin

    /// Remotes in byte order of their names (Go's `sort.Strings`, as Apptainer lists them).
    public let remotes: [RemoteRow]
    /// The default remote's name, if it exists.
    public let defaultRemote: String?
    /// Logins: remote.yaml's in file order, then the registry credentials found only in docker
    /// config files (when the overview was given them; see `StoredLogins.rows`).
    public let logins: [LoginRow]
    /// True when the docker config files were read, so that each login's `place` and
    /// `shadowedBy` are known (a nil `place` then means that no secret was found).
    public let storesKnown: Bool
    /// WARNINGs about docker config files that could not be read.
    public let loginNotices: [Notice]
    /// The merged config the rows come from.
    private let merged: RemoteConfig
    /// Built-in keyservers known without the network, by remote name.
    private var builtinKeyservers: [String: String]
    /// Keyservers that have a login.
    private let keyserverLogins: Set<KeyserverAddress>

    /// Which remotes' built-in keyservers to look up (each may read a discovery cache file).
    public enum BuiltinLookup: Sendable {
        /// Only the default remote's (what `list` shows).
        case defaultRemote
        /// Every remote's (the UI shows any remote's keyservers).
        case everyRemote
    }

    /// The overview of `state`; `builtinKeyserver` tells the built-in keyserver of a remote
    /// when it is known without the network. With `dockerConfigs`, the logins also say where each
    /// secret lives and list the registry credentials found only in those files; without it,
    /// only remote.yaml's logins are listed and their storage is unknown.
    public init(
        state: ConfigState, builtinKeyserver: (Remote) -> String?, lookUp: BuiltinLookup = .defaultRemote,
        dockerConfigs: DockerConfigSnapshot? = nil
    ) {
        let merged = state.merged
        self.merged = merged
        remotes = ConfigOverview.byteOrder(merged.remotes.keys).compactMap { name in
            guard let r = merged.remotes[name] else { return nil }
            return RemoteRow(
                name: name, uri: r.uri, isDefault: name == merged.active, isGlobal: r.system,
                isExclusive: r.exclusive, isInsecure: r.insecure, isLoggedIn: r.isLoggedIn,
                tokenExpiry: r.token.isEmpty ? nil : TokenExpiry(jwt: r.token))
        }
        defaultRemote = merged.remotes[merged.active] == nil ? nil : merged.active
        var builtins: [String: String] = [:]
        let candidates = lookUp == .everyRemote ? Array(merged.remotes.keys) : defaultRemote.map { [$0] } ?? []
        for name in candidates {
            if let remote = merged.remotes[name], remote.keyservers.isEmpty, let uri = builtinKeyserver(remote) {
                builtins[name] = uri
            }
        }
        builtinKeyservers = builtins
        keyserverLogins = Set(merged.credentials.compactMap { KeyserverAddress($0.uri) })
        if let dockerConfigs {
            logins = StoredLogins.rows(
                credentials: merged.credentials, userFile: state.locations.userFile, files: dockerConfigs)
        } else {
            logins = StoredLogins.recorded(merged.credentials, userFile: state.locations.userFile)
        }
        storesKnown = dockerConfigs != nil
        loginNotices = dockerConfigs?.notices ?? []
    }

    /// Records the built-in keyserver of remote `name` that service discovery told later (a
    /// status check); true when it was not known before and the remote has no list of its own.
    @discardableResult
    public mutating func learnBuiltinKeyserver(_ uri: String, of name: String) -> Bool {
        guard builtinKeyservers[name] == nil, merged.remotes[name]?.keyservers.isEmpty == true else { return false }
        builtinKeyservers[name] = uri
        return true
    }

    /// The default remote's keyservers in use, in order (`list`'s Keyservers section).
    public var keyservers: [KeyserverRow] {
        defaultRemote.map { keyservers(of: $0).filter { $0.order != nil } } ?? []
    }

    /// Every keyserver of remote `name`: the entries in use with their order, then skipped ones.
    /// A remote without a list has its built-in keyserver (uri nil when not yet discovered).
    public func keyservers(of name: String) -> [KeyserverRow] {
        guard let remote = merged.remotes[name] else { return [] }
        func loggedIn(_ uri: String?) -> Bool {
            guard let uri, !keyserverLogins.isEmpty, let address = KeyserverAddress(uri) else { return false }
            return keyserverLogins.contains(address)
        }
        guard !remote.keyservers.isEmpty else {
            let uri = builtinKeyservers[name]
            return [
                KeyserverRow(
                    uri: uri, order: 1, isBuiltin: true, isGlobal: remote.system, isInsecure: false,
                    isLoggedIn: loggedIn(uri))
            ]
        }
        let inUse = remote.keyservers.filter { !$0.skip }
        let skipped = remote.keyservers.filter(\.skip)
        return inUse.enumerated().map { index, k in
            KeyserverRow(
                uri: k.uri, order: index + 1, isBuiltin: !k.external, isGlobal: remote.system,
                isInsecure: k.insecure, isLoggedIn: loggedIn(k.uri))
        }
            + skipped.map { k in
                KeyserverRow(
                    uri: k.uri, order: nil, isBuiltin: !k.external, isGlobal: remote.system, isInsecure: k.insecure,
                    isLoggedIn: loggedIn(k.uri))
            }
    }

    /// Names in byte order (Go's `sort.Strings`): uppercase before lowercase.
    public static func byteOrder<S: Sequence>(_ names: S) -> [String] where S.Element == String {
        names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
