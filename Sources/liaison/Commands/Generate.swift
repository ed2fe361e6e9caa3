import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonStore

extension Liaison {
    /// `liaison generate`: a synthetic, deterministic, importable scenario.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic scenario of fictional companies as importable CSV files.",
            discussion: """
                Writes DIR/cn-delegates.csv, DIR/us-firms.csv and DIR/ca-firms.csv. The same seed always \
                gives the same files; each company depends only on the seed, its side and its number.
                """)

        /// Taken like every command takes it; generating writes files and reads no database.
        @OptionGroup var database: DatabaseOptions

        // Numbers are parsed unconditionally: a negative one (`-1`) reaches validation, instead of
        // being read as an option of its own ("Missing value").
        @Option(parsing: .unconditional, help: "Seed of the generator.", transform: SeedValue.parse)
        var seed: UInt64

        @Option(parsing: .unconditional, help: "Number of Chinese delegate companies.")
        var delegates: Int

        @Option(parsing: .unconditional, help: "Number of US firms.")
        var us: Int

        @Option(parsing: .unconditional, help: "Number of Canadian firms.")
        var ca: Int

        @Option(name: .shortAndLong, help: "Directory to write the files into (created if missing).")
        var output: String

        /// The most companies of one side a scenario holds: a national registry's size, well
        /// within memory; far more could not be held and would abort.
        static let mostCompanies = 5_000_000

        func validate() throws {
            for (name, count) in [("--delegates", delegates), ("--us", us), ("--ca", ca)] where count < 0 || count > Self.mostCompanies {
                throw ValidationError("\(name) must be from 0 to \(Self.mostCompanies), not \(count)")
            }
        }

        func run() throws {
            let generator = ScenarioGenerator(seed: seed, taxonomy: TaxonomyFile.builtIn)
            let directory = URL(fileURLWithPath: output, isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let files: [(ScenarioGenerator.Side, Int, String)] =
                [(.delegates, delegates, "cn-delegates.csv"), (.unitedStates, us, "us-firms.csv"), (.canada, ca, "ca-firms.csv")]
            for (side, count, name) in files {
                let companies = generator.companies(of: side, count: count)
                // The path as the user gave it (relative stays relative).
                let path = output.hasSuffix("/") ? output + name : output + "/" + name
                try Output.write(try CompanyWriter.data(companies, format: .csv), to: path)
                print("\(path): \(EnglishCount.of(count, "company", plural: "companies"))")
            }
        }
    }
}
