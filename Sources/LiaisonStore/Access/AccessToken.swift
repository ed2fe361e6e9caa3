import Crypto
import Foundation

/// The secrets of the browser: participants' private links, the organizer's sign-in link, session
/// cookies and form tokens.
///
/// A token is 256 bits from the system's cryptographic generator, written in base64url (43
/// characters, safe in a URL path and a cookie). The database keeps only its SHA-256: a copy of
/// the file lets nobody into anyone's page.
enum AccessToken {
    /// Random bits in a token: far beyond guessing, at any rate of tries.
    static let bits = 256

    /// A new random token.
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(bits / 8)
        for _ in 0..<(bits / 64) {
            withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) }
        }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The SHA-256 of a token's UTF-8 text, in lower-case hex: what is stored and looked up.
    static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Whether `text` has the shape of a token (base64url, 43 characters): anything else is turned
    /// away before it reaches the database.
    static func isWellFormed(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 43 && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
        }
    }
}
