/// The contents of one `remote.yaml` (user or system), as Apptainer's `remote.Config` holds it.
///
/// Keys Apptainer does not know are kept in `extraKeys` so that a round trip loses nothing.
public struct RemoteConfig: Sendable, Equatable {
    /// `Active`: the name of the default remote, or "" for none.
    public var active: String
    /// `Remotes`: remotes by name.
    public var remotes: [String: Remote]
    /// `Credentials`: registry and keyserver logins, in insertion order.
    public var credentials: [Credential]
    /// Top-level keys Apptainer does not know, in file order.
    public var extraKeys: [YAMLPair]

    /// Makes a config.
    public init(
        active: String = "", remotes: [String: Remote] = [:], credentials: [Credential] = [],
        extraKeys: [YAMLPair] = []
    ) {
        self.active = active
        self.remotes = remotes
        self.credentials = credentials
        self.extraKeys = extraKeys
    }

    /// Remote names in the order go-yaml writes them.
    public var sortedNames: [String] { NaturalKeyOrder.sorted(remotes.keys) }

    /// True when the file would hold a secret: an endpoint token or a login's `Auth`.
    public var holdsSecrets: Bool {
        remotes.values.contains { !$0.token.isEmpty } || credentials.contains { !$0.auth.isEmpty }
    }
}

/// One remote endpoint (`endpoint.Config`).
public struct Remote: Sendable, Equatable {
    /// `URI`: host and optional path, without scheme; or `scheme://host:port` for a URI with a
    /// port (see docs/design.md, "URIs with a port").
    public var uri: String
    /// `Token`: the access token, "" when logged out.
    public var token: String
    /// `System`: the remote belongs to the system file (in a user file: a copy made by merging).
    public var system: Bool
    /// `Exclusive`: the administrator made this the only usable remote.
    public var exclusive: Bool
    /// `Insecure`: service discovery over http.
    public var insecure: Bool
    /// `Keyservers`: the ordered keyserver list; empty means "the built-in one only".
    public var keyservers: [Keyserver]
    /// Keys Apptainer does not know.
    public var extraKeys: [YAMLPair]

    /// Makes a remote.
    public init(
        uri: String, token: String = "", system: Bool = false, exclusive: Bool = false,
        insecure: Bool = false, keyservers: [Keyserver] = [], extraKeys: [YAMLPair] = []
    ) {
        self.uri = uri
        self.token = token
        self.system = system
        self.exclusive = exclusive
        self.insecure = insecure
        self.keyservers = keyservers
        self.extraKeys = extraKeys
    }

    /// True when a token is stored.
    public var isLoggedIn: Bool { !token.isEmpty }
}

/// One keyserver entry of a remote (`endpoint.ServiceConfig`).
public struct Keyserver: Sendable, Equatable {
    /// `URI`: the full URL, with scheme.
    public var uri: String
    /// `Skip`: a built-in keyserver that was removed; kept in the list but not used.
    public var skip: Bool
    /// `External`: added by the user or administrator (false for the built-in keyserver).
    public var external: Bool
    /// `Insecure`: allow http and skip TLS verification for this keyserver.
    public var insecure: Bool
    /// Keys Apptainer does not know.
    public var extraKeys: [YAMLPair]

    /// Makes a keyserver entry.
    public init(
        uri: String, skip: Bool = false, external: Bool = true, insecure: Bool = false, extraKeys: [YAMLPair] = []
    ) {
        self.uri = uri
        self.skip = skip
        self.external = external
        self.insecure = insecure
        self.extraKeys = extraKeys
    }
}

/// One login to a registry or keyserver (`credential.Config`).
public struct Credential: Sendable, Equatable {
    /// `URI`: `docker://host`, `oras://host:port` or a keyserver URL.
    public var uri: String
    /// `Auth`: the full Authorization header value for keyservers; "" for registries, whose
    /// secret lives in the docker config or a credential helper.
    public var auth: String
    /// `Insecure`: http allowed, TLS not verified.
    public var insecure: Bool
    /// Keys Apptainer does not know.
    public var extraKeys: [YAMLPair]

    /// Makes a credential entry.
    public init(uri: String, auth: String = "", insecure: Bool = false, extraKeys: [YAMLPair] = []) {
        self.uri = uri
        self.auth = auth
        self.insecure = insecure
        self.extraKeys = extraKeys
    }
}
