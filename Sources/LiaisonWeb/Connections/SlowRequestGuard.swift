import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request stops coming at a useful pace. The idle timeout closes a
/// connection that sends nothing for a while, but a body sent a byte every few seconds is never
/// idle: once a request's head is read, its body must arrive at `minimumRate` bytes a second on
/// average, counted after a grace of `grace` (the idle timeout), until its end. A slow but real
/// upload (a workbook over a poor link) is far faster than that.
final class SlowRequestGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    /// The least pace of a request body, in bytes a second: 1 kB.
    static let defaultMinimumRate = 1_024

    let grace: TimeAmount
    let minimumRate: Int
    /// When the request being read started (its head), and how much of its body has come.
    private var started: NIODeadline?
    private var received = 0
    private var check: Scheduled<Void>?

    init(grace: TimeAmount, minimumRate: Int = defaultMinimumRate) {
        self.grace = grace
        self.minimumRate = max(1, minimumRate)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            started = .now()
            received = 0
            schedule(context)
        case .body(let buffer):
            received += buffer.readableBytes
        case .end:
            started = nil
            check?.cancel()
            check = nil
        }
        context.fireChannelRead(data)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        check?.cancel()
        check = nil
    }

    /// The latest time by which the body so far keeps the pace; past it, the next byte is late.
    private var due: NIODeadline? {
        started.map { $0 + grace + .nanoseconds(Int64(received) * 1_000_000_000 / Int64(minimumRate)) }
    }

    private func schedule(_ context: ChannelHandlerContext) {
        check?.cancel()
        guard let due else { return }
        check = context.eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(deadline: due) { [self] in
            check = nil
            guard let due = self.due else { return }
            if NIODeadline.now() >= due { context.close(promise: nil) } else { schedule(context) }
        }
    }
}
