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
        let pid = try spawn(arguments, output: output)
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                continuation.resume(returning: (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F))
            }
        }
    }

    private static func spawn(_ arguments: [String], output: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        return pid
    }
}
