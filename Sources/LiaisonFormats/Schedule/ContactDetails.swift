import Foundation

/// How to reach a company, as agendas show it: any of a contact person, an e-mail address, a
/// phone number and a website; what is not given is nil.
public struct ContactDetails: Hashable, Sendable, Codable {
    public var contact: String?
    public var email: String?
    public var phone: String?
    public var website: String?

    public init(contact: String? = nil, email: String? = nil, phone: String? = nil, website: String? = nil) {
        self.contact = contact
        self.email = email
        self.phone = phone
        self.website = website
    }

    /// The details given (blank ones left out), in the order contact, e-mail, phone, website.
    public var given: [String] {
        [contact, email, phone, website].compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// The details on one line, e.g. `Li Wei · li.wei@example.cn · +86 10 5555 0100`; empty when none.
    public var line: String { given.joined(separator: " · ") }
}
