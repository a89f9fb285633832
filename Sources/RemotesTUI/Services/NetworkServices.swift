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
        if let error = report.discoveryError {
            throw RemotesError(error.category, "while retrieving services: \(error.message)")
        }
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

    /// Removes a registry login (secret and `Credentials` entries), as `remotes logout URI` does.
    public func logoutRegistry(uri: String) async throws(RemotesError) -> ServiceOutcome {
        let service = LoginService(store: store, fetcher: fetcher, environment: environment)
        let report = try await service.logout(uri: uri, authFile: nil)
        return ServiceOutcome(notices: report.notices, wroteFiles: report.removedSomething)
    }
}

extension EndpointStatus {
    /// The status cell and message lines of a network status report. The cell says `OK` when
    /// every service answered, `N/A` when none did (Apptainer's word for a service that does
    /// not answer), `3/5 OK` in between, and `built-in` for Apptainer's placeholder endpoint,
    /// which is never asked; a refused or unchecked token is added (`OK, bad token`).
    init(report: EndpointStatusReport) {
        let checked = report.services.filter { service in
            if case .notChecked = service.state { return false }
            return true
        }
        let okCount = checked.filter(\.isOK).count
        var summary: String
        if report.origin == .builtin {
            summary = "built-in"
        } else if checked.isEmpty {
            summary = "no services"
        } else if okCount == checked.count {
            summary = "OK"
        } else if okCount == 0 {
            summary = "N/A"
        } else {
            summary = "\(okCount)/\(checked.count) OK"
        }
        switch report.token {
        case .invalid: summary += ", bad token"
        case .unchecked: summary += ", token unchecked"
        case .absent, .valid: break
        }
        // The message area has one or two lines, after `Status of NAME: <summary>`: what went
        // wrong first, then the token, then the versions, then explanations.
        var notices: [Notice] = report.failedServices.map {
            .warning("\($0.displayName) N/A: \($0.problem ?? "")")
        }
        notices.append(.info(report.token.sentence))
        if let who = report.identity {
            notices.append(.info("Logged in as: \(who.username)" + (who.email.isEmpty ? "" : " <\(who.email)>")))
        }
        let answered = report.services.filter(\.isOK).map { "\($0.displayName) \($0.version)" }
        if !answered.isEmpty { notices.append(.info(answered.joined(separator: ", "))) }
        notices += report.notices
        self.init(
            summary: summary, ok: report.isHealthy, notices: notices,
            builtinKeyserver: report.services.first { $0.key == "keyserver" }?.uri)
    }
}
