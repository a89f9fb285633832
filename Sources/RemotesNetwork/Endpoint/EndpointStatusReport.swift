import RemotesCore

/// Everything `remote status` finds out about one remote: discovery, each service's health,
/// the token, and who the token belongs to. Failures are data here, not errors, so that one
/// report can say several things (a service down and the token invalid).
public struct EndpointStatusReport: Sendable, Equatable {
    /// The remote's name.
    public var name: String
    /// Its stored URI.
    public var uri: String
    /// The base URL discovery used.
    public var baseURL: String
    /// Where the service list came from; nil when discovery failed.
    public var origin: DiscoveredServices.Origin?
    /// Why discovery failed (`while retrieving services: …`); nil when it worked.
    public var discoveryError: RemotesError?
    /// One entry per discovered service, sorted by name.
    public var services: [ServiceHealth]
    /// The token's state.
    public var token: TokenState
    /// Who the token belongs to, when the token is valid and the library says.
    public var identity: UserIdentity?
    /// Extra lines to show (the placeholder endpoint's explanation, cache warnings).
    public var notices: [Notice]
    /// When the stored token says it expires (its JWT `exp`); nil without a token or when the
    /// token is not a JWT with an `exp`. For display: the token service decides validity.
    public var tokenExpiry: TokenExpiry?

    /// Makes a report.
    public init(
        name: String, uri: String, baseURL: String, origin: DiscoveredServices.Origin?, discoveryError: RemotesError?,
        services: [ServiceHealth], token: TokenState, identity: UserIdentity?, notices: [Notice],
        tokenExpiry: TokenExpiry? = nil
    ) {
        self.name = name
        self.uri = uri
        self.baseURL = baseURL
        self.origin = origin
        self.discoveryError = discoveryError
        self.services = services
        self.token = token
        self.identity = identity
        self.notices = notices
        self.tokenExpiry = tokenExpiry
    }

    /// The token line with the expiry, when known: `Valid authentication token set (logged in),
    /// expires 2027-01-05 (in 33 days).`
    public func tokenSentence(now: Int64 = TokenExpiry.now()) -> String {
        let sentence = token.sentence
        guard let tokenExpiry, token != .absent, sentence.hasSuffix(".") else { return sentence }
        return sentence.dropLast() + ", " + tokenExpiry.phrase(now: now) + "."
    }

    /// A WARNING when the stored token has expired or expires within 7 days (whatever the
    /// token service said: an expired token it still accepts will soon be refused).
    public func expiryWarning(now: Int64 = TokenExpiry.now()) -> Notice? {
        guard let tokenExpiry, token != .absent, tokenExpiry.needsWarning(now: now) else { return nil }
        let advice =
            tokenExpiry.isExpired(now: now)
            ? "log in again with 'remotes login \(name)'" : "log in again before then with 'remotes login \(name)'"
        return .warning("The access token of \(name) \(tokenExpiry.phrase(now: now)): \(advice)")
    }

    /// The services that did not answer properly.
    public var failedServices: [ServiceHealth] {
        services.filter { if case .unavailable = $0.state { return true } else { return false } }
    }

    /// True when discovery worked, every checked service answered, and the token is valid or absent.
    public var isHealthy: Bool {
        discoveryError == nil && failedServices.isEmpty && (token == .absent || token == .valid)
    }
}
