import Foundation
import Mustache

/// The page templates, parsed once from the copies embedded in the binary (so `liaison` needs no
/// file beside it). Every value reaches a page through `{{name}}`, which escapes HTML; no template
/// uses the unescaped forms (`{{{name}}}`, `{{& name}}`) — a test checks it.
struct PageTemplates: Sendable {
    let library: MustacheLibrary

    /// The templates by name (the file name without `.mustache`).
    static let sources: [String: [UInt8]] = [
        "layout": PackageResources.layout_mustache,
        "signin": PackageResources.signin_mustache,
        "message": PackageResources.message_mustache,
        "organizer_home": PackageResources.organizer_home_mustache,
        "companies": PackageResources.companies_mustache,
        "company": PackageResources.company_mustache,
        "import_result": PackageResources.import_result_mustache,
        "events": PackageResources.events_mustache,
        "event": PackageResources.event_mustache,
        "schedule": PackageResources.schedule_mustache,
        "links": PackageResources.links_mustache,
        "exports": PackageResources.exports_mustache,
        "participant": PackageResources.participant_mustache,
    ]

    init() throws {
        var library = MustacheLibrary()
        for (name, bytes) in Self.sources {
            try library.register(String(decoding: bytes, as: UTF8.self), named: name)
        }
        self.library = library
    }

    /// The page `name` rendered with `view` (a struct whose stored properties the template names).
    func render(_ name: String, _ view: Any) -> String {
        guard let html = library.render(view, withTemplate: name) else {
            preconditionFailure("no template named \(name)")
        }
        return html
    }
}
