import LiaisonCore
import LiaisonStore

/// `liaison event links`: each participant's link, the ones issued now in full; JSON an array of
/// `{company, name, link, issuedAt, new}` (`link` null for a link issued before).
struct ParticipantLinkList: CommandOutput {
    let links: [ParticipantLink]
    let baseURL: String

    private struct Entry: Encodable {
        var company: String
        var name: String
        var link: String?
        var issuedAt: String?
        var new: Bool
    }

    private var entries: [Entry] {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        return links.map { link in
            Entry(company: link.company, name: link.name, link: link.token.map { base + "/p/" + $0 }, issuedAt: link.issuedAt,
                  new: link.token != nil)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(entries)
    }

    var columns: [String] { ["company", "name", "link", "issued"] }

    var rows: [[String]] {
        entries.map { [$0.company, $0.name, $0.link ?? "(issued before; not shown — use --revoke for a new one)", $0.issuedAt ?? ""] }
    }

    var footer: [String] {
        let new = links.filter { $0.token != nil }.count
        return ["\(EnglishCount.of(new, "new link")), \(links.count - new) issued before"]
    }
}
