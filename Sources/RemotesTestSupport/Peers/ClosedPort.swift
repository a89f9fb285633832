import Glibc

/// A loopback port on which every connection is refused for as long as this value lives: a
/// socket bound to it that never listens. Unlike a port that was free a moment ago
/// (`FreePort`), no server that another test starts meanwhile can take it (a full parallel run
/// once had a test server answer on the "unreachable" port).
public final class ClosedPort: Sendable {
    /// The port number.
    public let port: Int
    private let socketFD: Int32

    /// Binds a new socket on 127.0.0.1 to a port the kernel chooses, without listening.
    public init() throws {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socketFD >= 0 else { throw PeerError.setupFailed(step: "socket()", output: "errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, length) }
        }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        guard bound == 0, named == 0 else {
            let failure = errno
            close(socketFD)
            throw PeerError.setupFailed(step: "bind()", output: "errno \(failure)")
        }
        self.socketFD = socketFD
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(socketFD) }

    /// Runs `body` with a closed port that stays closed until it returns.
    public static func with<T>(_ body: (Int) async throws -> T) async throws -> T {
        let closed = try ClosedPort()
        defer { withExtendedLifetime(closed) {} }
        return try await body(closed.port)
    }
}
