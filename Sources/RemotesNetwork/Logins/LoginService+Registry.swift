import RemotesCore

extension LoginService {
    /// Checks the credentials with the registry, then stores the secret and the remote.yaml entry.
    func loginToRegistry(_ request: LoginRequest) async throws(RemotesError) -> LoginReport {
        let registry = try RegistryAddress(parsing: request.uri)
        let location = dockerConfig(authFile: request.authFile)
        let secrets = RegistrySecretStore(
            path: location.path, environment: environment, helperTimeout: helperTimeout, lockPolicy: store.lockPolicy)
        // Refuse a broken docker config, a missing helper or a broken remote.yaml before the
        // registry is asked anything.
        _ = try secrets.helper(for: registry.serverKey)
        if !location.isExplicit { _ = try store.load() }

        let verification = try await RegistryCredentialCheck(fetcher: fetcher).verify(
            registry, username: request.username, password: request.password, insecure: request.insecure)
        var notices: [Notice] = []
        if !verification.isChecked {
            notices.append(
                .warning(
                    "The registry at \(verification.baseURL) answered without asking for credentials, so it did not check them; the login is stored anyway"
                ))
        }
        if let warning = secrets.file.permissionWarning() { notices.append(warning) }
        let place = try await secrets.store(
            server: registry.serverKey, username: request.username, password: request.password)
        notices.append(.info("Token stored in \(place)"))
        var recorded: String?
        if !location.isExplicit {
            let outcome = try store.apply(.storeCredential(Credential(uri: registry.uri, insecure: request.insecure)))
            notices += outcome.notices
            recorded = registry.uri
        }
        return LoginReport(
            target: .registry(registry, verification, place), recordedURI: recorded, insecure: request.insecure,
            notices: notices)
    }

    /// Removes the registry secret and its remote.yaml entries.
    func logoutOfRegistry(uri: String, authFile: String?) async throws(RemotesError) -> LogoutReport {
        let registry = try RegistryAddress(parsing: uri)
        let location = dockerConfig(authFile: authFile)
        let secrets = RegistrySecretStore(
            path: location.path, environment: environment, helperTimeout: helperTimeout, lockPolicy: store.lockPolicy)
        let removed = try await secrets.erase(server: registry.serverKey, otherKeys: registry.legacyServerKeys)
        var notices: [Notice] = []
        if removed.isEmpty {
            notices.append(.warning("There is no existing login to registry \"\(registry.authority)\"."))
        }
        for place in removed { notices.append(.info("Token removed from \(place)")) }
        var count = 0
        if !location.isExplicit {
            let outcome = try store.apply(.removeCredentials(uri: registry.uri))
            notices += outcome.notices
            count = outcome.removedCount
        }
        notices.append(.info("Logout succeeded"))
        return LogoutReport(removedSecrets: removed, removedEntries: count, notices: notices)
    }
}
