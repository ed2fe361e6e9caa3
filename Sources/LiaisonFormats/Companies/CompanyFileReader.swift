import Foundation
import LiaisonCore

/// Reads and validates a company file on a background thread, handing out batches of checked
/// records, so that parsing and validation on one core overlap with the caller's writes on another.
///
///     let reader = CompanyFileReader(data: data, file: "us.csv", format: .csv, taxonomy: taxonomy)
///     defer { reader.cancel() }
///     // reader.layout: the file's encoding, separator, columns, and the problems of its header
///     while let batch = reader.next() { for record in batch { … } }
///     if let problem = reader.stoppingProblem { … }   // the file could not be read to its end
public final class CompanyFileReader: @unchecked Sendable {
    /// One record after validation: the company, or the problems of its fields.
    public struct Checked: Sendable {
        /// The 1-based line the record starts on.
        public var line: Int
        /// The valid company, nil when the record has problems.
        public var company: Company?
        /// Every problem of the record's fields, each naming its column as the file does.
        public var issues: [FieldIssue]
        /// The sectors found in free text to make the company.
        public var inferences: [SectorInference] = []
    }

    /// Records per batch: large enough to amortize the hand-over, small enough to start writing early.
    static let batchSize = 2048
    /// Batches read ahead of the writer at most, which bounds memory.
    static let readAhead = 8

    /// What was learned before the first record: encoding, separator, columns, header problems.
    public let layout: CompanyFileLayout

    private let condition = NSCondition()
    private var batches: [[Checked]] = []
    private var finished = false
    private var cancelled = false
    private var failure: ImportProblem?

    /// Reads the layout of `data`, a file in `format` (`file` names it in problems; a workbook is
    /// read as one whatever `format` says), then starts reading its records at once; `columns`
    /// maps the sheet headers Liaison does not recognize, `sheet` names the worksheet of a
    /// workbook to read (nil: the first that is not hidden), `limits` caps how much a workbook
    /// may unpack to.
    public convenience init(data: Data, file: String, format: CompanyFileFormat, taxonomy: Taxonomy,
                            columns: HeaderMapping = HeaderMapping(), sheet: String? = nil, limits: WorkbookLimits = .default) {
        let (layout, source) = format.open(data, file: file, columns: columns, sheet: sheet, limits: limits)
        self.init(layout: layout, source: source, taxonomy: taxonomy)
    }

    /// Starts reading `source` at once.
    init(layout: CompanyFileLayout, source start: any CompanyRecordSource, taxonomy: Taxonomy) {
        self.layout = layout
        // A sheet with none of the profile's columns updates stored companies (see the store's
        // import): a record of it needs no profile of its own.
        let profileRequired = layout.fields.isEmpty || !layout.fields.isDisjoint(with: CompanyFileFormat.profileColumns)
        let thread = Thread { [self, layout] in
            var source = start
            var batch: [Checked] = []
            batch.reserveCapacity(Self.batchSize)
            func labelled(_ issues: [FieldIssue]) -> [FieldIssue] {
                issues.filter { !layout.missingFields.contains($0.field) }
                    .map { FieldIssue(field: layout.label(of: $0.field), message: $0.message) }
            }
            do throws(ImportProblem) {
                while let record = try source.next() {
                    var checked = Checked(line: record.line, company: nil, issues: labelled(record.issues))
                    if let draft = record.draft {
                        do throws(FieldIssues) {
                            let validated = try draft.validate(with: taxonomy, profileRequired: profileRequired)
                            checked.company = validated.company
                            checked.inferences = validated.inferences
                        } catch {
                            // A field that could not be read is already reported; validation would
                            // only add that it is missing (or that no profile is left).
                            let unreadable = Set(record.issues.map(\.field))
                            checked.issues += labelled(error.issues.filter { !unreadable.contains($0.field) })
                        }
                    }
                    if !checked.issues.isEmpty { checked.company = nil }
                    batch.append(checked)
                    if batch.count == Self.batchSize {
                        guard hand(batch) else { break }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
            } catch {
                condition.withLock { failure = error }
            }
            hand(batch)
            condition.withLock {
                finished = true
                condition.broadcast()
            }
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// The next batch, nil when the file is done.
    public func next() -> [Checked]? {
        condition.withLock {
            while batches.isEmpty && !finished { condition.wait() }
            guard !batches.isEmpty else { return nil }
            condition.broadcast()
            return batches.removeFirst()
        }
    }

    /// The problem that stopped reading early, if any; read it after ``next()`` returned nil.
    public var stoppingProblem: ImportProblem? {
        condition.withLock { failure }
    }

    /// Stops reading: the reading thread ends at its next hand-over instead of waiting for a
    /// consumer that has gone (after a failed write, say).
    public func cancel() {
        condition.withLock {
            cancelled = true
            batches.removeAll()
            condition.broadcast()
        }
    }

    /// Queues a batch for the consumer; false when reading was cancelled.
    @discardableResult
    private func hand(_ batch: [Checked]) -> Bool {
        condition.withLock {
            while batches.count >= Self.readAhead && !cancelled { condition.wait() }
            guard !cancelled else { return false }
            if !batch.isEmpty { batches.append(batch) }
            condition.broadcast()
            return true
        }
    }
}
