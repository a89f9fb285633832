import Glibc

/// Identity of a file's content as read: if any of these differ, someone changed the file.
public struct FileFingerprint: Sendable, Equatable, Hashable {
    /// Device and inode (a rename over the file changes the inode).
    public var device: UInt64
    /// Inode.
    public var inode: UInt64
    /// Size in bytes.
    public var size: Int64
    /// Modification time in nanoseconds.
    public var modified: Int64
    /// The fingerprint of a file that does not exist.
    public static let missing = FileFingerprint(device: 0, inode: 0, size: -1, modified: 0)

    /// Makes a fingerprint from explicit values.
    public init(device: UInt64, inode: UInt64, size: Int64, modified: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
    }

    /// The fingerprint of a file's status.
    init(_ st: stat) {
        self.init(
            device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
            modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
    }

    /// True when `st` is the same file (device and inode; content may differ).
    func isSameFile(as st: stat) -> Bool {
        device == UInt64(st.st_dev) && inode == UInt64(st.st_ino)
    }
}

/// A text file as read from disk, with what a later atomic write must keep (mode, owner).
public struct FileSnapshot: Sendable, Equatable {
    /// The path as given.
    public var path: String
    /// Whether the file exists.
    public var exists: Bool
    /// Its bytes (empty when missing).
    public var bytes: [UInt8]
    /// Its fingerprint.
    public var fingerprint: FileFingerprint
    /// Permission bits.
    public var mode: mode_t
    /// Owner.
    public var owner: uid_t
    /// Group.
    public var group: gid_t

    /// The largest file we read (16 MiB): anything bigger is refused, never overwritten.
    public static let sizeLimit = 16 << 20

    /// The content as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Reads `path`. A missing file gives an empty snapshot with `exists == false`. A file that
    /// is not a regular file, is over the size limit, is unreadable or is not UTF-8 throws a
    /// `badFile` error naming it, as does a path through a link `SymlinkTrust` refuses. With
    /// `refuseSymlink`, a symbolic link in the last place is refused too.
    public static func read(_ path: String, refuseSymlink: Bool = false) throws(RemotesError) -> FileSnapshot {
        let absolute = ConfigLocations.absolute(path)
        for _ in 0..<3 {
            guard let location = try PathWalker.lookUp(absolute, followLeaf: !refuseSymlink) else {
                return missing(path)
            }
            let fd = openat(
                location.folder.fd, location.name, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | O_NOFOLLOW)
            if fd < 0 {
                let code = errno
                if code == ELOOP && refuseSymlink {
                    throw .badFile("\(path) is a symbolic link, which \(Flavor.singularity.command) refuses to open")
                }
                if code == ELOOP { continue }  // it became a link after the lookup: look it up again
                if code == ENOENT { return missing(path) }
                if code == ENOTDIR { throw .badFile("\(path): a part of this path is not a folder") }
                throw .badFile("could not read \(path): \(FileSystem.errorText(code))")
            }
            defer { close(fd) }
            return try read(fd, path: path, folder: location.folder)
        }
        throw .badFile("\(path) keeps changing between a file and a symbolic link: refusing to use it")
    }

    private static func missing(_ path: String) -> FileSnapshot {
        FileSnapshot(path: path, exists: false, bytes: [], fingerprint: .missing, mode: 0, owner: 0, group: 0)
    }

    /// Reads the open file `fd` found in `folder`.
    private static func read(_ fd: Int32, path: String, folder: FolderHandle) throws(RemotesError) -> FileSnapshot {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .badFile("could not read \(path): \(FileSystem.errorText())") }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            let what = (st.st_mode & S_IFMT) == S_IFDIR ? "a folder" : "not a regular file"
            throw .badFile("\(path) is \(what): refusing to use it")
        }
        try refuseForeignHardLink(st, path: path, folder: folder)
        guard st.st_size <= Int64(sizeLimit) else {
            throw .badFile("\(path) is \(st.st_size) bytes, over the limit of \(sizeLimit) bytes: refusing to use it")
        }
        guard let bytes = FileSystem.readAll(fd, limit: sizeLimit) else {
            throw .badFile("could not read \(path): \(FileSystem.errorText())")
        }
        if let bad = firstInvalidUTF8(bytes) {
            throw .badFile("\(path): byte \(bad) is not valid UTF-8 text: refusing to use it")
        }
        return FileSnapshot(
            path: path, exists: true, bytes: bytes, fingerprint: FileFingerprint(st), mode: st.st_mode & 0o7777,
            owner: st.st_uid, group: st.st_gid)
    }

    /// Root refuses a file with other hard links in a folder another user owns, unless that user
    /// owns the file: the name may be a link to a file of root's that the folder's owner made
    /// (where `fs.protected_hardlinks` is off), and which of the names is the real one is unknowable.
    private static func refuseForeignHardLink(_ st: stat, path: String, folder: FolderHandle) throws(RemotesError) {
        guard geteuid() == 0, st.st_nlink > 1, folder.owner != 0, st.st_uid != folder.owner else { return }
        throw .badFile(
            "\(path) has \(st.st_nlink) hard links and is owned by \(UserName.describe(st.st_uid)) in a folder "
                + "owned by \(UserName.describe(folder.owner)): refusing to use it as root")
    }

    /// The current fingerprint of `path` without reading it.
    public static func fingerprint(_ path: String) -> FileFingerprint {
        var st = stat()
        guard stat(path, &st) == 0 else { return .missing }
        return FileFingerprint(st)
    }

    /// Offset of the first byte that breaks UTF-8 (or is NUL), nil when the text is clean.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0 { return i }
                i += 1
                continue
            }
            let width: Int
            if b & 0xE0 == 0xC0, b >= 0xC2 {
                width = 2
            } else if b & 0xF0 == 0xE0 {
                width = 3
            } else if b & 0xF8 == 0xF0, b <= 0xF4 {
                width = 4
            } else {
                return i
            }
            guard i + width <= n else { return i }
            for k in 1..<width where bytes[i + k] & 0xC0 != 0x80 { return i }
            if width == 3 {
                let b1 = bytes[i + 1]
                if (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0) { return i }
            } else if width == 4 {
                let b1 = bytes[i + 1]
                if (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 >= 0x90) { return i }
            }
            i += width
        }
        return nil
    }
}
