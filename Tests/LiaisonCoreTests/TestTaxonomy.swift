import LiaisonCore

/// A small taxonomy whose sectors, aliases and NAICS prefixes the tests of this target can see
/// at a glance; the built-in taxonomy is tested in LiaisonStoreTests.
enum TestTaxonomy {
    static let sectors = [
        Sector(id: "logistics-transportation", name: "Logistics & transportation", group: "Trade",
               aliases: ["logistics", "Transportation"], naicsPrefixes: ["48", "49", "4841"]),
        Sector(id: "retail", name: "Retail", group: "Trade", aliases: ["Specialty Retail"], naicsPrefixes: ["44", "45"]),
        Sector(id: "utilities", name: "Utilities", group: "Energy", naicsPrefixes: ["22"]),
        Sector(id: "clean-energy", name: "Clean energy", group: "Energy", aliases: ["renewable energy"], naicsPrefixes: ["221114"]),
        Sector(id: "digital-technology", name: "Digital technology", group: "Technology",
               aliases: ["Software & Services"], naicsPrefixes: ["5415"]),
    ]

    static let taxonomy = try! Taxonomy(sectors: sectors, version: "test")

    /// The position of the sector with this id.
    static func index(_ id: String) -> Int {
        sectors.firstIndex { $0.id == id }!
    }
}

extension CompanyDraft {
    /// A draft that passes validation, for tests to break one field at a time.
    static var valid: CompanyDraft {
        var draft = CompanyDraft()
        draft.id = "CN-0042"
        draft.name = "Jade Harbor Logistics Co., Ltd."
        draft.country = "CN"
        draft.city = "Qingdao"
        draft.languages = ["zh", "en"]
        draft.offers = [ProfileEntry(sector: "logistics-transportation", weight: 1)]
        draft.seeks = [ProfileEntry(sector: "retail", weight: 0.5)]
        return draft
    }
}
