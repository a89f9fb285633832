/// A keyserver URL reduced to what makes two entries "the same keyserver" (Apptainer's
/// `SameKeyserver`): scheme and host:port, with `hkp://` read as `http://…:11371` and `hkps://`
/// as `https://`. Paths do not count. Default ports are filled in, so `https://k` and
/// `https://k:443` match.
public struct KeyserverAddress: Sendable, Equatable, Hashable {
    /// `http` or `https`.
    public var scheme: String
    /// Host, lowercased.
    public var host: String
    /// Port, with the scheme's default filled in.
    public var port: Int

    /// Parses a keyserver URL; nil when it is not an http, https, hkp or hkps URL with a host.
    public init?(_ url: String) {
        guard HostName.isPrintableASCII(url), let range = url.range(of: "://") else { return nil }
        let rawScheme = url[..<range.lowerBound].lowercased()
        let rest = url[range.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        var host = Substring(authority)
        var port: Int?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let p = Int(after.dropFirst()) else { return nil }
                port = p
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            guard let p = Int(authority[authority.index(after: colon)...]) else { return nil }
            port = p
        }
        guard HostName.isValid(host) else { return nil }
        if let port, !(1...65535).contains(port) { return nil }
        switch rawScheme {
        case "http":
            scheme = "http"
            self.port = port ?? 80
        case "https":
            scheme = "https"
            self.port = port ?? 443
        case "hkp":
            scheme = "http"
            self.port = port ?? 11371
        case "hkps":
            scheme = "https"
            self.port = port ?? 443
        default: return nil
        }
        self.host = host.lowercased()
    }

    /// The URL requests go to: `hkp://h` becomes `http://h:11371`, `hkps://h` `https://h`, the
    /// path of the original is kept.
    public static func requestURL(_ url: String) -> String? {
        guard let address = KeyserverAddress(url), let range = url.range(of: "://") else { return nil }
        let rest = url[range.upperBound...]
        let path = rest.drop { $0 != "/" && $0 != "?" && $0 != "#" }
        let defaultPort = address.scheme == "https" ? 443 : 80
        let portPart = address.port == defaultPort ? "" : ":\(address.port)"
        return "\(address.scheme)://\(address.host)\(portPart)\(path)"
    }
}
