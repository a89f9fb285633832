import Foundation
import RemotesTestSupport
import Testing

/// The real peers: docker-registry in its three modes, the token server, sks and the docker
/// credential helper. Skipped when a peer is missing, unless REMOTES_REQUIRE_PEERS=1.
struct PeerTests {
    @Test(.enabled(if: PeerAvailability.shouldRun(.dockerRegistry, .htpasswd, .curl)))
    func registryWithBasicAuth() async throws {
        let registry = try await RegistryPeer.start(.basic(username: "alice", password: "s3cret"))
        let url = registry.baseURL + "/v2/"
        let anonymous = try await HTTPProbe.fetch(url)
        #expect(anonymous.status == 401)
        #expect(anonymous.header("WWW-Authenticate")?.hasPrefix("Basic ") == true)
        let good = try await TestHTTP.curl(["-w", "%{http_code}", "-o", "/dev/null", "-u", "alice:s3cret", url])
        #expect(good.stdout == "200")
        let wrong = try await TestHTTP.curl(["-w", "%{http_code}", "-o", "/dev/null", "-u", "alice:wrong", url])
        #expect(wrong.stdout == "401")
        #expect(registry.isRunning)
        await registry.stop()
        #expect(!registry.isRunning)
        await #expect(throws: (any Error).self) { _ = try await HTTPProbe.fetch(url, timeout: .seconds(2)) }
    }

    @Test(.enabled(if: PeerAvailability.shouldRun(.dockerRegistry, .python3Cryptography, .openssl, .curl)))
    func registryWithTokenAuth() async throws {
        try await TokenServerPeer.with(username: "bob", password: "pw") { tokens in
            try await RegistryPeer.with(.token(tokens)) { registry in
                let url = registry.baseURL + "/v2/"
                let anonymous = try await HTTPProbe.fetch(url)
                #expect(anonymous.status == 401)
                let challenge = try #require(anonymous.header("WWW-Authenticate"))
                #expect(challenge.hasPrefix("Bearer "))
                #expect(challenge.contains(#"realm="\#(tokens.realm)""#))
                #expect(challenge.contains(#"service="\#(tokens.service)""#))

                let refused = try await TestHTTP.curl(
                    [
                        "-w", "%{http_code}", "-o", "/dev/null", "-u", "bob:nope",
                        tokens.realm + "?service=" + tokens.service,
                    ]
                )
                #expect(refused.stdout == "401")
                let issued = try await TestHTTP.curl(["-u", "bob:pw", tokens.realm + "?service=" + tokens.service])
                let token = try #require(TestHTTP.object(issued.stdout)?["token"] as? String)
                #expect(token.split(separator: ".").count == 3)

                let withToken = try await HTTPProbe.fetch(url, headers: [("Authorization", "Bearer " + token)])
                #expect(withToken.status == 200)
                let forged = try await HTTPProbe.fetch(url, headers: [("Authorization", "Bearer abc.def.ghi")])
                #expect(forged.status == 401)
                #expect(tokens.requestLog.contains { $0.hasSuffix("200 user=bob") })
                #expect(tokens.requestLog.contains { $0.hasSuffix("401 user=-") })
            }
        }
    }

    @Test(.enabled(if: PeerAvailability.shouldRun(.dockerRegistry, .htpasswd, .openssl, .curl)))
    func registryWithTLS() async throws {
        let certificates = try await TestCertificates.shared()
        try await RegistryPeer.with(.tls(certificates, username: "alice", password: "s3cret")) { registry in
            #expect(registry.baseURL.hasPrefix("https://127.0.0.1:"))
            let url = registry.baseURL + "/v2/"
            let ca = try #require(registry.caCertificate)
            let anonymous = try await TestHTTP.curl(["-w", "%{http_code}", "-o", "/dev/null", "--cacert", ca, url])
            #expect(anonymous.stdout == "401")
            let good = try await TestHTTP.curl(["--cacert", ca, "-u", "alice:s3cret", url])
            #expect(good.succeeded, "\(good.stderr)")
            #expect(good.stdout == "{}")
            let untrusted = try await TestHTTP.curl(["-u", "alice:s3cret", url])
            #expect(untrusted.status == 60)
            let probe = try await HTTPProbe.fetch(url, caCertificate: ca)
            #expect(probe.status == 401)
        }
    }

    @Test(.enabled(if: PeerAvailability.shouldRun(.python3Cryptography, .openssl)))
    func tokenServerIssuesTokensToItsUserOnly() async throws {
        let tokens = try await TokenServerPeer.start()
        let credentials = BasicCredentials(username: tokens.username, password: tokens.password)
        let refused = try await HTTPProbe.fetch(tokens.realm + "?service=x")
        #expect(refused.status == 401)
        let issued = try await HTTPProbe.fetch(
            tokens.realm + "?service=x&scope=repository:a/b:pull",
            headers: [("Authorization", credentials.authorizationHeader)]
        )
        #expect(issued.status == 200)
        #expect(TestHTTP.object(issued.text)?["access_token"] is String)
        let form = Array("grant_type=password&username=alice&password=s3cret&service=x".utf8)
        let posted = try await HTTPProbe.fetch(
            tokens.realm,
            method: "POST",
            headers: [("Content-Type", "application/x-www-form-urlencoded")],
            body: form
        )
        #expect(posted.status == 200)
        #expect(tokens.requestLog.count == 3)
        await tokens.stop()
        #expect(!tokens.isRunning)
    }

    @Test(.enabled(if: PeerAvailability.shouldRun(.sks, .curl)))
    func keyserverAnswersLookups() async throws {
        try await KeyserverPeer.with { keyserver in
            #expect(keyserver.hkpURL == "hkp://127.0.0.1:\(keyserver.port)")
            let missing = try await TestHTTP.curl([
                "-w", "%{http_code}", "-o", "/dev/null",
                keyserver.baseURL + "/pks/lookup?op=index&options=mr&search=nobody@example.org",
            ])
            #expect(missing.stdout == "404")
            let stats = try await HTTPProbe.fetch(keyserver.baseURL + "/pks/lookup?op=stats")
            #expect(stats.status == 200)
            #expect(keyserver.isRunning)
        }
    }

    @Test(.enabled(if: PeerAvailability.shouldRun(.python3Cryptography)))
    func credentialHelperRoundTrips() async throws {
        let data = try TemporaryFolder()
        defer { data.remove() }
        let environment = DockerCredentialHelper.environment(dataFolder: data.path)
        let helper = "docker-credential-" + DockerCredentialHelper.name
        #expect(TestProcess.which(helper, in: environment) == DockerCredentialHelper.scriptPath)
        func call(_ action: String, _ input: String) async throws -> ProcessResult {
            try await TestProcess.run(helper, [action], environment: environment, standardInput: Array(input.utf8))
        }
        let stored = try await call("store", #"{"ServerURL":"127.0.0.1:5000","Username":"alice","Secret":"pw"}"#)
        #expect(stored.succeeded, "\(stored.stdout)\(stored.stderr)")
        let got = try await call("get", "127.0.0.1:5000\n")
        #expect(got.succeeded)
        let entry = try #require(TestHTTP.object(got.stdout))
        #expect(entry["ServerURL"] as? String == "127.0.0.1:5000")
        #expect(entry["Username"] as? String == "alice")
        #expect(entry["Secret"] as? String == "pw")
        let listed = try await call("list", "")
        #expect(TestHTTP.object(listed.stdout)?["127.0.0.1:5000"] as? String == "alice")
        #expect(try await call("erase", "127.0.0.1:5000").succeeded)
        let gone = try await call("get", "127.0.0.1:5000")
        #expect(gone.status == 1)
        #expect(gone.stdout.contains("credentials not found in native keychain"))
        #expect(
            DockerCredentialHelper.calls(dataFolder: data.path) == [
                "store 127.0.0.1:5000", "get 127.0.0.1:5000", "list -", "erase 127.0.0.1:5000", "get 127.0.0.1:5000",
            ]
        )
        #expect(!(try String(contentsOfFile: data.path("calls.log"), encoding: .utf8)).contains("pw"))
    }

    @Test func peerAvailabilityDecides() throws {
        #expect(PeerAvailability.isInstalled(.openssl) == (TestProcess.which("openssl") != nil))
        if PeerAvailability.peersRequired {
            #expect(PeerAvailability.shouldRun(.dockerRegistry))
        }
        let missing = PeerAvailability.missing(PeerProgram.allCases)
        #expect(
            PeerAvailability.shouldRun(.openssl, .curl)
                == (PeerAvailability.peersRequired || missing.filter { [.openssl, .curl].contains($0) }.isEmpty))
        #expect(throws: Never.self) { try PeerAvailability.require([]) }
        #expect(PeerError.notInstalled([.sks]).description.contains("sks"))
    }

    @Test(.enabled(if: PeerAvailability.peersRequired))
    func everyPeerIsInstalledWhenRequired() {
        #expect(PeerAvailability.missing(PeerProgram.allCases).isEmpty)
    }
}
