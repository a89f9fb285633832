import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import RemotesCore

/// Finds out why a server's certificate failed verification, which BoringSSL does not say: it
/// connects once more without verification, reads the server's certificate and checks its
/// validity dates. Used only after a failure, to tell "expired" from "not trusted".
enum CertificateDiagnosis {
    /// Why the certificate of `host:port` is not acceptable by its dates ("has expired", "is
    /// not valid yet"), or nil when its dates are fine or it cannot be read within `timeout`.
    static func dateProblem(host: String, port: Int, timeout: Duration) async -> String? {
        guard let certificate = await peerCertificate(host: host, port: port, timeout: timeout) else { return nil }
        let now = time(nil)
        if certificate.notValidAfter < now {
            return "the server's certificate has expired (it was valid until \(format(certificate.notValidAfter)))"
        }
        if certificate.notValidBefore > now {
            return "the server's certificate is not valid yet (it is valid from \(format(certificate.notValidBefore)))"
        }
        return nil
    }

    /// `host` and `port` of an https URL (port 443 when none).
    static func endpoint(of url: String) -> (host: String, port: Int)? {
        guard url.lowercased().hasPrefix("https://") else { return nil }
        let authority = HTTPFetcher.hostPart(url)
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            let host = String(authority[authority.index(after: authority.startIndex)..<close])
            let rest = authority[authority.index(after: close)...]
            return (host, rest.hasPrefix(":") ? Int(rest.dropFirst()) ?? 443 : 443)
        }
        if let colon = authority.lastIndex(of: ":") {
            return (String(authority[..<colon]), Int(authority[authority.index(after: colon)...]) ?? 443)
        }
        return (authority, 443)
    }

    private static func peerCertificate(host: String, port: Int, timeout: Duration) async -> NIOSSLCertificate? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .none
        guard let context = try? NIOSSLContext(configuration: configuration) else { return nil }
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let promise = loop.makePromise(of: NIOSSLCertificate?.self)
        let isAddress = host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(TimeAmount(timeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let operations = channel.pipeline.syncOperations
                    try operations.addHandler(
                        NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : host))
                    try operations.addHandler(HandshakeWatcher(promise: promise))
                }
            }
        let deadline = loop.scheduleTask(in: TimeAmount(timeout)) { promise.succeed(nil) }
        defer { deadline.cancel() }
        let address = LoopbackHost.address(ofName: host) ?? host
        guard let channel = try? await bootstrap.connect(host: address, port: port).get() else {
            promise.succeed(nil)
            return nil
        }
        let certificate = try? await promise.futureResult.get()
        try? await channel.close()
        return certificate
    }

    private static func format(_ time: time_t) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(time)))
    }
}

/// Completes `promise` with the peer's certificate once the TLS handshake is done (NIOSSL
/// reports it with a user event), or with nil on an error or when the connection closes.
private final class HandshakeWatcher: ChannelInboundHandler, Sendable {
    typealias InboundIn = NIOAny

    let promise: EventLoopPromise<NIOSSLCertificate?>

    init(promise: EventLoopPromise<NIOSSLCertificate?>) {
        self.promise = promise
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let certificate = try? context.pipeline.syncOperations.nioSSL_peerCertificate() {
            promise.succeed(certificate)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise.succeed(nil)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.succeed(nil)
        context.fireChannelInactive()
    }
}
