import RemotesCore
import RemotesJSON

/// `remote status` (reference §3.6, §4.3): discovery, then every discovered service's
/// `/version`, the token check and the identity, all at the same time; and `checkAll`, which
/// checks every remote at once (Apptainer checks one remote at a time).
///
/// The checks are async and cancellable with their task; a cancelled check reports its
/// services and token as not answered (`cancelled`) and returns promptly.
public struct StatusChecker: Sendable {
    /// Finds the services (and holds the fetcher).
    public let discovery: ServiceDiscovery

    /// A checker over `discovery`.
    public init(discovery: ServiceDiscovery) {
        self.discovery = discovery
    }

    /// Checks one remote. `refresh` bypasses the discovery cache.
    public func check(_ target: NamedRemote, refresh: Bool = false) async -> EndpointStatusReport {
        let remote = target.remote
        var report = EndpointStatusReport(
            name: target.name, uri: remote.uri, baseURL: target.baseURL, origin: nil, discoveryError: nil,
            services: [], token: remote.isLoggedIn ? .unchecked(.failed("not checked")) : .absent, identity: nil,
            notices: [], tokenExpiry: remote.isLoggedIn ? TokenExpiry(jwt: remote.token) : nil)
        let services: DiscoveredServices
        do {
            services = try await discovery.services(of: remote, refresh: refresh)
        } catch {
            report.discoveryError = error
            if remote.isLoggedIn { report.token = .unchecked(error) }
            return report
        }
        report.origin = services.origin
        report.notices = services.notices
        if services.origin == .builtin { return placeholderReport(report, services: services, remote: remote) }
        return await networkReport(report, services: services, token: remote.token)
    }

    /// The report for Apptainer's placeholder endpoint: nothing is asked over the network.
    private func placeholderReport(_ report: EndpointStatusReport, services: DiscoveredServices, remote: Remote)
        -> EndpointStatusReport
    {
        var report = report
        let catalog = services.catalog
        report.notices.append(.info(StatusChecker.placeholderExplanation(catalog)))
        report.services = catalog.services.keys.sorted().map {
            ServiceHealth(
                key: $0, uri: catalog.services[$0] ?? "",
                state: .notChecked(reason: "built into Apptainer's placeholder endpoint; not checked"))
        }
        if remote.isLoggedIn { report.token = .unchecked(TokenVerifier.noTokenService(services)) }
        return report
    }

    /// Every service's version, the token and the identity, asked at the same time.
    private func networkReport(_ report: EndpointStatusReport, services: DiscoveredServices, token: String) async
        -> EndpointStatusReport
    {
        var report = report
        let catalog = services.catalog
        let tokenService = catalog.uri(of: "token")
        let library = catalog.uri(of: "library")
        let fetcher = discovery.fetcher
        let verifier = TokenVerifier(discovery: discovery)
        async let healths = StatusChecker.serviceHealths(catalog, fetcher: fetcher)
        async let tokenState: TokenState = {
            guard !token.isEmpty else { return .absent }
            guard let tokenService else { return .unchecked(TokenVerifier.noTokenService(services)) }
            return await verifier.state(of: token, tokenService: tokenService, remoteBaseURL: services.baseURL)
        }()
        async let identity: UserIdentity? = {
            guard !token.isEmpty, let library, !library.isEmpty else { return nil }
            return await UserIdentity.fetch(
                libraryURI: library, token: token, remoteBaseURL: services.baseURL, fetcher: fetcher)
        }()
        report.services = await healths
        report.token = await tokenState
        let who = await identity
        report.identity = report.token == .valid ? who : nil
        return report
    }

    /// The health of every service of `catalog`, in name order, checked at the same time.
    static func serviceHealths(_ catalog: ServiceCatalog, fetcher: HTTPFetcher) async -> [ServiceHealth] {
        let services = catalog.services.keys.sorted().map { (key: $0, uri: catalog.services[$0] ?? "") }
        return await services.concurrentMap { service in
            ServiceHealth(
                key: service.key, uri: service.uri,
                state: await StatusChecker.version(of: service.uri, fetcher: fetcher))
        }
    }

    /// Checks every remote at the same time; the reports come back in the order given.
    public func checkAll(_ targets: [NamedRemote], refresh: Bool = false) async -> [EndpointStatusReport] {
        await targets.concurrentMap { await self.check($0, refresh: refresh) }
    }

    /// `GET <uri>/version`: OK with the version from a json-resp `{"data":{"version":…}}`
    /// answer, else unavailable with the reason.
    public static func version(of uri: String, fetcher: HTTPFetcher) async -> ServiceHealth.State {
        var base = uri
        while base.hasSuffix("/") { base.removeLast() }
        guard !base.isEmpty else { return .unavailable(reason: "the endpoint announced no URI for this service") }
        let result: HTTPResult
        do {
            result = try await fetcher.get(base + "/version")
        } catch {
            return .unavailable(reason: error.message)
        }
        guard result.status == 200 else {
            return .unavailable(reason: "error response from server: \(result.statusText)")
        }
        guard let object = try? JSONParser.parse(result.body), object.members != nil else {
            return .unavailable(reason: "jsonresp: failed to unmarshal response: invalid JSON")
        }
        if let error = object["error"], !error.isNull {
            return .unavailable(reason: "the service answered with an error")
        }
        guard let data = object["data"], data.members != nil else {
            return .unavailable(reason: "the answer has no \"data\" object")
        }
        return .ok(version: data["version"]?.stringValue ?? "")
    }

    /// What the user is told about Apptainer's placeholder endpoint instead of a failure.
    static func placeholderExplanation(_ catalog: ServiceCatalog) -> String {
        let keyserver = catalog.uri(of: "keyserver") ?? BuiltinServices.defaultKeyserver
        return
            "\(BuiltinServices.apptainerCloudURI) is Apptainer's placeholder endpoint: it has no library, builder or token service, and its keyserver \(keyserver) is built in, so nothing was checked over the network."
    }
}
