import AsyncHTTPClient
import Foundation
import NIOCore
import RemotesTestSupport
import Testing

/// The fake Library API endpoint: discovery, the service APIs, the request log and connections.
struct TestServerTests {
    @Test func discoveryAnnouncesEveryServiceUnderThePrefix() async throws {
        try await EndpointTestServer.with { server in
            let reply = try await TestHTTP.get(server.url("/ep7/assets/config/config.prod.json"))
            #expect(reply.status == 200)
            #expect(reply.headers["Content-Type"].first?.hasPrefix("application/json") == true)
            #expect(reply.headers["Content-Length"].first == String(reply.body.utf8.count))
            let json = try #require(TestHTTP.object(reply.body))
            let base = server.baseURL + "/ep7"
            #expect(TestHTTP.string(json, "libraryAPI", "uri") == base + "/library")
            #expect(TestHTTP.string(json, "libraryAPI", "registryUri") == base + "/registry")
            #expect(TestHTTP.string(json, "keystoreAPI", "uri") == base + "/keys")
            #expect(TestHTTP.string(json, "tokenAPI", "uri") == base + "/token")
            #expect(TestHTTP.string(json, "builderAPI", "uri") == base + "/builder")
            #expect(TestHTTP.string(json, "consentAPI", "uri") == base + "/consent")
            #expect(json.count == 5)
        }
    }

    @Test func discoveryFollowsTheConfiguration() async throws {
        try await EndpointTestServer.with { server in
            server.configure {
                $0.announcedServices = [.library, .token]
                $0.baseURL = "https://elsewhere.example:8443/"
                $0.serviceURIs[.token] = "http://127.0.0.1:9/auth/token"
                $0.announcesRegistryURI = false
            }
            let reply = try await TestHTTP.get(server.url("/assets/config/config.prod.json"))
            let json = try #require(TestHTTP.object(reply.body))
            #expect(Set(json.keys) == ["libraryAPI", "tokenAPI"])
            #expect(TestHTTP.string(json, "libraryAPI", "uri") == "https://elsewhere.example:8443/library")
            #expect(TestHTTP.string(json, "libraryAPI", "registryUri") == nil)
            #expect(TestHTTP.string(json, "tokenAPI", "uri") == "http://127.0.0.1:9/auth/token")

            server.configure {
                $0.registryURI = "oras://127.0.0.1:5000"
                $0.announcesRegistryURI = true
            }
            let again = try await TestHTTP.get(server.url("/x/assets/config/config.prod.json"))
            let changed = try #require(TestHTTP.object(again.body))
            #expect(TestHTTP.string(changed, "libraryAPI", "registryUri") == "oras://127.0.0.1:5000")
        }
    }

    @Test func versionAnswersInTheJsonRespEnvelope() async throws {
        try await EndpointTestServer.with { server in
            server.configure { $0.versions[.keystore] = "v9.9.9" }
            let library = try await TestHTTP.get(server.url("/ep7/library/version"))
            #expect(library.status == 200)
            #expect(library.body == #"{"data":{"version":"v1.2.3"}}"#)
            let keys = try await TestHTTP.get(server.url("/ep7/keys/version"))
            #expect(TestHTTP.string(TestHTTP.object(keys.body), "data", "version") == "v9.9.9")
            let unknown = try await TestHTTP.get(server.url("/ep7/nothing/version"))
            #expect(unknown.status == 404)
        }
    }

    @Test func tokenStatusAcceptsOnlyConfiguredTokens() async throws {
        try await EndpointTestServer.with { server in
            server.configure { $0.validTokens = ["good-token"] }
            let url = server.url("/ep7/token/v1/token-status")
            try await TestHTTP.withClient { client in
                let good = try await TestHTTP.get(client, url, headers: [("Authorization", "Bearer good-token")])
                #expect(good.status == 200)
                let bad = try await TestHTTP.get(client, url, headers: [("Authorization", "Bearer bad-token")])
                #expect(bad.status == 404)
                let none = try await TestHTTP.get(client, url)
                #expect(none.status == 404)
                server.configure { $0.invalidTokenStatus = 401 }
                let changed = try await TestHTTP.get(client, url, headers: [("Authorization", "Bearer bad-token")])
                #expect(changed.status == 401)
            }
            #expect(server.requests(pathSuffix: "/v1/token-status").first?.authorization == "Bearer good-token")
        }
    }

    @Test func currentUserNeedsAValidToken() async throws {
        try await EndpointTestServer.with { server in
            server.configure {
                $0.validTokens = ["t1"]
                $0.secret = "the-secret"
            }
            let url = server.url("/ep7/library/v1/rbac/users/current")
            let good = try await TestHTTP.get(url, headers: [("Authorization", "Bearer t1")])
            #expect(good.status == 200)
            let data = try #require(TestHTTP.object(good.body)?["data"] as? [String: Any])
            #expect(data["username"] as? String == "alice")
            #expect(data["email"] as? String == "alice@example.org")
            #expect((data["oidc_user_meta"] as? [String: Any])?["secret"] as? String == "the-secret")
            #expect(try await TestHTTP.get(url, headers: [("Authorization", "Bearer t2")]).status == 401)
            #expect(try await TestHTTP.get(url).status == 401)
            server.configure { $0.userEndpointFound = false }
            #expect(try await TestHTTP.get(url, headers: [("Authorization", "Bearer t1")]).status == 404)
        }
    }

    @Test func keyserverLookupDemandsConfiguredCredentials() async throws {
        try await EndpointTestServer.with { server in
            let url = server.url("/keys/pks/lookup?op=index&options=mr&search=alice")
            let open = try await TestHTTP.get(url)
            #expect(open.status == 200)
            #expect(open.body.hasPrefix("info:1:1\npub:"))

            server.configure {
                $0.keyserverCredentials = BasicCredentials(username: "bob", password: "pw")
                $0.keyserverTokens = ["key-token"]
            }
            let missing = try await TestHTTP.get(url)
            #expect(missing.status == 401)
            #expect(missing.headers["WWW-Authenticate"].first == #"Basic realm="keys""#)
            let wrong = BasicCredentials(username: "bob", password: "nope").authorizationHeader
            #expect(try await TestHTTP.get(url, headers: [("Authorization", wrong)]).status == 401)
            let right = BasicCredentials(username: "bob", password: "pw").authorizationHeader
            let basic = try await TestHTTP.get(url, headers: [("Authorization", right)])
            #expect(basic.status == 200)
            #expect(basic.body.contains("uid:Alice Test <alice@example.org>"))
            #expect(try await TestHTTP.get(url, headers: [("Authorization", "Bearer key-token")]).status == 200)
            #expect(try await TestHTTP.get(url, headers: [("Authorization", "Bearer other")]).status == 401)
        }
    }

    @Test func unknownPathsAre404() async throws {
        try await EndpointTestServer.with { server in
            let reply = try await TestHTTP.get(server.url("/no/such/thing"))
            #expect(reply.status == 404)
            #expect(reply.body.contains(#""code":404"#))
        }
    }

    @Test func requestLogRecordsMethodTargetHeadersAndTime() async throws {
        try await EndpointTestServer.with { server in
            let before = Date()
            _ = try await TestHTTP.get(
                server.url("/ep7/token/v1/token-status?x=1"),
                headers: [("Authorization", "Bearer abc"), ("User-Agent", "remotes-test/1.0")]
            )
            _ = try await TestHTTP.get(server.url("/ep7/library/version"))
            let log = server.requests
            try #require(log.count == 2)
            #expect(log[0].method == "GET")
            #expect(log[0].target == "/ep7/token/v1/token-status?x=1")
            #expect(log[0].path == "/ep7/token/v1/token-status")
            #expect(log[0].query == "x=1")
            #expect(log[0].authorization == "Bearer abc")
            #expect(log[0].userAgent == "remotes-test/1.0")
            #expect(log[0].host == "127.0.0.1:\(server.port ?? 0)")
            #expect(log[0].arrival >= before.addingTimeInterval(-0.001))
            #expect(log[1].arrival >= log[0].arrival)
            #expect(!log[0].overTLS)
            server.clearRequests()
            #expect(server.requests.isEmpty)
        }
    }

    @Test(.enabled(if: PeerAvailability.shouldRun(.curl)))
    func keepAliveReusesTheConnectionAndConnectionCloseEndsIt() async throws {
        try await EndpointTestServer.with { server in
            let first = server.url("/a/library/version")
            let second = server.url("/b/library/version")
            let reused = try await TestHTTP.curl([first, second])
            #expect(reused.succeeded, "\(reused.stderr)")
            #expect(reused.stdout == String(repeating: #"{"data":{"version":"v1.2.3"}}"#, count: 2))
            let closing = try await TestHTTP.curl(["-H", "Connection: close", first, second])
            #expect(closing.succeeded, "\(closing.stderr)")
            let http10 = try await TestHTTP.curl(["--http1.0", first])
            #expect(http10.stdout == #"{"data":{"version":"v1.2.3"}}"#)
            let connections = server.requests.map(\.connection)
            try #require(connections.count == 5)
            #expect(connections[0] == connections[1])
            #expect(connections[2] != connections[3])
            #expect(Set(connections).count == 4)
        }
    }

    @Test func stopEndsServingAndStartServesAgain() async throws {
        let server = EndpointTestServer()
        let port = try await server.start()
        #expect(server.isRunning)
        #expect(try await server.start() == port)
        await server.stop()
        #expect(!server.isRunning)
        await #expect(throws: (any Error).self) {
            _ = try await HTTPProbe.fetch("http://127.0.0.1:\(port)/library/version", timeout: .seconds(2))
        }
        try await server.start()
        let reply = try await HTTPProbe.fetch(server.url("/library/version"))
        #expect(reply.status == 200)
        await server.stop()
    }

    @Test func reconfiguringWhileServingIsSafe() async throws {
        try await EndpointTestServer.with { server in
            let url = server.url("/ep/library/version")
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                group.addTask {
                    for round in 0..<200 {
                        server.configure { $0.versions[.library] = "v\(round)" }
                        if round % 2 == 0 {
                            server.misbehave(.status(503), at: .exact("/ep/library/version"))
                        } else {
                            server.behave(at: .exact("/ep/library/version"))
                        }
                        await Task.yield()
                    }
                    return 0
                }
                for _ in 0..<4 {
                    group.addTask {
                        var seen = 0
                        for _ in 0..<10 {
                            let status = try await HTTPProbe.fetch(url).status
                            if status == 200 || status == 503 { seen += 1 }
                        }
                        return seen
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(statuses == 40)
            #expect(server.requests.count == 40)
        }
    }
}
