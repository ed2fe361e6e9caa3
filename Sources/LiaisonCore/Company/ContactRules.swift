/// Lenient checks of contact fields: they catch a value in the wrong column (a name in `email`,
/// a sentence in `website`), not every address a mail server would refuse.
enum ContactRules {
    /// E-mail addresses, one or several separated by `;`, `,`, `/` or spaces: each `name@domain.tld`,
    /// bare or with a display name in angle brackets (`Li Ming <li@example.cn>`, `<li@example.cn>`).
    static func emailProblem(_ email: String) -> String? {
        guard !email.isEmpty else { return nil }
        for entry in email.split(whereSeparator: { ";,，；/".contains($0) }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let addresses: [Substring]
            if let open = entry.firstIndex(of: "<") {
                // `Display Name <address>`: one address, at the entry's end.
                guard entry.hasSuffix(">"), entry[..<open].allSatisfy({ $0 != ">" && $0 != "@" }) else { return emailRefusal(entry) }
                addresses = [entry[entry.index(after: open)..<entry.index(before: entry.endIndex)]]
            } else {
                addresses = entry.split(whereSeparator: \.isWhitespace)
            }
            for address in addresses where !isAddress(address) {
                if address.lowercased().hasPrefix("mailto:") {
                    return "\(CompanyText.quoted(String(address))): write the address without 'mailto:'"
                }
                return emailRefusal(entry)
            }
        }
        return nil
    }

    private static func emailRefusal(_ entry: String) -> String {
        "\(CompanyText.quoted(entry)) is not an e-mail address (name@example.com, or Name <name@example.com>)"
    }

    /// `name@domain.tld`: one `@`, a name and a domain with a dot inside it, no spaces, brackets,
    /// quotes or separators, no empty part between dots.
    private static func isAddress(_ address: Substring) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !address.contains(where: { $0.isWhitespace || "<>()[]\\\",;:".contains($0) }) else { return false }
        return !parts[1].split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty)
            && !parts[0].hasPrefix(".") && !parts[0].hasSuffix(".")
    }

    /// A telephone number: any text holding at least one digit (`+86 755 1234 5678`, `(415) 555-0100 ext. 12`).
    static func phoneProblem(_ phone: String) -> String? {
        guard !phone.isEmpty, !phone.contains(where: \.isNumber) else { return nil }
        return "\(CompanyText.quoted(phone)) holds no digit; is it a telephone number?"
    }

    /// A web address: `https://…`, `http://…` or a host name with a dot (`www.example.cn`), without spaces.
    static func websiteProblem(_ website: String) -> String? {
        guard !website.isEmpty else { return nil }
        let lower = website.lowercased()
        let rest = lower.hasPrefix("https://") ? lower.dropFirst(8) : lower.hasPrefix("http://") ? lower.dropFirst(7) : Substring(lower)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !website.contains(where: \.isWhitespace), host.contains("."), !host.hasPrefix("."), !host.hasSuffix(".") else {
            return "\(CompanyText.quoted(website)) is not a web address (https://example.com or www.example.com)"
        }
        return nil
    }
}
