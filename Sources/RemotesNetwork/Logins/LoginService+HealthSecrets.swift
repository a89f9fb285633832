import RemotesCore

/// The health check's helpers: where each stored secret is now, and the reasons it reports.
extension LoginService {
    /// The registry secret where `login` keeps it now: the docker config file's entry, or the
    /// helper's `get`. Nil when it is gone.
    func registrySecret(of login: StoredLogin) async throws(RemotesError) -> StoredSecret? {
        guard let place = login.place, let key = login.serverKey else { return nil }
        switch place {
        case .file(let path):
            return try DockerConfigStore(path: path).read().storedSecret(for: key)
        case .helper(let name, _):
            let helper = try CredentialHelper(name: name, environment: environment, timeout: helperTimeout)
            guard let found = try await helper.get(server: key) else { return nil }
            guard !found.secret.isEmpty else { return nil }
            // docker-credential-helpers store identity tokens under the user name `<token>`.
            let kind: StoredSecret.Kind = found.username == "<token>" ? .identityToken : .password
            return StoredSecret(username: found.username, secret: found.secret, kind: kind)
        }
    }

    /// remote.yaml's entry for a keyserver login, read now.
    func keyserverCredential(of login: StoredLogin) throws(RemotesError) -> Credential? {
        let credentials = try store.load().merged.credentials
        if let exact = credentials.last(where: { $0.uri == login.uri }) { return exact }
        guard let address = KeyserverAddress(login.uri) else { return nil }
        return credentials.last { KeyserverAddress($0.uri) == address }
    }

    /// Why a login has no secret.
    static func missingReason(_ login: StoredLogin) -> String {
        switch (login.kind, login.place) {
        case (.keyserver, _):
            return "remote.yaml has no Authorization stored for this keyserver"
        case (.registry, .helper(let name, _)?):
            return "docker-credential-\(name) has no login for \(login.serverKey ?? login.uri)"
        case (.registry, .file(let path)?):
            return "the entry for \(login.serverKey ?? login.uri) in \(path) holds no secret"
        case (.registry, nil):
            return
                "remote.yaml records this login, but no docker config file or credential helper holds its secret: a pull would be anonymous"
        }
    }

    /// The status and reason of a failed check: a refusal is `rejected` (`expired` when the
    /// token's `exp` is past or the server says "expired"); a connection, TLS, timeout or server
    /// failure is `unreachable`; anything else `unchecked`.
    static func classify(_ error: RemotesError, rejected: Bool, expiry: TokenExpiry?, now: Int64)
        -> (LoginHealth.Status, String)
    {
        if rejected {
            let expired = expiry?.isExpired(now: now) == true || error.message.lowercased().contains("expired")
            return (expired ? .expired : .rejected, error.message)
        }
        if error.category == .unavailable || error.message.hasPrefix("error making request to server") {
            return (.unreachable, error.message)
        }
        return (.unchecked, error.message)
    }

    /// What a successful registry check did.
    static func describe(_ verification: RegistryVerification) -> String {
        switch verification.method {
        case .basic: return "\(verification.baseURL)/v2/ accepted the credentials (Basic)"
        case .bearerToken(let realm): return "the token server \(realm) issued a token for the credentials"
        case .anonymous:
            return "\(verification.baseURL)/v2/ answered without asking for credentials, so they were not checked"
        }
    }

    /// `reason`, then `; expires 2027-01-05 (in 33 days)` when the expiry is known.
    static func withExpiry(_ reason: String, _ expiry: TokenExpiry?, now: Int64) -> String {
        guard let expiry else { return reason }
        return reason + "; the token \(expiry.phrase(now: now))"
    }
}
