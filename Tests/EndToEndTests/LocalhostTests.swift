import Foundation
import RemotesTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `localhost` is loopback only as the literal address 127.0.0.1: the binary connects there and
/// never asks the resolver. To prove it, the binary runs in a mount namespace whose `/etc/hosts`
/// says `127.0.0.2 localhost` (what a poisoned resolver would say), with a decoy server on
/// 127.0.0.2 at the same port as the real one on 127.0.0.1. Names in TLS stay `localhost`: the
/// certificate is checked for the name in the URI.
@Suite("localhost never goes through the resolver")
struct LocalhostTests {
    /// True when this process may run a command in a mount namespace with its own /etc/hosts.
    static let canRemapHosts: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"),
            FileManager.default.fileExists(atPath: "/etc/hosts")
        else { return false }
        let result = try? TestProcess.runBlocking(
            "/usr/bin/unshare", unshareFlags + ["/bin/true"], timeout: .seconds(10))
        return result?.status == 0
    }()

    /// A mount namespace; as a user that is not root, inside a user namespace too.
    static var unshareFlags: [String] {
        (geteuid() == 0 ? [] : ["--map-root-user"]) + ["--mount", "--propagation", "private"]
    }

    /// Runs `remotes <arguments>` in `box` with `/etc/hosts` replaced by `hosts`.
    static func runWithHosts(_ hosts: String, box: CLISandbox, _ arguments: [String]) async throws -> ProcessResult {
        let file = box.folder.path("hosts")
        try box.write(file, hosts)
        let script = #"mount --bind "$0" /etc/hosts && exec "$@""#
        return try await TestProcess.run(
            "/usr/bin/unshare", unshareFlags + ["/bin/sh", "-c", script, file, box.binary] + arguments,
            environment: box.environment(), workingDirectory: box.folder.path, timeout: .seconds(30))
    }

    @Test(
        "status of a localhost remote reaches 127.0.0.1 whatever the resolver says",
        .enabled(if: canRemapHosts), arguments: [false, true])
    func localhostIsTheLiteralAddress(overTLS: Bool) async throws {
        let certificates = try await TestCertificates.shared()
        let tls = overTLS ? certificates.server : nil
        try await ProcessGate.shared.withPermit {
            let box = try CLISandbox()
            defer { box.folder.remove() }
            try await EndpointTestServer.with(tls: tls) { real in
                let port = try #require(real.port)
                let decoy = EndpointTestServer(tls: tls, port: port, host: "127.0.0.2")
                try await decoy.start()
                do {
                    try await Self.check(real: real, decoy: decoy, box: box, overTLS: overTLS)
                    await decoy.stop()
                } catch {
                    await decoy.stop()
                    throw error
                }
            }
        }
    }

    static func check(real: EndpointTestServer, decoy: EndpointTestServer, box: CLISandbox, overTLS: Bool)
        async throws
    {
        let certificates = try await TestCertificates.shared()
        let port = try #require(real.port)
        let scheme = overTLS ? "https" : "http"
        for server in [real, decoy] { server.configure { $0.baseURL = "\(scheme)://localhost:\(port)" } }
        decoy.configure { $0.defaultVersion = "decoy" }

        let add = try await box.run(
            ["add", "--batch", "--no-login"] + (overTLS ? [] : ["--insecure"]) + [
                "lh", "\(scheme)://localhost:\(port)/ep",
            ])
        #expect(add.status == 0, "\(add.stderr)")
        let caFile = overTLS ? ["--ca-file", certificates.caCertificate] : []
        let status = try await runWithHosts("127.0.0.2 localhost\n", box: box, ["status", "--batch"] + caFile + ["lh"])

        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("v1.2.3") && !status.stdout.contains("decoy"), "\(status.stdout)")
        #expect(decoy.requests.isEmpty, "the decoy got \(decoy.requests.map(\.target))")
        #expect(real.requests(pathSuffix: "/assets/config/config.prod.json").count == 1)
        // The Host header (and for TLS the name checked) stays `localhost`.
        #expect(real.requests.allSatisfy { $0.header("Host") == "localhost:\(port)" })
    }
}
