import RemotesCore
import RemotesTUI

/// Test services that fail every call at once with a clear `unavailable` error, for tests that
/// need no network. Nothing is faked: no status is invented and no login is stored.
struct UnavailableServices: TUIServices {
    /// The error every call fails with.
    static func error(_ what: String) -> RemotesError {
        RemotesError(.unavailable, "\(what) is not available yet: this build of remotes has no network layer")
    }

    /// Fails: status checks need the network.
    func status(of remote: String) async throws(RemotesError) -> EndpointStatus {
        throw Self.error("remote status")
    }

    /// Fails: token verification needs the network.
    func loginEndpoint(name: String, token: String) async throws(RemotesError) -> ServiceOutcome {
        throw Self.error("remote login")
    }

    /// Fails: registry and keyserver logins need the network.
    func loginRegistry(uri: String, username: String, password: String, insecure: Bool)
        async throws(RemotesError) -> ServiceOutcome
    {
        throw Self.error("registry login")
    }

    /// Fails: registry logout needs the docker config code of the network layer.
    func logoutRegistry(uri: String) async throws(RemotesError) -> ServiceOutcome {
        throw Self.error("registry logout")
    }
}
