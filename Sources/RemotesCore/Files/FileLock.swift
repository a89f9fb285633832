import Glibc

/// An exclusive advisory lock that serialises every read-modify-write of one file among our
/// processes: a `flock` on `<file>.lock` next to the file (not on the file itself, which is
/// replaced by rename; not on the folder, which NFS cannot lock).
///
/// The lock file is reached like every other file (`PathWalker`), never through another
/// user's link. It is 0600 and belongs to the owner of the file it guards (root gives a lock it
/// creates in another user's folder to that user). The lock of a root-owned file must be one
/// only root can open; an older, readable one is replaced (`LockFileRepair`). Waiting is
/// bounded by `LockPolicy`.
public final class FileLock {
    private var fd: Int32
    /// The lock file's path.
    public let lockPath: String

    /// The lock file that guards `path` (trusted links followed).
    public static func lockPath(for path: String) -> String {
        let absolute = ConfigLocations.absolute(path)
        let location = try? PathWalker.locate(absolute, followLeaf: true)
        return (location?.path ?? absolute) + ".lock"
    }

    /// Waits (at most `policy.timeout`) for and takes the lock of `path`.
    public init(for path: String, policy: LockPolicy = LockPolicy()) throws(RemotesError) {
        let location = try PathWalker.locate(ConfigLocations.absolute(path), followLeaf: true)
        let name = location.name + ".lock"
        lockPath = location.folder.child(name)
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: policy.timeout)
        var told = false
        while true {
            let candidate = try LockFile.open(name, in: location, deadline: deadline, policy: policy)
            switch try LockFile.acquire(
                candidate, path: lockPath, deadline: deadline, clock: clock, told: &told, policy: policy)
            {
            case .held:
                // Still the file at the name? Another process may have replaced it meanwhile.
                if let now = location.folder.status(of: name), LockFile.identity(candidate) == LockFile.identity(now) {
                    fd = candidate
                    return
                }
                close(candidate)
            case .timedOut:
                close(candidate)
                throw RemotesError(
                    .busy,
                    "another process is editing \(location.path) (it has held \(lockPath) for "
                        + "\(policy.timeout.seconds) s); nothing was changed, try again")
            }
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

extension Duration {
    /// Whole seconds, for messages.
    var seconds: Int64 { components.seconds + (components.attoseconds >= 500_000_000_000_000_000 ? 1 : 0) }
}
