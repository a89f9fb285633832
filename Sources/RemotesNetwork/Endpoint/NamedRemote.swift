import RemotesCore

/// A remote together with its name, as the network functions take it.
public struct NamedRemote: Sendable, Equatable {
    /// The name in remote.yaml.
    public var name: String
    /// The entry.
    public var remote: Remote

    /// Pairs a name and a remote.
    public init(name: String, remote: Remote) {
        self.name = name
        self.remote = remote
    }

    /// Every remote of a merged config, sorted by name as `remotes list` shows them.
    public static func all(in config: RemoteConfig) -> [NamedRemote] {
        config.sortedNames.compactMap { name in config.remotes[name].map { NamedRemote(name: name, remote: $0) } }
    }

    /// The base URL of the endpoint (`https://host/path`, or `http://…` when insecure).
    public var baseURL: String { EndpointURI.baseURL(stored: remote.uri, insecure: remote.insecure) }
}
