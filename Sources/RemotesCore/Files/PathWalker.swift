import CLinux
import Glibc

/// Looks paths up one component at a time, by descriptor, the way `fs.protected_symlinks` would
/// if it applied everywhere: each folder is opened with `O_NOFOLLOW`, and a symbolic link is
/// followed only when `SymlinkTrust` allows it (owned by root or by the effective user);
/// otherwise the lookup fails with an error naming the link and its owner (exit 65).
///
/// The result is an open folder and a name in it. Callers then create, read, lock, rename and
/// check files relative to that folder (`openat`, `renameat`, `fstatat`), so nothing another
/// user renames after the lookup can redirect them.
public enum PathWalker {
    /// A name in an open folder.
    public struct Location: Sendable {
        /// The folder, held open.
        public let folder: FolderHandle
        /// The name in it (the last component of the path, or of a trusted link's target).
        public let name: String
        /// The path, with trusted links followed.
        public var path: String { folder.child(name) }
    }

    /// How many links one lookup follows at most (the kernel's limit).
    static let maximumLinks = 40

    /// Opens the folder that holds the last component of `path` (an absolute path). With
    /// `followLeaf`, a trusted link in the last place is followed too, so the location is that of
    /// the file it points at. With `createFolders`, missing folders are made with that mode
    /// (applied by descriptor; root gives them to the owner of the folder they are made in).
    public static func locate(_ path: String, followLeaf: Bool, createFolders: mode_t? = nil) throws(RemotesError)
        -> Location
    {
        guard let location = try lookUp(path, followLeaf: followLeaf, createFolders: createFolders) else {
            throw failure(ENOENT, path: FileSystem.dirname(path))
        }
        return location
    }

    /// As `locate`, but nil when a folder on the way does not exist (so the file does not either).
    public static func lookUp(_ path: String, followLeaf: Bool, createFolders: mode_t? = nil) throws(RemotesError)
        -> Location?
    {
        var walk = try Walk(path: path, createFolders: createFolders)
        while let name = walk.pending.popLast() {
            switch try walk.step(name, followLeaf: followLeaf) {
            case .found(let location): return location
            case .missingFolder: return nil
            case .walking: continue
            }
        }
        throw .badFile("\(path) is a folder, not a file")
    }

    /// Opens the folder at `path`, creating it and its missing parents with `createWith` when given.
    public static func folder(_ path: String, createWith mode: mode_t?) throws(RemotesError) -> FolderHandle {
        if stack(path).isEmpty { return try FolderHandle.root() }
        let location = try locate(path, followLeaf: true, createFolders: mode)
        return try location.folder.subfolder(location.name, path: location.path, create: mode)
    }

    /// Opens `path` read-only, following only trusted links. Returns -1 with `errno` set when it
    /// cannot be opened (`ENOENT` when it or a folder on the way is missing).
    public static func openForReading(_ path: String) throws(RemotesError) -> Int32 {
        guard let location = try lookUp(ConfigLocations.absolute(path), followLeaf: true) else {
            errno = ENOENT
            return -1
        }
        return openat(location.folder.fd, location.name, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW)
    }

    /// The components of a path, last first (a stack).
    static func stack(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).reversed().map(String.init)
    }

    /// One lookup in progress: the folder reached so far and the components still to walk.
    struct Walk {
        var folder: FolderHandle
        var pending: [String]
        var links = 0
        let createFolders: mode_t?
        let original: String

        init(path: String, createFolders: mode_t?) throws(RemotesError) {
            guard path.hasPrefix("/") else { throw .badFile("\(path) is not an absolute path") }
            folder = try FolderHandle.root()
            pending = PathWalker.stack(path)
            self.createFolders = createFolders
            original = path
        }

        /// What one step found.
        enum Step {
            /// The last component: the file's location (it may not exist).
            case found(Location)
            /// A folder on the way does not exist.
            case missingFolder
            /// More components to walk.
            case walking
        }

        /// Walks one component.
        mutating func step(_ name: String, followLeaf: Bool) throws(RemotesError) -> Step {
            if name == "." { return pending.isEmpty ? .found(Location(folder: folder, name: name)) : .walking }
            if name == ".." {
                folder = try folder.parent()
                return .walking
            }
            let isLast = pending.isEmpty
            let fd = openat(folder.fd, name, clinux_o_path() | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else {
                let code = errno
                if code == ENOENT && isLast { return .found(Location(folder: folder, name: name)) }
                if code == ENOENT, let mode = createFolders {
                    folder = try folder.subfolder(name, path: folder.child(name), create: mode)
                    return .walking
                }
                if code == ENOENT { return .missingFolder }
                throw PathWalker.failure(code, path: folder.child(name))
            }
            var st = stat()
            guard fstat(fd, &st) == 0 else {
                close(fd)
                throw PathWalker.failure(errno, path: folder.child(name))
            }
            switch st.st_mode & S_IFMT {
            case S_IFLNK where followLeaf || !isLast:
                defer { close(fd) }
                try follow(link: fd, owner: st.st_uid, path: folder.child(name))
                return .walking
            case S_IFDIR where !isLast:
                folder = FolderHandle(fd: fd, path: folder.child(name), status: st)
                return .walking
            default:
                close(fd)
                if isLast { return .found(Location(folder: folder, name: name)) }
                throw .badFile("\(original): a part of this path is not a folder")
            }
        }

        /// Follows the link open at `fd` if it is trusted: its target's components are walked next.
        private mutating func follow(link fd: Int32, owner: uid_t, path: String) throws(RemotesError) {
            try SymlinkTrust.check(owner: owner, path: path)
            links += 1
            guard links <= PathWalker.maximumLinks else {
                throw .badFile("\(original): \(FileSystem.errorText(ELOOP))")
            }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlinkat(fd, "", &buffer, buffer.count - 1)
            guard length > 0 else { throw PathWalker.failure(errno, path: path) }
            let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target.hasPrefix("/") { folder = try FolderHandle.root() }
            pending += PathWalker.stack(target)
        }
    }

    /// The error for a failed lookup of `path`.
    static func failure(_ code: Int32, path: String) -> RemotesError {
        switch code {
        case ENOTDIR: return .badFile("\(path): a part of this path is not a folder")
        case ENOENT: return .badFile("\(path): no such file or folder")
        default: return .badFile("could not open \(path): \(FileSystem.errorText(code))")
        }
    }
}

extension FolderHandle {
    /// Opens the folder `name` in this one (no link followed), making it with `create` when it is
    /// missing and a mode is given. A new folder gets `create` by descriptor, whatever the umask.
    func subfolder(_ name: String, path: String, create: mode_t?) throws(RemotesError) -> FolderHandle {
        let existing = openat(fd, name, clinux_o_path() | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if existing >= 0 { return try FolderHandle.adopt(existing, path: path) }
        let code = errno
        guard code == ENOENT, let create else {
            if code == ELOOP || code == ENOTDIR {
                throw .badFile("\(path) is not a folder (or is a symbolic link where a folder is needed)")
            }
            throw PathWalker.failure(code, path: path)
        }
        if mkdirat(fd, name, create) != 0 && errno != EEXIST {
            throw .failed("could not create folder \(path): \(FileSystem.errorText())")
        }
        let made = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard made >= 0 else { throw PathWalker.failure(errno, path: path) }
        _ = fchmod(made, create)  // mkdir applied the umask; the mode asked for is the one wanted
        if let owner = ownerForNewEntries { _ = fchown(made, owner.uid, owner.gid) }
        close(made)
        let reopened = openat(fd, name, clinux_o_path() | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        return try FolderHandle.adopt(reopened, path: path)
    }
}
