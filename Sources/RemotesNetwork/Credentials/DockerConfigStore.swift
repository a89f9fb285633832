import RemotesCore

/// Reads and changes one docker config file safely: changes happen under our lock on
/// `<file>.lock`, are written to a temporary file, fsynced and renamed over the file (keeping a
/// symlink's target, the owner, and at most mode 0600, since the file holds secrets), and a file
/// that does not parse is never overwritten.
public struct DockerConfigStore: Sendable {
    /// The file.
    public let path: String

    /// How long a change waits for another process's lock.
    public var lockPolicy = LockPolicy()

    /// A store for the file at `path`.
    public init(path: String) {
        self.path = path
    }

    /// The config as it is now; a missing file is an empty config.
    public func read() throws(RemotesError) -> DockerConfigFile {
        try DockerConfigFile(parsing: FileSnapshot.read(path).text, path: path)
    }

    /// Applies `change` under the lock and writes the file if the config changed. A missing
    /// file (and its folder, mode 0700) is created only when there is something to write.
    @discardableResult
    public func update<T>(_ change: (inout DockerConfigFile) throws(RemotesError) -> T) throws(RemotesError) -> T {
        let folder = FileSystem.dirname(path)
        if !FileSystem.exists(folder) {
            var empty = DockerConfigFile()
            let result = try change(&empty)
            if empty == DockerConfigFile() { return result }
            try FileSystem.makeFolders(folder, mode: 0o700)
        }
        let lock = try FileLock(for: path, policy: lockPolicy)
        defer { lock.unlock() }
        let snapshot = try FileSnapshot.read(path)
        let before = try DockerConfigFile(parsing: snapshot.text, path: path)
        var config = before
        let result = try change(&config)
        if config != before {
            let source = path
            try AtomicWriter.write(
                Array(config.text.utf8), to: path, newFileMode: 0o600, previous: snapshot.exists ? snapshot : nil,
                tightenTo: 0o600,
                readsBackAs: { written in
                    (try? DockerConfigFile(parsing: String(decoding: written, as: UTF8.self), path: source)) == config
                })
        }
        return result
    }

    /// The WARNING for a file that others can read, which the next write tightens to 0600 (it
    /// holds secrets); nil when its mode is already private or it does not exist.
    public func permissionWarning() -> Notice? {
        guard let snapshot = try? FileSnapshot.read(path), snapshot.exists, snapshot.mode & 0o077 != 0 else {
            return nil
        }
        return .warning(
            "File mode (\(String(snapshot.mode, radix: 8))) on \(path) needs to be 600, fixing that...")
    }
}
