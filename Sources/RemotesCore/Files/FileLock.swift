#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive advisory lock that serialises every read-modify-write of one config file
/// among our processes. It is a `flock` on `<file>.lock` next to the file (not on the file
/// itself, which is replaced by rename; not on the folder, which NFS cannot lock).
public final class FileLock {
    private var fd: Int32

    /// The lock file that guards `path`.
    public static func lockPath(for path: String) -> String {
        let target = FileSystem.isSymlink(path) ? FileSystem.resolvedPath(path) : path
        return target + ".lock"
    }

    /// Waits for and takes the lock of `path`. `mode` is used when the lock file is created.
    public init(for path: String, mode: mode_t) throws(RemotesError) {
        let lockPath = FileLock.lockPath(for: path)
        fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, mode)
        if fd < 0 {
            throw .failed("could not lock \(path): cannot open \(lockPath): \(FileSystem.errorText())")
        }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let text = FileSystem.errorText()
            close(fd)
            throw .failed("could not lock \(path): \(text)")
        }
    }

    /// Releases the lock.
    public func unlock() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
    }

    deinit { unlock() }
}
