import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs scripts/tui-concurrency.sh: the real UI in tmux on a user file while batch workers
/// change it, and the UI writes too. Skipped when tmux or the binary is missing; `REMOTES_BIN`
/// names the binary, else it is looked for next to the test runner (swift test builds it).
@Suite struct ConcurrencyScriptTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/tui-concurrency.sh").path

    static var binary: String {
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

    static var canRun: Bool {
        FileManager.default.isExecutableFile(atPath: binary)
            && ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains {
                FileManager.default.isExecutableFile(atPath: $0)
            }
    }

    @Test(
        "batch workers and the UI write one file at once: every worker's change and every UI change is kept",
        .enabled(if: canRun, "needs tmux and a built remotes"))
    func workersAndTheUIWriteAtOnce() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tui-concurrency-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let status = try Self.runCleanly(["/bin/bash", Self.script, Self.binary], output: log.path)
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(status == 0, "\(output)")
        #expect(output.hasSuffix("PASS\n"), "\(output)")
        // The form submitted on data a worker had changed is refused at least once.
        let refusals = output.split(separator: "\n").first { $0.hasPrefix("UI writes refused and retried: ") }
        let count = refusals.flatMap {
            Int($0.dropFirst("UI writes refused and retried: ".count).prefix { $0.isNumber })
        }
        #expect((count ?? 0) >= 1, "\(output)")
        if let refusals { print("tui-concurrency.sh: \(refusals)") }
    }

    /// Runs `arguments` with stdin from /dev/null and stdout and stderr to `output`, with every
    /// signal unblocked and at its default action (tmux and the UI need SIGCHLD, SIGWINCH and
    /// SIGTERM, and a test runner's threads may block them), and waits for it.
    static func runCleanly(_ arguments: [String], output: String) throws -> Int32 {
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
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
