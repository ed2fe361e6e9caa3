import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonStore
import Testing

/// Bad imports into a database that already holds one company, so that "nothing was written"
/// can be checked against a snapshot taken before.
enum ImportFixture {
    /// Ends a test whose import was expected to be refused but went through.
    struct NotRefused: Error {}

    static let resident = Company(
        id: "CA-0001", name: "Maple Summit Energy Inc.", country: "CA", region: "ON", city: "Toronto",
        offers: SectorProfile(["clean-energy": 1]), seeks: SectorProfile(["capital-markets": 0.5]))

    /// Imports `bytes` as the file `name`, expects the import to be refused, checks that the
    /// database is exactly as before, and returns the error and the file's path as problems name it.
    static func refuse(_ bytes: [UInt8], named name: String, format: CompanyFileFormat? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> (error: ImportError, path: String) {
        try TestFiles.withTemporaryDirectory { directory in
            let db = try LiaisonDatabase.inMemory()
            try db.save([resident])
            let before = try DatabaseSnapshot(db)
            let url = try directory.writing(name, bytes: bytes)
            do {
                let summary = try db.importCompanies(from: [url], format: format)
                Issue.record("expected the import to be refused; it imported \(summary)", sourceLocation: sourceLocation)
                throw NotRefused()
            } catch let error as ImportError {
                #expect(try DatabaseSnapshot(db) == before, "the refused import wrote something", sourceLocation: sourceLocation)
                return (error, url.path)
            }
        }
    }

    static func refuse(_ text: String, named name: String, format: CompanyFileFormat? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> (error: ImportError, path: String) {
        try refuse(Array(text.utf8), named: name, format: format, sourceLocation: sourceLocation)
    }
}

extension ImportError {
    /// Expects a problem `FILE:LINE: field: …` whose message contains `fragment`, and that it is
    /// printed in that form.
    func expectProblem(in path: String, line: Int, field: String, containing fragment: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let matching = problems.filter { $0.file == path && $0.line == line && $0.field == field }
        #expect(matching.contains { $0.message.contains(fragment) },
                "no '\(field)' problem containing \(fragment.debugDescription) on line \(line) in:\n\(description)",
                sourceLocation: sourceLocation)
        #expect(description.contains("\(path):\(line): \(field): "), sourceLocation: sourceLocation)
    }

    /// The lines problems were found on.
    var lines: Set<Int> { Set(problems.map(\.line)) }
}

/// A CSV file whose line 4 is the bad record, with valid records before and after it.
enum BadCSV {
    static let header = "id,name,country,city,offers,seeks"
    static let before = [
        "CN-0001,Jade Harbor Foods,CN,Shenzhen,agriculture-food,retail:0.5",
        "US-0001,Cedar Bridge Logistics,US,Oakland,logistics-transportation;supply-chain-services:0.4,cross-border-trade",
    ]
    static let after = ["CA-0002,Quiet Comet Energy,CA,Calgary,clean-energy,"]
    static let badLine = 4

    static func text(badRecord: String) -> String {
        ([header] + before + [badRecord] + after).joined(separator: "\n") + "\n"
    }

    static var valid: String {
        ([header] + before + after).joined(separator: "\n") + "\n"
    }
}

/// A JSON Lines file whose line 3 is the bad record, with valid records before and after it.
enum BadJSONLines {
    static let before = [
        #"{"id":"CN-0001","name":"Jade Harbor Foods","country":"CN","city":"Shenzhen","offers":{"agriculture-food":1},"seeks":{"retail":0.5}}"#,
        #"{"id":"US-0001","name":"Cedar Bridge Logistics","country":"US","languages":["en"],"naics":4841,"offers":"logistics-transportation;supply-chain-services:0.4"}"#,
    ]
    static let after = [#"{"id":"CA-0002","name":"Quiet Comet Energy","country":"CA","offers":{"clean-energy":1},"industry":null}"#]
    static let badLine = 3

    static func text(badRecord: String) -> String {
        (before + [badRecord] + after).joined(separator: "\n") + "\n"
    }

    static var valid: String {
        (before + after).joined(separator: "\n") + "\n"
    }
}
