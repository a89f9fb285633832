import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// A local HTTP/1.1 (or HTTPS) server on 127.0.0.1 (or another loopback address) that plays an
/// Apptainer/Sylabs Library API endpoint: discovery under any path prefix, `/version`, token
/// status, the current user and an HKP `/pks/lookup`, plus misbehaviours on demand and a log of
/// every request.
///
/// All methods are thread-safe; the configuration can change while the server runs.
///
/// ```swift
/// try await EndpointTestServer.with { server in
///     server.configure { $0.validTokens = ["good"] }
///     server.misbehave(.status(500), at: .suffix("/keys/version"))
///     // GET server.url("/ep7/assets/config/config.prod.json") …
/// }
/// ```
public final class EndpointTestServer: Sendable {
    private let state: NIOLockedValueBox<EndpointServerState>

    /// Makes a stopped server. `port` 0 picks a free port; `tls` switches to HTTPS; `host` is the
    /// address it binds (another 127.0.0.0/8 address plays "another host" on this machine).
    public init(
        configuration: EndpointConfiguration = EndpointConfiguration(), tls: CertificatePair? = nil, port: Int = 0,
        host: String = "127.0.0.1"
    ) {
        state = NIOLockedValueBox(
            EndpointServerState(configuration: configuration, requestedPort: port, host: host, tls: tls))
    }

    // MARK: Lifecycle

    /// Binds its address and starts serving; returns the bound port. Returns the port at once when
    /// already running.
    @discardableResult
    public func start() async throws -> Int {
        let (running, requestedPort, tls, host) = try state.withLockedValue {
            state -> (Int?, Int, CertificatePair?, String) in
            if let port = state.port { return (port, 0, nil, state.host) }
            if state.starting { throw EndpointServerError.alreadyStarting }
            state.starting = true
            return (nil, state.requestedPort, state.tls, state.host)
        }
        if let running { return running }
        do {
            let sslContext = try tls.map(Self.makeSSLContext)
            let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let connection = self.register(channel)
                        let operations = channel.pipeline.syncOperations
                        if let sslContext {
                            try operations.addHandler(NIOSSLServerHandler(context: sslContext))
                        }
                        try operations.configureHTTPServerPipeline(withErrorHandling: true)
                        try operations.addHandler(
                            EndpointConnectionHandler(server: self, connection: connection, overTLS: sslContext != nil)
                        )
                    }
                }
            let channel = try await bootstrap.bind(host: host, port: requestedPort).get()
            let port = channel.localAddress?.port ?? 0
            state.withLockedValue { state in
                state.serverChannel = channel
                state.port = port
                state.starting = false
            }
            return port
        } catch {
            state.withLockedValue { $0.starting = false }
            throw error
        }
    }

    /// Stops listening and closes every open connection (also those held by `.neverAnswer`).
    /// The request log and configuration stay; `start()` may be called again.
    public func stop() async {
        let listener = state.withLockedValue { state -> (any Channel)? in
            defer {
                state.serverChannel = nil
                state.port = nil
            }
            return state.serverChannel
        }
        try? await listener?.close()
        let connections = state.withLockedValue { state -> [any Channel] in
            defer { state.connections = [:] }
            return Array(state.connections.values)
        }
        for connection in connections {
            try? await connection.close()
        }
    }

    /// Starts a server, runs `body` with it and stops it afterwards, also when `body` throws.
    public static func with<T>(
        configuration: EndpointConfiguration = EndpointConfiguration(),
        tls: CertificatePair? = nil,
        host: String = "127.0.0.1",
        _ body: (EndpointTestServer) async throws -> T,
        isolation: isolated (any Actor)? = #isolation
    ) async throws -> T {
        let server = EndpointTestServer(configuration: configuration, tls: tls, host: host)
        try await server.start()
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// The bound port while running, else nil.
    public var port: Int? { state.withLockedValue { $0.port } }

    /// True while the server listens.
    public var isRunning: Bool { port != nil }

    /// `http` or `https`.
    public var scheme: String { state.withLockedValue { $0.tls == nil ? "http" : "https" } }

    /// The address it binds, `127.0.0.1` unless told otherwise.
    public var host: String { state.withLockedValue { $0.host } }

    /// `<scheme>://<host>:<port>` (port 0 when not running).
    public var baseURL: String { "\(scheme)://\(host):\(port ?? 0)" }

    /// `baseURL` followed by `path`, e.g. `url("/ep7/assets/config/config.prod.json")`.
    public func url(_ path: String) -> String { baseURL + path }

    /// The endpoint address as a remote's URI would hold it: `<host>:<port><prefix>`.
    public func endpointAddress(prefix: String = "") -> String { "\(host):\(port ?? 0)\(prefix)" }

    // MARK: Configuration

    /// A copy of the current configuration.
    public var configuration: EndpointConfiguration { state.withLockedValue { $0.configuration } }

    /// Changes the configuration; later requests see the change. `change` runs under the server's
    /// lock: it must not call back into the server (read `port` and the like before).
    public func configure(_ change: (inout EndpointConfiguration) -> Void) {
        state.withLockedValue { change(&$0.configuration) }
    }

    /// Makes requests whose path matches `match` misbehave.
    public func misbehave(_ misbehaviour: Misbehaviour, at match: PathMatch) {
        configure { $0.misbehaviours[match] = misbehaviour }
    }

    /// Makes requests matching `match` behave again.
    public func behave(at match: PathMatch) {
        configure { $0.misbehaviours[match] = nil }
    }

    /// Removes every misbehaviour.
    public func behaveEverywhere() {
        configure { $0.misbehaviours = [:] }
    }

    // MARK: Request log

    /// Every request so far, oldest first.
    public var requests: [RecordedRequest] { state.withLockedValue { $0.requests } }

    /// The logged requests whose path ends with `suffix`.
    public func requests(pathSuffix suffix: String) -> [RecordedRequest] {
        requests.filter { $0.path.hasSuffix(suffix) }
    }

    /// Empties the request log.
    public func clearRequests() {
        state.withLockedValue { $0.requests.removeAll() }
    }

    /// Waits until at least `count` requests have been logged; false on timeout (`timeout`
    /// stretched by `SanitizerSlack`).
    public func waitForRequests(count: Int, timeout: Duration = .seconds(5)) async -> Bool {
        let deadline = ContinuousClock.now + SanitizerSlack.scaled(timeout)
        while requests.count < count {
            if ContinuousClock.now >= deadline || Task.isCancelled { return false }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return true
    }

    // MARK: Internal, used by the connection handlers

    func log(_ request: RecordedRequest) {
        state.withLockedValue { state in
            state.requests.append(request)
            if state.requests.count > EndpointServerState.requestLogLimit {
                state.requests.removeFirst(state.requests.count - EndpointServerState.requestLogLimit)
            }
        }
    }

    func action(for request: RecordedRequest) -> EndpointAction {
        let (configuration, origin) = state.withLockedValue { state in
            (state.configuration, "\(state.tls == nil ? "http" : "https")://\(state.host):\(state.port ?? 0)")
        }
        return EndpointRouter(configuration: configuration, origin: origin).action(for: request)
    }

    /// Tracks a new connection so that `stop()` can close it; returns its number.
    private func register(_ channel: any Channel) -> Int {
        let id = ObjectIdentifier(channel)
        let (number, accepted) = state.withLockedValue { state -> (Int, Bool) in
            state.connectionCount += 1
            guard state.serverChannel != nil || state.starting else { return (state.connectionCount, false) }
            state.connections[id] = channel
            return (state.connectionCount, true)
        }
        if accepted {
            channel.closeFuture.whenComplete { _ in
                self.state.withLockedValue { _ = $0.connections.removeValue(forKey: id) }
            }
        } else {
            channel.close(promise: nil)
        }
        return number
    }

    private static func makeSSLContext(_ pair: CertificatePair) throws -> NIOSSLContext {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(pair.certificate).map {
                NIOSSLCertificateSource.certificate($0)
            }
            let key = try NIOSSLPrivateKey(file: pair.key, format: .pem)
            let configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: chain, privateKey: .privateKey(key))
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw EndpointServerError.badTLSFiles(pair, underlying: error)
        }
    }
}
