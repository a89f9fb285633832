import RemotesCore

extension LoginService {
    /// Checks the credentials with a configured keyserver, then stores them in remote.yaml.
    func loginToKeyserver(_ request: LoginRequest) async throws(RemotesError) -> LoginReport {
        try request.validated()
        let address = try LoginRequest.keyserverAddress(of: request.uri)
        let state = try store.load()
        let configured = state.merged.sortedNames.lazy.compactMap { state.merged.remotes[$0] }
            .flatMap(\.keyservers).first { $0.external && KeyserverAddress($0.uri) == address }
        guard let configured else { throw .failed("no external keyserver configuration found for \(request.uri)") }
        var notices: [Notice] = []
        var insecure = request.insecure
        if configured.insecure && !insecure {
            notices.append(.warning("\(request.uri) is configured as insecure, forcing insecure flag for login"))
            insecure = true
        }
        let authorization = AuthorizationHeader.forKeyserver(username: request.username, password: request.password)
        let redactor = SecretRedactor([
            request.password, authorization,
            AuthorizationHeader.basicToken(username: request.username, password: request.password),
        ])
        try await KeyserverCredentialCheck(fetcher: fetcher).verify(
            keyserver: request.uri, authorization: authorization, insecure: insecure, redactor: redactor)
        let outcome = try store.apply(
            .storeCredential(Credential(uri: request.uri, auth: authorization, insecure: insecure)))
        notices += outcome.notices
        return LoginReport(
            target: .keyserver(request.uri), recordedURI: request.uri, insecure: insecure, notices: notices)
    }

    /// Removes the keyserver's remote.yaml entries (nothing happens on the network).
    func logoutOfKeyserver(uri: String) throws(RemotesError) -> LogoutReport {
        _ = try LoginRequest.keyserverAddress(of: uri)
        let outcome = try store.apply(.removeCredentials(uri: uri))
        var notices = outcome.notices
        if outcome.removedCount == 0 {
            notices.append(.warning("There is no existing login to keyserver \"\(uri)\"."))
        }
        notices.append(.info("Logout succeeded"))
        return LogoutReport(removedSecrets: [], removedEntries: outcome.removedCount, notices: notices)
    }
}
