import RemotesCore

/// Service discovery (reference §4.1): `GET <base>/assets/config/config.prod.json` over https, or
/// http for an insecure remote, parsed by `ServiceCatalog.parse`. Answers are kept in the
/// on-disk `DiscoveryCache` and reused while younger than its lifetime (24 h); `refresh`
/// bypasses the cache (and refills it). Apptainer's placeholder endpoint `cloud.apptainer.org`
/// needs no request: its only service is the keyserver `https://keys.openpgp.org`.
///
/// Every function is async, cancellable with its task, and never blocks the caller's thread.
public struct ServiceDiscovery: Sendable {
    /// The path of the discovery document under an endpoint's base URL.
    public static let documentPath = "/assets/config/config.prod.json"

    /// Makes the requests.
    public let fetcher: HTTPFetcher
    /// Where answers are kept between runs (use the store's, `ConfigStore.discoveryCache`, so
    /// that the keyserver rules find what discovery fetched).
    public let cache: DiscoveryCache

    /// A discovery that fetches with `fetcher` and caches in `cache`.
    public init(fetcher: HTTPFetcher, cache: DiscoveryCache) {
        self.fetcher = fetcher
        self.cache = cache
    }

    /// The services of `remote`: built in, from a fresh cache entry unless `refresh`, or from
    /// the network. Errors start with `while retrieving services: `, as in `remote status`.
    public func services(of remote: Remote, refresh: Bool = false) async throws(RemotesError) -> DiscoveredServices {
        let prefix = "while retrieving services: "
        guard !remote.uri.isEmpty else { throw .failed(prefix + "no URI set for endpoint") }
        let base = EndpointURI.baseURL(stored: remote.uri, insecure: remote.insecure)
        if let keyserver = BuiltinServices.keyserver(forStoredURI: remote.uri) {
            return DiscoveredServices(
                catalog: ServiceCatalog(services: ["keyserver": keyserver]), origin: .builtin, baseURL: base)
        }
        let cache = self.cache
        if !refresh, let cached = await OffThread.run({ cache.catalog(for: base) }) {
            return DiscoveredServices(catalog: cached, origin: .cache, baseURL: base)
        }
        let result: HTTPResult
        do {
            result = try await fetcher.get(base + ServiceDiscovery.documentPath)
        } catch {
            throw RemotesError(error.category, prefix + error.message)
        }
        guard result.status == 200 else {
            throw RemotesError(.unavailable, prefix + "error response from server: \(result.statusText)")
        }
        let catalog: ServiceCatalog
        do {
            catalog = try ServiceCatalog.parse(result.body)
        } catch {
            throw RemotesError(.unavailable, prefix + error.message)
        }
        var notices: [Notice] = []
        let body = result.body
        do {
            try await OffThread.run { () throws(RemotesError) in try cache.store(body, for: base) }
        } catch {
            notices.append(.warning("could not keep the service list in the cache: \(error.message)"))
        }
        return DiscoveredServices(catalog: catalog, origin: .network, baseURL: base, notices: notices)
    }

    /// The built-in keyserver of `remote` (its discovery's `keyserver` service), fetching and
    /// caching discovery when the cache does not know it, or always with `refresh`. After this,
    /// `ConfigStore` finds it for `addKeyserver` and `removeKeyserver`. Nil when the endpoint
    /// announces no keyserver.
    public func builtinKeyserver(of remote: Remote, refresh: Bool = false) async throws(RemotesError) -> String? {
        if let known = BuiltinServices.keyserver(forStoredURI: remote.uri) { return known }
        let base = EndpointURI.baseURL(stored: remote.uri, insecure: remote.insecure)
        let cache = self.cache
        if !refresh, let cached = await OffThread.run({ cache.catalog(for: base, ignoringAge: true) }) {
            return cached.uri(of: "keyserver")
        }
        return try await services(of: remote, refresh: true).catalog.uri(of: "keyserver")
    }
}
