import Foundation

/// Runs child processes for tests: with arguments, environment, stdin bytes, an optional working
/// folder and a timeout after which the child's process group is killed. Children are always reaped.
public enum TestProcess {
    /// Runs `executable` (a path, or a name looked up in PATH) to the end and captures its output.
    ///
    /// `environment` replaces the whole environment (nil: inherit ours). On timeout the process
    /// group gets SIGKILL and the result has `timedOut` set.
    public static func run(
        _ executable: String,
        _ arguments: [String] = [],
        environment: [String: String]? = nil,
        standardInput: [UInt8] = [],
        workingDirectory: String? = nil,
        timeout: Duration = .seconds(30)
    ) async throws -> ProcessResult {
        let io = try TemporaryFolder(prefix: "remotes-run")
        defer { io.remove() }
        let pid = try start(executable, arguments, environment, standardInput, workingDirectory, io)
        let deadline = ContinuousClock.now + timeout
        var pause = Duration.milliseconds(1)
        while true {
            if let exit = Spawner.reapIfExited(pid) {
                return collect(exit: exit, timedOut: false, io)
            }
            if ContinuousClock.now >= deadline || Task.isCancelled {
                Spawner.signalGroup(pid, SIGKILL)
                return collect(exit: Spawner.reapBlocking(pid), timedOut: true, io)
            }
            try? await Task.sleep(for: pause)
            pause = min(pause * 2, .milliseconds(20))
        }
    }

    /// The blocking twin of `run`, for code that cannot be async.
    public static func runBlocking(
        _ executable: String,
        _ arguments: [String] = [],
        environment: [String: String]? = nil,
        standardInput: [UInt8] = [],
        workingDirectory: String? = nil,
        timeout: Duration = .seconds(30)
    ) throws -> ProcessResult {
        let io = try TemporaryFolder(prefix: "remotes-run")
        defer { io.remove() }
        let pid = try start(executable, arguments, environment, standardInput, workingDirectory, io)
        let deadline = ContinuousClock.now + timeout
        var pauseMicroseconds: UInt32 = 500
        while true {
            if let exit = Spawner.reapIfExited(pid) {
                return collect(exit: exit, timedOut: false, io)
            }
            if ContinuousClock.now >= deadline {
                Spawner.signalGroup(pid, SIGKILL)
                return collect(exit: Spawner.reapBlocking(pid), timedOut: true, io)
            }
            usleep(pauseMicroseconds)
            pauseMicroseconds = min(pauseMicroseconds * 2, 20_000)
        }
    }

    /// Starts a long-running child with stdin from /dev/null and its output in log files.
    public static func spawn(
        _ executable: String,
        _ arguments: [String] = [],
        environment: [String: String]? = nil,
        workingDirectory: String? = nil
    ) throws -> RunningProcess {
        let logs = try TemporaryFolder(prefix: "remotes-child")
        let path = try resolve(executable, in: environment)
        let pid = try Spawner.spawn(
            Spawner.Request(
                executable: path,
                arguments: arguments,
                environment: environment ?? ProcessInfo.processInfo.environment,
                workingDirectory: workingDirectory,
                standardInputPath: "/dev/null",
                standardOutputPath: logs.path("stdout"),
                standardErrorPath: logs.path("stderr")
            )
        )
        return RunningProcess(pid: pid, command: [path] + arguments, logs: logs)
    }

    /// The command line that runs `executable` as nobody:nogroup with no supplementary groups,
    /// through `setpriv`. The executable is resolved to a path first.
    public static func unprivileged(_ executable: String, _ arguments: [String] = []) throws -> (
        executable: String, arguments: [String]
    ) {
        let path = try resolve(executable, in: nil)
        return ("/usr/bin/setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--", path] + arguments)
    }

    /// Like `run`, but as nobody:nogroup (see `unprivileged`). Needs root.
    public static func runUnprivileged(
        _ executable: String,
        _ arguments: [String] = [],
        environment: [String: String]? = nil,
        standardInput: [UInt8] = [],
        workingDirectory: String? = nil,
        timeout: Duration = .seconds(30)
    ) async throws -> ProcessResult {
        let command = try unprivileged(executable, arguments)
        return try await run(
            command.executable,
            command.arguments,
            environment: environment,
            standardInput: standardInput,
            workingDirectory: workingDirectory,
            timeout: timeout
        )
    }

    /// True when this process runs as root (needed for `unprivileged`).
    public static var isRoot: Bool { geteuid() == 0 }

    /// Our own environment with `changes` applied (a nil value removes the variable).
    public static func environment(_ changes: [String: String?]) -> [String: String] {
        var result = ProcessInfo.processInfo.environment
        for (name, value) in changes {
            result[name] = value
        }
        return result
    }

    /// The path of `name` found in PATH (of `environment`, or ours), or nil.
    /// A name containing a slash is returned as is when it is executable.
    public static func which(_ name: String, in environment: [String: String]? = nil) -> String? {
        if name.contains("/") {
            return access(name, X_OK) == 0 ? name : nil
        }
        let path = (environment ?? ProcessInfo.processInfo.environment)["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            var info = stat()
            if access(candidate, X_OK) == 0, stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                return candidate
            }
        }
        return nil
    }

    private static func resolve(_ executable: String, in environment: [String: String]?) throws -> String {
        guard let path = which(executable, in: environment) ?? which(executable) else {
            throw TestProcessError.executableNotFound(executable)
        }
        return path
    }

    private static func start(
        _ executable: String,
        _ arguments: [String],
        _ environment: [String: String]?,
        _ standardInput: [UInt8],
        _ workingDirectory: String?,
        _ io: TemporaryFolder
    ) throws -> pid_t {
        let path = try resolve(executable, in: environment)
        let stdinPath = try io.write(standardInput, to: "stdin", mode: 0o600)
        return try Spawner.spawn(
            Spawner.Request(
                executable: path,
                arguments: arguments,
                environment: environment ?? ProcessInfo.processInfo.environment,
                workingDirectory: workingDirectory,
                standardInputPath: stdinPath,
                standardOutputPath: io.path("stdout"),
                standardErrorPath: io.path("stderr")
            )
        )
    }

    private static func collect(exit: ProcessExit, timedOut: Bool, _ io: TemporaryFolder) -> ProcessResult {
        let output = FileManager.default.contents(atPath: io.path("stdout")) ?? Data()
        let errors = FileManager.default.contents(atPath: io.path("stderr")) ?? Data()
        return ProcessResult(
            exit: exit,
            timedOut: timedOut,
            standardOutput: Array(output),
            standardError: Array(errors)
        )
    }
}
