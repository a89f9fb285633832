import Foundation

/// Runs a script the way a shell would start it: stdin from /dev/null, stdout and stderr to a
/// log file, every signal unblocked and at its default action (a test runner's threads may block
/// signals, and tmux and the UI need SIGCHLD, SIGWINCH and SIGTERM; Foundation's `Process`
/// passes its thread's blocked signals on, which hangs tmux).
public enum ScriptRun {
    /// The `remotes` binary the UI scripts drive: `REMOTES_BIN`, else the one `swift test`
    /// built next to the test runner (which may sit inside a bundle: …/debug/X.xctest/…).
    public static var remotesBinary: String {
        if let path = ProcessInfo.processInfo.environment["REMOTES_BIN"], !path.isEmpty { return path }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        while folder.path != "/"
            && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("remotes").path)
        {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("remotes").path
    }

    /// True when tmux is installed.
    public static var hasTmux: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Runs `arguments` to the end and returns its exit code (128 + the signal when killed).
    /// The wait happens on a thread of its own: a blocking `waitpid` on one of the few threads of
    /// Swift's cooperative pool would stall every other test's timers for the script's duration.
    public static func run(_ arguments: [String], output: String) async throws -> Int32 {
        let pid = try Spawner.spawn(
            Spawner.Request(
                executable: arguments[0], arguments: Array(arguments.dropFirst()),
                environment: ProcessInfo.processInfo.environment, workingDirectory: nil,
                standardInputPath: "/dev/null", standardOutputPath: output, standardErrorPath: nil))
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: Spawner.reapBlocking(pid).code) }
        }
    }
}
