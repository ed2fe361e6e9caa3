import Foundation
import Hummingbird
import LiaisonStore
import Logging
import NIOCore

/// `liaison serve`: the organizer's console and every participant's page, over one database.
///
/// Organizer pages need a session (a cookie given by the sign-in link `liaison serve` prints);
/// participant pages are opened by each participant's private link; static assets are public.
/// Routes parse the request, call the store's use cases (the same the CLI calls) and render a
/// template; none of them runs SQL.
///
///     let server = try WebServer(database: db)            // 127.0.0.1:8080
///     try await server.run { address in print("http://\(address)") }
public struct WebServer: Sendable {
    /// Where the server listens.
    public struct Configuration: Sendable {
        /// The address to bind: loopback unless told otherwise, so nobody else on the network
        /// reaches the console by accident.
        public var host: String
        /// The port; 0 lets the system choose a free one.
        public var port: Int
        /// How long a connection may stay silent — idle between requests, or sending a request's
        /// head or body no further — before the server closes it, so that clients holding
        /// connections open cannot use up the ones it can serve.
        public var idleTimeout: Duration
        /// Where participants reach the server (`https://forum.example.org`): the start of the
        /// participants' links the console shows. Nil: the address the console was opened at
        /// (its request's Host), which a client chooses.
        public var baseURL: String?
        /// The most connections open at once (see ``ConnectionLimit``); nil: as many as the
        /// process's open-file limit allows with room to spare.
        public var maxConnections: Int?
        /// The least pace of a request's body once the idle timeout has passed (see
        /// ``SlowRequestGuard``), in bytes a second.
        public var minimumBodyRate = SlowRequestGuard.defaultMinimumRate

        public static let defaultHost = "127.0.0.1"
        public static let defaultPort = 8080
        public static let defaultIdleTimeout = Duration.seconds(30)

        public init(host: String = defaultHost, port: Int = defaultPort, idleTimeout: Duration = defaultIdleTimeout, baseURL: String? = nil,
                    maxConnections: Int? = nil) {
            self.host = host
            self.port = port
            self.idleTimeout = idleTimeout
            self.baseURL = baseURL
            self.maxConnections = maxConnections
        }
    }

    public let configuration: Configuration
    let environment: WebEnvironment

    /// A server over `database`. `throttle` slows clients that present bad tokens; `pause` is how
    /// it waits (tests pass one that only records); `now` is the clock meetings are rated by.
    public init(database: LiaisonDatabase, configuration: Configuration = Configuration(), throttle: FailureThrottle = FailureThrottle(),
                pause: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) },
                now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.configuration = configuration
        environment = WebEnvironment(database: database, templates: try PageTemplates(), throttle: throttle, pause: pause, now: now,
                                     baseURL: configuration.baseURL)
    }

    /// Every route, with its middleware.
    func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ErrorPages(environment: environment))
        PublicRoutes(environment: environment).add(to: router)
        ParticipantRoutes(environment: environment).add(to: router.group("p"))
        // Errors again inside the organizer's pages, where the session is known: the page of a
        // refusal then has the console's bar and a way back to the form.
        let organizer = router.group().add(middleware: OrganizerAuthentication(environment: environment))
            .add(middleware: ErrorPages(environment: environment))
        OrganizerRoutes(environment: environment).add(to: organizer)
        CompanyRoutes(environment: environment).add(to: organizer)
        EventRoutes(environment: environment).add(to: organizer)
        RemovalRoutes(environment: environment).add(to: organizer)
        ScheduleRoutes(environment: environment).add(to: organizer)
        return router
    }

    /// The Hummingbird application; `onRunning` gets the address it listens on (`host:port`,
    /// with the port the system chose when asked for 0).
    public func application(onRunning: @escaping @Sendable (String) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "liaison.serve")
        logger.logLevel = .warning
        let idleTimeout = TimeAmount(configuration.idleTimeout), minimumRate = configuration.minimumBodyRate
        let limit = ConnectionLimit(most: configuration.maxConnections ?? ConnectionLimit.fitting(descriptors: ConnectionLimit.processDescriptors()))
        return Application(
            responder: HeadRequests(base: router().buildResponder()),
            server: .http1(configuration: .init(additionalChannelHandlers: [limit.handler(), SlowRequestGuard(grace: idleTimeout, minimumRate: minimumRate)],
                                                idleTimeout: idleTimeout)),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Liaison"),
            onServerRunning: { channel in
                let address = channel.localAddress
                let host = address?.ipAddress ?? configuration.host
                await onRunning("\(host.contains(":") ? "[\(host)]" : host):\(address?.port ?? configuration.port)")
            },
            logger: logger)
    }

    /// Serves until SIGINT or SIGTERM. Throws ``ListenError`` when the address cannot be listened
    /// on (the port in use, an address not of this machine).
    public func run(onRunning: @escaping @Sendable (String) async -> Void = { _ in }) async throws {
        do {
            try await application(onRunning: onRunning).runService()
        } catch {
            throw ListenError(error, host: configuration.host, port: configuration.port) ?? error
        }
    }
}

/// What every route needs: the database, the templates, and the guard against guessing.
struct WebEnvironment: Sendable {
    let database: LiaisonDatabase
    let templates: PageTemplates
    let throttle: FailureThrottle
    let pause: @Sendable (Duration) async -> Void
    let now: @Sendable () -> Date
    /// The start of participants' links, when the organizer gave one (see ``WebServer/Configuration/baseURL``).
    var baseURL: String?
    let eventViews = EventViewCache()
    let boards = MatchboardCache()
    let pageCache = ParticipantPageCache()

    /// Participants' pages, rendered once and kept while nothing they show changes.
    var pages: ParticipantPages {
        ParticipantPages(database: database, templates: templates, events: eventViews, boards: boards, cache: pageCache)
    }

    /// Counts a bad token from the client and waits what the throttle says before answering.
    func refuse(_ context: WebContext) async {
        let delay = await throttle.recordFailure(from: context.clientAddress)
        if delay > .zero { await pause(delay) }
    }
}
