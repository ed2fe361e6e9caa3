import Foundation
import NIOCore

/// Why the server could not start listening, in words a user can act on.
///
/// The network library reports these as system errors (`bind(descriptor:ptr:bytes:): Address
/// already in use) (errno: 98)`); ``WebServer/run(onRunning:)`` throws this instead, so the
/// command line can say which address and what to change.
public enum ListenError: Error, Equatable, CustomStringConvertible {
    /// Another program listens on the port at that address.
    case portInUse(host: String, port: Int)
    /// The address is not one of this machine's.
    case addressNotAvailable(host: String)
    /// The port needs privileges this process has not (ports below 1024).
    case portNotPermitted(host: String, port: Int)
    /// The host name resolves to no address.
    case unknownHost(String)

    public var description: String {
        switch self {
        case .portInUse(let host, let port): "port \(port) on \(host) is in use"
        case .addressNotAvailable(let host): "\(host) is not an address of this machine"
        case .portNotPermitted(let host, let port): "port \(port) on \(host) needs administrator rights"
        case .unknownHost(let host): "the host \(host) is unknown"
        }
    }

    /// The listening error `error` stands for when the server was asked for `host` and `port`,
    /// or nil when it is another kind of failure.
    public init?(_ error: any Error, host: String, port: Int) {
        if let error = error as? IOError {
            switch error.errnoCode {
            case EADDRINUSE: self = .portInUse(host: host, port: port)
            case EADDRNOTAVAIL: self = .addressNotAvailable(host: host)
            case EACCES, EPERM: self = .portNotPermitted(host: host, port: port)
            default: return nil
            }
        } else if error is SocketAddressError.UnknownHost {
            self = .unknownHost(host)
        } else {
            return nil
        }
    }
}
