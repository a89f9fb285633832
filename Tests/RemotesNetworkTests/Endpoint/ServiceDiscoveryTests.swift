import Foundation
import RemotesCore
import RemotesNetwork
import RemotesTestSupport
import Testing

/// Service discovery against the test server: parsing, the on-disk cache, refresh, TLS and
/// every misbehaviour's error text.
struct ServiceDiscoveryTests {
    @Test func fetchesParsesAndCaches() async throws {
        let sandbox = try NetworkSandbox()
        try await EndpointTestServer.with { server in
            let remote = endpointRemote(server, prefix: "/ep1")
            try await sandbox.withDiscovery { discovery in
                let first = try await discovery.services(of: remote)
                #expect(first.origin == .network)
                #expect(first.baseURL == server.baseURL + "/ep1")
                #expect(first.catalog.uri(of: "keyserver") == server.baseURL + "/ep1/keys")
                #expect(first.catalog.uri(of: "token") == server.baseURL + "/ep1/token")
                #expect(first.catalog.registryURI == server.baseURL + "/ep1/registry")
                #expect(Set(first.catalog.services.keys) == ["library", "keyserver", "token", "builder", "consent"])
                let request = try #require(server.requests(pathSuffix: "/config.prod.json").first)
                #expect(request.path == "/ep1/assets/config/config.prod.json")
                #expect(request.userAgent == "remotes/\(RemotesVersion.current)")
                #expect(request.authorization == nil)

                let second = try await discovery.services(of: remote)
                #expect(second.origin == .cache)
                #expect(second.catalog == first.catalog)
                #expect(server.requests(pathSuffix: "/config.prod.json").count == 1)

                let refreshed = try await discovery.services(of: remote, refresh: true)
                #expect(refreshed.origin == .network)
                #expect(server.requests(pathSuffix: "/config.prod.json").count == 2)
            }
        }
        let file = sandbox.cache.file(for: "http://127.0.0.1")
        #expect(file.hasPrefix(sandbox.locations.userFolder + "/remote-cache/"))
        let folderMode = try FileManager.default.attributesOfItem(atPath: sandbox.cache.folder)[.posixPermissions]
        #expect(folderMode as? Int == 0o700)
        let entries = try FileManager.default.contentsOfDirectory(atPath: sandbox.cache.folder)
        #expect(entries.count == 1)
        let entryMode = try FileManager.default.attributesOfItem(atPath: sandbox.cache.folder + "/" + entries[0])[
            .posixPermissions]
        #expect(entryMode as? Int == 0o600)
    }

    @Test func staleCacheIsFetchedAgain() async throws {
        let sandbox = try NetworkSandbox()
        try await EndpointTestServer.with { server in
            let remote = endpointRemote(server)
            try await sandbox.withDiscovery { discovery in
                _ = try await discovery.services(of: remote)
                let file = sandbox.cache.file(for: server.baseURL + "/ep")
                let old = Date(timeIntervalSinceNow: -Double(DiscoveryCache.defaultLifetime) - 60)
                try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: file)
                let again = try await discovery.services(of: remote)
                #expect(again.origin == .network)
                #expect(server.requests(pathSuffix: "/config.prod.json").count == 2)
            }
        }
    }

    @Test func placeholderEndpointNeedsNoRequest() async throws {
        let sandbox = try NetworkSandbox()
        try await sandbox.withDiscovery { discovery in
            let services = try await discovery.services(of: Remote(uri: "cloud.apptainer.org", system: true))
            #expect(services.origin == .builtin)
            #expect(services.catalog.services == ["keyserver": "https://keys.openpgp.org"])
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.cache.folder))
    }

    @Test func builtinKeyserverIsFetchedOnceAndThenFoundByTheStore() async throws {
        let sandbox = try NetworkSandbox()
        try await EndpointTestServer.with { server in
            let remote = endpointRemote(server, prefix: "/k")
            #expect(sandbox.store.builtinKeyserver(of: remote) == nil)
            try await sandbox.withDiscovery { discovery in
                let first = try await discovery.builtinKeyserver(of: remote)
                let second = try await discovery.builtinKeyserver(of: remote)
                #expect(first == server.baseURL + "/k/keys")
                #expect(second == first)
            }
            #expect(server.requests(pathSuffix: "/config.prod.json").count == 1)
            #expect(sandbox.store.builtinKeyserver(of: remote) == server.baseURL + "/k/keys")
        }
    }

    @Test func httpsIsVerifiedAgainstTheExtraCA() async throws {
        let certificates = try await TestCertificates.shared()
        let sandbox = try NetworkSandbox()
        try await EndpointTestServer.with(tls: certificates.server) { server in
            let remote = endpointRemote(server)
            #expect(!remote.insecure)
            let trusted = try await sandbox.withDiscovery(caFile: certificates.caCertificate) { discovery in
                try await discovery.services(of: remote, refresh: true)
            }
            #expect(trusted.catalog.uri(of: "library") == server.baseURL + "/ep/library")
            let untrusted = try await sandbox.withDiscovery { discovery in
                await remotesError { () throws(RemotesError) in
                    _ = try await discovery.services(of: remote, refresh: true)
                }
            }
            #expect(
                untrusted?.message
                    == "while retrieving services: error making request to server: TLS with 127.0.0.1:\(server.port ?? 0) failed: the server's certificate is not trusted (add its CA with --ca-file or SSL_CERT_FILE)"
            )
        }
    }

    @Test(arguments: [
        ("expired", "the server's certificate has expired"),
        ("wrongHost", "the server's certificate is not valid for this host name"),
    ])
    func brokenCertificatesAreRefused(which: String, reason: String) async throws {
        let certificates = try await TestCertificates.shared()
        let pair = which == "expired" ? certificates.expired : certificates.wrongHost
        let sandbox = try NetworkSandbox()
        try await EndpointTestServer.with(tls: pair) { server in
            let error = try await sandbox.withDiscovery(caFile: certificates.caCertificate) { discovery in
                await remotesError { () throws(RemotesError) in
                    _ = try await discovery.services(of: endpointRemote(server))
                }
            }
            #expect(error?.message.contains(reason) == true, "\(String(describing: error))")
            #expect(error?.message.hasPrefix("while retrieving services: error making request to server: TLS") == true)
        }
    }

    @Test func secureRemoteOnAPlainServerDoesNotFallBackToHTTP() async throws {
        let sandbox = try NetworkSandbox()
        try await EndpointTestServer.with { plain in
            let remote = Remote(uri: "https://127.0.0.1:\(plain.port ?? 0)/ep")
            let error = try await sandbox.withDiscovery { discovery in
                await remotesError { () throws(RemotesError) in _ = try await discovery.services(of: remote) }
            }
            #expect(
                error?.message
                    == "while retrieving services: error making request to server: TLS with 127.0.0.1:\(plain.port ?? 0) failed: the server does not speak TLS on this port"
            )
            #expect(plain.requests.isEmpty)
        }
    }

    @Test func misbehavioursGiveClearErrors() async throws {
        let sandbox = try NetworkSandbox()
        try await EndpointTestServer.with { server in
            let cases: [(String, Misbehaviour, String, RemotesError.Category)] = [
                (
                    "/s500", .status(500, body: "boom"), "error response from server: 500 Internal Server Error",
                    .unavailable
                ),
                ("/s404", .status(404), "error response from server: 404 Not Found", .unavailable),
                ("/json", .invalidJSON, "jsonresp: failed to unmarshal response: invalid JSON", .unavailable),
                ("/huge", .hugeBody(bytes: 5 << 20), "is larger than the limit of 4194304 bytes", .failed),
                ("/closed", .closeConnection, "closed the connection without an answer", .unavailable),
            ]
            try await sandbox.withDiscovery { discovery in
                for (prefix, misbehaviour, text, category) in cases {
                    server.misbehave(misbehaviour, at: .prefix(prefix + "/"))
                    let error = await remotesError { () throws(RemotesError) in
                        _ = try await discovery.services(of: endpointRemote(server, prefix: prefix))
                    }
                    #expect(error?.message.hasPrefix("while retrieving services: ") == true, "\(prefix)")
                    #expect(error?.message.contains(text) == true, "\(prefix): \(String(describing: error))")
                    #expect(error?.category == category, "\(prefix)")
                }
            }
            #expect(!FileManager.default.fileExists(atPath: sandbox.cache.folder))
        }
    }

    @Test func deadAndSlowServersFailWithinTheTimeout() async throws {
        let sandbox = try NetworkSandbox()
        try await EndpointTestServer.with { server in
            server.misbehave(.neverAnswer, at: .prefix("/never/"))
            server.misbehave(.slow(headerDelay: .seconds(30)), at: .prefix("/slow/"))
            server.misbehave(
                .slow(headerDelay: .zero, trickleInterval: .milliseconds(200), chunkSize: 1), at: .prefix("/trickle/"))
            let clock = ContinuousClock()
            try await sandbox.withDiscovery(timeout: .milliseconds(800)) { discovery in
                for prefix in ["/never", "/slow", "/trickle"] {
                    let start = clock.now
                    let error = await remotesError { () throws(RemotesError) in
                        _ = try await discovery.services(of: endpointRemote(server, prefix: prefix))
                    }
                    let elapsed = clock.now - start
                    #expect(
                        error?.message
                            == "while retrieving services: error making request to server: no complete answer from 127.0.0.1:\(server.port ?? 0) within 0.8 s",
                        "\(prefix)")
                    #expect(error?.category == .unavailable)
                    // The server answers after 30 s or never: giving up took the timeout, not that.
                    #expect(elapsed < .seconds(25), "\(prefix) took \(elapsed)")
                }
            }
        }
    }

    @Test func refusedConnectionIsReported() async throws {
        let sandbox = try NetworkSandbox()
        try await ClosedPort.with { port in
            let error = try await sandbox.withDiscovery { discovery in
                await remotesError { () throws(RemotesError) in
                    _ = try await discovery.services(of: Remote(uri: "http://127.0.0.1:\(port)/ep", insecure: true))
                }
            }
            #expect(
                error?.message
                    == "while retrieving services: error making request to server: connection to 127.0.0.1:\(port) refused"
            )
            #expect(error?.category == .unavailable)
        }
    }

    @Test func redirectFromHTTPSToHTTPIsRefused() async throws {
        let certificates = try await TestCertificates.shared()
        let sandbox = try NetworkSandbox()
        try await EndpointTestServer.with(tls: certificates.server) { server in
            let plain = EndpointTestServer()
            try await plain.start()
            let target = plain.url("/ep/assets/config/config.prod.json")
            server.misbehave(.redirect(status: 302, location: target), at: .suffix("/config.prod.json"))
            let error = try await sandbox.withDiscovery(caFile: certificates.caCertificate) { discovery in
                await remotesError { () throws(RemotesError) in
                    _ = try await discovery.services(of: endpointRemote(server))
                }
            }
            await plain.stop()
            #expect(error?.message.contains("refusing to follow a redirect") == true, "\(String(describing: error))")
            #expect(error?.message.contains("https must not fall back to http") == true)
            #expect(plain.requests.isEmpty)
        }
    }

    @Test func emptyURIIsAnError() async throws {
        let sandbox = try NetworkSandbox()
        let error = try await sandbox.withDiscovery { discovery in
            await remotesError { () throws(RemotesError) in _ = try await discovery.services(of: Remote(uri: "")) }
        }
        #expect(error?.message == "while retrieving services: no URI set for endpoint")
    }
}
