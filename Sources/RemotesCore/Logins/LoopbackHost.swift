import Glibc

/// Which hosts are "this machine": a registry there may be reached over plain http without
/// `--insecure`, as docker and Apptainer allow. Loopback means an IPv4 address in 127.0.0.0/8,
/// the IPv6 address ::1 (also written `[::1]` or as the IPv4-mapped `::ffff:127.x.y.z`), or the
/// name `localhost`, which is only another spelling of 127.0.0.1: it is never given to the
/// resolver (a hosts file or DNS could send it anywhere), requests to it connect to 127.0.0.1
/// (see `address(ofName:)`). Other names are not resolved either: `myhost` is not loopback even
/// if it resolves to 127.0.1.1, so that what is allowed does not depend on DNS.
public enum LoopbackHost {
    /// The address that `localhost` stands for.
    public static let localhostAddress = "127.0.0.1"

    /// True for the name `localhost` in any case, with or without the final dot.
    public static func isLocalhostName(_ host: String) -> Bool {
        let name = host.lowercased()
        return name == "localhost" || name == "localhost."
    }

    /// Where to connect for `host`: 127.0.0.1 for `localhost`, nil for anything else (an
    /// address, or a name the resolver is asked about as usual).
    public static func address(ofName host: String) -> String? {
        isLocalhostName(host) ? localhostAddress : nil
    }

    /// True when `host` (a host name or address, without port; brackets allowed) is loopback.
    public static func contains(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if isLocalhostName(name) { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, name, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, name, &v6) == 1 {
            let bytes = withUnsafeBytes(of: &v6) { Array($0) }
            if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
            let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
            return mapped && bytes[12] == 127
        }
        return false
    }

    /// The host of `host[:port]` or `[v6]:port`, without the port.
    public static func hostname(ofAuthority authority: String) -> String {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return authority }
            return String(authority[...close])
        }
        if let colon = authority.lastIndex(of: ":"), authority.firstIndex(of: ":") == colon {
            return String(authority[..<colon])
        }
        return authority
    }
}
