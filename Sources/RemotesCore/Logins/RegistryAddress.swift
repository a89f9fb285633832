/// The registry of a `docker://HOST[:PORT]` or `oras://HOST[:PORT]` login: where its API is and
/// under which key its login is kept in a docker config file.
public struct RegistryAddress: Sendable, Equatable, Hashable {
    /// `docker` or `oras` (both log in the same way).
    public var scheme: String
    /// `host[:port]`, lowercased (`[v6]:port` for IPv6).
    public var authority: String

    /// The key under which docker keeps Docker Hub logins.
    public static let dockerHubServerKey = "https://index.docker.io/v1/"

    /// The host that serves Docker Hub's registry API.
    public static let dockerHubAPIHost = "registry-1.docker.io"

    /// The schemes that name a registry.
    public static let schemes: Set<String> = ["docker", "oras"]

    /// Parses a registry URI. A trailing `/` is accepted; anything else after the authority
    /// (a repository path, a query, user info) is refused with go-containerregistry's message, as
    /// Apptainer refuses it.
    public init(parsing uri: String) throws(RemotesError) {
        guard let range = uri.range(of: "://") else {
            throw .usage("\(uri.prefix { $0 != ":" && $0 != "/" }) transport is not supported")
        }
        let scheme = uri[..<range.lowerBound].lowercased()
        guard RegistryAddress.schemes.contains(scheme) else { throw .usage("\(scheme) transport is not supported") }
        var rest = Substring(uri[range.upperBound...])
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard RegistryAddress.isAuthority(rest) else {
            throw .usage("registries must be valid RFC 3986 URI authorities: \(rest)")
        }
        self.scheme = scheme
        authority = rest.lowercased()
    }

    /// `scheme://authority`: the URI a login is recorded under in remote.yaml.
    public var uri: String { "\(scheme)://\(authority)" }

    /// The host without port.
    public var hostname: String { LoopbackHost.hostname(ofAuthority: authority) }

    /// True for Docker Hub (`docker.io`, `index.docker.io`, `registry-1.docker.io`).
    public var isDockerHub: Bool { LoginAddress.dockerHubAliases.contains(authority) }

    /// The key of the login in a docker config's `auths` (and for a credential helper):
    /// `host[:port]` as docker and skopeo look it up, `https://index.docker.io/v1/` for Docker Hub.
    public var serverKey: String { isDockerHub ? RegistryAddress.dockerHubServerKey : authority }

    /// Other keys that docker has used for the same registry (`http://host`, `https://host`, the
    /// Docker Hub spellings): logout removes these too.
    public var legacyServerKeys: [String] {
        var keys = [
            "https://\(authority)", "http://\(authority)", "https://\(authority)/v1/", "http://\(authority)/v1/",
        ]
        if isDockerHub {
            for alias in LoginAddress.dockerHubAliases.sorted() {
                keys += [alias, "https://\(alias)", "https://\(alias)/v1/"]
            }
        }
        var seen: Set<String> = [serverKey]
        return keys.filter { seen.insert($0).inserted }
    }

    /// The `host[:port]` where the registry API (`/v2/`) is.
    public var apiAuthority: String { isDockerHub ? RegistryAddress.dockerHubAPIHost : authority }

    /// The host of `apiAuthority`, the one host that `--insecure` covers.
    public var apiHostname: String { LoopbackHost.hostname(ofAuthority: apiAuthority) }

    /// True when the registry is on this machine (see `LoopbackHost`).
    public var isLoopback: Bool { LoopbackHost.contains(hostname) }

    /// True for `host`, `host:port` or `[v6]:port`, with a host of letters, digits, `-`, `.`
    /// and `_`, or an IPv6 literal in brackets, and a port of 1 to 65535.
    static func isAuthority(_ text: Substring) -> Bool {
        var host = text
        var port: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return false }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return false }
                port = after.dropFirst()
            }
            guard !host.isEmpty, host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return false }
        } else {
            if let colon = text.firstIndex(of: ":") {
                host = text[..<colon]
                port = text[text.index(after: colon)...]
            }
            guard !host.isEmpty, !host.hasPrefix("-"), !host.hasPrefix("."),
                host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_") })
            else { return false }
        }
        if let port {
            guard !port.isEmpty, port.count <= 5, port.allSatisfy({ $0.isASCII && $0.isNumber }),
                let number = Int(port), (1...65535).contains(number)
            else { return false }
        }
        return true
    }
}
