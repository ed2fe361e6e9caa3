/// The sector taxonomy: the ordered list of sectors that spans the vector space of profiles.
///
/// A sector's position in ``sectors`` is its dimension in every vector. Names resolve
/// case-insensitively by id, name or alias; NAICS codes resolve by their longest listed prefix.
///
///     let taxonomy = try Taxonomy(sectors: sectors, version: "…")
///     taxonomy.resolve("Software & Services")   // index of digital-technology
///     taxonomy.sector(forNAICS: "541512")       // index of digital-technology, via prefix 5415
public struct Taxonomy: Sendable {
    /// The sectors in vector order.
    public let sectors: [Sector]
    /// A fingerprint of the taxonomy's content, stored with the sectors in the database.
    public let version: String

    private let indexByKey: [String: Int]
    private let indexByNAICSPrefix: [String: Int]
    private let phrases: SectorPhrases

    /// Builds a taxonomy, refusing one where two sectors share an id, name, alias or NAICS prefix.
    public init(sectors: [Sector], version: String) throws(TaxonomyError) {
        var byKey: [String: Int] = [:]
        var byPrefix: [String: Int] = [:]
        for (index, sector) in sectors.enumerated() {
            guard Self.isSlug(sector.id) else { throw .invalidID(sector.id) }
            for key in Set(([sector.id, sector.name] + sector.aliases).map(Self.key)) {
                if let other = byKey[key], other != index {
                    throw .ambiguousName(key, sectors[other].id, sector.id)
                }
                byKey[key] = index
            }
            for prefix in sector.naicsPrefixes {
                guard (2...6).contains(prefix.count), prefix.allSatisfy(\.isASCIIDigit) else {
                    throw .invalidNAICSPrefix(prefix, sector.id)
                }
                if let other = byPrefix[prefix] { throw .ambiguousNAICSPrefix(prefix, sectors[other].id, sector.id) }
                byPrefix[prefix] = index
            }
        }
        self.sectors = sectors
        self.version = version
        self.indexByKey = byKey
        self.indexByNAICSPrefix = byPrefix
        self.phrases = SectorPhrases(sectors)
    }

    /// The number of sectors: the width of one profile vector.
    public var count: Int { sectors.count }

    /// The position of the sector with this id, name or alias (case-insensitive), if any.
    public func resolve(_ name: String) -> Int? {
        indexByKey[Self.key(name)]
    }

    /// The sector free text is about, when it is no sector's id, name or alias: the most specific
    /// name or alias found inside it, and which one. English is matched word by word (`Solar
    /// panels` holds the alias `solar`), Chinese by substring (`冷链物流服务` holds `冷链物流`); the
    /// match with the most words (Chinese: characters) wins, then the earliest, then the longest
    /// alias, then the first sector in taxonomy order. Nil when nothing is found.
    ///
    ///     taxonomy.infer("Cold chain logistics")   // supply-chain-services, alias "cold chain"
    public func infer(_ text: String) -> InferredSector? {
        guard let match = phrases.bestMatch(in: text) else { return nil }
        return InferredSector(index: match.phrase.sector, alias: match.phrase.alias)
    }

    /// The sectors free text written as a list is about, when it is no sector's id, name or
    /// alias: each item (separated by `,`, `，`, `、`, `/`, `;`, `；` or `|`) gives its own as
    /// ``infer(_:)`` does,
    /// unless a name or alias spanning items is more specific (`Food, Beverage & Tobacco`).
    /// Items naming no sector give none; a sector named twice is given once. Empty when nothing
    /// is found.
    ///
    ///     taxonomy.inferList("Machinery, Logistics, Biotech")   // three sectors
    ///     taxonomy.inferList("Cold chain logistics")            // supply-chain-services
    public func inferList(_ text: String) -> [InferredSector] {
        var seen = Set<Int>()
        return phrases.listMatches(in: text).compactMap { match in
            guard seen.insert(match.phrase.sector).inserted else { return nil }
            return InferredSector(index: match.phrase.sector, alias: match.phrase.alias)
        }
    }

    /// The position of the sector with exactly this id.
    public func index(ofID id: String) -> Int? {
        guard let index = indexByKey[id.lowercased()], sectors[index].id == id else { return nil }
        return index
    }

    /// The sector a NAICS code (2 to 6 digits) falls in, by its longest listed prefix.
    public func sector(forNAICS code: String) -> Int? {
        guard Self.isNAICSCode(code) else { return nil }
        var prefix = Substring(code)
        while prefix.count >= 2 {
            if let index = indexByNAICSPrefix[String(prefix)] { return index }
            prefix = prefix.dropLast()
        }
        return nil
    }

    /// Whether `code` has the shape of a NAICS code: 2 to 6 ASCII digits.
    public static func isNAICSCode(_ code: String) -> Bool {
        (2...6).contains(code.count) && code.allSatisfy(\.isASCIIDigit)
    }

    /// Lowercased, trimmed, with inner runs of whitespace collapsed to one space.
    static func key(_ name: String) -> String {
        // Fast path for what imports give most: printable ASCII without capitals or spaces, as ids are.
        if name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !(0x41...0x5A).contains($0) }) { return name }
        return name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func isSlug(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--")
            && id.allSatisfy { $0.isASCIIDigit || ("a"..."z").contains($0) || $0 == "-" }
    }
}

/// The sector found in free text by ``Taxonomy/infer(_:)``.
public struct InferredSector: Hashable, Sendable {
    /// The sector's position in the taxonomy.
    public var index: Int
    /// The name or alias that was found, as the taxonomy spells it.
    public var alias: String
}

/// Why a list of sectors does not form a taxonomy.
public enum TaxonomyError: Error, Equatable, CustomStringConvertible {
    case invalidID(String)
    case ambiguousName(String, String, String)
    case invalidNAICSPrefix(String, String)
    case ambiguousNAICSPrefix(String, String, String)

    public var description: String {
        switch self {
        case .invalidID(let id): "sector id '\(id)' is not a lowercase slug"
        case .ambiguousName(let name, let a, let b): "'\(name)' names both \(a) and \(b)"
        case .invalidNAICSPrefix(let prefix, let id): "NAICS prefix '\(prefix)' of \(id) is not 2 to 6 digits"
        case .ambiguousNAICSPrefix(let prefix, let a, let b): "NAICS prefix \(prefix) is listed by both \(a) and \(b)"
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
