import Foundation
import RemotesTestSupport
import Testing

/// A CLI sandbox next to a running `EndpointTestServer`: helpers to add remotes on the server,
/// write token files, and run the binary with a short network timeout.
struct EndpointFixture: Sendable {
    let sandbox: CLISandbox
    let server: EndpointTestServer

    /// Starts a server (HTTPS with `tls`), runs `body`, stops the server.
    /// Only a few fixtures run at a time (`ProcessGate`).
    static func with(
        tls: CertificatePair? = nil, _ body: @Sendable (EndpointFixture) async throws -> Void
    ) async throws {
        try await ProcessGate.shared.withPermit {
            let sandbox = try CLISandbox()
            try await EndpointTestServer.with(tls: tls) { server in
                try await body(EndpointFixture(sandbox: sandbox, server: server))
            }
        }
    }

    /// The URI to give `remotes add` for the virtual endpoint at `prefix`.
    func uri(_ prefix: String = "/ep") -> String { server.baseURL + prefix }

    /// `--insecure` for a plain-HTTP server, nothing for HTTPS.
    var insecureFlag: [String] { server.scheme == "http" ? ["--insecure"] : [] }

    /// Runs `remotes <arguments>` with `--batch --timeout <timeout>` added after the subcommand.
    /// The default timeout is generous: only the tests about timeouts shorten it.
    func run(
        _ subcommand: String, _ arguments: [String] = [], stdin: String = "", batch: Bool = true,
        timeout: String = "10", environment: [String: String] = [:]
    ) async throws -> ProcessResult {
        try await sandbox.run(
            [subcommand] + (batch ? ["--batch"] : []) + ["--timeout", timeout] + arguments, stdin: stdin,
            environment: environment)
    }

    /// Adds remote `name` at `prefix` without logging in; fails the test if that fails.
    func addRemote(_ name: String, prefix: String = "/ep", extra: [String] = []) async throws {
        let result = try await run("add", insecureFlag + ["--no-login"] + extra + [name, uri(prefix)])
        #expect(result.status == 0, "add failed: \(result.stderr)")
    }

    /// Writes a token file and returns its path.
    func tokenFile(_ name: String, _ contents: String) throws -> String {
        let path = sandbox.folder.path(name)
        try sandbox.write(path, contents, mode: 0o600)
        return path
    }

    /// The user file's bytes.
    var userFileBytes: Data? { FileManager.default.contents(atPath: sandbox.userFile) }

    /// The user file's text ("" when missing).
    var userFileText: String { sandbox.read(sandbox.userFile) ?? "" }
}

/// A token Apptainer's token-file rule accepts (200 to 4096 bytes).
func validLengthToken(_ tag: String, length: Int = 256) -> String {
    let head = "tok-\(tag)-"
    return head + String(repeating: "y", count: max(0, length - head.count))
}

/// The stderr line prefixes as printed without colour.
enum Prefix {
    static let info = "INFO:    "
    static let warning = "WARNING: "
    static let fatal = "FATAL:   "
}
