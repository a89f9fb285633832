import Foundation
import RemotesTestSupport
import Testing

/// What a hostile local user (`nobody`) can do to the paths root will use: plant links that
/// belong to them, and run programs (a lock holder, a link swapper) as themselves.
enum HostileUser {
    /// nobody's uid and gid.
    static var ids: (uid: uid_t, gid: gid_t) {
        let uid = getpwnam("nobody")?.pointee.pw_uid ?? 65534
        let gid = (getgrnam("nogroup") ?? getgrnam("nobody"))?.pointee.gr_gid ?? 65534
        return (uid, gid)
    }

    /// Makes a symbolic link at `path` to `target`, owned by `owner` (nobody by default), as if
    /// that user had made it.
    static func link(_ path: String, to target: String, owner: uid_t? = nil) throws {
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        let uid = owner ?? ids.uid
        #expect(lchown(path, uid, owner == nil ? ids.gid : gid_t(uid)) == 0)
    }

    /// Gives `path` (not what is below) to nobody.
    static func own(_ path: String) {
        #expect(lchown(path, ids.uid, ids.gid) == 0)
    }

    /// Starts `/bin/sh -c script` as nobody; the caller stops it.
    static func start(_ script: String, workingDirectory: String) throws -> RunningProcess {
        let command = try TestProcess.unprivileged("/bin/sh", ["-c", script])
        return try TestProcess.spawn(
            command.executable, command.arguments, environment: ["PATH": "/usr/bin:/bin"],
            workingDirectory: workingDirectory)
    }

    /// The owner and permission bits of `path` (not following a link).
    static func ownerAndMode(_ path: String) -> (uid: uid_t, mode: mode_t)? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return (st.st_uid, st.st_mode & 0o7777)
    }
}
