import Glibc

/// The steps of taking a `FileLock`: opening (or making, or repairing) the lock file next to
/// the guarded file, and waiting for the `flock` within the deadline.
enum LockFile {
    /// How a wait for the lock ended.
    enum Acquired {
        /// The lock is ours.
        case held
        /// The deadline passed first.
        case timedOut
    }

    /// How long a lock file that others could open is waited for before it is replaced anyway:
    /// a process of ours holds a lock for milliseconds.
    static let repairWait: Duration = .seconds(2)

    /// Opens the lock file `name` next to `location`, creating it (0600, owned as the guarded
    /// file) when missing. A root-owned file's lock that another user could open is replaced.
    static func open(
        _ name: String, in location: PathWalker.Location, deadline: ContinuousClock.Instant, policy: LockPolicy
    )
        throws(RemotesError) -> Int32
    {
        let folder = location.folder
        let path = folder.child(name)
        let owner = expectedOwner(of: location)
        for _ in 0..<100 {
            let created = openat(folder.fd, name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if created >= 0 {
                _ = fchmod(created, 0o600)
                if geteuid() == 0 && owner.uid != 0 { _ = fchown(created, owner.uid, owner.gid) }
                return created
            }
            guard errno == EEXIST else { throw failure(errno, path: path) }
            let existing = openat(folder.fd, name, O_RDWR | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
            if existing < 0 && errno == ENOENT { continue }  // removed meanwhile: make it again
            guard existing >= 0 else { throw failure(errno, path: path) }
            var st = stat()
            guard fstat(existing, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
                close(existing)
                throw .badFile("\(path) is not a regular file: refusing to use it as a lock")
            }
            if geteuid() == 0 && owner.uid == 0 && (st.st_uid != 0 || st.st_mode & 0o077 != 0) {
                return try replace(existing, name: name, in: folder, deadline: deadline, policy: policy)
            }
            return existing
        }
        throw .failed("could not lock \(location.path): \(path) keeps disappearing")
    }

    /// Who the lock file belongs to: the guarded file's owner, or the folder's when it is new.
    static func expectedOwner(of location: PathWalker.Location) -> (uid: uid_t, gid: gid_t) {
        if let st = location.folder.status(of: location.name), st.st_mode & S_IFMT == S_IFREG {
            return (st.st_uid, st.st_gid)
        }
        return (location.folder.owner, location.folder.group)
    }

    /// Replaces a root-owned file's lock file that other users could open (and so hold for
    /// ever) with a new one only root can open, taken before it gets the name. The old lock is
    /// waited for briefly first, so a process of ours still using it finishes.
    private static func replace(
        _ old: Int32, name: String, in folder: FolderHandle, deadline: ContinuousClock.Instant, policy: LockPolicy
    ) throws(RemotesError) -> Int32 {
        defer { close(old) }
        let clock = ContinuousClock()
        var told = false
        let shortDeadline = min(deadline, clock.now.advanced(by: repairWait))
        _ = try acquire(
            old, path: folder.child(name), deadline: shortDeadline, clock: clock, told: &told, policy: policy)
        let temporary = ".\(name).new-\(getpid())"
        _ = unlinkat(folder.fd, temporary, 0)
        let fresh = openat(folder.fd, temporary, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fresh >= 0 else { throw failure(errno, path: folder.child(temporary)) }
        _ = fchmod(fresh, 0o600)
        _ = flock(fresh, LOCK_EX | LOCK_NB)  // a new file no one else has open: free at once
        guard renameat(folder.fd, temporary, folder.fd, name) == 0 else {
            let code = errno
            _ = unlinkat(folder.fd, temporary, 0)
            close(fresh)
            throw failure(code, path: folder.child(name))
        }
        policy.onWait?(
            "replaced the lock file \(folder.child(name)), which other users could open, with one only root can")
        return fresh
    }

    /// Waits for the `flock` on `fd` until `deadline`, telling `policy` once when it must wait.
    static func acquire(
        _ fd: Int32, path: String, deadline: ContinuousClock.Instant, clock: ContinuousClock, told: inout Bool,
        policy: LockPolicy
    ) throws(RemotesError) -> Acquired {
        while true {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return .held }
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK else { throw .failed("could not lock \(path): \(FileSystem.errorText(code))") }
            if !told {
                told = true
                policy.onWait?("waiting for \(path): another process holds it")
            }
            if clock.now >= deadline { return .timedOut }
            _ = usleep(10_000)
        }
    }

    /// Device and inode of an open file or of a status.
    static func identity(_ fd: Int32) -> (UInt64, UInt64) {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return (0, 0) }
        return identity(st)
    }

    static func identity(_ st: stat) -> (UInt64, UInt64) { (UInt64(st.st_dev), UInt64(st.st_ino)) }

    private static func failure(_ code: Int32, path: String) -> RemotesError {
        if code == ELOOP { return .badFile("\(path) is a symbolic link: refusing to use it as a lock") }
        return .failed("could not open the lock file \(path): \(FileSystem.errorText(code))")
    }
}
