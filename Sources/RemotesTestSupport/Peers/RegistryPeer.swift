import Foundation

/// Debian's `docker-registry` (distribution 2.8) on a free 127.0.0.1 port, in one of three modes:
/// htpasswd Basic auth, token auth behind `TokenServerPeer`, or TLS with the test CA.
///
/// ```swift
/// try await RegistryPeer.with(.basic(username: "alice", password: "s3cret")) { registry in
///     // registry.baseURL + "/v2/" answers 401, and 200 with alice:s3cret
/// }
/// ```
/// A peer that is dropped without `stop()` is still killed and reaped.
public final class RegistryPeer: Sendable {
    /// The mode it was started in.
    public let mode: Mode
    /// The port it listens on.
    public let port: Int

    private let folder: TemporaryFolder
    private let process: RunningProcess

    private init(mode: Mode, port: Int, folder: TemporaryFolder, process: RunningProcess) {
        self.mode = mode
        self.port = port
        self.folder = folder
        self.process = process
    }

    /// Starts the registry and waits until `/v2/` answers. Needs docker-registry, and htpasswd for
    /// the Basic modes.
    public static func start(_ mode: Mode) async throws -> RegistryPeer {
        var programs: [PeerProgram] = [.dockerRegistry]
        if case .token = mode {} else { programs.append(.htpasswd) }
        try PeerAvailability.require(programs)

        let folder = try TemporaryFolder(prefix: "remotes-registry")
        let configuration = try await writeConfiguration(for: mode, in: folder)
        let process = try TestProcess.spawn("docker-registry", ["serve", configuration], workingDirectory: folder.path)
        do {
            let log = try await process.waitForOutput(
                containing: "listening on",
                inStandardError: true,
                timeout: .seconds(20)
            )
            guard let port = listeningPort(in: log) else {
                throw PeerError.notReady(peer: "docker-registry", detail: "no port in log: \(log)")
            }
            let peer = RegistryPeer(mode: mode, port: port, folder: folder, process: process)
            _ = try await HTTPProbe.waitUntilAnswering(
                peer.baseURL + "/v2/",
                caCertificate: peer.caCertificate,
                timeout: .seconds(20),
                whileRunning: process
            )
            return peer
        } catch {
            await process.terminate(grace: .seconds(2))
            throw error
        }
    }

    /// Starts a registry, runs `body` with it and stops it afterwards, also when `body` throws.
    public static func with<T>(
        _ mode: Mode, _ body: (RegistryPeer) async throws -> T,
        isolation: isolated (any Actor)? = #isolation
    ) async throws -> T {
        let peer = try await start(mode)
        do {
            let result = try await body(peer)
            await peer.stop()
            return result
        } catch {
            await peer.stop()
            throw error
        }
    }

    /// `127.0.0.1:<port>`, the registry name as `docker login` takes it.
    public var address: String { "127.0.0.1:\(port)" }

    /// `http` or `https`.
    public var scheme: String {
        if case .tls = mode { return "https" }
        return "http"
    }

    /// `<scheme>://127.0.0.1:<port>`.
    public var baseURL: String { "\(scheme)://\(address)" }

    /// The CA certificate to trust in TLS mode, else nil.
    public var caCertificate: String? {
        if case .tls(let certificates, _, _) = mode { return certificates.caCertificate }
        return nil
    }

    /// The user and password it accepts (for token mode: those of the token server).
    public var credentials: BasicCredentials {
        switch mode {
        case .basic(let username, let password), .tls(_, let username, let password):
            BasicCredentials(username: username, password: password)
        case .token(let tokens):
            BasicCredentials(username: tokens.username, password: tokens.password)
        }
    }

    /// The registry's log so far (it logs to standard error).
    public var log: String { process.standardError }

    /// True while the process runs.
    public var isRunning: Bool { process.isRunning }

    /// Changes the password of the Basic modes while the registry runs: distribution reads its
    /// htpasswd file again when it changes, so a login stored with the old password is refused
    /// from then on. (`credentials` still tells the password the peer was started with.)
    public func changePassword(to newPassword: String) async throws {
        let username: String
        switch mode {
        case .basic(let name, _), .tls(_, let name, _): username = name
        case .token:
            throw PeerError.setupFailed(step: "changePassword", output: "token mode: change the token server's")
        }
        let result = try await TestProcess.run("htpasswd", ["-Bbn", username, newPassword], timeout: .seconds(20))
        guard result.succeeded else { throw PeerError.setupFailed(step: "htpasswd -Bbn", output: result.stderr) }
        _ = try folder.write(result.standardOutput, to: "htpasswd.tmp")
        guard rename(folder.path("htpasswd.tmp"), folder.path("htpasswd")) == 0 else {
            throw PeerError.setupFailed(step: "rename htpasswd", output: String(cString: strerror(errno)))
        }
    }

    /// Stops it (SIGTERM, then SIGKILL), reaps it and removes its storage.
    public func stop() async {
        await process.terminate(grace: .seconds(3))
        folder.remove()
    }

    private static func writeConfiguration(for mode: Mode, in folder: TemporaryFolder) async throws -> String {
        var tlsBlock = ""
        let auth: String
        switch mode {
        case .basic(let username, let password):
            let file = try await htpasswd(username, password, in: folder)
            auth = "  htpasswd:\n    realm: remotes-test\n    path: \(file)\n"
        case .tls(let certificates, let username, let password):
            let file = try await htpasswd(username, password, in: folder)
            auth = "  htpasswd:\n    realm: remotes-test\n    path: \(file)\n"
            tlsBlock = """
                  tls:
                    certificate: \(certificates.server.certificate)
                    key: \(certificates.server.key)

                """
        case .token(let tokens):
            auth = """
                  token:
                    realm: \(tokens.realm)
                    service: \(tokens.service)
                    issuer: \(tokens.issuer)
                    rootcertbundle: \(tokens.signer.certificate)

                """
        }
        let configuration = """
            version: 0.1
            log:
              level: info
            storage:
              filesystem:
                rootdirectory: \(folder.path("data"))
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:0
              secret: remotes-test-not-secret
            \(tlsBlock)auth:
            \(auth)
            """
        return try folder.write(configuration, to: "config.yml")
    }

    private static func htpasswd(_ username: String, _ password: String, in folder: TemporaryFolder) async throws
        -> String
    {
        let result = try await TestProcess.run("htpasswd", ["-Bbn", username, password], timeout: .seconds(20))
        guard result.succeeded else { throw PeerError.setupFailed(step: "htpasswd -Bbn", output: result.stderr) }
        return try folder.write(result.standardOutput, to: "htpasswd")
    }

    /// The port from `listening on 127.0.0.1:PORT` in the registry log.
    static func listeningPort(in log: String) -> Int? {
        guard let range = log.range(of: "listening on 127.0.0.1:") else { return nil }
        return Int(String(log[range.upperBound...].prefix { $0.isNumber }))
    }
}
