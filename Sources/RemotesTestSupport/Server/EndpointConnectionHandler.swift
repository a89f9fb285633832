import Foundation
import NIOCore
import NIOHTTP1

/// Serves one connection of an `EndpointTestServer`: logs each request, asks the router what to
/// do and does it (delays, trickling, streaming, silence, closing) on the channel's event loop.
final class EndpointConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Bytes written per streamed piece of a huge body.
    private static let fillerChunkSize = 64 * 1024

    private let server: EndpointTestServer
    private let connection: Int
    private let overTLS: Bool
    private var head: HTTPRequestHead?
    private var record: RecordedRequest?
    private var streamRemaining = 0
    private var streamFinish: (() -> Void)?
    private var filler: ByteBuffer?

    init(server: EndpointTestServer, connection: Int, overTLS: Bool) {
        self.server = server
        self.connection = connection
        self.overTLS = overTLS
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            let record = RecordedRequest(
                method: head.method.rawValue,
                target: head.uri,
                headers: head.headers.map { (name: $0.name, value: $0.value) },
                arrival: Date(),
                connection: connection,
                overTLS: overTLS
            )
            self.head = head
            self.record = record
            server.log(record)
        case .body:
            break
        case .end:
            guard let head, let record else { return }
            execute(server.action(for: record), head: head, context: context)
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            pump(context: context)
        }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        streamFinish = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func execute(_ action: EndpointAction, head: HTTPRequestHead, context: ChannelHandlerContext) {
        switch action {
        case .neverAnswer:
            return
        case .close:
            context.close(promise: nil)
        case .respond(let response):
            if response.headerDelay > .zero {
                context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(response.headerDelay)) {
                    self.write(response, head: head, context: context)
                }
            } else {
                write(response, head: head, context: context)
            }
        }
    }

    private func write(_ response: PlannedResponse, head: HTTPRequestHead, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        let keepAlive = head.isKeepAlive
        var headers = HTTPHeaders(response.headers)
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        headers.replaceOrAdd(name: "Server", value: "remotes-test-server")
        if !keepAlive {
            headers.replaceOrAdd(name: "Connection", value: "close")
        } else if head.version.minor == 0 {
            headers.replaceOrAdd(name: "Connection", value: "keep-alive")
        }
        let status = HTTPResponseStatus(statusCode: response.status)
        let responseHead = HTTPResponseHead(version: head.version, status: status, headers: headers)
        context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
        let finish = { self.finish(keepAlive: keepAlive, context: context) }
        switch response.body {
        case .bytes(let bytes):
            if let interval = response.trickleInterval {
                context.flush()
                trickle(bytes[...], interval: interval, chunkSize: response.chunkSize, context: context, then: finish)
            } else {
                if !bytes.isEmpty {
                    context.write(
                        wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: bytes)))),
                        promise: nil)
                }
                finish()
            }
        case .filler(let count):
            streamRemaining = count
            streamFinish = finish
            pump(context: context)
        }
    }

    private func trickle(
        _ remaining: ArraySlice<UInt8>,
        interval: Duration,
        chunkSize: Int,
        context: ChannelHandlerContext,
        then finish: @escaping () -> Void
    ) {
        guard context.channel.isActive else { return }
        guard !remaining.isEmpty else {
            finish()
            return
        }
        let piece = remaining.prefix(chunkSize)
        context.writeAndFlush(
            wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: piece)))), promise: nil)
        let rest = remaining.dropFirst(piece.count)
        guard !rest.isEmpty else {
            finish()
            return
        }
        context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(interval)) {
            self.trickle(rest, interval: interval, chunkSize: chunkSize, context: context, then: finish)
        }
    }

    /// Writes filler pieces while the channel takes them; resumes on writability changes.
    private func pump(context: ChannelHandlerContext) {
        guard let finish = streamFinish, context.channel.isActive else { return }
        let chunk =
            filler ?? context.channel.allocator.buffer(repeating: UInt8(ascii: "x"), count: Self.fillerChunkSize)
        filler = chunk
        while streamRemaining > 0 && context.channel.isWritable {
            let length = min(streamRemaining, chunk.readableBytes)
            let piece = chunk.getSlice(at: chunk.readerIndex, length: length)!
            context.write(wrapOutboundOut(.body(.byteBuffer(piece))), promise: nil)
            streamRemaining -= length
        }
        context.flush()
        if streamRemaining == 0 {
            streamFinish = nil
            finish()
        }
    }

    private func finish(keepAlive: Bool, context: ChannelHandlerContext) {
        head = nil
        record = nil
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            written.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }
}
