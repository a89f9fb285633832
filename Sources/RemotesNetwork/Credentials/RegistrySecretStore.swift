import RemotesCore
import RemotesJSON

/// Where a registry's secret is kept: in the docker config file itself, or in the credential
/// helper that the file names for that registry (`credHelpers`, else `credsStore`). In the
/// helper case the file only gets an empty entry for the registry, as docker writes it.
public struct RegistrySecretStore: Sendable {
    /// Where a secret went or was removed from.
    public typealias Place = CredentialPlace

    /// The docker config file.
    public let file: DockerConfigStore
    /// The environment a helper runs in (PATH decides which helper runs).
    public let environment: [String: String]
    /// How long a helper call may take.
    public let helperTimeout: Duration

    /// A secret store over the docker config at `path`; changes wait for its lock as `lockPolicy` says.
    public init(
        path: String, environment: [String: String], helperTimeout: Duration = .seconds(30),
        lockPolicy: LockPolicy = LockPolicy()
    ) {
        var file = DockerConfigStore(path: path)
        file.lockPolicy = lockPolicy
        self.file = file
        self.environment = environment
        self.helperTimeout = helperTimeout
    }

    /// The helper for `server`, nil when the secret goes into the file. Fails when the file does
    /// not parse, or names a helper that is not installed, so that a login can stop before it
    /// contacts the registry.
    public func helper(for server: String) throws(RemotesError) -> CredentialHelper? {
        guard let name = try file.read().credentialHelper(for: server) else { return nil }
        let helper = try CredentialHelper(name: name, environment: environment, timeout: helperTimeout)
        _ = try helper.executable()
        return helper
    }

    /// Stores the login of `server` and says where it went.
    public func store(server: String, username: String, password: String) async throws(RemotesError) -> Place {
        if let helper = try helper(for: server) {
            try await helper.store(server: server, username: username, secret: password)
            try file.update { (config: inout DockerConfigFile) throws(RemotesError) in
                config.setHelperEntry(for: server)
            }
            return .helper(name: helper.name, config: file.path)
        }
        try file.update { (config: inout DockerConfigFile) throws(RemotesError) in
            config.setCredentials(for: server, username: username, password: password)
        }
        return .file(file.path)
    }

    /// Removes the login of `server` (and the `auths` entries under `otherKeys`, spellings older
    /// tools used); returns where something was removed, empty when there was no login.
    public func erase(server: String, otherKeys: [String]) async throws(RemotesError) -> [Place] {
        var places: [Place] = []
        if let helper = try helper(for: server) {
            if try await helper.erase(server: server) { places.append(.helper(name: helper.name, config: file.path)) }
        }
        let removed = try file.update { (config: inout DockerConfigFile) throws(RemotesError) -> [JSONMember] in
            config.removeAuthEntries(for: [server] + otherKeys)
        }
        // The empty entry that goes with a helper login holds no secret: the file counts only
        // when an entry had something in it.
        if removed.contains(where: { $0.value != .object([]) }) { places.append(.file(file.path)) }
        return places
    }
}
