import ArgumentParser

/// How a `--seed` is read: a whole number from 0 to 2⁶⁴ − 1. Taken with `parsing: .unconditional`,
/// a negative seed reaches this reading, which refuses it in words (the parser says "The value '-3'
/// is invalid for '--seed <seed>': must be 0 or more"), instead of being read as an option of its
/// own ("Missing value for '--seed <seed>'").
enum SeedValue {
    static func parse(_ text: String) throws -> UInt64 {
        if let seed = UInt64(text) { return seed }
        if let number = Int(text), number < 0 { throw ValidationError("must be 0 or more") }
        throw ValidationError("must be a whole number from 0 to \(UInt64.max)")
    }
}
