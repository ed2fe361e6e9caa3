/// The facts the synthetic scenario follows: where the delegation's companies and their hosts
/// are, which sectors each side leans toward, and which sectors buy from which.
///
/// Sector weights are relative popularities; every sector of the taxonomy not named here gets
/// ``backgroundWeight``, so the generated economy covers the whole taxonomy.
enum ScenarioStory {
    /// A city and the province or state it is in, with its relative share of a country's firms.
    struct City {
        var name: String
        var region: String
        var share: Double
        /// Languages firms here add to English (e.g. French in Quebec).
        var extraLanguages: [String] = []
    }

    /// One side of the story: a country, where its firms are, and what they do.
    struct Side {
        var country: String
        var idPrefix: String
        var nameSuffixes: [String]
        var cities: [City]
        var sectorWeights: [String: Double]
        /// Chance that a firm also speaks Chinese (for US and Canada) or English (for China).
        var secondLanguageChance: Double
    }

    static let backgroundWeight = 0.25

    /// Chinese delegates: the delegation's sectors (agriculture and food, machinery and electronics,
    /// financial services, cross-border trade, logistics, biomedicine, trend culture; health, medical,
    /// insurance and catering exchanges).
    static let delegation = Side(
        country: "CN", idPrefix: "CN",
        nameSuffixes: ["Co., Ltd.", "Group Co., Ltd.", "Technology Co., Ltd.", "Holdings Co., Ltd."],
        cities: [
            City(name: "Beijing", region: "Beijing", share: 18), City(name: "Shanghai", region: "Shanghai", share: 18),
            City(name: "Shenzhen", region: "Guangdong", share: 14), City(name: "Hangzhou", region: "Zhejiang", share: 10),
            City(name: "Guangzhou", region: "Guangdong", share: 10), City(name: "Chengdu", region: "Sichuan", share: 7),
            City(name: "Qingdao", region: "Shandong", share: 7), City(name: "Suzhou", region: "Jiangsu", share: 4),
            City(name: "Wuhan", region: "Hubei", share: 4), City(name: "Xiamen", region: "Fujian", share: 3),
            City(name: "Tianjin", region: "Tianjin", share: 3), City(name: "Ningbo", region: "Zhejiang", share: 2),
        ],
        sectorWeights: [
            "agriculture-food": 10, "machinery-electronics": 10, "financial-services": 6, "cross-border-trade": 10,
            "logistics-transportation": 9, "biomedicine": 7, "trend-culture": 7, "health-economy": 5,
            "medical-devices": 5, "insurance": 3, "catering": 4, "supply-chain-services": 6, "digital-technology": 4,
            "artificial-intelligence": 3, "clean-energy": 4, "advanced-manufacturing": 4,
        ],
        secondLanguageChance: 0.8)

    /// US hosts: Washington D.C. area, Oakland and the Bay Area, and elsewhere; leaning toward
    /// digital technology, AI, health and logistics.
    static let unitedStates = Side(
        country: "US", idPrefix: "US", nameSuffixes: ["Inc.", "LLC", "Corp.", "Partners LLC"],
        cities: [
            City(name: "Washington", region: "DC", share: 10), City(name: "Arlington", region: "VA", share: 4),
            City(name: "Bethesda", region: "MD", share: 3), City(name: "Alexandria", region: "VA", share: 2),
            City(name: "Oakland", region: "CA", share: 12), City(name: "San Francisco", region: "CA", share: 9),
            City(name: "San Jose", region: "CA", share: 5), City(name: "Fremont", region: "CA", share: 3),
            City(name: "Palo Alto", region: "CA", share: 3), City(name: "New York", region: "NY", share: 9),
            City(name: "Seattle", region: "WA", share: 6), City(name: "Los Angeles", region: "CA", share: 7),
            City(name: "Chicago", region: "IL", share: 6), City(name: "Houston", region: "TX", share: 5),
            City(name: "Boston", region: "MA", share: 5), City(name: "Atlanta", region: "GA", share: 4),
            City(name: "Austin", region: "TX", share: 4), City(name: "Miami", region: "FL", share: 3, extraLanguages: ["es"]),
        ],
        sectorWeights: [
            "digital-technology": 10, "artificial-intelligence": 8, "health-economy": 6, "biomedicine": 5,
            "medical-devices": 4, "logistics-transportation": 6, "supply-chain-services": 4, "retail": 4,
            "financial-services": 3, "capital-markets": 3, "cybersecurity": 3, "cross-border-trade": 3,
            "clean-energy": 3, "agriculture-food": 3, "catering": 2, "insurance": 2,
        ],
        secondLanguageChance: 0.12)

    /// Canadian hosts: Toronto, Vancouver, Montreal, Calgary, Ottawa and more; leaning toward advanced
    /// manufacturing, digital technology, clean energy and sustainable agriculture.
    static let canada = Side(
        country: "CA", idPrefix: "CA", nameSuffixes: ["Inc.", "Ltd.", "Corp.", "Group Inc."],
        cities: [
            City(name: "Toronto", region: "ON", share: 28), City(name: "Vancouver", region: "BC", share: 16),
            City(name: "Montreal", region: "QC", share: 14, extraLanguages: ["fr"]),
            City(name: "Calgary", region: "AB", share: 10), City(name: "Ottawa", region: "ON", share: 8),
            City(name: "Waterloo", region: "ON", share: 5), City(name: "Edmonton", region: "AB", share: 5),
            City(name: "Quebec City", region: "QC", share: 4, extraLanguages: ["fr"]),
            City(name: "Halifax", region: "NS", share: 3), City(name: "Winnipeg", region: "MB", share: 3),
            City(name: "Saskatoon", region: "SK", share: 2),
        ],
        sectorWeights: [
            "advanced-manufacturing": 10, "digital-technology": 10, "clean-energy": 10, "sustainable-agriculture": 9,
            "artificial-intelligence": 4, "agriculture-food": 4, "mining-metals": 4, "logistics-transportation": 3,
            "robotics-automation": 3, "biomedicine": 3, "financial-services": 2, "insurance": 2,
            "supply-chain-services": 2, "oil-gas": 2,
        ],
        secondLanguageChance: 0.1)

    /// Who buys from whom: supplier sector → the sectors that are its customers or channels.
    /// Sellers seek their customers (buyers, distributors); buyers seek their suppliers.
    static let customers: [String: [String]] = [
        "agriculture-food": ["retail", "wholesale-trade", "catering", "hospitality-tourism", "cross-border-trade"],
        "sustainable-agriculture": ["agriculture-food", "retail", "beverages"],
        "fisheries-aquaculture": ["agriculture-food", "catering", "retail"],
        "beverages": ["retail", "catering", "hospitality-tourism"],
        "machinery-electronics": ["advanced-manufacturing", "construction-engineering", "automotive", "wholesale-trade", "utilities"],
        "advanced-manufacturing": ["automotive", "aerospace-defense", "clean-energy", "medical-devices", "robotics-automation"],
        "robotics-automation": ["advanced-manufacturing", "automotive", "logistics-transportation"],
        "semiconductors": ["hardware", "automotive", "artificial-intelligence"],
        "hardware": ["digital-technology", "retail", "telecommunications"],
        "digital-technology": ["financial-services", "retail", "health-economy", "logistics-transportation", "education"],
        "artificial-intelligence": ["digital-technology", "health-economy", "financial-services", "advanced-manufacturing"],
        "cybersecurity": ["financial-services", "digital-technology", "public-administration"],
        "clean-energy": ["utilities", "construction-engineering", "real-estate", "automotive"],
        "biomedicine": ["health-economy", "research-testing", "medical-devices"],
        "medical-devices": ["health-economy", "insurance"],
        "health-economy": ["insurance", "biomedicine"],
        "insurance": ["health-economy", "logistics-transportation", "financial-services"],
        "financial-services": ["capital-markets", "cross-border-trade", "fintech"],
        "capital-markets": ["clean-energy", "digital-technology", "biomedicine"],
        "logistics-transportation": ["cross-border-trade", "retail", "wholesale-trade", "agriculture-food"],
        "supply-chain-services": ["cross-border-trade", "retail", "advanced-manufacturing", "logistics-transportation"],
        "cross-border-trade": ["retail", "wholesale-trade", "logistics-transportation"],
        "trend-culture": ["retail", "media-entertainment", "marketing-advertising", "cross-border-trade"],
        "textiles-apparel": ["retail", "trend-culture"],
        "catering": ["hospitality-tourism", "agriculture-food"],
        "chemicals": ["advanced-manufacturing", "agriculture-food"],
        "mining-metals": ["advanced-manufacturing", "machinery-electronics", "clean-energy"],
        "oil-gas": ["utilities", "chemicals"],
        "retail": ["logistics-transportation", "marketing-advertising"],
    ]

    /// What a delegate seeks besides buyers: investors and technology partners.
    static let delegateExtras: [(sector: String, chance: Double)] = [
        ("capital-markets", 0.3), ("digital-technology", 0.25), ("artificial-intelligence", 0.15),
    ]

    /// Size bands (micro … enterprise) and their relative shares, per side.
    static let delegateSizes: [Double] = [2, 20, 35, 28, 15]
    static let firmSizes: [Double] = [12, 33, 30, 17, 8]

    /// The trade word of a firm's name where the sector name's first word would read oddly.
    static let tradeWords: [String: String] = [
        "agriculture-food": "Foods", "sustainable-agriculture": "Agritech", "artificial-intelligence": "AI",
        "financial-services": "Finance", "health-economy": "Health", "trend-culture": "Brands",
        "cross-border-trade": "Trading", "supply-chain-services": "Supply Chain", "digital-technology": "Digital",
        "clean-energy": "Energy", "advanced-manufacturing": "Manufacturing", "machinery-electronics": "Machinery",
        "medical-devices": "Medical", "catering": "Catering", "logistics-transportation": "Logistics",
        "capital-markets": "Capital", "household-personal-products": "Home", "personal-services": "Services",
        "business-support-services": "Services", "professional-services": "Advisory", "public-administration": "Civic",
        "research-testing": "Labs", "games-esports": "Games", "consumer-durables": "Home", "trade-promotion": "Trade",
        "marketing-advertising": "Media", "arts-recreation": "Arts", "hospitality-tourism": "Hospitality",
    ]

    /// Word lists for names that are plainly fictional: an invented two-word brand and a trade word.
    static let firstWords = [
        "Jade", "Silver", "Golden", "Azure", "Crimson", "Maple", "Cedar", "Harbor", "Summit", "River", "Lotus",
        "Granite", "Amber", "Willow", "Coral", "Falcon", "Orchid", "Pioneer", "Bright", "Quiet", "Northern",
        "Eastern", "Lucky", "Clever", "Nimble", "Velvet", "Copper", "Indigo", "Marble", "Misty",
    ]
    static let secondWords = [
        "Lantern", "Crane", "Meadow", "Bridge", "Compass", "Harvest", "Pebble", "Orchard", "Kite", "Tide",
        "Beacon", "Otter", "Fern", "Heron", "Anchor", "Canyon", "Sparrow", "Tortoise", "Teapot", "Puffin",
        "Panda", "Moose", "Raccoon", "Lighthouse", "Windmill", "Comet", "Quill", "Pinecone", "Acorn", "Bamboo",
    ]
}
