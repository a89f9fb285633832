import RemotesCore
import RemotesTestSupport
import Testing

@testable import RemotesNetwork

/// The extra CA bundle is checked when the fetcher is made and used when TLS needs it.
@Suite("HTTPFetcher: extra CA bundle")
struct HTTPFetcherCAFileTests {
    @Test("a missing bundle, or one without certificates, is refused at once")
    func refused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(
            throws: RemotesError.badFile(
                "could not read the CA bundle /nonexistent/ca.pem: it is missing or not PEM certificates")
        ) {
            _ = try HTTPFetcher(settings: HTTPSettings(extraCAFile: "/nonexistent/ca.pem"))
        }
        let empty = try folder.write("not a certificate\n", to: "ca.pem")
        #expect(throws: RemotesError.badFile("the CA bundle \(empty) holds no certificate")) {
            _ = try HTTPFetcher(settings: HTTPSettings(extraCAFile: empty))
        }
    }

    @Test(
        "a server signed by the bundle's CA is trusted, and untrusted without it",
        .enabled(if: PeerAvailability.shouldRun(.openssl)))
    func trusted() async throws {
        let certificates = try await TestCertificates.shared()
        try await EndpointTestServer.with(tls: certificates.server) { server in
            let url = server.url("/version")
            // The default timeouts, stretched under a sanitizer.
            let timeouts = HTTPSettings(
                connectTimeout: SanitizerSlack.scaled(.seconds(5)), totalTimeout: SanitizerSlack.scaled(.seconds(10)))
            var withCA = timeouts
            withCA.extraCAFile = certificates.caCertificate
            let trusting = try HTTPFetcher(settings: withCA)
            let plain = try HTTPFetcher(settings: timeouts)
            do {
                #expect(try await trusting.get(url).status == 404)
                await #expect {
                    _ = try await plain.get(url)
                } throws: { error in
                    ((error as? RemotesError)?.message ?? "").contains("not trusted")
                }
            } catch {
                Issue.record("\(error)")
            }
            await trusting.shutdown()
            await plain.shutdown()
        }
    }
}
