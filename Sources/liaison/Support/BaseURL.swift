import ArgumentParser
import Foundation

/// Where participants reach `liaison serve`, as `--base-url` gives it: an http(s) address
/// without query or fragment.
enum BaseURL {
    /// Refuses `text` unless it is such an address.
    static func validate(_ text: String) throws {
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil,
              url.query == nil, url.fragment == nil else {
            throw ValidationError("--base-url must be an http(s) address such as https://events.example.org, not '\(text)'")
        }
    }
}
