import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// A tiny one-request HTTP/1.1 client (SwiftNIO) that peers use to wait for readiness and that
/// tests without AsyncHTTPClient may use. One connection per request, `Connection: close`.
public enum HTTPProbe {
    /// A complete response.
    public struct Response: Sendable {
        /// The status code.
        public let status: Int
        /// The header fields.
        public let headers: [(name: String, value: String)]
        /// The body bytes.
        public let body: [UInt8]

        /// The body decoded as UTF-8.
        public var text: String { String(decoding: body, as: UTF8.self) }

        /// The first value of header `name` (case-insensitive), or nil.
        public func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    /// Why a probe failed.
    public enum ProbeError: Error {
        /// The URL is not `http(s)://host:port/...`.
        case badURL(String)
        /// No complete response within the timeout.
        case timedOut
        /// The connection closed before a complete response.
        case incompleteResponse
    }

    /// Sends one request to `url` and returns the whole response.
    ///
    /// For https, the server certificate is checked against `caCertificate` (a PEM file) when
    /// given, and not checked at all when nil.
    public static func fetch(
        _ url: String,
        method: String = "GET",
        headers: [(String, String)] = [],
        body: [UInt8] = [],
        caCertificate: String? = nil,
        timeout: Duration = SanitizerSlack.scaled(.seconds(5))
    ) async throws -> Response {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host
        else { throw ProbeError.badURL(url) }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        var target = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { target += "?" + query }

        let sslContext = scheme == "https" ? try makeSSLContext(caCertificate: caCertificate) : nil
        let group = MultiThreadedEventLoopGroup.singleton
        let promise = group.next().makePromise(of: Response.self)
        let isIPAddress = host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" }
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(timeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let sslContext {
                        let handler = try NIOSSLClientHandler(
                            context: sslContext, serverHostname: isIPAddress ? nil : host)
                        try channel.pipeline.syncOperations.addHandler(handler)
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(ResponseCollector(promise: promise))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: host, port: port).get()
        } catch {
            promise.fail(error)
            throw error
        }
        let timer = channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            promise.fail(ProbeError.timedOut)
            channel.close(promise: nil)
        }
        defer { timer.cancel() }

        send(method, target: target, headers: headers, body: body, host: host, port: components.port, on: channel)
        return try await promise.futureResult.get()
    }

    /// Writes the request: `Host` (unless given), `Connection: close`, and the body's length.
    private static func send(
        _ method: String, target: String, headers: [(String, String)], body: [UInt8], host: String, port: Int?,
        on channel: any Channel
    ) {
        var fields = HTTPHeaders(headers)
        if !fields.contains(name: "Host") { fields.add(name: "Host", value: port.map { "\(host):\($0)" } ?? host) }
        fields.replaceOrAdd(name: "Connection", value: "close")
        if !body.isEmpty || method == "POST" || method == "PUT" {
            fields.replaceOrAdd(name: "Content-Length", value: String(body.count))
        }
        let head = HTTPRequestHead(
            version: .http1_1, method: HTTPMethod(rawValue: method), uri: target, headers: fields)
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        if !body.isEmpty {
            channel.write(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(bytes: body))), promise: nil)
        }
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
    }

    private static func makeSSLContext(caCertificate: String?) throws -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caCertificate {
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caCertificate))
        } else {
            tls.certificateVerification = .none
        }
        return try NIOSSLContext(configuration: tls)
    }

    /// Polls `url` until any HTTP response arrives (any status), or throws after `timeout`
    /// (stretched by `SanitizerSlack`).
    public static func waitUntilAnswering(
        _ url: String,
        caCertificate: String? = nil,
        timeout: Duration = .seconds(10),
        whileRunning process: RunningProcess? = nil
    ) async throws -> Response {
        let deadline = ContinuousClock.now + SanitizerSlack.scaled(timeout)
        var lastError: any Error = ProbeError.timedOut
        while ContinuousClock.now < deadline {
            if let process, let exit = process.exitStatus {
                throw PeerError.notReady(peer: url, detail: "process ended (\(exit)): \(process.standardError)")
            }
            do {
                return try await fetch(url, caCertificate: caCertificate, timeout: SanitizerSlack.scaled(.seconds(1)))
            } catch {
                lastError = error
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw PeerError.notReady(peer: url, detail: "\(lastError)")
    }
}

/// Collects one HTTP response and completes the promise; closes the channel afterwards.
private final class ResponseCollector: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart

    private let promise: EventLoopPromise<HTTPProbe.Response>
    private var head: HTTPResponseHead?
    private var body: [UInt8] = []

    init(promise: EventLoopPromise<HTTPProbe.Response>) {
        self.promise = promise
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
        case .body(let buffer):
            body.append(contentsOf: buffer.readableBytesView)
        case .end:
            if let head {
                let headers = head.headers.map { (name: $0.name, value: $0.value) }
                promise.succeed(HTTPProbe.Response(status: Int(head.status.code), headers: headers, body: body))
            }
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(HTTPProbe.ProbeError.incompleteResponse)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise.fail(error)
        context.close(promise: nil)
    }
}
