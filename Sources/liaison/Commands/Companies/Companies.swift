import ArgumentParser

extension Liaison {
    /// `liaison companies`: the stored companies.
    struct Companies: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, show, import, export and remove the stored companies.",
            subcommands: [List.self, Show.self, Import.self, Export.self, Remove.self])
    }

    /// `liaison import companies`: the older spelling of `liaison companies import`, kept for scripts.
    struct ImportGroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Import data files (the same as `liaison companies import`).",
            subcommands: [ImportCompanies.self])

        struct ImportCompanies: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "companies", abstract: Companies.Import.configuration.abstract,
                discussion: Companies.Import.configuration.discussion)

            @OptionGroup var command: Companies.Import

            func run() throws { try command.run() }
        }
    }

    /// `liaison export companies`: the older spelling of `liaison companies export`, kept for scripts.
    struct ExportGroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Export stored data (the same as `liaison companies export`).",
            subcommands: [ExportCompanies.self])

        struct ExportCompanies: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "companies", abstract: Companies.Export.configuration.abstract)

            @OptionGroup var command: Companies.Export

            func run() throws { try command.run() }
        }
    }
}
