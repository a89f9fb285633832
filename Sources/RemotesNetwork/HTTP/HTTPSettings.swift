import Logging
import RemotesCore

/// How every request is made: timeouts, size cap, extra trusted CAs, user agent.
public struct HTTPSettings: Sendable {
    /// Time allowed to open a connection (TCP and TLS). Default 5 s.
    public var connectTimeout: Duration
    /// Time allowed for a whole request, from connecting to the last byte of the body,
    /// redirects included. Default 10 s.
    public var totalTimeout: Duration
    /// The largest response body read; larger answers are an error. Default 4 MiB.
    public var maxResponseBytes: Int
    /// An extra PEM bundle of trusted CAs, on top of the system's (`--ca-file` or
    /// `SSL_CERT_FILE`).
    public var extraCAFile: String?
    /// `User-Agent` header value.
    public var userAgent: String
    /// Connections opened at most to one host at the same time. High, so that checking many
    /// services of endpoints on one host (`status --all`) runs in parallel. Default 256.
    public var maxConnectionsPerHost: Int
    /// Where each request is logged at `debug` level (method, URL, status, time; never a
    /// header or body). Silent by default; `--verbose` sends it to stderr.
    public var logger = Logger(label: "remotes.http", factory: { _ in SwiftLogNoOpLogHandler() })

    /// The documented defaults.
    public init(
        connectTimeout: Duration = .seconds(5), totalTimeout: Duration = .seconds(10),
        maxResponseBytes: Int = 4 << 20, extraCAFile: String? = nil,
        userAgent: String = "remotes/\(RemotesVersion.current)", maxConnectionsPerHost: Int = 256
    ) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxResponseBytes = maxResponseBytes
        self.extraCAFile = extraCAFile
        self.userAgent = userAgent
        self.maxConnectionsPerHost = maxConnectionsPerHost
    }

    /// Seconds of a duration, for messages ("10 s", "0.5 s").
    static func describe(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        if seconds == seconds.rounded() { return "\(Int(seconds)) s" }
        return "\(seconds) s"
    }
}
