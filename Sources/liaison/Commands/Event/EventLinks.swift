import ArgumentParser
import Foundation
import LiaisonStore

extension Liaison.Event {
    /// `liaison event links ID [--revoke COMPANY] [--base-url URL]`
    struct Links: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Each participant's private link to its page, for a mail merge; --revoke gives one a new link.",
            discussion: """
                Liaison keeps only a hash of each link, so a link is shown once, when it is issued: the first run \
                issues every participant's link; later runs issue links to participants added since and list the \
                others as issued. --revoke COMPANY gives that participant a new link (shown) and its old link stops \
                working. The links point at `liaison serve`; --base-url says where participants reach it.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var event: EventArgument

        @Option(help: "Give this participant a new link; its old link stops working.")
        var revoke: String?

        @Option(help: "Where participants reach `liaison serve`.")
        var baseURL: String = "http://127.0.0.1:8080"

        func validate() throws {
            try BaseURL.validate(baseURL)
        }

        func run() throws {
            let db = try database.open()
            let links = if let revoke {
                [try db.renewParticipantLink(event: event.id, company: revoke)]
            } else {
                try db.issueParticipantLinks(event: event.id)
            }
            try output.print(ParticipantLinkList(links: links, baseURL: baseURL))
        }
    }
}
