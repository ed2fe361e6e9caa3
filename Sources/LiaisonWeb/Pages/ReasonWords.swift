import LiaisonCore
import LiaisonFormats

/// Match reasons in a participant's language, from its own side ("you seek clean energy, they
/// offer it"). English is LiaisonFormats' ``ReasonText``; Chinese and French follow the same
/// rules. Sector names are the taxonomy's.
struct ReasonWords: Sendable {
    let taxonomy: Taxonomy
    let language: PageLanguage

    /// One reason in words, without its contribution (participants see no scores).
    func text(_ reason: MatchReason) -> String {
        if language == .en { return ReasonText(taxonomy: taxonomy).text(reason) }
        let sector = sectorName(reason.sector)
        let languages = (reason.languages ?? []).joined(separator: ", ")
        switch (language, reason.kind) {
        case (.zh, .bothOffer): return "双方均从事\(sector)"
        case (.zh, .youSeekTheyOffer): return "您寻求\(sector)，对方提供"
        case (.zh, .theySeekYouOffer): return "对方寻求\(sector)，您提供"
        case (.zh, .sharedLanguages): return "共同语言：\(languages)"
        case (.fr, .bothOffer): return "tous deux dans \(sector)"
        case (.fr, .youSeekTheyOffer): return "vous cherchez \(sector), ils l’offrent"
        case (.fr, .theySeekYouOffer): return "ils cherchent \(sector), vous l’offrez"
        case (.fr, .sharedLanguages): return (reason.languages?.count ?? 0) > 1 ? "langues communes : \(languages)" : "langue commune : \(languages)"
        case (_, .sizes):
            switch (reason.subjectSize, reason.matchSize) {
            case let (a?, b?) where a == b: return language == .zh ? "规模相同（\(a.rawValue)）" : "même taille (\(a.rawValue))"
            case let (a?, b?): return language == .zh ? "规模：\(a.rawValue) 与 \(b.rawValue)" : "tailles \(a.rawValue) et \(b.rawValue)"
            default: return language == .zh ? "规模未知（一般匹配）" : "taille inconnue (adéquation moyenne)"
            }
        default: return ReasonText(taxonomy: taxonomy).text(reason)
        }
    }

    /// The reasons on one line.
    func line(_ reasons: [MatchReason]) -> String {
        reasons.map(text).joined(separator: language == .zh ? "；" : "; ")
    }

    private func sectorName(_ id: String?) -> String {
        guard let id, let index = taxonomy.resolve(id) else { return id ?? "" }
        return taxonomy.sectors[index].name.lowercased()
    }
}
