#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a file's content atomically: a temp file in the same folder, written in full,
/// fsynced, given the old file's mode and owner, renamed over the original, then the folder
/// fsynced. A reader sees the old file or the new one, never a mix; a crash leaves at most a
/// temp file, which the next write (under the lock) removes.
public enum AtomicWriter {
    /// Temp files are named `.<file>.tmp-<pid>-<n>`.
    static func tempPrefix(for file: String) -> String { ".\(file).tmp-" }

    /// Writes `bytes` to `path`. A symlink at `path` is followed and its target replaced.
    /// `mode` is used for a new file; an existing file keeps its mode and owner, except that
    /// `tightenTo` (if given) removes permissions beyond it.
    public static func write(
        _ bytes: [UInt8], to path: String, newFileMode: mode_t, previous: FileSnapshot?,
        tightenTo: mode_t? = nil
    ) throws(RemotesError) {
        let target = FileSystem.isSymlink(path) ? FileSystem.resolvedPath(path) : path
        let folder = FileSystem.dirname(target)
        let name = FileSystem.basename(target)
        removeStaleTemps(folder: folder, file: name)
        var mode = newFileMode
        if let previous, previous.exists { mode = previous.mode }
        if let tightenTo { mode &= tightenTo }
        var fd: Int32 = -1
        var tempPath = ""
        for attempt in 0..<100 {
            tempPath = folder + "/" + tempPrefix(for: name) + "\(getpid())-\(attempt)"
            fd = open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else {
            throw .failed("could not write \(path): cannot create a file in \(folder): \(FileSystem.errorText())")
        }
        var ok = false
        defer {
            if !ok { unlink(tempPath) }
        }
        guard FileSystem.writeAll(fd, bytes) else {
            let text = FileSystem.errorText()
            close(fd)
            throw .failed("could not write \(path): \(text)")
        }
        if let previous, previous.exists, geteuid() == 0, previous.owner != 0 || previous.group != 0 {
            _ = fchown(fd, previous.owner, previous.group)
        }
        _ = fchmod(fd, mode)
        guard fsync(fd) == 0 else {
            let text = FileSystem.errorText()
            close(fd)
            throw .failed("failed to flush \(path): \(text)")
        }
        close(fd)
        guard rename(tempPath, target) == 0 else {
            throw .failed("could not replace \(path): \(FileSystem.errorText())")
        }
        ok = true
        let dirfd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 {
            _ = fsync(dirfd)
            close(dirfd)
        }
    }

    /// Removes temp files left by a writer that was killed. Only called under the file's lock,
    /// when no other writer of ours can be using them.
    static func removeStaleTemps(folder: String, file: String) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        let prefix = tempPrefix(for: file)
        var stale: [String] = []
        while let entry = readdir(dir) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if entryName.hasPrefix(prefix) { stale.append(entryName) }
        }
        for entryName in stale { unlink(folder + "/" + entryName) }
    }
}
