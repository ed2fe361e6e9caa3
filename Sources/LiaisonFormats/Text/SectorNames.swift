import LiaisonCore

/// Sector names in the agenda languages: the taxonomy's own (English) names, and Chinese and
/// French names kept here by sector id, one for every sector of `datasets/sectors.csv`.
public enum SectorNames {
    /// The name of sector `id` in `language`: the translation kept here, else the taxonomy's
    /// name (English), else the id itself.
    public static func name(_ id: String, in language: AgendaLanguage, taxonomy: Taxonomy) -> String {
        switch language {
        case .zh: if let name = chinese[id] { return name }
        case .fr: if let name = french[id] { return name }
        case .en: break
        }
        guard let index = taxonomy.resolve(id) else { return id }
        return taxonomy.sectors[index].name
    }

    /// Chinese names by sector id.
    public static let chinese: [String: String] = [
        "agriculture-food": "农业与食品", "sustainable-agriculture": "可持续农业", "fisheries-aquaculture": "渔业与水产养殖",
        "forestry-paper": "林业与造纸", "mining-metals": "采矿与金属", "oil-gas": "石油与天然气", "clean-energy": "清洁能源",
        "utilities": "公用事业", "machinery-electronics": "机械与电子", "advanced-manufacturing": "先进制造",
        "robotics-automation": "机器人与自动化", "automotive": "汽车", "aerospace-defense": "航空航天与国防", "chemicals": "化工",
        "advanced-materials": "新材料", "building-materials": "建筑材料", "packaging": "包装与印刷", "textiles-apparel": "纺织服装",
        "digital-technology": "数字技术", "artificial-intelligence": "人工智能", "cybersecurity": "网络安全", "semiconductors": "半导体",
        "hardware": "科技硬件与设备", "telecommunications": "电信", "financial-services": "金融服务", "banking": "银行",
        "capital-markets": "资本市场", "insurance": "保险", "fintech": "金融科技", "biomedicine": "生物医药", "medical-devices": "医疗器械",
        "health-economy": "大健康", "trend-culture": "潮流文化与消费品牌", "household-personal-products": "家居与个人护理用品",
        "consumer-durables": "耐用消费品", "beverages": "饮料", "retail": "零售", "catering": "餐饮", "hospitality-tourism": "酒店与旅游",
        "media-entertainment": "传媒与娱乐", "games-esports": "游戏与电竞", "arts-recreation": "文体休闲", "personal-services": "生活服务",
        "cross-border-trade": "跨境贸易与电商", "wholesale-trade": "批发贸易", "logistics-transportation": "物流与运输",
        "supply-chain-services": "供应链服务", "trade-promotion": "贸易与投资促进", "real-estate": "房地产",
        "construction-engineering": "建筑与工程", "environmental-services": "环保服务", "professional-services": "专业服务",
        "business-support-services": "商务支持服务", "marketing-advertising": "营销与广告", "research-testing": "研发与检测",
        "education": "教育", "public-administration": "公共管理",
    ]

    /// French names by sector id.
    public static let french: [String: String] = [
        "agriculture-food": "agriculture et agroalimentaire", "sustainable-agriculture": "agriculture durable",
        "fisheries-aquaculture": "pêche et aquaculture", "forestry-paper": "foresterie et papier", "mining-metals": "mines et métaux",
        "oil-gas": "pétrole et gaz", "clean-energy": "énergie propre", "utilities": "services publics d'énergie et d'eau",
        "machinery-electronics": "machines et électronique", "advanced-manufacturing": "fabrication de pointe",
        "robotics-automation": "robotique et automatisation", "automotive": "automobile", "aerospace-defense": "aérospatiale et défense",
        "chemicals": "chimie", "advanced-materials": "matériaux avancés", "building-materials": "matériaux de construction",
        "packaging": "emballage et impression", "textiles-apparel": "textile et habillement", "digital-technology": "technologies numériques",
        "artificial-intelligence": "intelligence artificielle", "cybersecurity": "cybersécurité", "semiconductors": "semi-conducteurs",
        "hardware": "matériel et appareils technologiques", "telecommunications": "télécommunications",
        "financial-services": "services financiers", "banking": "banque", "capital-markets": "marchés des capitaux", "insurance": "assurance",
        "fintech": "technologies financières", "biomedicine": "biomédecine", "medical-devices": "dispositifs médicaux",
        "health-economy": "économie de la santé", "trend-culture": "culture tendance et marques grand public",
        "household-personal-products": "produits ménagers et de soins personnels", "consumer-durables": "biens de consommation durables",
        "beverages": "boissons", "retail": "commerce de détail", "catering": "restauration", "hospitality-tourism": "hôtellerie et tourisme",
        "media-entertainment": "médias et divertissement", "games-esports": "jeux vidéo et sport électronique",
        "arts-recreation": "arts et loisirs", "personal-services": "services aux particuliers",
        "cross-border-trade": "commerce transfrontalier et e-commerce", "wholesale-trade": "commerce de gros",
        "logistics-transportation": "logistique et transport", "supply-chain-services": "services de chaîne d'approvisionnement",
        "trade-promotion": "promotion du commerce et de l'investissement", "real-estate": "immobilier",
        "construction-engineering": "construction et ingénierie", "environmental-services": "services environnementaux",
        "professional-services": "services professionnels", "business-support-services": "services de soutien aux entreprises",
        "marketing-advertising": "marketing et publicité", "research-testing": "recherche et essais", "education": "éducation",
        "public-administration": "administration publique",
    ]
}
