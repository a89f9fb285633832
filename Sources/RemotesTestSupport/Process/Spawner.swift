import Foundation

/// Starts child processes with `posix_spawn`: stdio from and to files, a process group of their
/// own, default signal handling, and no inherited descriptors beyond 0, 1 and 2.
enum Spawner {
    /// What to start and where its standard streams go.
    struct Request {
        var executable: String
        var arguments: [String]
        var environment: [String: String]
        var workingDirectory: String?
        var standardInputPath: String
        var standardOutputPath: String
        /// nil: standard error goes where standard output goes (one shared file offset).
        var standardErrorPath: String?
    }

    private typealias AddChdir =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc's `_np` file actions are hidden from Swift behind `_GNU_SOURCE`, so look them up at run time.
    private static let addChdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np", as: AddChdir.self)
    private static let addClosefrom: AddClosefrom? = symbol(
        "posix_spawn_file_actions_addclosefrom_np",
        as: AddClosefrom.self
    )

    private static func symbol<T>(_ name: String, as type: T.Type) -> T? {
        guard let handle = dlopen(nil, RTLD_NOW), let pointer = dlsym(handle, name) else { return nil }
        return unsafeBitCast(pointer, to: type)
    }

    /// Starts the child and returns its pid (which is also its process group id).
    static func spawn(_ request: Request) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        try check(posix_spawn_file_actions_addopen(&actions, 0, request.standardInputPath, O_RDONLY, 0), request)
        let outputFlags = O_WRONLY | O_CREAT | O_TRUNC
        try check(
            posix_spawn_file_actions_addopen(&actions, 1, request.standardOutputPath, outputFlags, 0o600), request)
        if let standardErrorPath = request.standardErrorPath {
            try check(posix_spawn_file_actions_addopen(&actions, 2, standardErrorPath, outputFlags, 0o600), request)
        } else {
            try check(posix_spawn_file_actions_adddup2(&actions, 1, 2), request)
        }
        if let addClosefrom {
            try check(addClosefrom(&actions, 3), request)
        }
        if let directory = request.workingDirectory {
            guard let addChdir else { throw TestProcessError.workingDirectoryUnsupported }
            try check(addChdir(&actions, directory), request)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        try check(posix_spawnattr_setflags(&attributes, Int16(flags)), request)
        try check(posix_spawnattr_setpgroup(&attributes, 0), request)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        try check(posix_spawnattr_setsigmask(&attributes, &noSignals), request)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        try check(posix_spawnattr_setsigdefault(&attributes, &allSignals), request)

        let argv = ([request.executable] + request.arguments).map { strdup($0) } + [nil]
        let envp = request.environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, request.executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw TestProcessError.spawnFailed(executable: request.executable, errno: status)
        }
        return pid
    }

    private static func check(_ status: Int32, _ request: Request) throws {
        guard status == 0 else { throw TestProcessError.spawnFailed(executable: request.executable, errno: status) }
    }

    /// Reaps `pid` if it has ended; `nil` while it runs. A pid that is not our child counts as ended.
    static func reapIfExited(_ pid: pid_t) -> ProcessExit? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return ProcessExit(waitStatus: status) }
            if result == 0 { return nil }
            if errno == EINTR { continue }
            return ProcessExit(code: -1, signal: nil)
        }
    }

    /// Waits for `pid` to end, blocking the calling thread: only for processes already sent
    /// SIGKILL, or on a thread of its own (never on Swift's cooperative pool).
    static func reapBlocking(_ pid: pid_t) -> ProcessExit {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, 0)
            if result == pid { return ProcessExit(waitStatus: status) }
            if errno == EINTR { continue }
            return ProcessExit(code: -1, signal: nil)
        }
    }

    /// Sends `signal` to the child's whole process group.
    static func signalGroup(_ pid: pid_t, _ signal: Int32) {
        _ = kill(-pid, signal)
    }
}
