import Foundation
import RemotesCore
import RemotesTestSupport
import Testing

@testable import RemotesNetwork

@Suite("Docker credential helpers")
struct CredentialHelperTests {
    @Test(
        "store, get and erase with the test helper; not found means absent",
        .enabled(if: PeerAvailability.shouldRun(.python3Cryptography)))
    func protocolRoundTrip() async throws {
        let data = try TemporaryFolder()
        defer { data.remove() }
        let environment = DockerCredentialHelper.environment(dataFolder: data.path)
        let helper = try CredentialHelper(name: DockerCredentialHelper.name, environment: environment)
        #expect(try helper.executable() == DockerCredentialHelper.scriptPath)
        try await helper.store(server: "127.0.0.1:5000", username: "alice", secret: "s3cret")
        let got = try #require(try await helper.get(server: "127.0.0.1:5000"))
        #expect(got.username == "alice" && got.secret == "s3cret")
        #expect(try await helper.erase(server: "127.0.0.1:5000"))
        #expect(try await helper.get(server: "127.0.0.1:5000") == nil)
        #expect(try await !helper.erase(server: "127.0.0.1:5000"))
        #expect(
            DockerCredentialHelper.calls(dataFolder: data.path) == [
                "store 127.0.0.1:5000", "get 127.0.0.1:5000", "erase 127.0.0.1:5000", "get 127.0.0.1:5000",
                "erase 127.0.0.1:5000",
            ])
    }

    @Test("a helper that is not installed, or a name that is a path, is refused")
    func missing() throws {
        let helper = try CredentialHelper(name: "nosuchhelper", environment: ["PATH": "/nonexistent"])
        #expect(
            throws: RemotesError.failed(
                "the docker credential helper docker-credential-nosuchhelper is not installed (not found in PATH)")
        ) {
            try helper.executable()
        }
        #expect(throws: RemotesError.self) { try CredentialHelper(name: "../evil", environment: [:]) }
        #expect(throws: RemotesError.self) { try CredentialHelper(name: "", environment: [:]) }
    }

    @Test("a failing helper's words are shown without the secret")
    func failureIsRedacted() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write(
            "#!/bin/sh\necho \"cannot store $(cat)\"\nexit 3\n", to: "docker-credential-echo", mode: 0o755)
        let helper = try CredentialHelper(name: "echo", environment: ["PATH": folder.path + ":/usr/bin:/bin"])
        await #expect {
            try await helper.store(server: "h", username: "u", secret: "topsecret-value")
        } throws: { error in
            let message = (error as? RemotesError)?.message ?? ""
            return message.contains("cannot store") && message.contains("exit status 3")
                && !message.contains("topsecret-value")
        }
    }

    @Test("a helper that hangs is stopped after the timeout")
    func timeout() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("#!/bin/sh\nsleep 300\n", to: "docker-credential-slow", mode: 0o755)
        let helper = try CredentialHelper(
            name: "slow", environment: ["PATH": folder.path + ":/usr/bin:/bin"], timeout: .milliseconds(300))
        let start = ContinuousClock.now
        await #expect(throws: RemotesError.self) { _ = try await helper.get(server: "h") }
        // The helper sleeps 300 s: well under that means it was stopped (with room for a busy machine).
        #expect(ContinuousClock.now - start < .seconds(100))
    }

    @Test("a helper call stops when its task is cancelled")
    func cancellation() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("#!/bin/sh\nsleep 300\n", to: "docker-credential-slow", mode: 0o755)
        let helper = try CredentialHelper(
            name: "slow", environment: ["PATH": folder.path + ":/usr/bin:/bin"], timeout: .seconds(600))
        let start = ContinuousClock.now
        let task = Task { try await helper.get(server: "h") }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        await #expect(throws: RemotesError.failed("cancelled")) { _ = try await task.value }
        // The helper sleeps 300 s: well under that means cancelling stopped it.
        #expect(ContinuousClock.now - start < .seconds(100))
    }

    @Test("a helper that never reads its stdin does not hang or kill us")
    func ignoresInput() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("#!/bin/sh\nexit 0\n", to: "docker-credential-deaf", mode: 0o755)
        // The bound only turns a hang into a failure: a helper that exits at once finishes in
        // milliseconds, but the suite beside a release build once took 12 s to get to it.
        let helper = try CredentialHelper(
            name: "deaf", environment: ["PATH": folder.path + ":/usr/bin:/bin"],
            timeout: SanitizerSlack.scaled(.seconds(60)))
        try await helper.store(server: "h", username: "u", secret: String(repeating: "x", count: 1 << 20))
    }

    @Test("a helper that times out is stopped with every process it started (its process group)")
    func processGroupTeardown() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let pidFile = folder.path("child.pid")
        _ = try folder.write(
            "#!/bin/sh\nsleep 300 &\necho $! > \(pidFile)\nwait\n", to: "docker-credential-parent", mode: 0o755)
        let helper = try CredentialHelper(
            name: "parent", environment: ["PATH": folder.path + ":/usr/bin:/bin"], timeout: .milliseconds(500))
        await #expect(throws: RemotesError.self) { _ = try await helper.get(server: "h") }
        let text = try String(contentsOfFile: pidFile, encoding: .utf8)
        let child = try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        var gone = false
        for _ in 0..<100 where !gone {
            // A killed child that nobody reaped yet is a zombie: count that as gone.
            let state = (try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8)) ?? ""
            gone = state.isEmpty || state.contains(") Z ")
            if !gone { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(gone, "the helper's child \(child) still runs")
    }
}
