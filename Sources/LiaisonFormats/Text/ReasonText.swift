import LiaisonCore

/// The words of match reasons: "both in logistics & transportation +0.31; you seek clean energy,
/// they offer it +0.22; shared language en +0.05".
public struct ReasonText: Sendable {
    public let taxonomy: Taxonomy

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
    }

    /// One reason in words, without its contribution, e.g. `you seek clean energy, they offer it`.
    public func text(_ reason: MatchReason) -> String {
        switch reason.kind {
        case .bothOffer: "both in \(sectorName(reason.sector))"
        case .youSeekTheyOffer: "you seek \(sectorName(reason.sector)), they offer it"
        case .theySeekYouOffer: "they seek \(sectorName(reason.sector)), you offer it"
        case .sharedLanguages:
            "shared language\((reason.languages?.count ?? 0) > 1 ? "s" : "") \((reason.languages ?? []).joined(separator: ", "))"
        case .sizes:
            switch (reason.subjectSize, reason.matchSize) {
            case let (a?, b?) where a == b: "same size (\(a.rawValue))"
            case let (a?, b?): "sizes \(a.rawValue) and \(b.rawValue)"
            default: "size unknown (average fit)"
            }
        }
    }

    /// One reason with its contribution, e.g. `both in logistics & transportation +0.31`.
    public func item(_ reason: MatchReason) -> String {
        "\(text(reason)) +\(Self.contribution(reason.contribution))"
    }

    /// The reasons on one line, separated by `; `.
    public func line(_ reasons: [MatchReason]) -> String {
        reasons.map(item).joined(separator: "; ")
    }

    /// A contribution with two decimals, e.g. `0.31`.
    public static func contribution(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    private func sectorName(_ id: String?) -> String {
        guard let id, let index = taxonomy.resolve(id) else { return id ?? "" }
        return taxonomy.sectors[index].name.lowercased()
    }
}
