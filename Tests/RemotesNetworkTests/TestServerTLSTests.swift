import Foundation
import RemotesTestSupport
import Testing

/// HTTPS on the test server with the generated CA, and the broken certificates.
struct TestServerTLSTests {
    @Test(.enabled(if: PeerAvailability.shouldRun(.openssl)))
    func certificatesVerifyAsIntended() async throws {
        let certificates = try await TestCertificates.shared()
        #expect(try await TestCertificates.shared().folder == certificates.folder)
        func verify(_ arguments: [String]) async throws -> ProcessResult {
            try await TestProcess.run("openssl", ["verify", "-CAfile", certificates.caCertificate] + arguments)
        }
        #expect(try await verify(["-verify_ip", "127.0.0.1", certificates.server.certificate]).succeeded)
        #expect(try await verify(["-verify_hostname", "localhost", certificates.server.certificate]).succeeded)
        let expired = try await verify([certificates.expired.certificate])
        #expect(!expired.succeeded)
        #expect((expired.stdout + expired.stderr).contains("expired"))
        #expect(try await verify([certificates.wrongHost.certificate]).succeeded)
        #expect(try await !verify(["-verify_ip", "127.0.0.1", certificates.wrongHost.certificate]).succeeded)
        let stat = try FileManager.default.attributesOfItem(atPath: certificates.server.key)
        #expect((stat[.posixPermissions] as? Int) == 0o644)
    }

    @Test(.enabled(if: PeerAvailability.shouldRun(.openssl, .curl)))
    func httpsWorksWithTheCAAndFailsWithout() async throws {
        let certificates = try await TestCertificates.shared()
        try await EndpointTestServer.with(tls: certificates.server) { server in
            #expect(server.baseURL.hasPrefix("https://127.0.0.1:"))
            let url = server.url("/ep/assets/config/config.prod.json")
            let trusted = try await TestHTTP.curl(["--cacert", certificates.caCertificate, url])
            #expect(trusted.succeeded, "\(trusted.stderr)")
            #expect(TestHTTP.string(TestHTTP.object(trusted.stdout), "tokenAPI", "uri") == server.baseURL + "/ep/token")
            let byName = try await TestHTTP.curl(
                ["--cacert", certificates.caCertificate, "https://localhost:\(server.port ?? 0)/library/version"]
            )
            #expect(byName.succeeded, "\(byName.stderr)")
            let untrusted = try await TestHTTP.curl([url])
            #expect(untrusted.status == 60)

            let reply = try await TestHTTP.get(url, caCertificate: certificates.caCertificate)
            #expect(reply.status == 200)
            await #expect(throws: (any Error).self) { _ = try await TestHTTP.get(url) }
            #expect(server.requests.contains { $0.overTLS })
        }
    }

    @Test(.enabled(if: PeerAvailability.shouldRun(.openssl, .curl)))
    func expiredCertificateFailsVerification() async throws {
        let certificates = try await TestCertificates.shared()
        try await EndpointTestServer.with(tls: certificates.expired) { server in
            let url = server.url("/library/version")
            let result = try await TestHTTP.curl(["--cacert", certificates.caCertificate, url])
            #expect(result.status == 60)
            #expect(result.stderr.contains("expired"))
            await #expect(throws: (any Error).self) {
                _ = try await TestHTTP.get(url, caCertificate: certificates.caCertificate)
            }
            let insecure = try await TestHTTP.curl(["--insecure", url])
            #expect(insecure.stdout == #"{"data":{"version":"v1.2.3"}}"#)
        }
    }

    @Test(.enabled(if: PeerAvailability.shouldRun(.openssl, .curl)))
    func wrongHostCertificateFailsVerification() async throws {
        let certificates = try await TestCertificates.shared()
        try await EndpointTestServer.with(tls: certificates.wrongHost) { server in
            let port = server.port ?? 0
            let url = server.url("/library/version")
            let result = try await TestHTTP.curl(["--cacert", certificates.caCertificate, url])
            #expect(result.status == 60)
            await #expect(throws: (any Error).self) {
                _ = try await TestHTTP.get(url, caCertificate: certificates.caCertificate)
            }
            // The same certificate is fine for the name it was made for.
            let named = try await TestHTTP.curl([
                "--cacert", certificates.caCertificate, "--resolve", "wrong.example:\(port):127.0.0.1",
                "https://wrong.example:\(port)/library/version",
            ])
            #expect(named.succeeded, "\(named.stderr)")
        }
    }

    @Test(.enabled(if: PeerAvailability.shouldRun(.openssl)))
    func plainHTTPBaseURLCanBeAnnouncedByATLSServer() async throws {
        let certificates = try await TestCertificates.shared()
        try await EndpointTestServer.with(tls: certificates.server) { server in
            let plain = "http://127.0.0.1:\(server.port ?? 0)"
            server.configure { $0.baseURL = plain }
            let reply = try await TestHTTP.get(
                server.url("/assets/config/config.prod.json"),
                caCertificate: certificates.caCertificate
            )
            let json = TestHTTP.object(reply.body)
            #expect(TestHTTP.string(json, "libraryAPI", "uri") == "http://127.0.0.1:\(server.port ?? 0)/library")
        }
    }

    @Test func badTLSFilesFailToStart() async throws {
        let server = EndpointTestServer(
            tls: CertificatePair(certificate: "/nonexistent/cert.pem", key: "/nonexistent/key.pem"))
        await #expect(throws: EndpointServerError.self) { try await server.start() }
        #expect(!server.isRunning)
    }
}
