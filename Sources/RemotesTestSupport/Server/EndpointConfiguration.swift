/// What the test server announces and how it answers. Change it at any time with
/// `EndpointTestServer.configure`.
public struct EndpointConfiguration: Sendable {
    /// The services listed in the discovery JSON (all five by default).
    public var announcedServices: Set<EndpointService> = Set(EndpointService.allCases)
    /// The base of the service URIs in the discovery JSON; nil: this server,
    /// `<scheme>://<host>:<port>`. The request's path prefix is appended either way.
    public var baseURL: String?
    /// Full service URIs that replace the computed ones (the prefix is not appended).
    public var serviceURIs: [EndpointService: String] = [:]
    /// The library's `registryUri`; nil: `<base><prefix>/registry`.
    public var registryURI: String?
    /// Whether the library entry carries a `registryUri` at all.
    public var announcesRegistryURI = true

    /// The version each service's `/version` reports, when not `defaultVersion`.
    public var versions: [EndpointService: String] = [:]
    /// The version reported by services without an entry in `versions`.
    public var defaultVersion = "v1.2.3"

    /// Bearer tokens that `/v1/token-status` and `/v1/rbac/users/current` accept.
    public var validTokens: Set<String> = []
    /// The status `/v1/token-status` gives for a missing or unknown token (Sylabs: 404).
    public var invalidTokenStatus = 404

    /// The user name reported by `/v1/rbac/users/current`.
    public var username = "alice"
    /// The e-mail reported by `/v1/rbac/users/current`.
    public var email = "alice@example.org"
    /// The `oidc_user_meta.secret` reported by `/v1/rbac/users/current`.
    public var secret = "oidc-secret-for-tests"
    /// False makes `/v1/rbac/users/current` answer 404 (an endpoint without the user API).
    public var userEndpointFound = true

    /// Basic credentials that `/pks/lookup` accepts; with these or `keyserverTokens` set, other
    /// requests get 401 and `WWW-Authenticate: Basic realm="keys"`.
    public var keyserverCredentials: BasicCredentials?
    /// Bearer tokens that `/pks/lookup` accepts.
    public var keyserverTokens: Set<String> = []
    /// The body `/pks/lookup` answers (machine-readable index format).
    public var keyserverIndex = """
        info:1:1
        pub:1F79753523EB2BB2EDE71853C6E45ED8441E5BCA:22:256:1795940648::
        uid:Alice Test <alice@example.org>:1795940648::

        """

    /// With these set, `/v2/` plays an OCI registry with Basic auth: 401 and `WWW-Authenticate:
    /// Basic realm="registry"` without them, 200 `{}` with them (for benchmarks of many
    /// registries; the login tests use Debian's docker-registry).
    public var registryCredentials: BasicCredentials?

    /// Misbehaviours by path; see `PathMatch` for which one wins.
    public var misbehaviours: [PathMatch: Misbehaviour] = [:]

    /// The default configuration: every service, no valid tokens, keyserver without auth.
    public init() {}

    /// The misbehaviour for `path`, if any applies.
    public func misbehaviour(for path: String) -> Misbehaviour? {
        misbehaviours.filter { $0.key.matches(path) }.max { $0.key.precedence < $1.key.precedence }?.value
    }
}
