import Foundation
import Hummingbird
import LiaisonCore

extension WebContext {
    /// The path parameter `name` (a company or event id, an export format, a token), percent-decoded.
    ///
    /// 404 when the path lacks it, its percent-encoding is not UTF-8, or it holds a control
    /// character: no id Liaison stores holds one, and SQLite reads a bound text only up to a NUL,
    /// so `/companies/CN-0001%00junk` would open CN-0001 under another address. Every route reads
    /// its path through here.
    func pathParameter(_ name: String) throws -> String {
        guard let raw = parameters.get(name), let value = raw.removingPercentEncoding,
              !value.unicodeScalars.contains(where: CompanyText.isControl) else {
            throw HTTPError(.notFound, message: "There is no page at this address.")
        }
        return value
    }
}
