import RemotesCore

/// The services used until the network layer exists: every call fails at once with a clear
/// `unavailable` error. Nothing is faked: no status is invented and no login is stored.
public struct UnavailableServices: TUIServices {
    /// Makes the services.
    public init() {}

    /// The error every call fails with.
    public static func error(_ what: String) -> RemotesError {
        RemotesError(.unavailable, "\(what) is not available yet: this build of remotes has no network layer")
    }

    /// Fails: status checks need the network.
    public func status(of remote: String) async throws(RemotesError) -> EndpointStatus {
        throw Self.error("remote status")
    }

    /// Fails: token verification needs the network.
    public func loginEndpoint(name: String, token: String) async throws(RemotesError) -> ServiceOutcome {
        throw Self.error("remote login")
    }

    /// Fails: registry and keyserver logins need the network.
    public func loginRegistry(uri: String, username: String, password: String, insecure: Bool)
        async throws(RemotesError) -> ServiceOutcome
    {
        throw Self.error("registry login")
    }

    /// Fails: registry logout needs the docker config code of the network layer.
    public func logoutRegistry(uri: String) async throws(RemotesError) -> ServiceOutcome {
        throw Self.error("registry logout")
    }
}
