import RemotesCore

/// Logging in to an endpoint (reference §3.7): the token is verified with the endpoint first,
/// and only then stored through `ConfigStore.apply(.storeToken…)`, so a rejected token leaves
/// remote.yaml untouched. Both front ends use this; prompting for the token (and asking before
/// replacing one) is theirs.
public struct TokenLogin: Sendable {
    /// Verifies tokens.
    public let verifier: TokenVerifier

    /// A login that verifies with `verifier`.
    public init(verifier: TokenVerifier) {
        self.verifier = verifier
    }

    /// A login over `discovery`.
    public init(discovery: ServiceDiscovery) {
        self.verifier = TokenVerifier(discovery: discovery)
    }

    /// The text of the token page of an endpoint: `https://URI/auth/tokens` (http when insecure).
    public static func tokenPage(of remote: Remote) -> String {
        EndpointURI.baseURL(stored: remote.uri, insecure: remote.insecure) + "/auth/tokens"
    }

    /// Verifies `token` for `remote` without writing anything. Errors start with
    /// `while verifying token: ` (e.g. `while verifying token: error response from server:
    /// Invalid Credentials`).
    public func verify(token: String, for remote: NamedRemote, refresh: Bool = false) async throws(RemotesError)
        -> VerifiedToken
    {
        do {
            try await verifier.verify(token: token, for: remote.remote, refresh: refresh)
        } catch {
            throw RemotesError(error.category, "while verifying token: " + error.message)
        }
        return VerifiedToken(
            remote: remote.name, notices: [.info("Access Token Verified!")],
            change: .storeToken(remote: remote.name, token: token))
    }

    /// Verifies `token` for the remote called `name` in `store`, then stores it. The outcome's
    /// notices start with `Access Token Verified!` and end with `Token stored in <file>`. With
    /// `expecting`, nothing is written if the files changed since they were read with those
    /// fingerprints. The blocking file work runs off the caller's thread.
    public func login(
        remote name: String, token: String, store: ConfigStore, refresh: Bool = false,
        expecting: ConfigState.Fingerprints? = nil
    ) async throws(RemotesError) -> ChangeOutcome {
        try AccessTokenRequest(token: token, source: "the request").validated()
        let state = try await OffThread.run { () throws(RemotesError) in try store.load() }
        guard let remote = state.merged.remotes[name] else { throw .failed("\(name) is not a remote") }
        let verified = try await verify(token: token, for: NamedRemote(name: name, remote: remote), refresh: refresh)
        var outcome = try await OffThread.run { () throws(RemotesError) in
            try store.apply(verified.change, expecting: expecting)
        }
        outcome.notices = verified.notices + outcome.notices
        return outcome
    }
}
