#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOHTTPTypes
import Synchronization

/// At most so many connections open at once: one more is closed as soon as it is accepted, and
/// the connections already open are served as before. A server out of file descriptors cannot
/// open its database or a page, and the system's dispatch library, which then cannot read its
/// own threads' state, ends the whole process; so a flood of held connections (idle sockets,
/// bodies sent a byte at a time) must meet a limit well below the process's.
final class ConnectionLimit: Sendable {
    /// How many may be open at once.
    let most: Int
    private let open = Atomic<Int>(0)

    init(most: Int) {
        self.most = max(1, most)
    }

    /// How many connections a process allowed `descriptors` open files may hold: three quarters
    /// of them, and at least 256 left for the database, uploads and the runtime (16 at least).
    static func fitting(descriptors: Int) -> Int {
        max(16, min(descriptors - 256, descriptors / 4 * 3))
    }

    /// The open files this process may have, raised first to what the system allows it (at most
    /// 65,536): the usual default of 1,024 would cap the connections low.
    static func processDescriptors() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1_024 }
        let wanted = min(limit.rlim_max, 65_536)
        if limit.rlim_cur < wanted {
            var raised = limit
            raised.rlim_cur = wanted
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)
    }

    /// Counts one more connection open, unless it would be one too many.
    fileprivate func admit() -> Bool {
        if open.wrappingAdd(1, ordering: .relaxed).newValue <= most { return true }
        open.wrappingSubtract(1, ordering: .relaxed)
        return false
    }

    fileprivate func release() {
        open.wrappingSubtract(1, ordering: .relaxed)
    }

    /// The handler that counts one connection: it closes the connection at once when the limit
    /// is reached, and counts it no more once it is closed.
    func handler() -> some RemovableChannelHandler { Handler(limit: self) }

    private final class Handler: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPRequestPart
        let limit: ConnectionLimit
        private var counted = false

        init(limit: ConnectionLimit) {
            self.limit = limit
        }

        func handlerAdded(context: ChannelHandlerContext) {
            if context.channel.isActive { admit(context) }
        }

        func channelActive(context: ChannelHandlerContext) {
            admit(context)
            context.fireChannelActive()
        }

        func channelInactive(context: ChannelHandlerContext) {
            release()
            context.fireChannelInactive()
        }

        func handlerRemoved(context: ChannelHandlerContext) {
            release()
        }

        private func admit(_ context: ChannelHandlerContext) {
            guard !counted else { return }
            if limit.admit() { counted = true } else { context.close(promise: nil) }
        }

        private func release() {
            guard counted else { return }
            counted = false
            limit.release()
        }
    }
}
