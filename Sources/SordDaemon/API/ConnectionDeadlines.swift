import Hummingbird
import NIOHTTPTypes
import NIOCore

/// Closes API connections that hold the server without making progress (issue: slow or idle
/// clients must never use up the daemon's connections and descriptors):
/// - from accept to a complete request head (TLS handshake included): `header` seconds;
/// - from a request head to the end of its body: `body` seconds (a body trickled a byte at a time
///   is cut off);
/// - from a response's end to the next request head on the same connection: `idle` seconds.
/// While the server works on a request nothing is timed. Sits after HTTP decoding in each
/// connection's pipeline.
final class ConnectionDeadlines: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// The three limits.
    struct Limits: Sendable {
        let header: TimeAmount
        let body: TimeAmount
        let idle: TimeAmount
    }

    private let limits: Limits
    private var deadline: Scheduled<Void>?

    init(_ limits: Limits) {
        self.limits = limits
    }

    func handlerAdded(context: ChannelHandlerContext) {
        arm(limits.header, context: context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: arm(limits.body, context: context)
        case .end:
            deadline?.cancel()
            deadline = nil
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { arm(limits.idle, context: context) }
        context.write(data, promise: promise)
    }

    private func arm(_ limit: TimeAmount, context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: limit) {
            context.close(promise: nil)
        }
    }
}
