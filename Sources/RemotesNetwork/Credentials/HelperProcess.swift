import Foundation
import RemotesCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a short-lived helper program (a docker credential helper) with bytes on its stdin and
/// its stdout and stderr captured, in its own process group, on a thread of its own so that the
/// async caller's threads never block. The program is killed when it takes longer than the
/// timeout or when the calling task is cancelled. What passes through stdin and stdout is never
/// logged.
public enum HelperProcess {
    /// How a run ended.
    public struct Result: Sendable {
        /// The exit status (128 + signal when killed by a signal).
        public var status: Int32
        /// Standard output (at most `outputLimit` bytes).
        public var standardOutput: [UInt8]
        /// Standard error (at most `outputLimit` bytes).
        public var standardError: [UInt8]

        /// Standard output as text.
        public var stdout: String { String(decoding: standardOutput, as: UTF8.self) }
        /// Standard error as text.
        public var stderr: String { String(decoding: standardError, as: UTF8.self) }
    }

    /// Output beyond this many bytes per stream is dropped.
    public static let outputLimit = 1 << 20

    /// The path of `name` in the `PATH` of `environment`, or nil. Only absolute entries are
    /// searched, as Go ≥ 1.19's `exec.LookPath` does: a relative entry (`.`, `bin`, `./bin`) or
    /// an empty one names a folder relative to the working folder, which may be anyone's (a
    /// shared project folder, another user's home), so a helper planted there never runs.
    public static func find(_ name: String, environment: [String: String]) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":", omittingEmptySubsequences: true) where folder.hasPrefix("/") {
            let candidate = "\(folder)/\(name)"
            var info = stat()
            if access(candidate, X_OK) == 0, stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                return candidate
            }
        }
        return nil
    }

    /// Runs `executable` with `arguments`, `input` on stdin and `environment`. Throws when it cannot
    /// be started, takes longer than `timeout`, or the task is cancelled.
    public static func run(
        _ executable: String, _ arguments: [String], input: [UInt8], environment: [String: String],
        timeout: Duration
    ) async throws(RemotesError) -> Result {
        let cancelled = CancellationFlag()
        let outcome: Swift.Result<Result, RemotesError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let thread = Thread {
                    continuation.resume(
                        returning: runBlocking(
                            executable, arguments, input: input, environment: environment, timeout: timeout,
                            cancelled: cancelled))
                }
                thread.start()
            }
        } onCancel: {
            cancelled.set()
        }
        return try outcome.get()
    }

    private static func runBlocking(
        _ executable: String, _ arguments: [String], input: [UInt8], environment: [String: String],
        timeout: Duration, cancelled: CancellationFlag
    ) -> Swift.Result<Result, RemotesError> {
        let name = FileSystem.basename(executable)
        // Socket pairs, made close-on-exec atomically: writing to a helper that exits early
        // cannot raise SIGPIPE (send with MSG_NOSIGNAL), and no other child inherits them.
        var stdinPair: [Int32] = [-1, -1]
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &stdinPair) == 0, socketpair(AF_UNIX, type, 0, &outPipe) == 0,
            socketpair(AF_UNIX, type, 0, &errPipe) == 0
        else {
            let text = FileSystem.errorText()
            for fd in stdinPair + outPipe + errPipe where fd >= 0 { close(fd) }
            return .failure(.failed("could not run \(name): \(text)"))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPair[1], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        // Nothing else of ours (sockets, files being written) reaches the helper.
        if let closeFrom = HelperProcess.addCloseFrom { _ = closeFrom(&actions, 3) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        var spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        // A program that was just written may still be open for writing in a child another
        // thread started a moment ago: that is brief, so try again for up to a second.
        for _ in 0..<50 where spawned == ETXTBSY {
            usleep(20_000)
            spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        }
        close(stdinPair[1])
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(stdinPair[0])
            close(outPipe[0])
            close(errPipe[0])
            return .failure(.failed("could not run \(executable): \(FileSystem.errorText(spawned))"))
        }
        var io = Exchange(input: input, stdinFD: stdinPair[0], stdoutFD: outPipe[0], stderrFD: errPipe[0])
        let deadline = ContinuousClock.now + timeout
        var failure: RemotesError?
        while !io.finished {
            if cancelled.isSet {
                failure = .failed("cancelled")
                break
            }
            let left = deadline - ContinuousClock.now
            if left <= .zero {
                failure = RemotesError(
                    .unavailable, "\(name) did not finish within \(HTTPSettings.describe(timeout)); it was stopped")
                break
            }
            io.step(waitMilliseconds: Int32(min(50, max(1, left.components.seconds * 1000 + 1))))
        }
        io.closeAll()
        if failure != nil { kill(-pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if let failure { return .failure(failure) }
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return .success(Result(status: code, standardOutput: io.output, standardError: io.errors))
    }

    private typealias AddCloseFrom =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), hidden from Swift
    /// behind `_GNU_SOURCE`, so looked up at run time.
    private static let addCloseFrom: AddCloseFrom? = {
        guard let handle = dlopen(nil, RTLD_NOW),
            let pointer = dlsym(handle, "posix_spawn_file_actions_addclosefrom_np")
        else { return nil }
        return unsafeBitCast(pointer, to: AddCloseFrom.self)
    }()

    /// Set when the calling task is cancelled; read by the thread that runs the helper.
    private final class CancellationFlag: Sendable {
        private let value = Atomic<Bool>(false)

        func set() { value.store(true, ordering: .relaxed) }

        var isSet: Bool { value.load(ordering: .relaxed) }
    }

    /// The stdin, stdout and stderr of a running helper, moved along with poll(2).
    private struct Exchange {
        var input: [UInt8]
        var written = 0
        var stdinFD: Int32
        var stdoutFD: Int32
        var stderrFD: Int32
        var output: [UInt8] = []
        var errors: [UInt8] = []

        init(input: [UInt8], stdinFD: Int32, stdoutFD: Int32, stderrFD: Int32) {
            self.input = input
            self.stdinFD = stdinFD
            self.stdoutFD = stdoutFD
            self.stderrFD = stderrFD
            if input.isEmpty { closeStdin() }
        }

        var finished: Bool { stdoutFD < 0 && stderrFD < 0 }

        mutating func closeStdin() {
            if stdinFD >= 0 {
                close(stdinFD)
                stdinFD = -1
            }
        }

        mutating func closeAll() {
            closeStdin()
            for fd in [stdoutFD, stderrFD] where fd >= 0 { close(fd) }
            stdoutFD = -1
            stderrFD = -1
        }

        mutating func step(waitMilliseconds: Int32) {
            var fds: [pollfd] = []
            if stdinFD >= 0 { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
            if stdoutFD >= 0 { fds.append(pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)) }
            if stderrFD >= 0 { fds.append(pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), waitMilliseconds)
            guard ready > 0 else { return }
            for entry in fds where entry.revents != 0 {
                if entry.fd == stdinFD {
                    writeInput()
                } else if entry.fd == stdoutFD {
                    if !read(from: stdoutFD, into: &output) {
                        close(stdoutFD)
                        stdoutFD = -1
                    }
                } else if entry.fd == stderrFD {
                    if !read(from: stderrFD, into: &errors) {
                        close(stderrFD)
                        stderrFD = -1
                    }
                }
            }
        }

        mutating func writeInput() {
            let n = input[written...].withUnsafeBytes { buffer in
                send(stdinFD, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
            }
            if n > 0 { written += n }
            if (n < 0 && errno != EAGAIN && errno != EINTR) || written >= input.count {
                // Done, or the helper closed its stdin: it gets EOF either way.
                closeStdin()
            }
        }

        /// Reads what is there; false at end of file.
        func read(from fd: Int32, into buffer: inout [UInt8]) -> Bool {
            var chunk = [UInt8](repeating: 0, count: 16384)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { return errno == EINTR || errno == EAGAIN }
            if n == 0 { return false }
            if buffer.count < HelperProcess.outputLimit { buffer.append(contentsOf: chunk[0..<n]) }
            return true
        }
    }
}
