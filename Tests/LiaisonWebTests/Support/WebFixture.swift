import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonScheduling
@testable import LiaisonStore
@testable import LiaisonWeb
import NIOCore
import Testing

/// A small event in a fresh in-memory database, a server over it (with a clock the test sets and
/// a throttle whose pauses are only recorded), and the participants' links.
///
/// Delegates CN-A (Chinese), CN-B (French), CN-C; hosts US-X, US-Y, US-Z, all registered for
/// `oakland` (4 slots of 20 minutes from 08:00 on 2025-12-05, America/Los_Angeles, 4 tables),
/// each for at most 2 meetings.
struct WebFixture {
    let db: LiaisonDatabase
    let server: WebServer
    let pauses: PauseLog
    let clock: TestClock
    /// Each participant's link token.
    let tokens: [String: String]

    static let event = "oakland"
    static let delegates = ["CN-A", "CN-B", "CN-C"]
    static let hosts = ["US-X", "US-Y", "US-Z"]

    /// The fixture; `names` replaces company names (hostile ones, say); `venue` is the event's;
    /// `days`, when given, replace the event's single day of 4 slots; `file`, when given, is where
    /// the database is made, opened as `liaison serve` opens it (a pool of readers) instead of in memory.
    static func make(names: [String: String] = [:], venue: String = "", days: [EventDay]? = nil,
                     now: Date = TestClock.beforeEvent, file: URL? = nil, baseURL: String? = nil) throws -> WebFixture {
        let db = try file.map { try LiaisonDatabase.open(path: $0.path, mode: .createIfMissing, concurrentReads: true) } ?? LiaisonDatabase.inMemory()
        try db.save(companies(names: names))
        try db.createEvent(EventSpec(id: event, name: names["event"] ?? "Port of Possibilities", city: "Oakland", country: "US",
                                     days: days ?? [EventDay(date: "2025-12-05", start: "08:00", slots: 4)], slotMinutes: 20, tables: 4,
                                     timeZone: "America/Los_Angeles", venue: venue))
        // At most 2 meetings each in 4 slots: a meeting and a free slot for both its parties.
        try db.addParticipants(delegates + hosts, to: event, settings: ParticipantSettings(maxMeetings: 2))
        let links = try db.issueParticipantLinks(event: event)
        let tokens = Dictionary(uniqueKeysWithValues: links.map { ($0.company, $0.token!) })
        let pauses = PauseLog(), clock = TestClock(now)
        let server = try WebServer(database: db, configuration: .init(baseURL: baseURL), pause: { await pauses.record($0) }, now: { clock.now })
        return WebFixture(db: db, server: server, pauses: pauses, clock: clock, tokens: tokens)
    }

    static func companies(names: [String: String]) -> [Company] {
        func company(_ id: String, _ name: String, _ country: String, languages: [String], offers: [String: Double],
                     seeks: [String: Double], description: String) -> Company {
            Company(id: id, name: names[id] ?? name, country: country, city: names["city-" + id] ?? (country == "CN" ? "Shanghai" : "Oakland"),
                    size: .medium, languages: languages, description: description,
                    offers: SectorProfile(offers), seeks: SectorProfile(seeks))
        }
        return [
            company("CN-A", "Shanghai Solar", "CN", languages: ["zh", "en"], offers: ["clean-energy": 1], seeks: ["capital-markets": 1],
                    description: "secret-description-of-CN-A"),
            company("CN-B", "Lyon-Shenzhen Robotics", "CN", languages: ["fr", "zh"], offers: ["robotics-automation": 1],
                    seeks: ["logistics-transportation": 1], description: "secret-description-of-CN-B"),
            company("CN-C", "Harbin Foods", "CN", languages: ["en"], offers: ["agriculture-food": 1], seeks: ["retail": 1],
                    description: "secret-description-of-CN-C"),
            company("US-X", "Bay Capital", "US", languages: ["en"], offers: ["capital-markets": 1], seeks: ["clean-energy": 1],
                    description: "secret-description-of-US-X"),
            company("US-Y", "Port Logistics", "US", languages: ["en"], offers: ["logistics-transportation": 1], seeks: ["robotics-automation": 1],
                    description: "secret-description-of-US-Y"),
            company("US-Z", "Golden Grocers", "US", languages: ["en"], offers: ["retail": 1], seeks: ["agriculture-food": 1],
                    description: "secret-description-of-US-Z"),
        ]
    }

    /// Runs `body` with a browser on the server (requests go straight to the router).
    func withBrowser<T: Sendable>(_ body: @Sendable (Browser) async throws -> T) async throws -> T {
        try await server.application().test(.router) { client in
            try await body(Browser(client: client))
        }
    }

    /// Every row of the tables the web writes, to check that a refused request wrote nothing.
    func snapshot() throws -> [String: [String]] {
        try db.writer.read { db in
            var tables: [String: [String]] = [:]
            for table in ["company", "profile", "event", "event_participant", "event_request", "event_block", "event_lock",
                          "event_schedule", "event_meeting", "published_meeting", "participant_link", "meeting_rating"] {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description).sorted()
            }
            return tables
        }
    }
}

/// A browser's view of the server: one session cookie, forms posted as a browser posts them.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    private let lock = NSLock()
    private var _cookie: String?

    init(client: any TestClientProtocol) {
        self.client = client
    }

    /// The session cookie's value, once signed in.
    var cookie: String? {
        get { lock.withLock { _cookie } }
        set { lock.withLock { _cookie = newValue } }
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: withCookie(headers))
    }

    /// Posts a form (`application/x-www-form-urlencoded`).
    func post(_ uri: String, _ fields: [(String, String)], headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = withCookie(headers)
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = fields.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Posts a multipart form with one file.
    func upload(_ uri: String, fields: [(String, String)], headers: HTTPFields = [:],
                file: (field: String, name: String, data: Data)) async throws -> TestResponse {
        let boundary = "----liaison-test-\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n")
        body.writeBytes(file.data)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = withCookie(headers)
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: body)
    }

    /// Signs in with the organizer's token; the session cookie is kept.
    @discardableResult
    func signIn(_ token: String) async throws -> TestResponse {
        let response = try await get("/signin?token=\(token)")
        if let setCookie = response.headers[.setCookie], let value = Self.cookieValue(setCookie) { cookie = value }
        return response
    }

    /// The CSRF token of the page at `uri` (its first form's).
    func csrf(_ uri: String) async throws -> String {
        let page = try await get(uri)
        return try #require(Self.csrf(in: String(buffer: page.body)), "no form token on \(uri)")
    }

    private func withCookie(_ headers: HTTPFields) -> HTTPFields {
        var headers = headers
        if let cookie, headers[.cookie] == nil { headers[.cookie] = "liaison_session=\(cookie)" }
        return headers
    }

    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func cookieValue(_ header: String) -> String? {
        guard let first = header.split(separator: ";").first, first.hasPrefix("liaison_session=") else { return nil }
        return String(first.dropFirst("liaison_session=".count))
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// The throttle's pauses, recorded instead of slept.
actor PauseLog {
    private(set) var pauses: [Duration] = []

    func record(_ pause: Duration) { pauses.append(pause) }
}

/// A clock the test moves.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var date: Date

    /// The morning before the fixture's event (2025-12-04 09:00 in Oakland).
    static let beforeEvent = Date(timeIntervalSince1970: 1_764_867_600)
    /// The evening after it.
    static let afterEvent = Date(timeIntervalSince1970: 1_764_990_000)

    init(_ date: Date) { self.date = date }

    var now: Date {
        get { lock.withLock { date } }
        set { lock.withLock { date = newValue } }
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }
}
