import RemotesCore

/// Reads and changes one docker config file safely: changes happen under our lock on
/// `<file>.lock`, are written to a temporary file, fsynced and renamed over the file (keeping a
/// symlink's target, the owner, and at most mode 0600, since the file holds secrets), and a file
/// that does not parse is never overwritten.
public struct DockerConfigStore: Sendable {
    /// The file.
    public let path: String

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
        let lock = try FileLock(for: path, mode: 0o600)
        defer { lock.unlock() }
        let snapshot = try FileSnapshot.read(path)
        let before = try DockerConfigFile(parsing: snapshot.text, path: path)
        var config = before
        let result = try change(&config)
        if config != before {
            try AtomicWriter.write(
                Array(config.text.utf8), to: path, newFileMode: 0o600, previous: snapshot.exists ? snapshot : nil,
                tightenTo: 0o600)
        }
        return result
    }
}
