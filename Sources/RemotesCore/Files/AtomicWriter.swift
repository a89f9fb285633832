import CLinux
import Glibc

/// Replaces a file's content atomically: a temp file in the same folder, written in full,
/// fsynced, given the old file's mode and owner, renamed over the original, then the folder
/// fsynced. A reader sees the old file or the new one, never a mix; a crash leaves at most a
/// temp file, which the next write (under the lock) removes.
///
/// Everything happens relative to the folder `PathWalker` opened (no link another user owns is
/// followed), and the rename happens only if the name still leads to the file that was read
/// (`previous`), and only if the bytes read back as intended (`WriteGuard`).
public enum AtomicWriter {
    /// Temp files are named `.<file>.tmp-<pid>-<n>`.
    static func tempPrefix(for file: String) -> String { ".\(file).tmp-" }

    /// Writes `bytes` to `path`. A trusted symlink at `path` is followed and its target replaced.
    /// `previous` is the file as read under the lock (nil or not existing: the file must still
    /// be missing). `newFileMode` is used for a new file; an existing file keeps its mode and
    /// owner, except that `tightenTo` (if given) removes permissions beyond it. `readsBackAs`
    /// must accept the exact bytes, or nothing is written (exit 70).
    public static func write(
        _ bytes: [UInt8], to path: String, newFileMode: mode_t, previous: FileSnapshot?,
        tightenTo: mode_t? = nil, readsBackAs check: ([UInt8]) -> Bool
    ) throws(RemotesError) {
        let bytes = WriteGuard.bytesToWrite(bytes)
        guard check(bytes) else { throw WriteGuard.refusal(path) }
        let location = try PathWalker.locate(ConfigLocations.absolute(path), followLeaf: true)
        let folder = location.folder
        removeStaleTemps(in: folder, file: location.name)
        let previous = previous?.exists == true ? previous : nil
        var mode = previous?.mode ?? newFileMode
        if let tightenTo { mode &= tightenTo }
        let (fd, tempName) = try createTemp(in: folder, for: location.name, path: path)
        var renamed = false
        defer { if !renamed { _ = unlinkat(folder.fd, tempName, 0) } }
        defer { close(fd) }
        guard FileSystem.writeAll(fd, bytes) else {
            throw .failed("could not write \(path): \(FileSystem.errorText())")
        }
        if let previous {
            if geteuid() == 0, previous.owner != 0 || previous.group != 0 {
                _ = fchown(fd, previous.owner, previous.group)
            }
        } else if let owner = folder.ownerForNewEntries {
            _ = fchown(fd, owner.uid, owner.gid)
        }
        _ = fchmod(fd, mode)
        guard fsync(fd) == 0 else { throw .failed("failed to flush \(path): \(FileSystem.errorText())") }
        try rename(tempName, over: location, previous: previous, path: path)
        renamed = true
        folder.sync()
    }

    /// Creates the temp file for `name` in `folder`, never through a link.
    private static func createTemp(in folder: FolderHandle, for name: String, path: String) throws(RemotesError) -> (
        Int32, String
    ) {
        for attempt in 0..<100 {
            let tempName = tempPrefix(for: name) + "\(getpid())-\(attempt)"
            let fd = openat(folder.fd, tempName, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if fd >= 0 { return (fd, tempName) }
            if errno != EEXIST { break }
        }
        throw .failed("could not write \(path): cannot create a file in \(folder.path): \(FileSystem.errorText())")
    }

    /// Renames the temp file over `location`, but only if the name still leads to the file that
    /// was read (or still to nothing, for a new file).
    private static func rename(
        _ tempName: String, over location: PathWalker.Location, previous: FileSnapshot?, path: String
    )
        throws(RemotesError)
    {
        let folder = location.folder
        let now = folder.status(of: location.name)
        if let previous {
            guard let now, now.st_mode & S_IFMT == S_IFREG, previous.fingerprint.isSameFile(as: now) else {
                throw RemotesError(
                    .changedOnDisk, "\(path) was replaced while it was being written: nothing was changed")
            }
            guard renameat(folder.fd, tempName, folder.fd, location.name) == 0 else {
                throw .failed("could not replace \(path): \(FileSystem.errorText())")
            }
        } else {
            guard now == nil else {
                throw RemotesError(.changedOnDisk, "\(path) appeared while it was being written: nothing was changed")
            }
            guard clinux_renameat_noreplace(folder.fd, tempName, folder.fd, location.name) == 0 else {
                if errno == EEXIST {
                    throw RemotesError(
                        .changedOnDisk, "\(path) appeared while it was being written: nothing was changed")
                }
                throw .failed("could not create \(path): \(FileSystem.errorText())")
            }
        }
    }

    /// Removes temp files left by a writer that was killed. Only called under the file's lock,
    /// when no other writer of ours can be using them.
    static func removeStaleTemps(in folder: FolderHandle, file: String) {
        let listing = openat(folder.fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard listing >= 0, let dir = fdopendir(listing) else {
            if listing >= 0 { close(listing) }
            return
        }
        defer { closedir(dir) }
        let prefix = tempPrefix(for: file)
        var stale: [String] = []
        while let entry = readdir(dir) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if entryName.hasPrefix(prefix) { stale.append(entryName) }
        }
        for entryName in stale { _ = unlinkat(folder.fd, entryName, 0) }
    }
}
