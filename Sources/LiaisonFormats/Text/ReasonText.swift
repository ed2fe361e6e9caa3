import LiaisonCore

/// The words of match reasons, in a reader's language and from the reader's side (the "you" of
/// the words is the reasons' subject: see `MatchReason.seenFromMatch` to tell them to the other
/// party): "both in logistics & transportation +0.31; you seek clean energy, they offer it +0.22;
/// shared language en +0.05", or in Chinese "同属物流与运输领域；您寻求清洁能源，对方提供".
public struct ReasonText: Sendable {
    public let taxonomy: Taxonomy
    public let language: AgendaLanguage

    public init(taxonomy: Taxonomy, language: AgendaLanguage = .en) {
        self.taxonomy = taxonomy
        self.language = language
    }

    /// One reason in words, without its contribution, e.g. `you seek clean energy, they offer it`.
    public func text(_ reason: MatchReason) -> String {
        let words = AgendaWords.of(language)
        let sector = sectorName(reason.sector)
        let languages = reason.languages ?? []
        let sizes = (reason.subjectSize.map { words.size($0.rawValue) }, reason.matchSize.map { words.size($0.rawValue) })
        switch language {
        case .en:
            switch reason.kind {
            case .bothOffer: return "both in \(sector)"
            case .youSeekTheyOffer: return "you seek \(sector), they offer it"
            case .theySeekYouOffer: return "they seek \(sector), you offer it"
            case .sharedLanguages: return "shared language\(languages.count > 1 ? "s" : "") \(languages.joined(separator: ", "))"
            case .sizes:
                switch sizes {
                case let (a?, b?) where a == b: return "same size (\(a))"
                case let (a?, b?): return "sizes \(a) and \(b)"
                default: return "size unknown (average fit)"
                }
            }
        case .zh:
            switch reason.kind {
            case .bothOffer: return "同属\(sector)领域"
            case .youSeekTheyOffer: return "您寻求\(sector)，对方提供"
            case .theySeekYouOffer: return "对方寻求\(sector)，您提供"
            case .sharedLanguages: return "共同语言：" + languages.map { CountryAndLanguageNames.language($0, in: .zh) }.joined(separator: "、")
            case .sizes:
                switch sizes {
                case let (a?, b?) where a == b: return "规模相同（\(a)）"
                case let (a?, b?): return "规模：\(a)与\(b)"
                default: return "规模未知（按平均匹配计）"
                }
            }
        case .fr:
            switch reason.kind {
            // A narrow no-break space before ':' and ';' and inside « »: French typography, and no line breaks there.
            case .bothOffer: return "même secteur\u{202F}: \(sector)"
            case .youSeekTheyOffer: return "vous recherchez «\u{202F}\(sector)\u{202F}», qu'ils proposent"
            case .theySeekYouOffer: return "ils recherchent «\u{202F}\(sector)\u{202F}», que vous proposez"
            case .sharedLanguages:
                return "langue\(languages.count > 1 ? "s" : "") commune\(languages.count > 1 ? "s" : "")\u{202F}: "
                    + languages.map { CountryAndLanguageNames.language($0, in: .fr) }.joined(separator: ", ")
            case .sizes:
                switch sizes {
                case let (a?, b?) where a == b: return "même taille (\(a))"
                case let (a?, b?): return "tailles \(a) et \(b)"
                default: return "taille inconnue (adéquation moyenne)"
                }
            }
        }
    }

    /// One reason with its contribution, e.g. `both in logistics & transportation +0.31`.
    public func item(_ reason: MatchReason) -> String {
        "\(text(reason)) +\(Self.contribution(reason.contribution))"
    }

    /// The reasons on one line with their contributions, separated by `; ` (`；` in Chinese, `\u{202F}; `
    /// in French).
    public func line(_ reasons: [MatchReason]) -> String {
        reasons.map(item).joined(separator: separator)
    }

    /// The reasons on one line without contributions: what a participant reads.
    public func plainLine(_ reasons: [MatchReason]) -> String {
        reasons.map(text).joined(separator: separator)
    }

    private var separator: String { language == .zh ? "；" : language == .fr ? "\u{202F}; " : "; " }

    /// A contribution with two decimals, e.g. `0.31`.
    public static func contribution(_ value: Double) -> String {
        // Beyond what an Int holds in hundredths (no weight makes one), as printf writes it.
        guard abs(value) < 1e15 else { return String(format: "%.2f", value) }
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// A sector as reasons name it: lower case in English and French, as written in Chinese.
    private func sectorName(_ id: String?) -> String {
        guard let id else { return "" }
        let name = SectorNames.name(id, in: language, taxonomy: taxonomy)
        return language == .zh ? name : name.lowercased()
    }
}
