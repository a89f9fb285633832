import Glibc

/// The rules for an endpoint access token as the user hands it over, before it is verified
/// with the endpoint: Apptainer's token-file checks (`--tokenfile`: the first line, 200 to
/// 4096 bytes), and the checks every token gets (not empty, not over 4096 bytes, no control
/// characters, since it travels in an HTTP header and in remote.yaml). Error texts never
/// contain the token.
public enum AccessToken {
    /// The shortest token a token file may hold (a JWT signed with a 2048-bit RSA key is longer).
    public static let minimumFileTokenLength = 200
    /// The longest token accepted from any source.
    public static let maximumLength = 4096

    /// The token in the first line of `path`, as Apptainer's `auth.ReadToken` reads it (a
    /// trailing carriage return is dropped as well). Errors are Apptainer's, prefixed with
    /// `while reading tokenfile: `.
    public static func readFile(_ path: String) throws(RemotesError) -> String {
        let prefix = "while reading tokenfile: "
        let fd: Int32
        do {
            fd = try PathWalker.openForReading(path)
        } catch {
            throw RemotesError(error.category, prefix + error.message)
        }
        if fd < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .usage(prefix + "authentication token file not found") }
            throw .badFile(prefix + "couldn't read your Sylabs authentication token: \(FileSystem.errorText(code))")
        }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            throw .badFile(prefix + "couldn't read your Sylabs authentication token: \(path) is a folder")
        }
        // The first line decides; reading one byte past the limit is enough to tell it is too long.
        var line: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        reading: while line.count <= maximumLength + 1 {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .badFile(prefix + "couldn't read your Sylabs authentication token: \(FileSystem.errorText())")
            }
            if n == 0 { break }
            for byte in chunk[0..<n] {
                if byte == 10 { break reading }
                line.append(byte)
            }
        }
        if line.last == 13 { line.removeLast() }
        if line.count < minimumFileTokenLength { throw .usage(prefix + "token is too short to be valid") }
        if line.count > maximumLength { throw .usage(prefix + "token is too large to be valid") }
        return try validate(String(decoding: line, as: UTF8.self), source: "the token file")
    }

    /// Checks a token from standard input or a prompt: not empty, at most 4096 bytes, no
    /// control characters or spaces. Returns it unchanged. `source` names where it came from,
    /// for the message.
    public static func validate(_ token: String, source: String) throws(RemotesError) -> String {
        guard !token.isEmpty else { throw .usage("\(source) holds no token") }
        guard token.utf8.count <= maximumLength else {
            throw .usage("the token in \(source) is too large to be valid (over \(maximumLength) bytes)")
        }
        guard !token.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            throw .usage("the token in \(source) contains spaces or control characters, which a token cannot have")
        }
        return token
    }
}
