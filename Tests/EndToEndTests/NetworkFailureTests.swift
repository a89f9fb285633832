import Foundation
import RemotesTestSupport
import Testing

/// TLS and every misbehaviour of the test server, through the binary: error text, exit code,
/// no hang, and remote.yaml untouched.
struct NetworkFailureTests {
    @Test func tlsWithTheTestCAWorksWithCAFileAndFailsWithout() async throws {
        let certificates = try await TestCertificates.shared()
        try await EndpointFixture.with(tls: certificates.server) { f in
            let token = validLengthToken("tls")
            f.server.configure { $0.validTokens = [token] }
            let file = try f.tokenFile("t", token)
            let untrusted = try await f.run("add", ["--tokenfile", file, "lib", f.uri()])
            #expect(untrusted.status == 1)
            #expect(
                untrusted.stderr == """
                    \(Prefix.info)Remote "lib" added.
                    \(Prefix.fatal)while verifying token: while retrieving services: error making request to server: TLS with 127.0.0.1:\(f.server.port ?? 0) failed: the server's certificate is not trusted (add its CA with --ca-file or SSL_CERT_FILE)

                    """)
            #expect(!f.userFileText.contains(token))
            #expect(f.server.requests.isEmpty)

            let trusted = try await f.run(
                "login", ["--ca-file", certificates.caCertificate, "--tokenfile", file, "lib"])
            #expect(trusted.status == 0, "\(trusted.stderr)")
            #expect(f.userFileText.contains("Token: \(token)\n"))
            #expect(f.server.requests.allSatisfy { $0.overTLS })

            let viaEnvironment = try await f.run(
                "status", ["--refresh", "lib"], environment: ["SSL_CERT_FILE": certificates.caCertificate])
            #expect(viaEnvironment.status == 0, "\(viaEnvironment.stderr)")
            #expect(viaEnvironment.stdout.contains("Valid authentication token set (logged in)."))
        }
    }

    @Test(arguments: ["expired", "wrongHost"])
    func brokenCertificatesFail(which: String) async throws {
        let certificates = try await TestCertificates.shared()
        let pair = which == "expired" ? certificates.expired : certificates.wrongHost
        let reason =
            which == "expired"
            ? "the server's certificate has expired (it was valid until 2020-02-01)"
            : "the server's certificate is not valid for this host name"
        try await EndpointFixture.with(tls: pair) { f in
            try await f.addRemote("lib")
            let result = try await f.run("status", ["--ca-file", certificates.caCertificate, "lib"])
            #expect(result.status == 1)
            #expect(result.stdout == "")
            #expect(
                result.stderr.hasSuffix(
                    "\(Prefix.fatal)while retrieving services: error making request to server: TLS with 127.0.0.1:\(f.server.port ?? 0) failed: \(reason)\n"
                ))
        }
    }

    @Test func unreadableCAFileIsABadFile() async throws {
        let sandbox = try CLISandbox()
        let result = try await sandbox.run(["status", "--batch", "--ca-file", sandbox.folder.path("missing.pem")])
        #expect(result.status == 65)
        #expect(result.stderr.contains("could not read the CA bundle"))
    }

    /// A discovery misbehaviour, its error text after `while retrieving services: `, the exit code.
    static let discoveryCases: [(String, String, Int32)] = [
        ("500", "error response from server: 500 Internal Server Error", 69),
        ("404", "error response from server: 404 Not Found", 69),
        ("invalidJSON", "jsonresp: failed to unmarshal response: invalid JSON", 69),
        ("hugeBody", "the answer from %URL% is larger than the limit of 4194304 bytes", 1),
        ("neverAnswer", "error making request to server: no complete answer from %HOST% within 1 s", 69),
        ("slow", "error making request to server: no complete answer from %HOST% within 1 s", 69),
        ("closeConnection", "error making request to server: %HOST% closed the connection without an answer", 69),
    ]

    @Test(arguments: discoveryCases)
    func discoveryMisbehaviours(name: String, text: String, code: Int32) async throws {
        try await EndpointFixture.with { f in
            let misbehaviour: Misbehaviour =
                switch name {
                case "500": .status(500, body: "boom")
                case "404": .status(404)
                case "invalidJSON": .invalidJSON
                case "hugeBody": .hugeBody(bytes: 6 << 20)
                case "neverAnswer": .neverAnswer
                case "slow": .slow(headerDelay: .seconds(30))
                default: .closeConnection
                }
            f.server.misbehave(misbehaviour, at: .suffix("/config.prod.json"))
            try await f.addRemote("lib")
            let token = validLengthToken("m")
            f.server.configure { $0.validTokens = [token] }
            let before = f.userFileBytes
            let expected = text.replacingOccurrences(of: "%URL%", with: f.uri() + "/assets/config/config.prod.json")
                .replacingOccurrences(of: "%HOST%", with: "127.0.0.1:\(f.server.port ?? 0)")
            // Only the cases about time get a short timeout; the others get an answer at once.
            let timeout = ["neverAnswer", "slow"].contains(name) ? "1" : "10"
            let clock = ContinuousClock()
            let start = clock.now
            let status = try await f.run("status", ["lib"], timeout: timeout)
            let elapsed = clock.now - start
            // The server would answer after 30 s, or never: the command gave up long before.
            #expect(elapsed < .seconds(25), "status took \(elapsed)")
            #expect(status.status == code)
            #expect(status.stdout == "")
            #expect(
                status.stderr
                    == "\(Prefix.info)Checking status of remote: lib\n\(Prefix.fatal)while retrieving services: \(expected)\n"
            )

            let login = try await f.run("login", ["--tokenfile", try f.tokenFile("t", token), "lib"], timeout: timeout)
            #expect(login.status == code)
            #expect(login.stderr == "\(Prefix.fatal)while verifying token: while retrieving services: \(expected)\n")
            #expect(f.userFileBytes == before)
        }
    }

    @Test func tokenServiceMisbehaviours() async throws {
        try await EndpointFixture.with { f in
            try await f.addRemote("lib")
            #expect(try await f.run("status", ["lib"]).status == 0)  // discovery is cached from here on
            let before = f.userFileBytes
            let file = try f.tokenFile("t", validLengthToken("ts"))
            let cases: [(Misbehaviour, String, Int32)] = [
                (.status(500), "error response from server: Internal Server Error", 69),
                (.status(401), "error response from server: Unknown (401 Unauthorized)", 1),
                (
                    .neverAnswer,
                    "error making request to server: no complete answer from 127.0.0.1:\(f.server.port ?? 0) within 1 s",
                    69
                ),
            ]
            for (misbehaviour, text, code) in cases {
                f.server.misbehave(misbehaviour, at: .suffix("/v1/token-status"))
                let timeout = text.contains("within 1 s") ? "1" : "10"
                let login = try await f.run("login", ["--tokenfile", file, "lib"], timeout: timeout)
                #expect(login.status == code, "\(text)")
                #expect(login.stderr == "\(Prefix.fatal)while verifying token: \(text)\n")
                #expect(f.userFileBytes == before)
            }
        }
    }

    @Test func slowVersionAnswersWithinTheTimeoutAreOK() async throws {
        try await EndpointFixture.with { f in
            f.server.misbehave(.slow(headerDelay: .milliseconds(300)), at: .suffix("/version"))
            try await f.addRemote("lib")
            let result = try await f.run("status", ["lib"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(f.server.requests(pathSuffix: "/version").count == 5)
            #expect(!result.stdout.contains("N/A"))
        }
    }

    @Test func neverAnsweringServicesEndWithinTheTimeout() async throws {
        try await EndpointFixture.with { f in
            try await f.addRemote("lib")
            #expect(try await f.run("status", ["lib"]).status == 0)  // discovery is cached from here on
            f.server.misbehave(.neverAnswer, at: .suffix("/version"))
            let clock = ContinuousClock()
            let start = clock.now
            let result = try await f.run("status", ["lib"], timeout: "1")
            let elapsed = clock.now - start
            #expect(elapsed < .seconds(25), "status took \(elapsed)")
            #expect(result.status == 69)
            #expect(result.stdout.components(separatedBy: "N/A").count == 6)
            #expect(
                result.stderr.contains(
                    "\(Prefix.warning)Library at \(f.uri())/library: error making request to server: no complete answer from 127.0.0.1:\(f.server.port ?? 0) within 1 s\n"
                ))
        }
    }

    @Test func redirectFromHTTPSToHTTPIsRefused() async throws {
        let certificates = try await TestCertificates.shared()
        let plain = EndpointTestServer()
        try await plain.start()
        try await EndpointFixture.with(tls: certificates.server) { f in
            let target = plain.url("/ep/assets/config/config.prod.json")
            f.server.misbehave(.redirect(status: 301, location: target), at: .suffix("/config.prod.json"))
            try await f.addRemote("lib")
            let result = try await f.run("status", ["--ca-file", certificates.caCertificate, "lib"])
            #expect(result.status == 1)
            #expect(
                result.stderr.hasSuffix(
                    "\(Prefix.fatal)while retrieving services: refusing to follow a redirect from \(f.uri())/assets/config/config.prod.json to \(target): https must not fall back to http\n"
                ))
            #expect(plain.requests.isEmpty)
        }
        await plain.stop()
    }

    @Test func insecureRemoteUsesHTTPAndASecureOneNeverFallsBack() async throws {
        try await EndpointFixture.with { f in
            try await f.addRemote("lib")
            #expect(f.userFileText.contains("Insecure: true"))
            #expect(try await f.run("status", ["lib"]).status == 0)
            #expect(f.server.requests.allSatisfy { !$0.overTLS })
            f.server.clearRequests()
            let secure = "https://127.0.0.1:\(f.server.port ?? 0)/ep"
            #expect(try await f.run("add", ["--no-login", "secure", secure]).status == 0)
            let result = try await f.run("status", ["secure"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("the server does not speak TLS on this port"))
            #expect(f.server.requests.isEmpty)
        }
    }
}
