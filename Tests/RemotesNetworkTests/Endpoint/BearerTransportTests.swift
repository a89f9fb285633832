import Foundation
import RemotesCore
import RemotesNetwork
import RemotesTestSupport
import Testing

/// An endpoint's access token (a Bearer token) never travels over plain http to a host other
/// than the remote's own insecure or loopback one, whatever service discovery names. Here the
/// remote is `https://127.0.0.1:P` (verified with the test CA) and its discovery names an
/// `http://127.0.0.2:Q` token service and library: a plain server that would accept the token.
@Suite("Bearer tokens stay off plain http")
struct BearerTransportTests {
    /// Runs `body` with the https remote and the plain-http host its discovery points at.
    static func withSplitEndpoint(
        token: String, _ body: (_ remote: EndpointTestServer, _ plain: EndpointTestServer) async throws -> Void
    ) async throws {
        let certificates = try await TestCertificates.shared()
        try await EndpointTestServer.with(host: "127.0.0.2") { plain in
            plain.configure { $0.validTokens = [token] }
            try await EndpointTestServer.with(tls: certificates.server) { remote in
                remote.configure {
                    $0.validTokens = [token]
                    $0.serviceURIs[.token] = plain.url("/ep/token")
                    $0.serviceURIs[.library] = plain.url("/ep/library")
                }
                try await body(remote, plain)
            }
        }
    }

    @Test("a token login refuses an http token service on another host, and sends nothing there")
    func loginRefusesPlainTokenService() async throws {
        let sandbox = try NetworkSandbox()
        defer { sandbox.folder.remove() }
        let token = longToken("bearer")
        let certificates = try await TestCertificates.shared()
        try await Self.withSplitEndpoint(token: token) { remote, plain in
            let target = NamedRemote(name: "lib", remote: endpointRemote(remote))
            let error = try await sandbox.withDiscovery(caFile: certificates.caCertificate) { discovery in
                await remotesError { () throws(RemotesError) in
                    _ = try await TokenLogin(discovery: discovery).verify(token: token, for: target)
                }
            }
            #expect(error?.category == .failed)
            #expect(
                error?.message.hasPrefix(
                    "while verifying token: refusing to send the access token over plain http to 127.0.0.2:") == true,
                "\(String(describing: error))")
            #expect(plain.requests.allSatisfy { $0.authorization == nil }, "\(plain.requests.map(\.target))")
            #expect(!plain.requests.contains { $0.path.hasSuffix("/v1/token-status") })
        }
    }

    @Test("status does not check the token or ask who it is over http on another host")
    func statusRefusesPlainTokenService() async throws {
        let sandbox = try NetworkSandbox()
        defer { sandbox.folder.remove() }
        let token = longToken("bearer")
        let certificates = try await TestCertificates.shared()
        try await Self.withSplitEndpoint(token: token) { remote, plain in
            let target = NamedRemote(name: "lib", remote: endpointRemote(remote, token: token))
            let report = try await sandbox.withDiscovery(caFile: certificates.caCertificate) { discovery in
                await StatusChecker(discovery: discovery).check(target)
            }
            #expect(report.token.name == "unchecked")
            #expect(report.token.error?.message.contains("refusing to send the access token over plain http") == true)
            #expect(report.identity == nil)
            #expect(plain.requests.allSatisfy { $0.authorization == nil }, "\(plain.requests.map(\.target))")
            // The services' /version checks carry no token and still run.
            #expect(plain.requests(pathSuffix: "/version").count == 2)
        }
    }

    @Test("an https loopback remote may use http on its own host")
    func ownLoopbackHostMayUsePlainHTTP() async throws {
        let sandbox = try NetworkSandbox()
        defer { sandbox.folder.remove() }
        let token = longToken("own")
        let certificates = try await TestCertificates.shared()
        try await EndpointTestServer.with { plain in
            plain.configure { $0.validTokens = [token] }
            try await EndpointTestServer.with(tls: certificates.server) { remote in
                remote.configure { $0.serviceURIs[.token] = plain.url("/ep/token") }
                let target = NamedRemote(name: "lib", remote: endpointRemote(remote))
                _ = try await sandbox.withDiscovery(caFile: certificates.caCertificate) { discovery in
                    try await TokenLogin(discovery: discovery).verify(token: token, for: target)
                }
                #expect(plain.requests(pathSuffix: "/v1/token-status").count == 1)
            }
        }
    }

    @Test("the rule: https anywhere; http only on the remote's own insecure or loopback host")
    func rule() {
        func allowed(_ url: String, remote: String) -> Bool {
            (try? TokenDestination.check(url, remoteBaseURL: remote)) != nil
        }
        #expect(allowed("https://auth.example.org/token", remote: "https://lib.example.com"))
        #expect(allowed("http://lib.example.com:8080/token", remote: "http://lib.example.com/ep"))
        #expect(allowed("http://127.0.0.1:9000/token", remote: "https://127.0.0.1:8443/ep"))
        #expect(allowed("http://LOCALHOST:9000/token", remote: "https://localhost:8443"))
        #expect(!allowed("http://lib.example.com/token", remote: "https://lib.example.com"))
        #expect(!allowed("http://127.0.0.2:9000/token", remote: "https://127.0.0.1:8443/ep"))
        #expect(!allowed("http://auth.example.org/token", remote: "http://lib.example.com"))
        #expect(!allowed("http://localhost:9000/token", remote: "https://127.0.0.1:8443"))
    }
}
