/// Why a child process could not be run.
public enum TestProcessError: Error, CustomStringConvertible {
    /// No such program in PATH (or the given path does not exist).
    case executableNotFound(String)
    /// `posix_spawn` failed with this errno.
    case spawnFailed(executable: String, errno: Int32)
    /// This libc has no `posix_spawn_file_actions_addchdir_np`.
    case workingDirectoryUnsupported
    /// A wait for output or exit ran out of time.
    case timedOut(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .executableNotFound(let name): "executable not found: \(name)"
        case .spawnFailed(let executable, let errno): "posix_spawn \(executable) failed: errno \(errno)"
        case .workingDirectoryUnsupported: "posix_spawn_file_actions_addchdir_np is not available"
        case .timedOut(let what): "timed out: \(what)"
        }
    }
}
