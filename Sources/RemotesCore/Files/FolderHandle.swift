import CLinux
import Glibc

/// A folder held open by descriptor. Every file remotes creates, renames, locks or checks is
/// reached relative to one of these, so a path is looked up once (see `PathWalker`) and what
/// happens next stays in the folder that was looked up, whatever another user renames meanwhile.
public final class FolderHandle: @unchecked Sendable {
    /// The descriptor (`clinux_o_path()`): for `openat`, `mkdirat`, `renameat`, `fstatat`, `unlinkat`.
    public let fd: Int32
    /// The folder's path with trusted links followed, for messages.
    public let path: String
    /// Owner of the folder.
    public let owner: uid_t
    /// Group of the folder.
    public let group: gid_t
    /// Permission bits of the folder.
    public let mode: mode_t

    /// Takes ownership of `fd`, an open folder whose status is `status`.
    init(fd: Int32, path: String, status: stat) {
        self.fd = fd
        self.path = path
        owner = status.st_uid
        group = status.st_gid
        mode = status.st_mode & 0o7777
    }

    deinit { close(fd) }

    /// The root folder.
    static func root() throws(RemotesError) -> FolderHandle {
        let fd = open("/", clinux_o_path() | O_DIRECTORY | O_CLOEXEC)
        return try adopt(fd, path: "/")
    }

    /// Wraps a freshly opened descriptor, failing when it is not a folder.
    static func adopt(_ fd: Int32, path: String) throws(RemotesError) -> FolderHandle {
        guard fd >= 0 else { throw .badFile("could not open \(path): \(FileSystem.errorText())") }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else {
            close(fd)
            throw .badFile("\(path) is not a folder")
        }
        return FolderHandle(fd: fd, path: path, status: st)
    }

    /// The path of `name` in this folder.
    public func child(_ name: String) -> String {
        path == "/" ? "/" + name : path + "/" + name
    }

    /// The parent folder (`..` is never a link).
    func parent() throws(RemotesError) -> FolderHandle {
        let fd = openat(self.fd, "..", clinux_o_path() | O_DIRECTORY | O_CLOEXEC)
        return try FolderHandle.adopt(fd, path: FileSystem.dirname(path))
    }

    /// Runs `body` with a readable descriptor of the folder (fchmod and fsync need one).
    func withReadableDescriptor(_ body: (Int32) -> Void) {
        let readable = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard readable >= 0 else { return }
        body(readable)
        close(readable)
    }

    /// Flushes the folder's entries (after a rename), so the new name survives a crash.
    func sync() {
        withReadableDescriptor { _ = fsync($0) }
    }

    /// Sets the folder's permission bits, by descriptor.
    func setMode(_ newMode: mode_t) {
        withReadableDescriptor { _ = fchmod($0, newMode) }
    }

    /// The status of `name` in this folder, without following a link; nil when it is missing.
    func status(of name: String) -> stat? {
        var st = stat()
        return fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 ? st : nil
    }

    /// Who a new file or folder made here by the effective user should belong to: root gives
    /// what it creates in another user's folder to that user (so that user's own remotes can
    /// still use it); nil when nothing needs changing.
    var ownerForNewEntries: (uid: uid_t, gid: gid_t)? {
        geteuid() == 0 && owner != 0 ? (owner, group) : nil
    }
}
