/// The URI of a remote endpoint, normalised the way `remote add` stores it.
///
/// Apptainer stores `host[/path]` without a scheme. A URI with a port is stored with its scheme
/// (`https://host:8443`), because Apptainer misreads a bare `host:port`; both programs read
/// that form correctly. See docs/design.md, "URIs with a port".
public struct EndpointURI: Sendable, Equatable {
    /// The text stored in the `URI` key.
    public var stored: String
    /// Whether the remote is insecure (http for discovery).
    public var insecure: Bool
    /// Notes to show the user (for example that `--insecure` was ignored).
    public var notes: [String]

    /// Normalises what the user typed for `remote add`. `insecure` is the `--insecure` flag.
    public static func normalize(_ input: String, insecure: Bool) throws(RemotesError) -> EndpointURI {
        let text = input.trimmingSpaces
        guard !text.isEmpty else { throw .usage("invalid URI: cannot have empty URI") }
        guard !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            throw .usage("invalid URI \(quoted(input)): spaces and control characters are not allowed")
        }
        guard HostName.isPrintableASCII(text) else {
            throw .usage(
                "invalid URI \(quoted(input)): only ASCII characters are allowed (write an international host name in its xn-- form)"
            )
        }
        var rest = Substring(text)
        var scheme: String?
        if let range = rest.range(of: "://") {
            scheme = rest[..<range.lowerBound].lowercased()
            rest = rest[range.upperBound...]
        }
        var isInsecure = insecure
        var notes: [String] = []
        switch scheme {
        case "https":
            if insecure { notes.append("--insecure ignored for https remote") }
            isInsecure = false
        case "http":
            guard insecure else { throw .usage("http URI requires --insecure or APPTAINER_ADD_INSECURE=true") }
        case nil:
            break
        case let other?:
            throw .usage(
                "invalid URI \(quoted(input)): unsupported scheme \"\(other)\" (use https://HOST[:PORT][/PATH], or http:// with --insecure)"
            )
        }
        if let bad = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            throw .usage(
                "invalid URI \(quoted(input)): a remote URI cannot have a query or fragment (\"\(rest[bad...])\")")
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<slash]
        let path = cleanPath(rest[slash...])
        let (host, port) = try hostAndPort(authority, input: input)
        var stored = host
        if let port {
            stored = (isInsecure ? "http://" : "https://") + host + ":" + String(port)
        }
        if !path.isEmpty { stored += "/" + path }
        return EndpointURI(stored: stored, insecure: isInsecure, notes: notes)
    }

    /// The base URL of an endpoint for requests: the stored URI with `http` or `https`
    /// according to `insecure`, as Apptainer's `GetURL` makes it.
    public static func baseURL(stored: String, insecure: Bool) -> String {
        var rest = Substring(stored)
        if let range = rest.range(of: "://") { rest = rest[range.upperBound...] }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        return (insecure ? "http://" : "https://") + rest
    }

    /// `host[:port]` of a stored URI, for display and matching.
    public static func hostPart(stored: String) -> String {
        var rest = Substring(stored)
        if let range = rest.range(of: "://") { rest = rest[range.upperBound...] }
        return String(rest.prefix { $0 != "/" })
    }

    private static func quoted(_ s: String) -> String { "\"\(s)\"" }

    /// `path.Clean` without the leading slash: empty and `.` segments go, `..` pops.
    private static func cleanPath(_ path: Substring) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                if !segments.isEmpty { segments.removeLast() }
                continue
            }
            segments.append(segment)
        }
        return segments.joined(separator: "/")
    }

    private static func hostAndPort(_ authority: Substring, input: String) throws(RemotesError) -> (String, Int?) {
        guard !authority.isEmpty else { throw .usage("invalid URI \(quoted(input)): no host name") }
        guard !authority.contains("@") else {
            throw .usage("invalid URI \(quoted(input)): user names and passwords do not belong in a remote URI")
        }
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw .usage("invalid URI \(quoted(input)): unclosed \"[\" in the host")
            }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else {
                    throw .usage("invalid URI \(quoted(input)): bad host \"\(authority)\"")
                }
                portText = after.dropFirst()
            }
            guard HostName.isValid(host) else {
                throw .usage("invalid URI \(quoted(input)): bad IPv6 address \"\(host)\"")
            }
        } else {
            if let colon = authority.lastIndex(of: ":") {
                host = authority[..<colon]
                portText = authority[authority.index(after: colon)...]
            } else {
                host = authority
            }
            guard !host.isEmpty else { throw .usage("invalid URI \(quoted(input)): no host name") }
            guard HostName.isValid(host) else {
                throw .usage("invalid URI \(quoted(input)): \"\(host)\" is not a valid host name")
            }
        }
        var port: Int?
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value), portText.allSatisfy(\.isASCII) else {
                throw .usage("invalid URI \(quoted(input)): port \"\(portText)\" is not a number from 1 to 65535")
            }
            port = value
        }
        return (host.lowercased(), port)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
