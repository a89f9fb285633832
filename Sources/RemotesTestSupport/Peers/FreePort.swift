import Foundation

/// Finds free TCP ports on 127.0.0.1 for peers that cannot bind port 0 and report it.
public enum FreePort {
    /// A port that was free a moment ago (bind port 0, read it, close). Another process may take
    /// it before the peer binds it, so peers retry on a bind failure.
    public static func next() throws -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw PeerError.setupFailed(step: "socket()", output: "errno \(errno)") }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, length) }
        }
        guard bound == 0 else { throw PeerError.setupFailed(step: "bind()", output: "errno \(errno)") }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        guard named == 0 else { throw PeerError.setupFailed(step: "getsockname()", output: "errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
