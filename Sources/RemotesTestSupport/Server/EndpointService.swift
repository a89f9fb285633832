/// A service that a Library API endpoint announces in its discovery JSON.
public enum EndpointService: String, CaseIterable, Sendable, Hashable {
    /// The container library (`libraryAPI`), also the home of `/v1/rbac/users/current`.
    case library
    /// The keystore, i.e. the built-in keyserver (`keystoreAPI`).
    case keystore
    /// The token service (`tokenAPI`), home of `/v1/token-status`.
    case token
    /// The remote builder (`builderAPI`).
    case builder
    /// The consent service (`consentAPI`).
    case consent

    /// The key in the discovery JSON, e.g. `libraryAPI`.
    public var discoveryKey: String { rawValue + "API" }

    /// The last path component of the service URI on the test server, e.g. `keys`.
    public var pathComponent: String {
        switch self {
        case .library: "library"
        case .keystore: "keys"
        case .token: "token"
        case .builder: "builder"
        case .consent: "consent"
        }
    }

    /// The service whose URI ends with `component`, if any.
    public init?(pathComponent component: String) {
        guard let match = Self.allCases.first(where: { $0.pathComponent == component }) else { return nil }
        self = match
    }
}
