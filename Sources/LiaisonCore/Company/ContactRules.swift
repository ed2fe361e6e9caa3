/// Lenient checks of contact fields: they catch a value in the wrong column (a name in `email`,
/// a sentence in `website`), not every address a mail server would refuse.
enum ContactRules {
    /// An e-mail address, or several separated by `;`, `,` or spaces: each `local@domain.tld`.
    static func emailProblem(_ email: String) -> String? {
        guard !email.isEmpty else { return nil }
        let addresses = email.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "，" || $0 == "；" || $0.isWhitespace })
        for address in addresses {
            let parts = address.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
                  !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else {
                return "\(CompanyText.quoted(String(address))) is not an e-mail address (name@example.com)"
            }
        }
        return nil
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
