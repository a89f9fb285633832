import RemotesCore

/// The host of a URL or authority, in the one spelling that decisions compare: lowercased,
/// without user info, port, IPv6 brackets or a final dot (`HTTPS://User@Example.COM.:443/x` →
/// `example.com`, `http://[::1]:80` → `::1`). Names are compared as written, never resolved:
/// `localhost` and `127.0.0.1` are two hosts here.
enum URLHost {
    /// The host of `url` (`scheme://authority/...`); "" when it has none.
    static func name(of url: String) -> String {
        var rest = Substring(url)
        if let range = rest.range(of: "://") { rest = rest[range.upperBound...] }
        return name(ofAuthority: rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
    }

    /// `url` with a `localhost` written otherwise (`LOCALHOST`, `localhost.`) spelled `localhost`,
    /// the one spelling `HTTPFetcher` maps to 127.0.0.1.
    static func withCanonicalLocalhost(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let authority = url[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostStart = authority.lastIndex(of: "@").map { authority.index(after: $0) } ?? authority.startIndex
        let host = authority[hostStart...].prefix { $0 != ":" }
        guard host != "localhost", LoopbackHost.isLocalhostName(String(host)) else { return url }
        return String(url[..<host.startIndex]) + "localhost" + url[host.endIndex...]
    }

    /// The host of `authority` (`[user@]host[:port]`).
    static func name<S: StringProtocol>(ofAuthority authority: S) -> String {
        var host = Substring(authority)
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if host.hasPrefix("[") {
            let close = host.firstIndex(of: "]") ?? host.endIndex
            host = host[host.index(after: host.startIndex)..<close]
        } else if let colon = host.firstIndex(of: ":") {
            host = host[..<colon]
        }
        if host.hasSuffix("."), host.count > 1 { host = host.dropLast() }
        return host.lowercased()
    }
}
