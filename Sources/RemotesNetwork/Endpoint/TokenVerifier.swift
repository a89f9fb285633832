import RemotesCore

/// Token verification (reference §4.2): `GET <token service>/v1/token-status` with
/// `Authorization: Bearer <token>`. 200 means valid; any other status is rejected with
/// Apptainer's words (404 `Invalid Credentials`, 500 `Internal Server Error`, else `Unknown`).
/// The token is never part of an error message, and goes over plain http only where
/// `TokenDestination` allows it.
public struct TokenVerifier: Sendable {
    /// Finds the token service.
    public let discovery: ServiceDiscovery

    /// A verifier that finds the token service with `discovery`.
    public init(discovery: ServiceDiscovery) {
        self.discovery = discovery
    }

    /// Checks `token` with the token service of `remote`. Throws when the endpoint has no token
    /// service (`no authentication service found`), cannot be asked, or rejects the token
    /// (`error response from server: Invalid Credentials`, category `failed`).
    public func verify(token: String, for remote: Remote, refresh: Bool = false) async throws(RemotesError) {
        let services = try await discovery.services(of: remote, refresh: refresh)
        guard let tokenService = services.catalog.uri(of: "token") else {
            throw TokenVerifier.noTokenService(services)
        }
        try await verify(token: token, tokenService: tokenService, remoteBaseURL: services.baseURL)
    }

    /// Checks `token` with the token service at `tokenService` (its base URI from discovery) of
    /// the remote whose base URL is `remoteBaseURL`.
    public func verify(token: String, tokenService: String, remoteBaseURL: String) async throws(RemotesError) {
        if let error = await state(of: token, tokenService: tokenService, remoteBaseURL: remoteBaseURL).error {
            throw error
        }
    }

    /// What the token service at `tokenService` says about `token`: valid (200), invalid (the
    /// server refused it with a 4xx status), or unchecked (no answer, a server error, or a token
    /// service on plain http that `TokenDestination` refuses for the remote at `remoteBaseURL`).
    public func state(of token: String, tokenService: String, remoteBaseURL: String) async -> TokenState {
        let url = TokenVerifier.statusURL(tokenService: tokenService)
        let result: HTTPResult
        do {
            try TokenDestination.check(url, remoteBaseURL: remoteBaseURL)
            result = try await discovery.fetcher.get(url, headers: [("Authorization", "Bearer " + token)])
        } catch {
            return .unchecked(error)
        }
        if result.status == 200 { return .valid }
        let error = TokenVerifier.rejection(status: result.status)
        return (400..<500).contains(result.status) ? .invalid(error) : .unchecked(error)
    }

    /// `<token service>/v1/token-status`.
    public static func statusURL(tokenService: String) -> String {
        var base = tokenService
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/v1/token-status"
    }

    /// The error for a token-status answer other than 200, in Apptainer's words: 404 `Invalid
    /// Credentials`, 500 `Internal Server Error`, anything else `Unknown` (with the status
    /// added). Category `failed` for a 4xx (the server refused the token), `unavailable` for
    /// the rest (the server could not tell).
    public static func rejection(status: Int) -> RemotesError {
        let category: RemotesError.Category = (400..<500).contains(status) ? .failed : .unavailable
        switch status {
        case 404: return RemotesError(category, "error response from server: Invalid Credentials")
        case 500: return RemotesError(category, "error response from server: Internal Server Error")
        default: return RemotesError(category, "error response from server: Unknown (\(HTTPResult.statusText(status)))")
        }
    }

    /// The error for an endpoint whose discovery lists no token service.
    static func noTokenService(_ services: DiscoveredServices) -> RemotesError {
        if services.origin == .builtin {
            return .failed(
                "no authentication service found: \(BuiltinServices.apptainerCloudURI) is Apptainer's placeholder endpoint, which has no token service"
            )
        }
        return .failed("no authentication service found")
    }
}
