import Foundation
import GRDB
import LiaisonCore
import LiaisonFormats

/// What an import did, or would do on a dry run.
public struct ImportSummary: Sendable {
    /// Per file: its name and how many companies it held.
    public var files: [(file: String, companies: Int)]
    var changes = CompanyChanges()
    public var inserted: Int { changes.inserted }
    public var updated: Int { changes.updated }
    public var unchanged: Int { changes.unchanged }
    /// True when nothing was written because only validation was asked for.
    public var dryRun: Bool
}

extension LiaisonDatabase {
    /// Imports companies from CSV or JSON Lines files, all in one transaction.
    ///
    /// An id imported again updates that company. When any record of any file has a problem,
    /// every problem found is thrown as an ``ImportError`` and the database is left exactly as
    /// it was. With `dryRun`, the files are checked and counted against the database, then
    /// everything is rolled back.
    ///
    /// - Parameter format: the format of every file; nil infers it from each file's extension.
    @discardableResult
    public func importCompanies(from files: [URL], format: CompanyFileFormat? = nil, dryRun: Bool = false) throws -> ImportSummary {
        var summary = ImportSummary(files: [], dryRun: dryRun)
        var problems: [ImportProblem] = []
        let timestamp = Timestamp.now()
        try writer.writeWithoutTransaction { db in
            // A large page cache keeps the id and profile indexes in memory while millions of rows go in.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -\(Self.importCacheKiB)")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            try db.inTransaction(.immediate) {
                var seenIDs: [String: (file: String, line: Int)] = [:]
                for url in files {
                    let count = try importFile(url, format: format, into: db, at: timestamp, seenIDs: &seenIDs,
                                               summary: &summary, problems: &problems)
                    summary.files.append((url.lastPathComponent, count))
                }
                try summary.changes.commit(db)
                return problems.isEmpty && !dryRun ? .commit : .rollback
            }
        }
        guard problems.isEmpty else { throw ImportError(problems: problems) }
        return summary
    }

    /// The page cache of an import, in KiB.
    static let importCacheKiB = 512 * 1024

    /// Reads one file, saving each valid company while no problem has been found yet; returns
    /// the number of records read. An id may appear once in the whole import (`seenIDs`).
    private func importFile(_ url: URL, format: CompanyFileFormat?, into db: Database, at timestamp: String,
                            seenIDs: inout [String: (file: String, line: Int)],
                            summary: inout ImportSummary, problems: inout [ImportProblem]) throws -> Int {
        let file = url.relativePath
        guard let format = format ?? CompanyFileFormat(inferredFrom: url) else {
            problems.append(ImportProblem(file: file, line: 1, field: "file",
                                          message: "unknown format; name it .csv or .jsonl, or pass --format"))
            return 0
        }
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            problems.append(ImportProblem(file: file, line: 1, field: "file", message: "cannot read: \(error.localizedDescription)"))
            return 0
        }
        let reader = CompanyFileReader(data: data, file: file, format: format, taxonomy: taxonomy)
        defer { reader.cancel() }
        var count = 0
        while let batch = reader.next() {
            for record in batch {
                count += 1
                var issues = record.issues
                if let id = record.company?.id {
                    if let first = seenIDs[id] {
                        let place = first.file == file ? "on line \(first.line)" : "in \(first.file) line \(first.line)"
                        issues.append(FieldIssue(field: "id", message: "duplicate id '\(id)', first \(place)"))
                    } else {
                        seenIDs[id] = (file, record.line)
                    }
                }
                problems += issues.map { ImportProblem(file: file, line: record.line, field: $0.field, message: $0.message) }
                guard problems.isEmpty, let company = record.company else { continue }
                summary.changes.record(try CompanyStore.save(company, in: db, at: timestamp), of: company)
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
