import CLinux
import Glibc
import RemotesCore
import Subprocess
import SystemPackage

/// Runs a short-lived helper program (a docker credential helper) with bytes on its stdin and
/// its stdout and stderr captured, through swift-subprocess: in its own process group, with only
/// stdin, stdout and stderr open, and signals at their defaults. The whole group is killed when
/// the program takes longer than the timeout or the calling task is cancelled. Its stdin is an
/// in-memory file (`memfd`), not a pipe, so a helper that exits without reading cannot raise
/// SIGPIPE in remotes. What passes through stdin and stdout is never logged.
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
    /// be started, writes more than `outputLimit` bytes to a stream, takes longer than `timeout`,
    /// or the task is cancelled.
    public static func run(
        _ executable: String, _ arguments: [String], input: [UInt8], environment: [String: String],
        timeout: Duration
    ) async throws(RemotesError) -> Result {
        let name = FileSystem.basename(executable)
        let outcome: Swift.Result<Result, RemotesError>
        do {
            outcome = try await withThrowingTaskGroup(of: Swift.Result<Result, RemotesError>?.self) { group in
                group.addTask { await runOnce(executable, arguments, input: input, environment: environment) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                let first = try await group.next() ?? nil
                group.cancelAll()
                return first
                    ?? .failure(
                        RemotesError(
                            .unavailable,
                            "\(name) did not finish within \(HTTPSettings.describe(timeout)); it was stopped"))
            }
        } catch {
            outcome = .failure(.failed("cancelled"))
        }
        return try outcome.get()
    }

    /// One run, tried again for a second while the program file is still open for writing
    /// elsewhere (ETXTBSY: a helper that was just written, while another thread forks).
    private static func runOnce(
        _ executable: String, _ arguments: [String], input: [UInt8], environment: [String: String]
    ) async -> Swift.Result<Result, RemotesError> {
        for attempt in 0..<50 {
            do {
                return .success(try await spawn(executable, arguments, input: input, environment: environment))
            } catch let error as SubprocessError where attempt < 49 && Self.isBusyText(error) {
                try? await Task.sleep(for: .milliseconds(20))
            } catch {
                return .failure(.failed("could not run \(executable): \(Self.describe(error))"))
            }
        }
        return .failure(.failed("could not run \(executable): text file busy"))
    }

    private static func spawn(
        _ executable: String, _ arguments: [String], input: [UInt8], environment: [String: String]
    ) async throws -> Result {
        var options = PlatformOptions()
        options.processGroupID = 0
        options.teardownSequence = [.send(signal: .kill, toProcessGroup: true, allowedDurationToNextStep: .zero)]
        let stdin = try inputFile(input)
        let result = try await Subprocess.run(
            .path(FilePath(executable)), arguments: Arguments(arguments),
            // Raw environment entries must end in NUL: swift-subprocess hands them to strdup.
            environment: .custom(environment.map { Array("\($0.key)=\($0.value)\0".utf8) }),
            platformOptions: options, input: .fileDescriptor(stdin, closeAfterSpawningProcess: true),
            output: .bytes(limit: outputLimit), error: .bytes(limit: outputLimit))
        let status: Int32 =
            switch result.terminationStatus {
            case .exited(let code): Int32(code)
            case .signaled(let signal): 128 + Int32(signal)
            }
        return Result(status: status, standardOutput: result.standardOutput, standardError: result.standardError)
    }

    /// `input` in an in-memory file, positioned at its start.
    private static func inputFile(_ input: [UInt8]) throws -> FileDescriptor {
        let fd = clinux_memfd("remotes-helper-input")
        guard fd >= 0 else { throw Errno(rawValue: errno) }
        let descriptor = FileDescriptor(rawValue: fd)
        do {
            _ = try descriptor.writeAll(input)
            _ = try descriptor.seek(offset: 0, from: .start)
        } catch {
            try? descriptor.close()
            throw error
        }
        return descriptor
    }

    private static func isBusyText(_ error: SubprocessError) -> Bool {
        "\(error)".contains("busy") || "\(String(describing: error.underlyingError))".contains("\(ETXTBSY)")
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? SubprocessError, let underlying = error.underlyingError {
            return "\(underlying)"
        }
        return "\(error)"
    }
}
