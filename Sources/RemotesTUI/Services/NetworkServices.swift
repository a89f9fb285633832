import RemotesCore
import RemotesNetwork

/// The TUI's services on the real network layer: the same discovery, status checks, token
/// verification and registry/keyserver logins the batch commands use.
///
/// After the user reloads (`r`), the next status check of each remote fetches service discovery
/// again instead of using the cache, as `--refresh` does on the command line.
public final class NetworkServices: TUIServices {
    private let store: ConfigStore
    private let fetcher: HTTPFetcher
    private let environment: [String: String]
    /// Remotes whose discovery answer must be fetched again, and whether every remote must.
    private let stale = Locked<(all: Bool, fresh: Set<String>)>((false, []))
    /// The files as last read here, reused while their fingerprints stay the same: `S` on
    /// 1,000 remotes makes 1,000 calls, which must not read and parse the files 1,000 times.
    private let lastRead = Locked<ConfigState?>(nil)

    /// Services over `fetcher` for the files of `store`; `environment` is read for
    /// `APPTAINER_AUTH_FILE`, `DOCKER_CONFIG` and the like.
    public init(store: ConfigStore, fetcher: HTTPFetcher, environment: [String: String]) {
        self.store = store
        self.fetcher = fetcher
        self.environment = environment
    }

    private var discovery: ServiceDiscovery { ServiceDiscovery(fetcher: fetcher, cache: store.discoveryCache) }

    /// Checks a stored login again, as `remotes registry status` does.
    public func checkLogin(_ login: StoredLogin) async -> LoginHealth {
        await LoginService(store: store, fetcher: fetcher, environment: environment).check(login)
    }

    /// Forgets cached discovery answers: each remote's next check fetches them again.
    public func discardCaches() {
        stale.withLock { $0 = (true, []) }
    }

    /// Whether `remote`'s next discovery bypasses the cache (once per remote after a reload).
    private func takeRefresh(_ remote: String) -> Bool {
        stale.withLock { state in
            guard state.all, !state.fresh.contains(remote) else { return false }
            state.fresh.insert(remote)
            return true
        }
    }

    private func named(_ name: String) async throws(RemotesError) -> NamedRemote {
        let state = try await OffThread.run { () throws(RemotesError) in try self.currentState() }
        guard let remote = state.merged.remotes[name] else { throw .failed("\(name) is not a remote") }
        return NamedRemote(name: name, remote: remote)
    }

    /// The files now: the last read while the fingerprints are unchanged, else read again.
    private func currentState() throws(RemotesError) -> ConfigState {
        let now = ConfigState.currentFingerprints(store.locations)
        if let cached = lastRead.withLock({ $0 }), cached.fingerprints == now { return cached }
        let state = try store.load()
        lastRead.withLock { $0 = state }
        return state
    }

    /// `remotes status NAME`, summarised for the status cell.
    public func status(of remote: String) async throws(RemotesError) -> EndpointStatus {
        let target = try await named(remote)
        let report = await StatusChecker(discovery: discovery).check(target, refresh: takeRefresh(remote))
        // Discovery's errors already start with `while retrieving services: `.
        if let error = report.discoveryError { throw error }
        return EndpointStatus(report: report)
    }

    /// Verifies the token; the UI stores it (`storeToken`) with the fingerprints it read.
    public func loginEndpoint(name: String, token: String) async throws(RemotesError) -> ServiceOutcome {
        let target = try await named(name)
        let verified = try await TokenLogin(discovery: discovery).verify(
            token: token, for: target, refresh: takeRefresh(name))
        return ServiceOutcome(notices: verified.notices, change: verified.change)
    }

    /// Checks and stores a registry or keyserver login, as `remotes login -u U URI` does.
    public func loginRegistry(uri: String, username: String, password: String, insecure: Bool)
        async throws(RemotesError) -> ServiceOutcome
    {
        let service = LoginService(store: store, fetcher: fetcher, environment: environment)
        let report = try await service.login(
            LoginRequest(uri: uri, username: username, password: password, insecure: insecure))
        return ServiceOutcome(notices: report.notices, wroteFiles: true)
    }

    /// The user of a registry login and where its secret is, from the docker config `remotes
    /// login` would use (a credential helper is named, never asked).
    public func registryLoginDetails(uri: String) -> RegistryLoginDetails? {
        guard let address = try? RegistryAddress(parsing: uri) else { return nil }
        let path = LoginService(store: store, fetcher: fetcher, environment: environment).dockerConfig(authFile: nil)
            .path
        guard let file = try? DockerConfigStore(path: path).read() else { return nil }
        let server = address.serverKey
        if let helper = file.credentialHelper(for: server) {
            return RegistryLoginDetails(
                username: nil, storedIn: "docker-credential-\(helper) (the credential helper named in \(path))")
        }
        guard let username = file.credentials(for: server)?.username else {
            return RegistryLoginDetails(username: nil, storedIn: "nowhere: \(path) has no login for \(server)")
        }
        return RegistryLoginDetails(username: username, storedIn: path)
    }

    /// Removes a registry login (secret and `Credentials` entries), as `remotes logout URI` does.
    public func logoutRegistry(uri: String) async throws(RemotesError) -> ServiceOutcome {
        let service = LoginService(store: store, fetcher: fetcher, environment: environment)
        let report = try await service.logout(uri: uri, authFile: nil)
        return ServiceOutcome(notices: report.notices, wroteFiles: report.removedSomething)
    }
}
