import Hummingbird
import LiaisonStore
import NIOCore

/// What each request carries through the routes: the client's address (for slowing down repeated
/// bad tokens) and, once checked, the organizer's session.
struct WebContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The peer's IP address, or `local` when there is none (tests that call the router directly).
    let clientAddress: String
    /// The signed-in organizer's session, set by ``OrganizerAuthentication``.
    var session: OrganizerSession?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "local"
    }

    /// Company files are uploaded whole: up to 64 MiB.
    var maxUploadSize: Int { 64 * 1024 * 1024 }
}
