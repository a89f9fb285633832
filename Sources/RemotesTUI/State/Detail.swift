/// The detail view of one row (Enter): everything known about an endpoint, keyserver or login.
struct Detail: Sendable, Equatable {
    /// Which row.
    enum Target: Sendable, Equatable {
        /// An endpoint, by name.
        case endpoint(String)
        /// A keyserver of an endpoint.
        case keyserver(remote: String, uri: String)
        /// A login, by URI.
        case login(String)
    }

    /// Which row.
    var target: Target
    /// The first line shown.
    var scroll = 0
    /// For a registry login: who it is for and where its secret is, once the services told.
    var registry: RegistryLoginDetails?
}
