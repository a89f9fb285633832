import Foundation
import RemotesTestSupport
import Testing

/// `remotes login/logout` for keyservers: sks over hkp://, and our HKP server that demands auth.
@Suite("remotes login: keyservers")
struct KeyserverLoginE2ETests {
    @Test(
        "sks over hkp://: stored as Apptainer stores it, listed without the secret, logged out",
        .enabled(if: PeerAvailability.shouldRun(.sks)))
    func sks() async throws {
        try await KeyserverPeer.with { keyserver in
            let sandbox = try CLISandbox()
            try sandbox.write(
                sandbox.userFile, LoginExpectations.keyserverConfig([(keyserver.hkpURL, false)]), mode: 0o600)
            let login = try await sandbox.run(
                ["--batch", "login", "-u", "alice", "--password-stdin", keyserver.hkpURL], stdin: "s3cret-sks\n")
            #expect(login.status == 0, "\(login.stderr)")
            #expect(login.stderr == "INFO:    Token stored in \(sandbox.userFile)\n")
            LoginExpectations.noSecret("s3cret-sks", in: login)
            let yaml = try #require(sandbox.read(sandbox.userFile))
            #expect(
                yaml.hasSuffix(
                    "Credentials:\n    - URI: \(keyserver.hkpURL)\n      Auth: Basic \(LoginExpectations.basicToken("alice", "s3cret-sks"))\n      Insecure: false\n"
                ))
            let json = try await sandbox.run(["--batch", "list", "--format", "json"])
            #expect(json.status == 0)
            let logins = try #require(LoginExpectations.object(json.stdout)?["logins"] as? [[String: Any]])
            #expect(logins.first?["kind"] as? String == "keyserver")
            LoginExpectations.noSecret(LoginExpectations.basicToken("alice", "s3cret-sks"), in: json)
            let text = try await sandbox.run(["--batch", "list"])
            LoginExpectations.noSecret(LoginExpectations.basicToken("alice", "s3cret-sks"), in: text)
            #expect(text.stdout.contains(keyserver.hkpURL))

            let logout = try await sandbox.run(["--batch", "logout", keyserver.hkpURL])
            #expect(logout.status == 0)
            #expect(logout.stderr == "INFO:    Logout succeeded\n")
            #expect(!(sandbox.read(sandbox.userFile) ?? "").contains("Credentials"))
        }
    }

    @Test("a keyserver demanding auth: a bad password changes nothing and says what the server answered; Bearer works")
    func demandingKeyserver() async throws {
        var configuration = EndpointConfiguration()
        configuration.keyserverCredentials = BasicCredentials(username: "alice", password: "s3cret-keys")
        configuration.keyserverTokens = ["token-for-keys"]
        try await EndpointTestServer.with(configuration: configuration) { server in
            let sandbox = try CLISandbox()
            let uri = server.baseURL
            let config = LoginExpectations.keyserverConfig([(uri, false)])
            try sandbox.write(sandbox.userFile, config, mode: 0o600)
            let bad = try await sandbox.run(
                ["--batch", "login", "-u", "alice", "--password-stdin", uri], stdin: "wrong-keys")
            #expect(bad.status == 1)
            #expect(
                bad.stderr
                    == "FATAL:   while login to \(uri): error response from server: 401 Unauthorized to GET \(uri)/pks/lookup?op=stats\n"
            )
            #expect(sandbox.read(sandbox.userFile) == config)

            let bearer = try await sandbox.run(["--batch", "login", "--password-stdin", uri], stdin: "token-for-keys")
            #expect(bearer.status == 0, "\(bearer.stderr)")
            LoginExpectations.noSecret("token-for-keys", in: bearer)
            #expect((sandbox.read(sandbox.userFile) ?? "").contains("      Auth: Bearer token-for-keys\n"))
            #expect(server.requests.last?.authorization == "Bearer token-for-keys")
        }
    }

    @Test("a keyserver configured insecure forces the insecure login with Apptainer's warning")
    func insecureKeyserver() async throws {
        try await EndpointTestServer.with { server in
            let sandbox = try CLISandbox()
            let uri = server.baseURL
            try sandbox.write(sandbox.userFile, LoginExpectations.keyserverConfig([(uri, true)]), mode: 0o600)
            let login = try await sandbox.run(
                ["--batch", "login", "-u", "a", "--password-stdin", uri], stdin: "pw-ins")
            #expect(login.status == 0, "\(login.stderr)")
            #expect(
                login.stderr
                    == "WARNING: \(uri) is configured as insecure, forcing insecure flag for login\nINFO:    Token stored in \(sandbox.userFile)\n"
            )
            #expect((sandbox.read(sandbox.userFile) ?? "").hasSuffix("      Insecure: true\n"))
        }
    }

    @Test("a keyserver that is not configured is refused before anything is asked")
    func notConfigured() async throws {
        try await EndpointTestServer.with { server in
            let sandbox = try CLISandbox()
            let result = try await sandbox.run(
                ["--batch", "login", "-u", "a", "--password-stdin", server.baseURL], stdin: "pw-x")
            #expect(result.status == 1)
            #expect(
                result.stderr
                    == "FATAL:   while login to \(server.baseURL): no external keyserver configuration found for \(server.baseURL)\n"
            )
            #expect(server.requests.isEmpty)
        }
    }
}
