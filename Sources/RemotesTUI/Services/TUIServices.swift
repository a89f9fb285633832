import RemotesCore

/// The network work the TUI asks for. Each call runs off the UI loop in its own task, may take
/// seconds, and must stop promptly when its task is cancelled (Esc). Implementations never
/// write `remote.yaml` themselves: a verified login comes back as a `ConfigChange` that the UI
/// applies with `ConfigStore.apply(_:expecting:)`, so that a change made by another program in
/// the meantime is noticed.
public protocol TUIServices: Sendable {
    /// `remote status NAME`: service discovery, the services' health and the token check.
    func status(of remote: String) async throws(RemotesError) -> EndpointStatus

    /// `remote login NAME`: verifies `token` against the endpoint. On success the outcome's
    /// change is normally `.storeToken(remote:token:)`.
    func loginEndpoint(name: String, token: String) async throws(RemotesError) -> ServiceOutcome

    /// `registry login URI` (docker://, oras://) or `keyserver login URI` (http, https): checks
    /// the login and stores registry secrets in the docker config. On success the outcome's
    /// change is normally `.storeCredential(_:)`.
    func loginRegistry(uri: String, username: String, password: String, insecure: Bool) async throws(RemotesError)
        -> ServiceOutcome

    /// `registry logout URI` for docker:// and oras://: erases the secret from the docker config
    /// or credential helper. On success the outcome's change is normally
    /// `.removeCredentials(uri:)`. (Keyserver logins need no network: the UI removes them
    /// directly.)
    func logoutRegistry(uri: String) async throws(RemotesError) -> ServiceOutcome
    /// The user reloaded the files: cached network answers (service discovery) are not to be
    /// trusted any more.
    func discardCaches()
}

extension TUIServices {
    /// Nothing cached by default.
    public func discardCaches() {}
}
