import Foundation
import RemotesTestSupport
import Testing

/// Where the password comes from: stdin, the flag (with a warning), the environment; and
/// `--batch` never prompts.
@Suite("remotes login: the password")
struct LoginInputE2ETests {
    @Test("--batch without a password is a usage error naming --password-stdin, and asks nobody")
    func batchWithoutPassword() async throws {
        try await EndpointTestServer.with { server in
            let sandbox = try CLISandbox()
            let uri = "docker://127.0.0.1:\(server.port ?? 0)"
            let result = try await sandbox.run(["--batch", "login", "-u", "alice", uri])
            #expect(result.status == 64)
            #expect(result.stderr.contains("--password-stdin"))
            #expect(result.stderr.hasPrefix("FATAL:   while login to \(uri): no password given"))
            #expect(!result.stdout.contains("Password"))
            #expect(server.requests.isEmpty)
            let noTerminal = try await sandbox.run(["login", "-u", "alice", uri])
            #expect(noTerminal.status == 64)
            #expect(noTerminal.stderr.contains("--password-stdin"))
            #expect(sandbox.read(sandbox.userFile) == nil)
        }
    }

    @Test("--password works but warns that it is visible; the secret is never printed")
    func passwordFlag() async throws {
        try await EndpointTestServer.with { server in
            server.misbehave(.custom(status: 200, headers: [:], body: "{}"), at: .exact("/v2/"))
            let sandbox = try CLISandbox()
            let uri = "docker://127.0.0.1:\(server.port ?? 0)"
            let result = try await sandbox.run(["--batch", "login", "-u", "alice", "--password", "flag-secret-1", uri])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                result.stderr.hasPrefix(
                    "WARNING: Using --password on the command line is insecure: other users of this machine can see it. Use --password-stdin.\n"
                ))
            LoginExpectations.noSecret("flag-secret-1", in: result)
            let both = try await sandbox.run(["--batch", "login", "-u", "a", "-p", "x", "--password-stdin", uri])
            #expect(both.status == 64)
        }
    }

    @Test("--password-stdin drops exactly one trailing newline, as docker does")
    func stdinNewline() async throws {
        try await EndpointTestServer.with { server in
            server.misbehave(.custom(status: 200, headers: [:], body: "{}"), at: .exact("/v2/"))
            let sandbox = try CLISandbox()
            let address = "127.0.0.1:\(server.port ?? 0)"
            let result = try await sandbox.run(
                ["--batch", "login", "-u", "alice", "--password-stdin", "docker://\(address)"], stdin: "two-lines\n\n")
            #expect(result.status == 0, "\(result.stderr)")
            let auths = LoginExpectations.auths(sandbox.read(sandbox.folder.path("home/.docker/config.json")))
            #expect(
                (auths?[address] as? [String: Any])?["auth"] as? String
                    == LoginExpectations.basicToken("alice", "two-lines\n"))
            let empty = try await sandbox.run(
                ["--batch", "login", "-u", "alice", "--password-stdin", "docker://\(address)"], stdin: "\n")
            #expect(empty.status == 64)
            #expect(empty.stderr.contains("a password is required"))
        }
    }

    @Test("APPTAINER_LOGIN_USERNAME, APPTAINER_LOGIN_PASSWORD and APPTAINER_LOGIN_INSECURE are honoured")
    func environment() async throws {
        try await EndpointTestServer.with { server in
            server.misbehave(.custom(status: 200, headers: [:], body: "{}"), at: .exact("/v2/"))
            let sandbox = try CLISandbox()
            let address = "127.0.0.1:\(server.port ?? 0)"
            let result = try await sandbox.run(
                ["--batch", "login", "docker://\(address)"],
                environment: [
                    "APPTAINER_LOGIN_USERNAME": "envuser", "APPTAINER_LOGIN_PASSWORD": "env-secret-9",
                    "APPTAINER_LOGIN_INSECURE": "true",
                ])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("--password on the command line"))
            LoginExpectations.noSecret("env-secret-9", in: result)
            let auths = LoginExpectations.auths(sandbox.read(sandbox.folder.path("home/.docker/config.json")))
            #expect(
                (auths?[address] as? [String: Any])?["auth"] as? String
                    == LoginExpectations.basicToken("envuser", "env-secret-9"))
            #expect((sandbox.read(sandbox.userFile) ?? "").contains("      Insecure: true\n"))
        }
    }
}

/// The password prompt on a terminal.
@Suite("remotes login: the prompt on a terminal")
struct LoginPromptE2ETests {
    private static let prompt = "Password (or token when username is empty): "

    /// Logs in as alice on a registry that takes anything, typing the password on a terminal
    /// as soon as the prompt shows, or before the program starts when `typeAhead`.
    private func loginOnTerminal(typeAhead: Bool) async throws {
        try await EndpointTestServer.with { server in
            server.misbehave(.custom(status: 200, headers: [:], body: "{}"), at: .exact("/v2/"))
            let sandbox = try CLISandbox()
            let address = "127.0.0.1:\(server.port ?? 0)"
            let outcome = try await TerminalRun.run(
                sandbox.binary, ["login", "-u", "alice", "docker://\(address)"],
                environment: sandbox.environment(["NO_COLOR": "1"]), workingDirectory: sandbox.folder.path,
                steps: typeAhead ? [] : [.init(waitFor: Self.prompt, type: "typed-secret-7")],
                typeAhead: typeAhead ? "typed-secret-7" : nil)
            let result = outcome.result
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.hasPrefix(Self.prompt))
            #expect(result.stderr.contains("INFO:    Token stored in"))
            #expect(!result.stdout.contains("typed-secret-7") && !result.stderr.contains("typed-secret-7"))
            if !typeAhead { #expect(!outcome.echoed.contains("typed-secret-7")) }
            let auths = LoginExpectations.auths(sandbox.read(sandbox.folder.path("home/.docker/config.json")))
            #expect(
                (auths?[address] as? [String: Any])?["auth"] as? String
                    == LoginExpectations.basicToken("alice", "typed-secret-7"))
        }
    }

    @Test("on a terminal without --batch, a missing password is asked for and not echoed")
    func prompt() async throws {
        try await loginOnTerminal(typeAhead: false)
    }

    /// Apptainer (Go's term.ReadPassword) keeps what was typed before the prompt; switching
    /// echo off with TCSAFLUSH after printing the prompt threw it away and hung the login.
    @Test("a password typed before the prompt shows is kept, as Apptainer keeps it")
    func typedAhead() async throws {
        try await loginOnTerminal(typeAhead: true)
    }

    @Test("--batch never prompts, even on a terminal")
    func batchOnTerminal() async throws {
        let sandbox = try CLISandbox()
        let outcome = try await TerminalRun.run(
            sandbox.binary, ["--batch", "login", "-u", "alice", "docker://127.0.0.1:1"],
            environment: sandbox.environment(), workingDirectory: sandbox.folder.path, steps: [])
        #expect(outcome.result.status == 64)
        #expect(!outcome.result.stdout.contains("Password") && !outcome.result.stderr.contains("Password"))
        #expect(outcome.result.stderr.contains("--password-stdin"))
    }
}
