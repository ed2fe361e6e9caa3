import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonStore
import Testing

/// A bad record and the problem it must cause: its field and a fragment of the message.
struct BadRecord: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var record: String
    var field: String
    var fragment: String
}

@Suite("Refused imports: CSV")
struct CSVImportErrorTests {
    @Test("the valid records around each bad one import on their own")
    func validRecordsImport() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let db = try LiaisonDatabase.inMemory()
            let summary = try db.importCompanies(from: [directory.writing("good.csv", BadCSV.valid)])
            #expect(summary.inserted == 3)
        }
    }

    @Test("a bad record is refused with FILE:LINE: field, and nothing is written", arguments: [
        BadRecord(testDescription: "unknown sector", record: "CN-0002,Azure Kite Trading,CN,Ningbo,cross-border-trade;logistix:0.5,",
                  field: "offers", fragment: "unknown sector 'logistix'"),
        BadRecord(testDescription: "weight zero", record: "CN-0002,Azure Kite Trading,CN,Ningbo,cross-border-trade,retail:0",
                  field: "seeks", fragment: "above 0"),
        BadRecord(testDescription: "negative weight", record: "CN-0002,Azure Kite Trading,CN,Ningbo,cross-border-trade:-1,",
                  field: "offers", fragment: "above 0"),
        BadRecord(testDescription: "infinite weight", record: "CN-0002,Azure Kite Trading,CN,Ningbo,cross-border-trade:inf,",
                  field: "offers", fragment: "finite"),
        BadRecord(testDescription: "NaN weight", record: "CN-0002,Azure Kite Trading,CN,Ningbo,cross-border-trade,retail:nan",
                  field: "seeks", fragment: "finite"),
        BadRecord(testDescription: "weight not a number", record: "CN-0002,Azure Kite Trading,CN,Ningbo,cross-border-trade:high,",
                  field: "offers", fragment: "'high' of cross-border-trade is not a number"),
        BadRecord(testDescription: "unknown country code", record: "CN-0002,Azure Kite Trading,ZZ,Ningbo,cross-border-trade,",
                  field: "country", fragment: "'ZZ'"),
        BadRecord(testDescription: "empty name", record: "CN-0002,,CN,Ningbo,cross-border-trade,",
                  field: "name", fragment: "missing"),
        BadRecord(testDescription: "empty id", record: " ,Azure Kite Trading,CN,Ningbo,cross-border-trade,",
                  field: "id", fragment: "missing"),
        // Ids may hold spaces now (tickers such as `UMH PR-A`); an invisible character is what is refused.
        BadRecord(testDescription: "id with a zero-width space", record: "CN\u{200B}0002,Azure Kite Trading,CN,Ningbo,cross-border-trade,",
                  field: "id", fragment: "invisible character U+200B"),
        BadRecord(testDescription: "no profile", record: "CN-0002,Azure Kite Trading,CN,Ningbo,,",
                  field: "offers", fragment: "no profile"),
        BadRecord(testDescription: "too few fields", record: "CN-0002,Azure Kite Trading,CN",
                  field: "row", fragment: "expected 6 fields"),
        BadRecord(testDescription: "too many fields", record: "CN-0002,Azure Kite Trading,CN,Ningbo,cross-border-trade,,extra",
                  field: "row", fragment: "found 7"),
        BadRecord(testDescription: "duplicate id", record: "CN-0001,Jade Harbor Foods Again,CN,Shenzhen,agriculture-food,",
                  field: "id", fragment: "first on line 2"),
        BadRecord(testDescription: "duplicate id with white space around it", record: " CN-0001 ,Jade Harbor Foods Again,CN,,retail,",
                  field: "id", fragment: "first on line 2"),
    ])
    func badRecord(bad: BadRecord) throws {
        let (error, path) = try ImportFixture.refuse(BadCSV.text(badRecord: bad.record), named: "companies.csv")
        error.expectProblem(in: path, line: BadCSV.badLine, field: bad.field, containing: bad.fragment)
        // One problem only: a field that cannot be read is not reported again as missing.
        #expect(error.problems.map(\.field) == [bad.field], "\(error)")
    }

    @Test("a header without the country column is refused on line 1")
    func missingCountryColumn() throws {
        let text = "id,name,city,offers\nCN-0001,Jade Harbor Foods,Shenzhen,agriculture-food\n"
        let (error, path) = try ImportFixture.refuse(text, named: "no-country.csv")
        error.expectProblem(in: path, line: 1, field: "header", containing: "missing the required column 'country'")
    }

    // A column Liaison does not know is kept with each company now (the organizer's own columns);
    // two columns meaning one field are what a header can get wrong.
    @Test("a header naming a column twice, or two columns of one field, is refused on line 1", arguments: [
        ("id,name,country,sector,industry", "'sector' and 'industry' both mean industry"), ("id,name,country,name", "column 'name' appears twice"),
    ])
    func badHeader(header: String, fragment: String) throws {
        let (error, path) = try ImportFixture.refuse(header + "\nCN-0001,Jade,CN,x\n", named: "header.csv")
        error.expectProblem(in: path, line: 1, field: "header", containing: fragment)
    }

    @Test("an unterminated quote is reported on the line where it opened")
    func unterminatedQuote() throws {
        let text = BadCSV.text(badRecord: #"CN-0002,"Azure Kite Trading,CN,Ningbo,cross-border-trade,"#)
        let (error, path) = try ImportFixture.refuse(text, named: "quotes.csv")
        error.expectProblem(in: path, line: BadCSV.badLine, field: "quoting", containing: "opened on line \(BadCSV.badLine)")
        #expect(error.problems.count == 1)
    }

    @Test("malformed quoting is refused on its line", arguments: [
        BadRecord(testDescription: "text after a closing quote",
                  record: #"CN-0002,"Azure Kite" Trading,CN,Ningbo,cross-border-trade,"#, field: "quoting", fragment: "after a closing quote"),
        BadRecord(testDescription: "a quote inside an unquoted field",
                  record: #"CN-0002,Azure "Kite" Trading,CN,Ningbo,cross-border-trade,"#, field: "quoting", fragment: "quote inside an unquoted field"),
        BadRecord(testDescription: "a bare carriage return",
                  record: "CN-0002,Azure\rKite Trading,CN,Ningbo,cross-border-trade,", field: "quoting", fragment: "carriage return"),
    ])
    func malformedQuoting(bad: BadRecord) throws {
        let (error, path) = try ImportFixture.refuse(BadCSV.text(badRecord: bad.record), named: "quotes.csv")
        error.expectProblem(in: path, line: BadCSV.badLine, field: bad.field, containing: bad.fragment)
    }

    @Test("a field that is not UTF-8 is refused, naming its column")
    func notUTF8() throws {
        var bytes = Array((BadCSV.header + "\n" + BadCSV.before.joined(separator: "\n") + "\nCN-0002,Azure ").utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(" Trading,CN,Ningbo,cross-border-trade,\n".utf8)
        let (error, path) = try ImportFixture.refuse(bytes, named: "latin.csv")
        error.expectProblem(in: path, line: BadCSV.badLine, field: "name", containing: "not valid UTF-8")
        #expect(error.problems.count == 1, "\(error)")
    }

    @Test("an empty file is refused: it lacks even the header")
    func emptyFile() throws {
        let (error, path) = try ImportFixture.refuse([], named: "empty.csv")
        error.expectProblem(in: path, line: 1, field: "file", containing: "empty")
    }

    @Test("a file with only a header is refused: it holds no companies", arguments: ["", "\n", "\n\n\r\n"])
    func headerOnly(trailing: String) throws {
        let (error, path) = try ImportFixture.refuse(BadCSV.header + trailing, named: "header-only.csv")
        error.expectProblem(in: path, line: 1, field: "file", containing: "holds no companies")
    }

    @Test("after a quoted field spanning lines, problems name the line the record starts on", arguments: ["\n", "\r\n"])
    func multiLineQuotedField(newline: String) throws {
        let text = [
            "id,name,country,offers,description",
            #"CN-0001,Jade Harbor Foods,CN,agriculture-food,"Exports tea,"# ,
            #"and ""premium"" fruit,"#,
            #"by sea.""#,
            "CN-0002,Azure Kite Trading,CN,logistix,",
            "",
            "CN-0003,Lucky Comet Trading,CN,cross-border-trade,Retail \"brands\"",
        ].joined(separator: newline) + newline
        let (error, path) = try ImportFixture.refuse(text, named: "multiline.csv")
        error.expectProblem(in: path, line: 5, field: "offers", containing: "'logistix'")
        error.expectProblem(in: path, line: 7, field: "quoting", containing: "quote inside an unquoted field")
        #expect(error.lines == [5, 7])
    }

    @Test("at most 20 problems are printed, then how many more there are")
    func problemLimit() throws {
        let records = (1...25).map { "CN-\($0),Company \($0),ZZ,,retail," }
        let text = ([BadCSV.header] + records).joined(separator: "\n")
        let (error, path) = try ImportFixture.refuse(text, named: "many.csv")
        #expect(error.problems.count == 25)
        #expect(error.lines == Set(2...26))
        let printed = error.description.split(separator: "\n")
        #expect(printed.count == ImportError.printedProblemLimit + 2)
        #expect(printed.first == "nothing imported, 25 problems:")
        #expect(printed[1].hasPrefix("\(path):2: country: "))
        #expect(printed.last == "… and \(25 - ImportError.printedProblemLimit) more problems")
    }

    @Test("problems in any of several files refuse them all, each problem naming its file")
    func severalFiles() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let db = try LiaisonDatabase.inMemory()
            try db.save([ImportFixture.resident])
            let before = try DatabaseSnapshot(db)
            // Each file has its own ids: an id may appear once in a whole import.
            func renumbered(_ text: String, _ digit: String) -> String { text.replacingOccurrences(of: "-000", with: "-\(digit)00") }
            let good = try directory.writing("good.csv", renumbered(BadCSV.valid, "1"))
            let badCSV = try directory.writing("bad.csv", renumbered(BadCSV.text(badRecord: "CN-0009,X,CN,,logistix,"), "2"))
            let badJSON = try directory.writing("bad.jsonl", renumbered(BadJSONLines.text(badRecord: #"{"id":"CN-0010","name":"Y","country":"CN"}"#), "3"))
            #expect {
                try db.importCompanies(from: [good, badCSV, badJSON])
            } throws: { error in
                guard let error = error as? ImportError else { return false }
                error.expectProblem(in: badCSV.path, line: BadCSV.badLine, field: "offers", containing: "logistix")
                error.expectProblem(in: badJSON.path, line: BadJSONLines.badLine, field: "offers", containing: "no profile")
                return error.problems.count == 2
            }
            #expect(try DatabaseSnapshot(db) == before)
        }
    }

    @Test("an id in two files of one import is refused in the second, naming the first")
    func duplicateAcrossFiles() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let db = try LiaisonDatabase.inMemory()
            try db.save([ImportFixture.resident])
            let before = try DatabaseSnapshot(db)
            let first = try directory.writing("first.csv", BadCSV.valid)
            let second = try directory.writing("second.jsonl", BadJSONLines.valid)
            #expect {
                try db.importCompanies(from: [first, second])
            } throws: { error in
                guard let error = error as? ImportError else { return false }
                error.expectProblem(in: second.relativePath, line: 1, field: "id", containing: "first in \(first.relativePath) line 2")
                error.expectProblem(in: second.relativePath, line: 1, field: "id", containing: "is imported by itself, after it")
                return error.problems.count == 3 && error.problems.allSatisfy { $0.field == "id" }
            }
            #expect(try DatabaseSnapshot(db) == before)
        }
    }

    @Test("a file that cannot be read is refused, naming it")
    func unreadableFile() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let db = try LiaisonDatabase.inMemory()
            let good = try directory.writing("good.csv", BadCSV.valid)
            let missing = directory.appendingPathComponent("missing.csv")
            #expect {
                try db.importCompanies(from: [good, missing])
            } throws: { error in
                guard let error = error as? ImportError else { return false }
                error.expectProblem(in: missing.path, line: 1, field: "file", containing: "no such file")
                return error.problems.count == 1
            }
            #expect(try db.companies().isEmpty)
        }
    }

    @Test("a file whose extension names no format is refused")
    func unknownExtension() throws {
        let (error, path) = try ImportFixture.refuse(BadCSV.valid, named: "companies.dat")
        error.expectProblem(in: path, line: 1, field: "file", containing: "unknown format")
    }
}

@Suite("Refused imports: JSON Lines")
struct JSONLinesImportErrorTests {
    @Test("the valid records around each bad one import on their own")
    func validRecordsImport() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let db = try LiaisonDatabase.inMemory()
            let summary = try db.importCompanies(from: [directory.writing("good.jsonl", BadJSONLines.valid)])
            #expect(summary.inserted == 3)
            #expect(try db.company(id: "US-0001").company.naics == "4841")
        }
    }

    @Test("a bad record is refused with FILE:LINE: field, and nothing is written", arguments: [
        BadRecord(testDescription: "unknown sector", record: #"{"id":"CN-0002","name":"Azure Kite","country":"CN","offers":{"logistix":1}}"#,
                  field: "offers", fragment: "unknown sector 'logistix'"),
        BadRecord(testDescription: "weight zero", record: #"{"id":"CN-0002","name":"Azure Kite","country":"CN","offers":{"retail":0}}"#,
                  field: "offers", fragment: "above 0"),
        BadRecord(testDescription: "negative weight", record: #"{"id":"CN-0002","name":"Azure Kite","country":"CN","offers":{"retail":1},"seeks":{"banking":-0.5}}"#,
                  field: "seeks", fragment: "above 0"),
        BadRecord(testDescription: "weight \"inf\"", record: #"{"id":"CN-0002","name":"Azure Kite","country":"CN","offers":{"retail":"inf"}}"#,
                  field: "offers", fragment: "not a number"),
        BadRecord(testDescription: "weight \"nan\" in text form", record: #"{"id":"CN-0002","name":"Azure Kite","country":"CN","offers":"retail:nan"}"#,
                  field: "offers", fragment: "finite"),
        BadRecord(testDescription: "weight not a number", record: #"{"id":"CN-0002","name":"Azure Kite","country":"CN","offers":{"retail":"high"}}"#,
                  field: "offers", fragment: "weight of retail is not a number"),
        BadRecord(testDescription: "weight too large for a double", record: #"{"id":"CN-0002","name":"Azure Kite","country":"CN","offers":{"retail":1e999}}"#,
                  field: "offers", fragment: "retail"),
        BadRecord(testDescription: "unknown country code", record: #"{"id":"CN-0002","name":"Azure Kite","country":"ZZ","offers":{"retail":1}}"#,
                  field: "country", fragment: "'ZZ'"),
        BadRecord(testDescription: "name of the wrong type", record: #"{"id":"CN-0002","name":42,"country":"CN","offers":{"retail":1}}"#,
                  field: "name", fragment: "expected a string"),
        BadRecord(testDescription: "languages of the wrong type", record: #"{"id":"CN-0002","name":"Azure Kite","country":"CN","languages":5,"offers":{"retail":1}}"#,
                  field: "languages", fragment: "list of language codes"),
        BadRecord(testDescription: "offers of the wrong type", record: #"{"id":"CN-0002","name":"Azure Kite","country":"CN","offers":[1]}"#,
                  field: "offers", fragment: "expected an object"),
        BadRecord(testDescription: "a line that is not JSON", record: #"{"id":"CN-0002","name":"Azure Kite","#,
                  field: "json", fragment: "not valid JSON"),
        BadRecord(testDescription: "a line that is an array", record: #"["CN-0002","Azure Kite","CN"]"#,
                  field: "json", fragment: "one JSON object"),
        BadRecord(testDescription: "unknown field", record: #"{"id":"CN-0002","name":"Azure Kite","country":"CN","colour":"red","offers":{"retail":1}}"#,
                  field: "colour", fragment: "unknown field"),
        BadRecord(testDescription: "missing name", record: #"{"id":"CN-0002","country":"CN","offers":{"retail":1}}"#,
                  field: "name", fragment: "missing"),
        BadRecord(testDescription: "no profile", record: #"{"id":"CN-0002","name":"Azure Kite","country":"CN","offers":{},"seeks":null}"#,
                  field: "offers", fragment: "no profile"),
        BadRecord(testDescription: "duplicate id", record: #"{"id":"CN-0001","name":"Jade Again","country":"CN","offers":{"retail":1}}"#,
                  field: "id", fragment: "first on line 1"),
    ])
    func badRecord(bad: BadRecord) throws {
        let (error, path) = try ImportFixture.refuse(BadJSONLines.text(badRecord: bad.record), named: "companies.jsonl")
        error.expectProblem(in: path, line: BadJSONLines.badLine, field: bad.field, containing: bad.fragment)
        #expect(error.problems.map(\.field) == [bad.field], "\(error)")
    }

    @Test("a line that is not UTF-8 is refused")
    func notUTF8() throws {
        var bytes = Array((BadJSONLines.before.joined(separator: "\n") + "\n" + #"{"id":"CN-0002","name":"Azure "#).utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array((#" Kite","country":"CN","offers":{"retail":1}}"# + "\n").utf8)
        let (error, path) = try ImportFixture.refuse(bytes, named: "latin.jsonl")
        error.expectProblem(in: path, line: BadJSONLines.badLine, field: "line", containing: "not valid UTF-8")
        #expect(error.problems.count == 1, "\(error)")
    }

    @Test("blank lines are skipped but counted")
    func blankLines() throws {
        let text = BadJSONLines.before[0] + "\n\n   \n" + #"{"id":"CN-0002","name":"Azure Kite","country":"CN","offers":{"logistix":1}}"#
        let (error, path) = try ImportFixture.refuse(text, named: "blank.jsonl")
        error.expectProblem(in: path, line: 4, field: "offers", containing: "logistix")
    }

    @Test("a file without records is refused", arguments: ["", "\n", "  \n\t\n"])
    func noRecords(text: String) throws {
        let (error, path) = try ImportFixture.refuse(text, named: "empty.jsonl")
        error.expectProblem(in: path, line: 1, field: "file", containing: "holds no companies")
    }

    @Test("an explicit format overrides the extension")
    func explicitFormat() throws {
        let (error, path) = try ImportFixture.refuse(BadJSONLines.text(badRecord: "{}"), named: "companies.csv", format: .jsonl)
        error.expectProblem(in: path, line: BadJSONLines.badLine, field: "id", containing: "missing")
    }
}
