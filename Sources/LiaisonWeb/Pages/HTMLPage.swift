import Foundation
import Hummingbird

/// A rendered page as a response: UTF-8 HTML, never cached (pages show private data).
struct HTMLPage: ResponseGenerator {
    /// The page's UTF-8 bytes (a kept page's are sent as they are, not copied).
    var body: ByteBuffer
    var status: HTTPResponse.Status

    init(html: String, status: HTTPResponse.Status = .ok) {
        self.init(body: ByteBuffer(string: html), status: status)
    }

    init(body: ByteBuffer, status: HTTPResponse.Status = .ok) {
        self.body = body
        self.status = status
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: body))
    }
}

/// Responses that are not pages.
enum Responses {
    /// See Other: where a form's POST goes next (so reloading the page does not post again).
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// A file to download, generated in memory; `filename` is ours, made safe for the header.
    static func download(_ data: Data, filename: String, contentType: String) -> Response {
        Response(status: .ok, headers: [.contentType: contentType, .contentDisposition: disposition(filename), .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `attachment` with `filename` in ASCII (`_` for what cannot be written there), and, when
    /// that loses anything, whole in UTF-8 too (RFC 6266's `filename*`), so that two Chinese
    /// names never download as the same `__-1.csv`.
    static func disposition(_ filename: String) -> String {
        let safe = String(filename.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && scalar.value >= 0x20 && scalar != "\"" && scalar != "\\" && scalar != ";" ? Character(scalar) : "_"
        })
        guard safe != filename else { return "attachment; filename=\"\(safe)\"" }
        // Percent-encoded as a URL component is: what it keeps is among RFC 5987's attr-chars.
        return "attachment; filename=\"\(safe)\"; filename*=UTF-8''\(URLText.component(filename))"
    }
}

/// Percent-encoding of values placed in a URL path or query: everything but unreserved
/// characters, so an id holding `/`, `?` or `#` stays one segment.
enum URLText {
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func component(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
