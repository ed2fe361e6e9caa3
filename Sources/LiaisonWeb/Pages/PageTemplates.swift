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
        "remove_participant": PackageResources.remove_participant_mustache,
    ]

    init() throws {
        // Before parsing: the layout names it.
        MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
        var library = MustacheLibrary()
        for (name, bytes) in Self.sources {
            try library.register(String(decoding: bytes, as: UTF8.self), named: name)
        }
        let participant = String(decoding: Self.sources["participant"]!, as: UTF8.self)
        for language in PageLanguage.allCases {
            try library.register(Self.writingTexts(of: language, into: participant), named: Self.participant(language))
        }
        self.library = library
    }

    /// The participant page's template in `language`: `participant` with its fixed texts written in.
    static func participant(_ language: PageLanguage) -> String {
        "participant-" + language.rawValue
    }

    /// `source` with each `{{t.name}}` replaced by the text `name` in `language`, escaped as the
    /// page would escape it (``HTMLEscaping``): the same page, with a hundred fewer values for the
    /// template engine to look up on each rendering (a third of its time). A text that would read
    /// as template syntax (`{{`, `}}`), or a name without a text, is left to the engine.
    static func writingTexts(of language: PageLanguage, into source: String) -> String {
        let table = language.table
        var written = ""
        var rest = Substring(source)
        while let open = rest.range(of: "{{t.") {
            written += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let name = rest[open.upperBound..<close.lowerBound]
            if let text = table[String(name)], !text.contains("{{"), !text.contains("}}") {
                written += HTMLEscaping.escape(text)
            } else {
                written += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return written + rest
    }

    /// The page `name` rendered with `view` (a struct whose stored properties the template names).
    func render(_ name: String, _ view: Any) -> String {
        guard let html = library.render(view, withTemplate: name) else {
            preconditionFailure("no template named \(name)")
        }
        return html
    }
}
