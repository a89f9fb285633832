import Glibc

/// Small POSIX helpers: the core reads and writes files with system calls, so that it controls
/// modes, fsync, rename and locks exactly.
public enum FileSystem {
    /// True when something exists at `path` (following symlinks).
    @Sendable public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// The folder part of a path (`/a/b` → `/a`, `b` → `.`).
    public static func dirname(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    public static func basename(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The current working folder.
    public static func currentFolder() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        let length = buffer.firstIndex(of: 0) ?? buffer.count
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The text of errno.
    public static func errorText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    /// Creates `path` and missing parents with `mode` (parents that exist are left alone),
    /// through `PathWalker`: no link another user owns is followed, the mode is set by descriptor.
    public static func makeFolders(_ path: String, mode: mode_t) throws(RemotesError) {
        _ = try PathWalker.folder(ConfigLocations.absolute(path), createWith: mode)
    }

    /// Resolves symlinks in `path` (the file itself may not exist yet).
    public static func resolvedPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// True when `path` itself is a symbolic link.
    public static func isSymlink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    /// The first `maxBytes` bytes of the regular file at `path`; nil when it cannot be read or
    /// is not a regular file.
    public static func readPrefix(_ path: String, maxBytes: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        var buffer = [UInt8](repeating: 0, count: maxBytes)
        var count = 0
        while count < maxBytes {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, maxBytes - count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            count += n
        }
        return Array(buffer[..<count])
    }

    /// Writes all of `bytes` to `fd`, retrying short and interrupted writes; false on an error.
    /// Every raw descriptor write of remotes (files, stdout, stderr, the terminal) goes here.
    @discardableResult
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    /// Reads `fd` to the end, failing beyond `limit` bytes.
    static func readAll(_ fd: Int32, limit: Int) -> [UInt8]? {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            result.append(contentsOf: chunk[0..<n])
            if result.count > limit { return nil }
        }
        return result
    }
}
