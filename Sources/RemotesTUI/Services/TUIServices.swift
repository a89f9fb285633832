import RemotesCore
import RemotesNetwork

/// The network work the TUI asks for. Each call runs off the UI loop in its own task, may take
/// seconds, and must stop promptly when its task is cancelled (Esc, `q`). Endpoint logins never
/// write `remote.yaml` themselves: a verified token comes back as a `ConfigChange` that the UI
/// applies with `ConfigStore.apply(_:expecting:)`, so that a change made by another program in
/// the meantime is noticed. Registry and keyserver logins and logouts go through
/// `LoginService`, which stores the secret (docker config or credential helper) and its
/// `Credentials` entry itself, under the store's lock, as the batch commands do; they say so
/// with `ServiceOutcome.wroteFiles` and the UI reads the files again.
public protocol TUIServices: Sendable {
    /// `remote status NAME`: service discovery, the services' health and the token check.
    func status(of remote: String) async throws(RemotesError) -> EndpointStatus

    /// `remote login NAME`: verifies `token` against the endpoint. On success the outcome's
    /// change is normally `.storeToken(remote:token:)`.
    func loginEndpoint(name: String, token: String) async throws(RemotesError) -> ServiceOutcome

    /// `registry login URI` (docker://, oras://) or `keyserver login URI` (http, https): checks
    /// the login, then stores it (the registry secret in the docker config or its helper, the
    /// keyserver's `Authorization` in remote.yaml). Either the outcome's `change` holds what
    /// the UI must write, or `wroteFiles` says that the service wrote the files itself.
    func loginRegistry(uri: String, username: String, password: String, insecure: Bool) async throws(RemotesError)
        -> ServiceOutcome

    /// `registry logout URI` for docker:// and oras://: erases the secret from the docker config
    /// or credential helper and the `Credentials` entry, reported as for `loginRegistry`.
    /// (Keyserver logins need no network: the UI removes them directly.)
    func logoutRegistry(uri: String) async throws(RemotesError) -> ServiceOutcome

    /// The user reloaded the files: cached network answers (service discovery) are not to be
    /// trusted any more.
    func discardCaches()

    /// `registry status URI`: checks the stored login again against its server, exactly as a
    /// login would, storing nothing. Cancelling the task ends it as `unchecked`.
    func checkLogin(_ login: StoredLogin) async -> LoginHealth

    /// Who the registry login `uri` is for and where its secret is kept, for the detail view:
    /// read from the docker config without the secret, never asking a credential helper. Nil
    /// when it cannot be told.
    func registryLoginDetails(uri: String) -> RegistryLoginDetails?
}

extension TUIServices {
    /// Nothing cached by default.
    public func discardCaches() {}

    /// Not supported by default.
    public func checkLogin(_ login: StoredLogin) async -> LoginHealth {
        LoginHealth(login: login, username: login.username, status: .unchecked, reason: "not supported here")
    }

    /// Not known by default.
    public func registryLoginDetails(uri: String) -> RegistryLoginDetails? { nil }
}
