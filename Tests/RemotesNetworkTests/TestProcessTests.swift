import Foundation
import RemotesTestSupport
import Testing

/// Child processes: output, stdin, environment, working folder, timeouts, reaping, nobody.
struct TestProcessTests {
    @Test func runCapturesOutputAndStatus() async throws {
        let result = try await TestProcess.run("sh", ["-c", "echo out; echo err >&2; exit 3"])
        #expect(result.status == 3)
        #expect(result.stdout == "out\n")
        #expect(result.stderr == "err\n")
        #expect(!result.succeeded)
        #expect(!result.timedOut)
    }

    @Test func stdinEnvironmentAndWorkingFolderReachTheChild() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try await TestProcess.run(
            "sh",
            ["-c", #"cat; echo "[$FOO]"; pwd"#],
            environment: ["FOO": "bar", "PATH": "/usr/bin:/bin"],
            standardInput: Array("hello\n".utf8),
            workingDirectory: folder.path
        )
        #expect(result.succeeded)
        #expect(result.stdout == "hello\n[bar]\n\(folder.path)\n")
        let blocking = try TestProcess.runBlocking("sh", ["-c", "cat"], standardInput: Array("x".utf8))
        #expect(blocking.stdout == "x")
    }

    @Test func timeoutKillsTheWholeProcessGroup() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let clock = ContinuousClock()
        let start = clock.now
        let marker = folder.path("grandchild.pid")
        let result = try await TestProcess.run(
            "sh",
            ["-c", "sleep 30 & echo $! > \(marker); wait"],
            timeout: .milliseconds(300)
        )
        #expect(result.timedOut)
        #expect(result.exit.signal == SIGKILL)
        // The child sleeps 30 s: well under that means the timeout killed it (room for a busy machine).
        #expect(clock.now - start < .seconds(25))
        let grandchild = try #require(
            Int32(String(contentsOfFile: marker, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        // Gone, or a zombie waiting for init: either way it no longer runs. A killed process
        // still has to be scheduled to die, so a loaded machine gets a few seconds.
        var state = "?"
        for _ in 0..<SanitizerSlack.factor * 250 {
            state = (try? String(contentsOfFile: "/proc/\(grandchild)/stat", encoding: .utf8)) ?? ""
            if state.isEmpty || state.contains(") Z ") { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(state.isEmpty || state.contains(") Z "), "\(state)")
    }

    @Test func largeOutputDoesNotBlock() async throws {
        let result = try await TestProcess.run("head", ["-c", "5000000", "/dev/zero"], timeout: .seconds(20))
        #expect(result.succeeded)
        #expect(result.standardOutput.count == 5_000_000)
    }

    @Test func missingExecutableIsReported() async throws {
        await #expect(throws: TestProcessError.self) {
            _ = try await TestProcess.run("no-such-program-remotes-test")
        }
    }

    @Test func spawnedChildrenStopAndAreReaped() async throws {
        let child = try TestProcess.spawn("sh", ["-c", "echo ready; exec sleep 30"])
        try await child.waitForOutput(containing: "ready", timeout: .seconds(5))
        #expect(child.isRunning)
        let exit = await child.terminate()
        #expect(exit.signal == SIGTERM)
        #expect(!child.isRunning)
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(child.pid)"))

        let stubborn = try TestProcess.spawn("sh", ["-c", "trap '' TERM; echo ready; while :; do sleep 1; done"])
        try await stubborn.waitForOutput(containing: "ready", timeout: .seconds(5))
        let killed = await stubborn.terminate(grace: .milliseconds(200))
        #expect(killed.signal == SIGKILL)
    }

    @Test func droppedChildIsKilledAndReaped() async throws {
        var child: RunningProcess? = try TestProcess.spawn("sleep", ["30"])
        let pid = try #require(child?.pid)
        #expect(child?.isRunning == true)
        child = nil
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(pid)"))
    }

    @Test func waitForOutputFailsWhenTheChildEnds() async throws {
        let child = try TestProcess.spawn("sh", ["-c", "echo nope; exit 4"])
        await #expect(throws: TestProcessError.self) {
            try await child.waitForOutput(containing: "ready", timeout: .seconds(5))
        }
        #expect(child.exitStatus?.code == 4)
    }

    @Test(.enabled(if: TestProcess.isRoot && PeerAvailability.shouldRun(.setpriv)))
    func unprivilegedRunsAsNobody() async throws {
        let result = try await TestProcess.runUnprivileged("id", ["-u", "-n"])
        #expect(result.stdout == "nobody\n")
        let groups = try await TestProcess.runUnprivileged("id", ["-G"])
        #expect(groups.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "65534")
    }

    @Test(.enabled(if: TestProcess.isRoot && PeerAvailability.shouldRun(.setpriv)))
    func temporaryFoldersCanBeOpenedToNobody() async throws {
        let open = try TemporaryFolder(worldTraversable: true)
        let closed = try TemporaryFolder()
        defer {
            open.remove()
            closed.remove()
        }
        let readable = try open.write("visible", to: "note.txt")
        let hidden = try closed.write("hidden", to: "note.txt")
        #expect(try await TestProcess.runUnprivileged("cat", [readable]).stdout == "visible")
        #expect(try await !TestProcess.runUnprivileged("cat", [hidden]).succeeded)
        #expect(try await !TestProcess.runUnprivileged("touch", [open.path("new")]).succeeded)
        let home = try open.makeFolder("home", mode: 0o700, ownedByNobody: true)
        #expect(try await TestProcess.runUnprivileged("touch", [home + "/new"]).succeeded)
        open.remove()
        #expect(!FileManager.default.fileExists(atPath: open.path))
    }
}
