import Foundation
import GRDB
import LiaisonCore
import LiaisonFormats

/// How an import reads its files.
public struct ImportOptions: Sendable {
    /// The format of every file; nil infers it from each file's extension.
    public var format: CompanyFileFormat?
    /// Names for sheet columns Liaison does not recognize (`--columns 'Booth No=booth,Wants=seeks'`).
    public var columns: HeaderMapping
    /// The worksheet to read of each workbook (`--sheet Delegates`); nil reads the first that is
    /// not hidden.
    public var sheet: String?
    /// Refuse, instead of inferring, an industry, offers or seeks value that is no sector's id,
    /// name or alias.
    public var strict: Bool
    /// Check and count only, writing nothing.
    public var dryRun: Bool

    public init(format: CompanyFileFormat? = nil, columns: HeaderMapping = HeaderMapping(), sheet: String? = nil,
                strict: Bool = false, dryRun: Bool = false) {
        self.format = format
        self.columns = columns
        self.sheet = sheet
        self.strict = strict
        self.dryRun = dryRun
    }
}

/// What an import did, or would do on a dry run.
public struct ImportSummary: Sendable {
    /// Per file: its name (its path as given when another file of the import has the same name)
    /// and how many companies it held.
    public var files: [(file: String, companies: Int)]
    /// Per file read other than as plain UTF-8 CSV with Liaison's own column names: one line
    /// saying how it was read (``CompanyFileLayout/summary``).
    public var layouts: [String] = []
    /// Each distinct text matched to a sector as free text, in the order first met.
    public var inferences: [InferenceTally] = []
    var changes = CompanyChanges()
    public var inserted: Int { changes.inserted }
    public var updated: Int { changes.updated }
    public var unchanged: Int { changes.unchanged }
    /// True when nothing was written because only validation was asked for.
    public var dryRun: Bool
}

extension LiaisonDatabase {
    /// Imports companies from CSV, .xlsx or JSON Lines files, all in one transaction.
    ///
    /// An id imported again updates that company. When any record of any file has a problem,
    /// every problem found is thrown as an ``ImportError`` and the database is left exactly as
    /// it was. With `dryRun`, the files are checked and counted against the database, then
    /// everything is rolled back.
    ///
    /// - Parameter format: the format of every file; nil infers it from each file's extension.
    @discardableResult
    public func importCompanies(from files: [URL], format: CompanyFileFormat? = nil, dryRun: Bool = false) throws -> ImportSummary {
        try importCompanies(from: files, options: ImportOptions(format: format, dryRun: dryRun))
    }

    /// Imports companies from CSV, .xlsx or JSON Lines files, all in one transaction, read as `options`
    /// say: every problem of every file (header, encoding, records) is found in one pass and
    /// thrown as an ``ImportError``, and then nothing is written. Values matched to a sector as
    /// free text are listed in the summary (``ImportSummary/inferences``), or, when
    /// `options.strict`, refused as problems.
    @discardableResult
    public func importCompanies(from files: [URL], options: ImportOptions) throws -> ImportSummary {
        var summary = ImportSummary(files: [], dryRun: options.dryRun)
        var problems: [ImportProblem] = []
        let timestamp = Timestamp.now()
        try writer.writeWithoutTransaction { db in
            // A large page cache keeps the id and profile indexes in memory while millions of rows go in.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -\(Self.importCacheKiB)")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            try db.inTransaction(.immediate) {
                var state = ImportState()
                for url in files {
                    let count = try importFile(url, options: options, into: db, at: timestamp, state: &state,
                                               summary: &summary, problems: &problems)
                    summary.files.append((Self.shownName(of: url, among: files), count))
                }
                summary.inferences = state.inferences
                // A mapping no file used is a problem too, found before anything is committed.
                for rename in options.columns.renames where !state.mappedHeaders.contains(ColumnNames.key(rename.header)) {
                    problems.append(ImportProblem(file: "--columns", line: 0, field: rename.header,
                                                  message: "no file has a column '\(rename.header)'"))
                }
                if let sheet = options.sheet, !state.readWorkbook {
                    problems.append(ImportProblem(file: "--sheet", line: 0, field: sheet,
                                                  message: "no file is a workbook (.xlsx): a CSV or JSON Lines file has no sheets"))
                }
                try summary.changes.commit(db)
                return problems.isEmpty && !options.dryRun ? .commit : .rollback
            }
        }
        guard problems.isEmpty else { throw ImportError(problems: problems) }
        return summary
    }

    /// How the summary names `url`: by its file name, or by its path as given when another of
    /// `files` has the same name (`us/firms.csv`, `ca/firms.csv`).
    private static func shownName(of url: URL, among files: [URL]) -> String {
        files.filter { $0.lastPathComponent == url.lastPathComponent }.count > 1 ? url.relativePath : url.lastPathComponent
    }

    /// The page cache of an import, in KiB.
    static let importCacheKiB = 512 * 1024

    /// Reads one file, saving each valid company while no problem has been found yet; returns
    /// the number of records read. An id may appear once in the whole import.
    private func importFile(_ url: URL, options: ImportOptions, into db: Database, at timestamp: String,
                            state: inout ImportState, summary: inout ImportSummary, problems: inout [ImportProblem]) throws -> Int {
        let file = url.relativePath
        let data: Data
        do {
            data = try InputFile.contents(of: url)
        } catch {
            problems.append(ImportProblem(file: file, line: 1, field: "file", message: error.reason))
            return 0
        }
        if let kind = CompanyFileFormat.foreignDocument(data) {
            problems.append(ImportProblem(file: file, line: 1, field: "file", message: "is \(kind), which Liaison does not read: "
                                          + "open it in the spreadsheet and save it as an Excel workbook (.xlsx) or as CSV UTF-8"))
            return 0
        }
        // A workbook is read as one whatever its name says (CompanyFileReader looks at the contents).
        guard let format = options.format ?? CompanyFileFormat(inferredFrom: url) ?? CompanyFileFormat(contentsOf: data) else {
            problems.append(ImportProblem(file: file, line: 1, field: "file",
                                          message: "unknown format; name it .csv, .xlsx or .jsonl, or pass --format"))
            return 0
        }
        let reader = CompanyFileReader(data: data, file: file, format: format, taxonomy: taxonomy, columns: options.columns,
                                       sheet: options.sheet)
        if reader.layout.readAs == .xlsx { state.readWorkbook = true }
        defer { reader.cancel() }
        problems += reader.layout.problems
        var layout = reader.layout
        for name in layout.extras {
            let spelling = try state.extraSpellings.spelling(of: name, in: db)
            if spelling != name { layout.respelt[name] = spelling }
        }
        let sheet = SheetColumns(layout)
        state.mappedHeaders.formUnion(layout.mappedHeaders)
        if let layout = layout.summary { summary.layouts.append(layout) }
        var count = 0
        while let batch = reader.next() {
            for record in batch {
                count += 1
                var issues = record.issues
                if let id = record.company?.id {
                    if let first = state.seenIDs[id] {
                        // In another file, it may be a second sheet meant to add to the first: imported by itself, it does.
                        let place = first.file == file ? "on line \(first.line)"
                            : "in \(first.file) line \(first.line) (a sheet that adds columns to companies of another is imported by itself, after it)"
                        issues.append(FieldIssue(field: "id", message: "duplicate id \(CompanyText.quoted(id)), first \(place)"))
                    } else {
                        state.seenIDs[id] = (file, record.line)
                    }
                }
                for inference in record.inferences {
                    if options.strict {
                        issues.append(FieldIssue(field: reader.layout.label(of: inference.field), message: """
                            \(CompanyText.quoted(inference.text)) is no sector's id, name or alias \
                            (it holds \(CompanyText.quoted(inference.alias)) of \(inference.sector)); \
                            --strict refuses free text: write the sector, see `liaison sectors`
                            """))
                    } else {
                        state.count(inference, at: "\(file):\(record.line)")
                    }
                }
                // A sheet without the profile's columns updates stored companies only.
                if let company = record.company, company.offers.isEmpty, company.seeks.isEmpty, try !CompanyStore.exists(id: company.id, in: db) {
                    issues.append(FieldIssue(field: "offers", message: "no profile: give offers, seeks, industry or naics (\(CompanyText.quoted(company.id)) "
                                             + "is new, and this sheet has none of those columns)"))
                }
                problems += issues.map { ImportProblem(file: file, line: record.line, field: $0.field, message: $0.message) }
                guard problems.isEmpty, var company = record.company else { continue }
                if !company.extras.isEmpty { company.extras = try state.extraSpellings.respelling(company.extras, in: db) }
                summary.changes.record(try CompanyStore.save(company, in: db, at: timestamp, from: sheet), of: company)
            }
        }
        if let problem = reader.stoppingProblem {
            problems.append(problem)
        }
        if count == 0, problems.isEmpty {
            problems.append(ImportProblem(file: file, line: 1, field: "file", message: "holds no companies"))
        }
        return count
    }
}

/// What an import remembers from file to file.
private struct ImportState {
    /// Where each id was first seen (ids are NFC, so equal-looking ids are equal).
    var seenIDs: [String: (file: String, line: Int)] = [:]
    /// The `--columns` headers some file had.
    var mappedHeaders = Set<String>()
    /// Whether some file was a workbook, whose sheet `--sheet` names.
    var readWorkbook = false
    /// The spelling each of the organizer's own columns is stored under.
    var extraSpellings = ExtraColumnSpellings()
    /// Distinct inferences in the order first met, and how often each was made.
    var inferences: [InferenceTally] = []
    var tallyIndex: [InferenceTally.Key: Int] = [:]

    mutating func count(_ inference: SectorInference, at place: String) {
        let key = InferenceTally.Key(text: inference.text, sector: inference.sector, alias: inference.alias)
        if let index = tallyIndex[key] {
            inferences[index].companies += 1
            if !inferences[index].fields.contains(inference.field) { inferences[index].fields.append(inference.field) }
        } else {
            tallyIndex[key] = inferences.count
            inferences.append(InferenceTally(inference: inference, fields: [inference.field], companies: 1, first: place))
        }
    }
}

/// One text an import matched to a sector as free text: in which fields, for how many records,
/// and where first.
public struct InferenceTally: Sendable, CustomStringConvertible {
    struct Key: Hashable {
        var text: String, sector: String, alias: String
    }

    /// The text, its sector and the alias found in it (its `field` is where it was first met).
    public var inference: SectorInference
    /// The fields it was met in: `industry`, `offers`, `seeks`.
    public var fields: [String]
    /// How many records gave it.
    public var companies: Int
    /// `FILE:LINE` of the first record that gave it.
    public var first: String

    /// `'Solar panels' → clean-energy (alias 'solar'): industry of 3 companies, first sheet.csv:4`.
    public var description: String {
        "\(inference): \(fields.joined(separator: ", ")) of \(EnglishCount.of(companies, "company", plural: "companies")), first \(first)"
    }
}
