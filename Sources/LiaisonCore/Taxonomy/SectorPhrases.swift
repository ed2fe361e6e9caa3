import Foundation

/// The taxonomy's names and aliases as phrases to find inside free text, for
/// ``Taxonomy/infer(_:)``.
///
/// English phrases are matched word by word: words are runs of letters and digits, compared in
/// lower case after a light plural-to-singular rule (`panels` ~ `panel`, `batteries` ~ `battery`),
/// with `and`, `of`, `the`, `for`, `in` left out; a short all-capitals alias (`AI`, `IT`, `PE`)
/// matches only the same capitals, so that the word "it" is not information technology. Chinese
/// phrases (any alias holding a Han character) are matched as substrings.
struct SectorPhrases: Sendable {
    /// One name or alias of a sector, ready to be matched.
    struct Phrase: Sendable {
        var sector: Int
        /// The name or alias as the taxonomy spells it.
        var alias: String
        /// English: its words, normalized; Chinese: one element, the normalized text.
        var words: [String]
        /// True for a Chinese (substring) phrase.
        var isChinese: Bool
        /// True for a short all-capitals alias, matched case-sensitively.
        var isAcronym: Bool

        /// How specific a match is: English words, or Chinese characters.
        var units: Int { isChinese ? words[0].count : words.count }
    }

    private var englishByFirstWord: [String: [Phrase]] = [:]
    private var chinese: [Phrase] = []

    init(_ sectors: [Sector]) {
        for (index, sector) in sectors.enumerated() {
            var seen = Set<String>()
            for alias in [sector.name, sector.id] + sector.aliases {
                let text = alias.precomposedStringWithCompatibilityMapping
                if text.unicodeScalars.contains(where: Self.isHan) {
                    let key = Self.chineseKey(text)
                    guard seen.insert("zh:" + key).inserted else { continue }
                    chinese.append(Phrase(sector: index, alias: alias, words: [key], isChinese: true, isAcronym: false))
                    continue
                }
                let acronym = (2...4).contains(text.count) && text.allSatisfy { ($0.isASCII && $0.isUppercase) || $0.isASCIIDigit }
                    && text.contains(where: \.isLetter)
                let words = acronym ? [text] : Self.words(in: text).map(\.word)
                guard let first = words.first, seen.insert(words.joined(separator: " ")).inserted else { continue }
                englishByFirstWord[first, default: []].append(
                    Phrase(sector: index, alias: alias, words: words, isChinese: false, isAcronym: acronym))
            }
        }
    }

    /// A phrase found in a text: which, and where it starts and ends (in Unicode scalars of the
    /// text, compatibility-normalized).
    struct Match {
        var phrase: Phrase
        var position: Int
        var end: Int

        /// Whether it is more specific than `other`: the most words (or Chinese characters), then
        /// the earliest in the text, then the longest alias, then the first sector in taxonomy
        /// order, then the alias in code-point order.
        func isMoreSpecific(than other: Match) -> Bool {
            if phrase.units != other.phrase.units { return phrase.units > other.phrase.units }
            if position != other.position { return position < other.position }
            if phrase.alias.count != other.phrase.alias.count { return phrase.alias.count > other.phrase.alias.count }
            if phrase.sector != other.phrase.sector { return phrase.sector < other.phrase.sector }
            return phrase.alias.unicodeScalars.lexicographicallyPrecedes(other.phrase.alias.unicodeScalars)
        }
    }

    /// The most specific phrase found in `text` (see ``Match/isMoreSpecific(than:)``). Nil when
    /// none is found.
    func bestMatch(in text: String) -> Match? {
        matches(in: text).min { $0.isMoreSpecific(than: $1) }
    }

    /// What separates the items of a list written in one cell: `Machinery, Logistics`,
    /// `机械、物流`, `Solar / Wind`, `Agriculture; Logistics`, `Logistics | Machinery`.
    static let listSeparators: Set<Unicode.Scalar> = [",", "，", "、", "/", "／", ";", "；", "|", "｜"]

    /// The phrases a list written in `text` names, one per item at most: items are separated by
    /// ``listSeparators``, each gets its most specific phrase, and a phrase whose alias spans
    /// several items (`Food, Beverage & Tobacco`) names them all, when it is more specific than
    /// any phrase inside one of them. Items that name nothing give nothing. In text order.
    func listMatches(in text: String) -> [Match] {
        let scalars = Array(text.precomposedStringWithCompatibilityMapping.unicodeScalars)
        // Where each item ends: a match belongs to the items from its start's to its last scalar's.
        let separators = scalars.indices.filter { Self.listSeparators.contains(scalars[$0]) }
        func item(at position: Int) -> Int { separators.firstIndex { $0 >= position } ?? separators.count }
        var named = Set<Int>(), chosen: [Match] = []
        for match in matches(in: text).sorted(by: { $0.isMoreSpecific(than: $1) }) {
            let items = item(at: match.position)...item(at: max(match.position, match.end - 1))
            guard !items.contains(where: named.contains) else { continue }
            named.formUnion(items)
            chosen.append(match)
        }
        return chosen.sorted { $0.position < $1.position }
    }

    /// Every phrase found in `text`, wherever it is.
    private func matches(in text: String) -> [Match] {
        let normalized = text.precomposedStringWithCompatibilityMapping
        var matches: [Match] = []
        let words = Self.words(in: normalized)
        for (start, word) in words.enumerated() {
            let candidates = (englishByFirstWord[word.word] ?? []) + (englishByFirstWord[word.original] ?? [])
            for phrase in candidates {
                if phrase.isAcronym {
                    if word.original == phrase.words[0] { matches.append(Match(phrase: phrase, position: word.position, end: word.end)) }
                    continue
                }
                guard start + phrase.words.count <= words.count,
                      zip(phrase.words, words[start...]).allSatisfy({ $0 == $1.word }) else { continue }
                matches.append(Match(phrase: phrase, position: word.position, end: words[start + phrase.words.count - 1].end))
            }
        }
        if normalized.unicodeScalars.contains(where: Self.isHan) {
            let scalars = Array(normalized.lowercased().unicodeScalars)
            for phrase in chinese {
                let needle = Array(phrase.words[0].unicodeScalars)
                guard needle.count <= scalars.count else { continue }
                if let position = (0...(scalars.count - needle.count)).first(where: { scalars[$0..<($0 + needle.count)].elementsEqual(needle) }) {
                    matches.append(Match(phrase: phrase, position: position, end: position + needle.count))
                }
            }
        }
        return matches
    }

    private static let stopWords: Set<String> = ["and", "of", "the", "for", "in"]

    /// The words of `text`: runs of letters and digits outside Chinese text, each with its
    /// normalized form, its text as written, and the scalar offsets where it starts and ends.
    static func words(in text: String) -> [(word: String, original: String, position: Int, end: Int)] {
        var result: [(word: String, original: String, position: Int, end: Int)] = []
        var current = ""
        var start = 0
        func flush() {
            guard !current.isEmpty else { return }
            let lower = current.lowercased()
            if !stopWords.contains(lower) { result.append((singular(lower), current, start, start + current.unicodeScalars.count)) }
            current = ""
        }
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if (scalar.properties.isAlphabetic || scalar.properties.numericType != nil) && !isHan(scalar) {
                if current.isEmpty { start = offset }
                current.unicodeScalars.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// A light plural-to-singular rule, applied alike to aliases and to the text they are found in.
    static func singular(_ word: String) -> String {
        guard word.count > 3 else { return word }
        if word.hasSuffix("ies") && word.count > 4 { return String(word.dropLast(3)) + "y" }
        for suffix in ["sses", "ches", "shes", "xes"] where word.hasSuffix(suffix) { return String(word.dropLast(2)) }
        if word == "news" { return word }
        for suffix in ["ss", "us", "is"] where word.hasSuffix(suffix) { return word }
        return word.hasSuffix("s") ? String(word.dropLast()) : word
    }

    /// Chinese text as matched: lower case, without white space.
    static func chineseKey(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }))
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool { scalar.isHan }
}

extension Unicode.Scalar {
    /// Whether it is a Chinese (Han) character: a CJK unified ideograph, of the main block or an
    /// extension, or a compatibility ideograph.
    public var isHan: Bool {
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: true
        default: false
        }
    }
}
