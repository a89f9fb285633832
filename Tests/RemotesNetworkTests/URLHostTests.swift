import RemotesCore
import RemotesTestSupport
import Testing

@testable import RemotesNetwork

/// Host names as the network rules compare them, and `localhost` as 127.0.0.1.
@Suite struct URLHostTests {
    @Test func hostsAreComparedInOneSpelling() {
        #expect(URLHost.name(of: "HTTPS://User@Example.COM.:443/x") == "example.com")
        #expect(URLHost.name(of: "http://[::1]:80/v2/") == "::1")
        #expect(URLHost.name(of: "https://registry.example.com") == "registry.example.com")
        #expect(URLHost.name(ofAuthority: "127.0.0.1:5000") == "127.0.0.1")
        #expect(URLHost.name(ofAuthority: "[::1]") == "::1")
    }

    @Test func localhostIsSpelledOneWay() {
        #expect(URLHost.withCanonicalLocalhost("http://LOCALHOST:5000/v2/") == "http://localhost:5000/v2/")
        #expect(URLHost.withCanonicalLocalhost("https://u@localhost./x?y") == "https://u@localhost/x?y")
        #expect(URLHost.withCanonicalLocalhost("http://localhost:1/") == "http://localhost:1/")
        #expect(URLHost.withCanonicalLocalhost("http://localhost.example.com/") == "http://localhost.example.com/")
        #expect(LoopbackHost.address(ofName: "LocalHost.") == "127.0.0.1")
        #expect(LoopbackHost.address(ofName: "myhost") == nil)
        #expect(LoopbackHost.address(ofName: "127.0.0.2") == nil)
    }

    @Test("a request to LOCALHOST. reaches the server on 127.0.0.1, named localhost")
    func fetchThroughLocalhost() async throws {
        try await EndpointTestServer.with { server in
            let fetcher = try HTTPFetcher()
            let port = server.port ?? 0
            let result = try await fetcher.get("http://LOCALHOST.:\(port)/ep/library/version")
            await fetcher.shutdown()
            #expect(result.status == 200)
            #expect(server.requests.map { $0.header("Host") } == ["localhost:\(port)"])
        }
    }
}
