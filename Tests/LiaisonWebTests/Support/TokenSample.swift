import Foundation
import Testing

/// Checks on a sample of secrets as the server issued them (links, sign-in tokens, session
/// cookies, form tokens): that each holds 256 bits in base64url and that the bits vary.
enum TokenSample {
    /// Expects `tokens` to be distinct, each 43 base64url characters holding 32 bytes, and every
    /// character position but the last (which holds only 4 bits) to take more than `spread`
    /// values over the sample: a token made of fewer random bits, padded to length, fails.
    /// For 200 uniform tokens a position takes about 61 of the 64 values; for 600, all 64.
    static func expectRandom(_ tokens: [String], spread: Int, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Set(tokens).count == tokens.count, "\(what): repeated tokens", sourceLocation: sourceLocation)
        for token in tokens {
            let base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") + "="
            #expect(token.count == 43 && Data(base64Encoded: base64)?.count == 32, "\(what): \(token) is not 256 bits",
                    sourceLocation: sourceLocation)
        }
        let characters = tokens.map(Array.init)
        for position in 0..<42 {
            let values = Set(characters.compactMap { position < $0.count ? $0[position] : nil })
            #expect(values.count > spread, "\(what): position \(position) takes only \(values.count) values", sourceLocation: sourceLocation)
        }
    }
}
