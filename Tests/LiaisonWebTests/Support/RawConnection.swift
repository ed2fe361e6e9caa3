import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// A plain TCP connection to the server on 127.0.0.1, to send a request as slowly, or as
/// incompletely, as a test needs; closed when released. (Unchecked: its one field is constant.)
final class RawConnection: @unchecked Sendable {
    let socket: Int32

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socket >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(connected == 0)
    }

    deinit { close(socket) }

    /// Sends `text`; a connection the server closed takes it without a signal.
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = Glibc.send(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL))
    }

    /// What arrives within `wait`: "" when nothing does, nil once the server has closed the
    /// connection. It waits on a thread of its own: a wait on one of the few threads of Swift's
    /// tasks would keep the server, whose routes run there, from answering.
    func receive(waiting wait: Duration) async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.receiveBlocking(wait)) }
        }
    }

    private func receiveBlocking(_ wait: Duration) -> String? {
        let (seconds, attoseconds) = wait.components
        var time = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = recv(socket, &buffer, buffer.count, 0)
        if count > 0 { return String(decoding: buffer[..<count], as: UTF8.self) }
        return count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) ? nil : ""
    }
}
