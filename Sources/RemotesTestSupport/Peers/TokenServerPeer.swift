import Foundation

/// Our Python docker token server (`scripts/peers/token-server.py`) on a free 127.0.0.1 port:
/// it issues RS256 registry tokens to one user, signed with `TestCertificates.tokenSigner`.
public final class TokenServerPeer: Sendable {
    /// The port it listens on.
    public let port: Int
    /// The user it accepts.
    public let username: String
    /// That user's password.
    public let password: String
    /// The `iss` of its tokens (the registry must expect it).
    public let issuer: String
    /// The registry service name that goes with it (`service=` of the realm and the registry config).
    public let service: String
    /// The key pair that signs the tokens; the registry trusts its certificate.
    public let signer: CertificatePair

    private let process: RunningProcess
    private let folder: TemporaryFolder

    private init(
        port: Int,
        username: String,
        password: String,
        issuer: String,
        service: String,
        signer: CertificatePair,
        process: RunningProcess,
        folder: TemporaryFolder
    ) {
        self.folder = folder
        self.port = port
        self.username = username
        self.password = password
        self.issuer = issuer
        self.service = service
        self.signer = signer
        self.process = process
    }

    /// Starts the token server and waits until it listens. Needs python3 with cryptography and openssl.
    public static func start(
        username: String = "alice",
        password: String = "s3cret",
        issuer: String = "remotes-test-issuer",
        service: String = "remotes-test-registry"
    ) async throws -> TokenServerPeer {
        try PeerAvailability.require(.python3Cryptography, .openssl)
        guard let python = PeerAvailability.path(of: .python3Cryptography) else {
            throw PeerError.notInstalled([.python3Cryptography])
        }
        let signer = try await TestCertificates.shared().tokenSigner
        let folder = try TemporaryFolder(prefix: "remotes-token-server")
        let process = try TestProcess.spawn(
            python,
            [
                PackagePaths.peerScripts + "/token-server.py", "--key", signer.key, "--cert", signer.certificate,
                "--user", "\(username):\(password)", "--users-file", folder.path("users"), "--issuer", issuer,
            ]
        )
        let output: String
        do {
            output = try await process.waitForOutput(containing: "\n", timeout: .seconds(30))
        } catch {
            await process.terminate()
            throw PeerError.notReady(peer: "token server", detail: "\(error)")
        }
        guard let portText = output.split(separator: "\n").first?.split(separator: ":").last, let port = Int(portText)
        else {
            await process.terminate()
            throw PeerError.notReady(peer: "token server", detail: "unexpected first line: \(output)")
        }
        return TokenServerPeer(
            port: port,
            username: username,
            password: password,
            issuer: issuer,
            service: service,
            signer: signer,
            process: process,
            folder: folder
        )
    }

    /// Changes the user's password while the server runs (the next token request sees it): a
    /// login stored with the old one is then refused.
    public func changePassword(to newPassword: String) throws {
        _ = try folder.write("\(username):\(newPassword)\n", to: "users.tmp")
        guard rename(folder.path("users.tmp"), folder.path("users")) == 0 else {
            throw PeerError.setupFailed(step: "rename users file", output: String(cString: strerror(errno)))
        }
    }

    /// Starts a token server, runs `body` with it and stops it afterwards, also when `body` throws.
    public static func with<T>(
        username: String = "alice",
        password: String = "s3cret",
        _ body: (TokenServerPeer) async throws -> T,
        isolation: isolated (any Actor)? = #isolation
    ) async throws -> T {
        let peer = try await start(username: username, password: password)
        do {
            let result = try await body(peer)
            await peer.stop()
            return result
        } catch {
            await peer.stop()
            throw error
        }
    }

    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The token endpoint, `http://127.0.0.1:<port>/token`, as the registry's realm.
    public var realm: String { baseURL + "/token" }

    /// One line per request so far: `request GET /token?service=… 200 user=alice`.
    public var requestLog: [String] {
        process.standardError.split(separator: "\n").filter { $0.hasPrefix("request ") }.map(String.init)
    }

    /// True while the process runs.
    public var isRunning: Bool { process.isRunning }

    /// Stops it (SIGTERM, then SIGKILL) and reaps it.
    public func stop() async {
        await process.terminate(grace: .seconds(3))
        folder.remove()
    }
}
