/// How a registry took a login's credentials.
public struct RegistryVerification: Sendable, Equatable {
    /// What the registry did with the credentials.
    public enum Method: Sendable, Equatable {
        /// It asked for a Bearer token, and its token server (`realm`) issued one for them.
        case bearerToken(realm: String)
        /// It asked for Basic auth, and `/v2/` answered 200 with them.
        case basic
        /// `/v2/` answered 200 without asking for credentials: they were not checked.
        case anonymous
    }

    /// What the registry did.
    public var method: Method
    /// `https://host[:port]` or `http://host[:port]`: where the registry answered.
    public var baseURL: String

    /// Makes a verification result.
    public init(method: Method, baseURL: String) {
        self.method = method
        self.baseURL = baseURL
    }

    /// True when the registry really checked the credentials.
    public var isChecked: Bool { method != .anonymous }
}
