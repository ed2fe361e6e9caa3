import LiaisonFormats
import LiaisonStore
import LiaisonTestSupport

extension ReferenceScore.Profile {
    /// The profile of a company as the tool exports it.
    init(_ document: CompanyDocument) {
        self.init(offers: document.offers, seeks: document.seeks, languages: document.languages, size: document.size)
    }
}

extension ReferenceScore {
    /// The `top` best of `candidates` for `subject`, best first, equal scores by id.
    func ranking(_ subject: Profile, among candidates: [CompanyDocument], top: Int) -> [(id: String, score: Double)] {
        ranking(subject, among: candidates.map { (id: $0.id, profile: Profile($0)) }, top: top)
    }
}
