import RemotesCore

/// The services of one endpoint, and where that knowledge came from.
public struct DiscoveredServices: Sendable, Equatable {
    /// Where the catalog came from.
    public enum Origin: String, Sendable, Equatable {
        /// Fetched from the endpoint just now (and stored in the cache).
        case network
        /// Read from the on-disk cache, younger than its lifetime.
        case cache
        /// Known without any request: Apptainer's placeholder endpoint `cloud.apptainer.org`.
        case builtin
    }

    /// The services by name (`library`, `keyserver`, `token` …).
    public var catalog: ServiceCatalog
    /// Where the catalog came from.
    public var origin: Origin
    /// The base URL discovery used (`https://host/path`).
    public var baseURL: String
    /// Things worth telling the user that did not stop discovery (the cache could not be written).
    public var notices: [Notice]

    /// Makes a result.
    public init(catalog: ServiceCatalog, origin: Origin, baseURL: String, notices: [Notice] = []) {
        self.catalog = catalog
        self.origin = origin
        self.baseURL = baseURL
        self.notices = notices
    }
}
