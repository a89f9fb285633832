import Foundation
import RemotesTestSupport
import Testing

/// Issue 11, finding 9: a credential is never stored in a file that others can read. Files
/// named with `--config` or `--authfile` are tightened to 0600, with Apptainer's WARNING, once
/// they hold a secret.
struct SecretFileModeTests {
    @Test("a --config file others can read is tightened to 0600, with a WARNING, when a token is stored in it")
    func configFileWithToken() async throws {
        try await EndpointFixture.with { f in
            let token = validLengthToken("mode")
            f.server.configure { $0.validTokens = [token] }
            let config = f.sandbox.folder.path("shared.yaml")
            try f.sandbox.write(config, "Active: \"\"\nRemotes: {}\n", mode: 0o644)
            let add = try await f.run("add", ["--config", config] + f.insecureFlag + ["--no-login", "lib", f.uri()])
            #expect(add.status == 0, "\(add.stderr)")
            #expect(f.sandbox.mode(config) == 0o644, "a file without secrets keeps its mode")
            let login = try await f.run(
                "login", ["--config", config, "--tokenfile", try f.tokenFile("t", token), "lib"])
            #expect(login.status == 0, "\(login.stderr)")
            #expect(login.stderr.contains("WARNING: File mode (644) on \(config) needs to be 600, fixing that..."))
            #expect(f.sandbox.mode(config) == 0o600)
            #expect(f.sandbox.read(config)?.contains("Token: \(token)") == true)
        }
    }

    @Test("an --authfile others can read is tightened to 0600, with a WARNING, when a login is stored in it")
    func authFile() async throws {
        try await EndpointTestServer.with { server in
            server.misbehave(.custom(status: 200, headers: [:], body: "{}"), at: .exact("/v2/"))
            let sandbox = try CLISandbox()
            let address = "127.0.0.1:\(server.port ?? 0)"
            let authFile = sandbox.folder.path("auth.json")
            try sandbox.write(authFile, "{}\n", mode: 0o644)
            let login = try await sandbox.run(
                ["--batch", "login", "--authfile", authFile, "-u", "u", "--password-stdin", "docker://\(address)"],
                stdin: "pw-mode")
            #expect(login.status == 0, "\(login.stderr)")
            #expect(login.stderr.contains("WARNING: File mode (644) on \(authFile) needs to be 600, fixing that..."))
            #expect(sandbox.mode(authFile) == 0o600)
        }
    }
}
