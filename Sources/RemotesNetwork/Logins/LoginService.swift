import RemotesCore

/// Logs in to and out of OCI registries and keyservers: checks the credentials with the server
/// first, then stores them, so that a rejected credential changes no file. Both front ends (the
/// batch CLI and the terminal UI) call this; it prints nothing and returns the notices to show.
///
/// - Registries (`docker://`, `oras://`): the credentials are checked as `RegistryCredentialCheck`
///   describes; the secret goes to the docker config file or its credential helper
///   (`RegistrySecretStore`), then a `Credentials` entry `{URI, Insecure}` without secret goes to
///   remote.yaml, unless the docker config was named explicitly (`--authfile`).
/// - Keyservers (`https://`, `http://`, `hkp://`, `hkps://`): the keyserver must be configured
///   as an external keyserver of some remote; it is checked as `KeyserverCredentialCheck`
///   describes, and the whole `Authorization` header is stored in remote.yaml, as Apptainer does.
///
/// Work is cancelled with the calling task (HTTP requests and helper programs alike).
public struct LoginService: Sendable {
    /// The config files.
    public let store: ConfigStore
    /// The HTTP client.
    public let fetcher: HTTPFetcher
    /// The process environment: `APPTAINER_AUTH_FILE`, `DOCKER_CONFIG`, and PATH for helpers.
    public let environment: [String: String]
    /// How long one credential helper call may take.
    public let helperTimeout: Duration

    /// A service over `store`, making requests with `fetcher`.
    public init(
        store: ConfigStore, fetcher: HTTPFetcher, environment: [String: String], helperTimeout: Duration = .seconds(30)
    ) {
        self.store = store
        self.fetcher = fetcher
        self.environment = environment
        self.helperTimeout = helperTimeout
    }

    /// The docker config file registry logins use with this `--authfile` (see
    /// `DockerConfigLocation`).
    public func dockerConfig(authFile: String?) -> DockerConfigLocation {
        DockerConfigLocation.resolve(authFile: authFile, environment: environment, locations: store.locations)
    }

    /// Checks and stores a login. Errors are worded `while login to <uri>: …` and never hold
    /// the password.
    public func login(_ request: LoginRequest) async throws(RemotesError) -> LoginReport {
        do {
            try request.validated()
            switch try LoginKind(uri: request.uri) {
            case .registry: return try await loginToRegistry(request)
            case .keyserver: return try await loginToKeyserver(request)
            }
        } catch {
            throw RemotesError(error.category, "while login to \(request.uri): \(error.message)")
        }
    }

    /// Removes a login: the registry secret (file or helper) and every remote.yaml `Credentials`
    /// entry of the same scheme and host. No login to remove is a warning, not a failure, as in
    /// Apptainer. Errors are worded `while logging out of <uri>: …`.
    public func logout(uri: String, authFile: String?) async throws(RemotesError) -> LogoutReport {
        do {
            switch try LoginKind(uri: uri) {
            case .registry: return try await logoutOfRegistry(uri: uri, authFile: authFile)
            case .keyserver: return try logoutOfKeyserver(uri: uri)
            }
        } catch {
            throw RemotesError(error.category, "while logging out of \(uri): \(error.message)")
        }
    }
}
