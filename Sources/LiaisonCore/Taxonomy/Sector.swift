/// One sector of the taxonomy: a dimension of every company's offers and seeks vectors.
public struct Sector: Hashable, Sendable {
    /// Stable slug, e.g. `logistics-transportation`; what profiles and exports refer to.
    public var id: String
    /// Human name, e.g. `Logistics & transportation`.
    public var name: String
    /// The broad group the sector belongs to, e.g. `Trade & logistics`.
    public var group: String
    /// Other names that resolve to this sector: industry names of public company lists, short forms.
    public var aliases: [String]
    /// NAICS code prefixes (2 to 6 digits) whose firms offer this sector.
    public var naicsPrefixes: [String]

    public init(id: String, name: String, group: String, aliases: [String] = [], naicsPrefixes: [String] = []) {
        self.id = id
        self.name = name
        self.group = group
        self.aliases = aliases
        self.naicsPrefixes = naicsPrefixes
    }
}

extension Sector {
    /// The sector's Chinese name: its first alias written in Chinese characters, if any.
    public var chineseName: String? {
        aliases.first { $0.unicodeScalars.contains(where: SectorPhrases.isHan) }
    }
}
