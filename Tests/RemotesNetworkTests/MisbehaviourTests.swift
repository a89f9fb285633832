import AsyncHTTPClient
import Foundation
import NIOCore
import RemotesTestSupport
import Testing

/// The test server's misbehaviours, each checked with a real HTTP client.
struct MisbehaviourTests {
    @Test func fixedStatusAppliesByExactPathOrSuffix() async throws {
        try await EndpointTestServer.with { server in
            server.misbehave(.status(500, body: "boom"), at: .suffix("/keys/version"))
            server.misbehave(.status(401, body: #"{"error":{"code":401}}"#), at: .exact("/b/keys/version"))
            try await TestHTTP.withClient { client in
                let a = try await TestHTTP.get(client, server.url("/a/keys/version"))
                #expect(a.status == 500)
                #expect(a.body == "boom")
                let b = try await TestHTTP.get(client, server.url("/b/keys/version"))
                #expect(b.status == 401)
                #expect(b.headers["Content-Type"].first?.hasPrefix("application/json") == true)
                let library = try await TestHTTP.get(client, server.url("/a/library/version"))
                #expect(library.status == 200)
                server.behave(at: .suffix("/keys/version"))
                #expect(try await TestHTTP.get(client, server.url("/a/keys/version")).status == 200)
                server.behaveEverywhere()
                #expect(try await TestHTTP.get(client, server.url("/b/keys/version")).status == 200)
            }
        }
    }

    @Test func customStatusCarriesHeaders() async throws {
        try await EndpointTestServer.with { server in
            let challenge = #"Bearer realm="http://127.0.0.1:1/token""#
            server.misbehave(
                .custom(status: 401, headers: ["WWW-Authenticate": challenge], body: "{}"),
                at: .prefix("/v2/")
            )
            let reply = try await TestHTTP.get(server.url("/v2/"))
            #expect(reply.status == 401)
            #expect(reply.headers["WWW-Authenticate"].first == challenge)
        }
    }

    @Test func invalidJSONCannotBeParsed() async throws {
        try await EndpointTestServer.with { server in
            server.misbehave(.invalidJSON, at: .suffix("/config.prod.json"))
            let reply = try await TestHTTP.get(server.url("/assets/config/config.prod.json"))
            #expect(reply.status == 200)
            #expect(!reply.body.isEmpty)
            #expect(throws: (any Error).self) { try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) }
        }
    }

    @Test func hugeBodyIsStreamedInFull() async throws {
        let size = 16 * 1024 * 1024 + 123  // four times the fetcher's cap
        try await EndpointTestServer.with { server in
            server.misbehave(.hugeBody(bytes: size), at: .exact("/big"))
            try await TestHTTP.withClient { client in
                let response = try await client.execute(
                    HTTPClientRequest(url: server.url("/big")), timeout: TimeAmount(SanitizerSlack.scaled(.seconds(30)))
                )
                #expect(response.status.code == 200)
                #expect(response.headers["Content-Length"].first == String(size))
                var total = 0
                var chunks = 0
                for try await chunk in response.body {
                    total += chunk.readableBytes
                    chunks += 1
                }
                #expect(total == size)
                #expect(chunks > 1)
                let after = try await TestHTTP.get(client, server.url("/library/version"))
                #expect(after.status == 200)
            }
        }
    }

    @Test func neverAnswerHoldsTheConnectionUntilStop() async throws {
        let server = EndpointTestServer()
        try await server.start()
        server.misbehave(.neverAnswer, at: .suffix("/library/version"))
        // A client with a short read timeout gives up: nothing ever arrives.
        await #expect(throws: (any Error).self) {
            try await TestHTTP.withClient(readTimeout: .milliseconds(300)) { client in
                _ = try await TestHTTP.get(client, server.url("/library/version"), timeout: .seconds(5))
            }
        }
        // A patient client stays blocked until stop() closes the connection.
        let clock = ContinuousClock()
        let waiting = Task {
            try await TestHTTP.withClient(readTimeout: .seconds(30)) { client in
                try await TestHTTP.get(client, server.url("/library/version"), timeout: .seconds(30))
            }
        }
        #expect(await server.waitForRequests(count: 2))
        try await Task.sleep(for: .milliseconds(200))
        let stopped = clock.now
        await server.stop()
        let result = await waiting.result
        #expect(throws: (any Error).self) { try result.get() }
        // The request would never end on its own (30 s timeout): well under that means stop() ended it.
        #expect(clock.now - stopped < .seconds(20))
    }

    @Test func slowAnswerDelaysHeadersAndTricklesTheBody() async throws {
        try await EndpointTestServer.with { server in
            let clock = ContinuousClock()
            server.misbehave(.slow(headerDelay: .milliseconds(300)), at: .suffix("/version"))
            let start = clock.now
            let delayed = try await TestHTTP.get(server.url("/library/version"))
            #expect(clock.now - start >= .milliseconds(300))
            #expect(delayed.body == #"{"data":{"version":"v1.2.3"}}"#)

            server.misbehave(
                .slow(headerDelay: .zero, trickleInterval: .milliseconds(200), chunkSize: 10),
                at: .suffix("/version")
            )
            try await TestHTTP.withClient { client in
                let begin = clock.now
                let response = try await client.execute(
                    HTTPClientRequest(url: server.url("/library/version")),
                    timeout: .seconds(10)
                )
                var pieces: [String] = []
                for try await chunk in response.body { pieces.append(String(buffer: chunk)) }
                // 29 bytes in pieces of 10: three pieces, two pauses (the client may merge two pieces;
                // the pauses are long enough that a loaded machine does not merge all three).
                #expect(pieces.joined() == #"{"data":{"version":"v1.2.3"}}"#)
                #expect(pieces.count >= 2)
                #expect(clock.now - begin >= .milliseconds(400))
            }
        }
    }

    @Test func redirectPointsWhereAsked() async throws {
        try await EndpointTestServer.with { server in
            server.misbehave(.redirect(status: 301, location: "http://127.0.0.1:9/elsewhere"), at: .exact("/moved"))
            server.misbehave(.redirect(status: 307, location: server.url("/library/version")), at: .exact("/temp"))
            let moved = try await TestHTTP.get(server.url("/moved"))
            #expect(moved.status == 301)
            #expect(moved.headers["Location"].first == "http://127.0.0.1:9/elsewhere")
            let temporary = try await TestHTTP.get(server.url("/temp"))
            #expect(temporary.status == 307)
            #expect(temporary.headers["Location"].first == server.url("/library/version"))
        }
    }

    @Test func closeConnectionAnswersNothing() async throws {
        try await EndpointTestServer.with { server in
            server.misbehave(.closeConnection, at: .suffix("/token-status"))
            await #expect(throws: (any Error).self) {
                _ = try await TestHTTP.get(server.url("/token/v1/token-status"))
            }
            #expect(server.requests(pathSuffix: "/token-status").count >= 1)
            let fine = try await TestHTTP.get(server.url("/token/version"))
            #expect(fine.status == 200)
        }
    }

    @Test func mostSpecificMatchWins() {
        var configuration = EndpointConfiguration()
        configuration.misbehaviours = [
            .prefix("/ep7/"): .status(500),
            .suffix("/version"): .status(501),
            .suffix("/library/version"): .status(502),
            .exact("/ep7/library/version"): .status(503),
        ]
        func status(_ path: String) -> Int? {
            if case .status(let code, _) = configuration.misbehaviour(for: path) { return code }
            return nil
        }
        #expect(status("/ep7/library/version") == 503)
        #expect(status("/ep8/library/version") == 502)
        #expect(status("/ep7/keys/version") == 501)
        #expect(status("/ep7/assets/config/config.prod.json") == 500)
        #expect(status("/other") == nil)
    }
}
