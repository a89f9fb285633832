import RemotesCore

extension LoginService {
    /// `logout --everywhere URI`: removes a registry's login from every store remotes knows, not
    /// only from the docker config file Apptainer reads: each docker config file that exists
    /// (`--authfile`/`APPTAINER_AUTH_FILE`, the Apptainer folder's `docker-config.json`, docker's
    /// `config.json`), the credential helper each of them names for the registry, and remote.yaml's
    /// `Credentials` entries. A store that fails does not stop the others: its error is in the
    /// report's `failures`. A keyserver URI is logged out as `logout` does (its secret is only in
    /// remote.yaml). Errors are worded `while logging out of <uri>: …`.
    public func logoutEverywhere(uri: String, authFile: String?) async throws(RemotesError) -> LogoutReport {
        do {
            switch try LoginKind(uri: uri) {
            case .registry: return try await logoutOfRegistryEverywhere(uri: uri, authFile: authFile)
            case .keyserver: return try logoutOfKeyserver(uri: uri)
            }
        } catch {
            throw RemotesError(error.category, "while logging out of \(uri): \(error.message)")
        }
    }

    private func logoutOfRegistryEverywhere(uri: String, authFile: String?) async throws(RemotesError)
        -> LogoutReport
    {
        let registry = try RegistryAddress(parsing: uri)
        let search = DockerConfigSearch.resolve(
            authFile: authFile, environment: environment, locations: store.locations)
        var removed: [RegistrySecretStore.Place] = []
        var failures: [RemotesError] = []
        var erasedHelpers: Set<String> = []
        for candidate in search.candidates where FileSystem.exists(candidate.path) {
            await erase(
                registry, from: candidate.path, erasedHelpers: &erasedHelpers, removed: &removed, failures: &failures)
        }
        var notices: [Notice] = []
        var count = 0
        do {
            let outcome = try store.apply(.removeCredentials(uri: registry.uri))
            notices += outcome.notices
            count = outcome.removedCount
        } catch {
            failures.append(error)
        }
        if removed.isEmpty && count == 0 && failures.isEmpty {
            notices.append(.warning("There is no existing login to registry \"\(registry.authority)\"."))
        }
        for place in removed { notices.append(.info("Token removed from \(place)")) }
        if count > 0 { notices.append(.info("Login record removed from \(store.locations.userFile)")) }
        for failure in failures { notices.append(.warning(failure.message)) }
        if failures.isEmpty { notices.append(.info("Logout succeeded")) }
        return LogoutReport(removedSecrets: removed, removedEntries: count, notices: notices, failures: failures)
    }

    /// Erases the registry's secret from the helper the file at `path` names for it (once per
    /// helper) and removes its `auths` entries (every spelling) from the file.
    private func erase(
        _ registry: RegistryAddress, from path: String, erasedHelpers: inout Set<String>,
        removed: inout [RegistrySecretStore.Place], failures: inout [RemotesError]
    ) async {
        var file = DockerConfigStore(path: path)
        file.lockPolicy = store.lockPolicy
        do {
            if let name = try file.read().credentialHelper(for: registry.serverKey), erasedHelpers.insert(name).inserted
            {
                let helper = try CredentialHelper(name: name, environment: environment, timeout: helperTimeout)
                if try await helper.erase(server: registry.serverKey) {
                    removed.append(.helper(name: name, config: path))
                }
            }
        } catch {
            failures.append(error)
        }
        do {
            let entries = try file.update { (config: inout DockerConfigFile) throws(RemotesError) in
                config.removeAuthEntries(for: [registry.serverKey] + registry.legacyServerKeys)
            }
            if entries.contains(where: { $0.value != .object([]) }) { removed.append(.file(path)) }
        } catch {
            failures.append(error)
        }
    }
}
