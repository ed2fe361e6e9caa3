/// A sparse sector profile: sector id → positive weight.
///
/// Its text form, used in CSV files and on the command line, is `sector:weight;sector:weight`,
/// where a bare `sector` means weight 1, e.g. `logistics-transportation:1;clean-energy:0.5`.
public struct SectorProfile: Hashable, Sendable {
    /// Positive, finite weights by sector id.
    public private(set) var weights: [String: Double]

    public init(_ weights: [String: Double] = [:]) {
        precondition(weights.values.allSatisfy { $0 > 0 && $0.isFinite }, "profile weights must be positive and finite")
        self.weights = weights
    }

    public var isEmpty: Bool { weights.isEmpty }

    /// The entries ordered by sector id, for stable output.
    public var entries: [(sector: String, weight: Double)] {
        weights.sorted { $0.key < $1.key }.map { (sector: $0.key, weight: $0.value) }
    }

    /// The text form, sectors ordered by id; `1` is written as a bare sector.
    public var text: String {
        entries.map { $0.weight == 1 ? $0.sector : "\($0.sector):\(Self.format($0.weight))" }.joined(separator: ";")
    }

    /// The shortest decimal that reads back as the same double.
    static func format(_ weight: Double) -> String {
        weight == weight.rounded() && abs(weight) < 1e15 ? String(Int64(weight)) : "\(weight)"
    }
}

extension SectorProfile {
    /// The profile of user-written entries: each sector resolved by id, name or alias, or else
    /// found in the entry as free text, one per item of a list written in it
    /// (``Taxonomy/inferList(_:)``, each appended to `inferences`, each with the entry's weight); each
    /// weight finite and above 0, no sector twice. Problems are appended to `issues` under `field`.
    ///
    /// Two entries of one sector are a problem when both name it exactly; when one was inferred
    /// (`Cold chain; warehousing` both mean supply-chain-services) the larger weight is kept.
    public static func resolving(_ entries: [ProfileEntry], field: String, taxonomy: Taxonomy,
                                 issues: inout [FieldIssue], inferences: inout [SectorInference]) -> SectorProfile {
        var weights: [String: Double] = [:]
        var inferred = Set<String>()
        for entry in entries {
            if let problem = CompanyText.problem(in: entry.sector) {
                issues.append(FieldIssue(field: field, message: problem))
                continue
            }
            let isInferred: Bool
            let indices: [Int]
            if let exact = taxonomy.resolve(entry.sector) {
                (indices, isInferred) = ([exact], false)
            } else {
                let found = taxonomy.inferList(entry.sector)
                guard !found.isEmpty else {
                    issues.append(FieldIssue(field: field, message: "unknown sector \(CompanyText.quoted(entry.sector)); see `liaison sectors`"))
                    continue
                }
                (indices, isInferred) = (found.map(\.index), true)
                for sector in found {
                    inferences.append(SectorInference(field: field, text: entry.sector, sector: taxonomy.sectors[sector.index].id, alias: sector.alias))
                }
            }
            guard entry.weight.isFinite, entry.weight > 0 else {
                issues.append(FieldIssue(field: field, message: "weight of \(CompanyText.excerpt(entry.sector)) must be a finite number above 0, not \(entry.weight)"))
                continue
            }
            for id in indices.map({ taxonomy.sectors[$0].id }) {
                if let previous = weights[id] {
                    if isInferred || inferred.contains(id) {
                        weights[id] = max(previous, entry.weight)
                        continue
                    }
                    issues.append(FieldIssue(field: field, message: "sector \(id) is listed twice"))
                }
                if isInferred { inferred.insert(id) }
                weights[id] = entry.weight
            }
        }
        return SectorProfile(weights)
    }

    /// ``resolving(_:field:taxonomy:issues:inferences:)`` when the inferences are not wanted.
    public static func resolving(_ entries: [ProfileEntry], field: String, taxonomy: Taxonomy,
                                 issues: inout [FieldIssue]) -> SectorProfile {
        var inferences: [SectorInference] = []
        return resolving(entries, field: field, taxonomy: taxonomy, issues: &issues, inferences: &inferences)
    }
}

/// An unvalidated profile entry as written by a user: a sector name and its weight.
public struct ProfileEntry: Hashable, Sendable {
    public var sector: String
    public var weight: Double

    public init(sector: String, weight: Double) {
        self.sector = sector
        self.weight = weight
    }

    /// Parses the text form `sector:weight;sector` (full-width `：` and `；` too), checking only its shape; sectors and weights
    /// are checked against the taxonomy by ``CompanyDraft/validated(with:)``.
    public static func parseList(_ text: String, field: String) throws(FieldIssue) -> [ProfileEntry] {
        var entries: [ProfileEntry] = []
        for item in text.split(whereSeparator: { $0 == ";" || $0 == "；" }) {
            // A full-width colon, as a Chinese keyboard types it, separates as ':' does.
            let parts = item.split(maxSplits: 1, omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "：" })
            let sector = parts[0].trimmingWhitespace()
            if sector.isEmpty {
                if parts.count == 1 { continue }
                throw FieldIssue(field: field, message: "missing sector before ':' in \(CompanyText.quoted(String(item)))")
            }
            guard parts.count == 2 else {
                entries.append(ProfileEntry(sector: sector, weight: 1))
                continue
            }
            let weightText = parts[1].trimmingWhitespace()
            guard let weight = Double(weightText) else {
                // `Retail:0.5, Logistics:0.8`: a list separated the way the profile's is not.
                let hint = weightText.contains(where: { ",，、".contains($0) }) && weightText.contains(where: \.isLetter) ? "; separate sectors with ';', as in retail:0.5;logistics:0.8" : ""
                throw FieldIssue(field: field, message: "weight \(CompanyText.quoted(weightText)) of \(CompanyText.excerpt(sector)) is not a number\(hint)")
            }
            entries.append(ProfileEntry(sector: sector, weight: weight))
        }
        return entries
    }
}

extension Substring {
    /// The text without leading and trailing white space (spaces, tabs, line breaks).
    func trimmingWhitespace() -> String {
        if let first = utf8.first, let last = utf8.last, Self.isVisibleASCII(first), Self.isVisibleASCII(last) {
            return String(self)
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    private static func isVisibleASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }
}

extension String {
    /// The text without leading and trailing white space (spaces, tabs, line breaks).
    func trimmingWhitespace() -> String {
        Substring(self).trimmingWhitespace()
    }
}
