import Foundation
import RemotesTestSupport
import Testing

/// Issue 15 in the real UI, in tmux, against Debian's docker-registry: a stored login shows
/// where its secret is, `s` in the Logins pane says "valid", and after the registry's password
/// changes, `S` says "rejected" (and nothing was stored).
@Suite("Login health in the terminal UI (tmux, real registry)")
struct LoginHealthTmuxTests {
    /// A private tmux server running the UI, read with capture-pane.
    struct TmuxUI {
        let socket = "remotes-login-health-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"

        func tmux(_ arguments: [String]) async throws -> ProcessResult {
            try await TestProcess.run("tmux", ["-L", socket, "-f", "/dev/null"] + arguments, timeout: .seconds(20))
        }

        func start(_ command: String, environment: [String: String]) async throws {
            let variables = environment.sorted { $0.key < $1.key }.flatMap { ["-e", "\($0.key)=\($0.value)"] }
            let result = try await tmux(
                ["new-session", "-d", "-s", "t", "-x", "130", "-y", "30"] + variables + ["\(command); exec sleep 600"])
            #expect(result.status == 0, "\(result.stderr)")
        }

        /// Sends one key, as a person types it.
        func key(_ key: String) async throws {
            _ = try await tmux(["send-keys", "-t", "t", key])
            try await Task.sleep(for: .milliseconds(150))
        }

        /// Waits until a screen line matches `test`; returns the screen.
        @discardableResult
        func waitFor(_ what: String, timeout: Duration = .seconds(20), _ test: (String) -> Bool) async throws -> String
        {
            let deadline = ContinuousClock.now + SanitizerSlack.scaled(timeout)
            var screen = ""
            while ContinuousClock.now < deadline {
                screen = try await tmux(["capture-pane", "-t", "t", "-p"]).stdout
                if screen.split(separator: "\n", omittingEmptySubsequences: false).contains(where: { test(String($0)) })
                {
                    return screen
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            Issue.record("the screen never showed \(what):\n\(screen)")
            return screen
        }

        func stop() async { _ = try? await tmux(["kill-server"]) }
    }

    @Test(
        "s and S in the Logins pane re-check the stored registry login: valid, then rejected after a password change",
        .enabled(if: PeerAvailability.shouldRun(.dockerRegistry, .htpasswd, .tmux, .python3Cryptography)))
    func loginsPaneChecks() async throws {
        try await RegistryPeer.with(.basic(username: "alice", password: "s3cret-ui")) { registry in
            let sandbox = try CLISandbox()
            let uri = "docker://\(registry.address)"
            let login = try await sandbox.run(
                ["--batch", "login", "-u", "alice", "--password-stdin", uri], stdin: "s3cret-ui\n")
            #expect(login.status == 0, "\(login.stderr)")
            let before = TreeSnapshot(of: sandbox.folder.path)
            let ui = TmuxUI()
            defer { Task { await ui.stop() } }
            var environment = sandbox.environment()
            environment["TERM"] = "xterm-256color"
            try await ui.start(sandbox.binary, environment: environment)
            try await ui.waitFor("the Logins pane") { $0.contains("Authenticated Logins") }
            try await ui.waitFor("where the secret is") {
                $0.contains(registry.address) && $0.contains("~/.docker/config.json")
            }
            try await ui.key("3")
            try await ui.key("s")
            try await ui.waitFor("valid") { $0.contains(registry.address) && $0.hasSuffix("valid") }
            try await registry.changePassword(to: "changed-elsewhere")
            try await ui.key("S")
            try await ui.waitFor("rejected") { $0.contains(registry.address) && $0.hasSuffix("rejected") }
            try await ui.key("q")
            var after = ""
            for _ in 0..<100 {
                after = try await ui.tmux(["capture-pane", "-t", "t", "-p"]).stdout
                if !after.contains("Authenticated Logins") { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(!after.contains("Authenticated Logins"), "q did not end the UI:\n\(after)")
            #expect(TreeSnapshot(of: sandbox.folder.path).differences(from: before) == "", "a check stored something")
            await ui.stop()
        }
    }
}
