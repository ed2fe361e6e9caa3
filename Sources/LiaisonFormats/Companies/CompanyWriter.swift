import Foundation
import LiaisonCore

/// Writes companies in an importable format: importing the output reproduces the same companies.
public enum CompanyWriter {
    /// The bytes of `companies` in `format`: CSV with a header, or JSON Lines. Liaison reads
    /// workbooks but does not write them: `.xlsx` is refused.
    public static func data(_ companies: [Company], format: CompanyFileFormat) throws -> Data {
        switch format {
        case .xlsx:
            throw UnwritableFormat()
        case .csv:
            let columns = CSVColumns(companies)
            return try CSVTable.data(header: columns.header, rows: companies.map(columns.fields))
        case .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var data = Data()
            for company in companies {
                data.append(try encoder.encode(CompanyDocument(company)))
                data.append(UInt8(ascii: "\n"))
            }
            return data
        }
    }

    /// The refusal to write a workbook.
    public struct UnwritableFormat: Error, CustomStringConvertible {
        public init() {}

        public var description: String { "companies are exported as csv or jsonl; a spreadsheet opens the CSV (Liaison does not write .xlsx)" }
    }

    /// The CSV columns of a list of companies: the standard columns, then the contact columns
    /// when any company has a contact, then every column of the organizer's own that any company
    /// has, in the order first seen.
    public struct CSVColumns: Sendable {
        /// Whether the contact columns are written.
        public var contacts: Bool
        /// The organizer's own columns, in the order first seen.
        public var extras: [String]

        public init(_ companies: [Company]) {
            contacts = companies.contains { !$0.contact.isEmpty || !$0.email.isEmpty || !$0.phone.isEmpty || !$0.website.isEmpty }
            var seen = Set<String>()
            extras = companies.flatMap(\.extras).map(\.name).filter { seen.insert($0).inserted }
        }

        /// The header row.
        public var header: [String] {
            CompanyFileFormat.columns + (contacts ? CompanyFileFormat.contactColumns : []) + extras
        }

        /// The CSV fields of `company`, in the order of ``header``.
        public func fields(_ company: Company) -> [String] {
            var fields = CompanyWriter.csvFields(company)
            if contacts { fields += [company.contact, company.email, company.phone, company.website] }
            if !extras.isEmpty {
                let values = Dictionary(company.extras.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
                fields += extras.map { values[$0] ?? "" }
            }
            return fields
        }
    }

    /// The standard CSV fields of `company`, in the order of ``CompanyFileFormat/columns``.
    public static func csvFields(_ company: Company) -> [String] {
        [company.id, company.name, company.country, company.region, company.city, company.size?.rawValue ?? "",
         company.languages.joined(separator: ";"), company.naics ?? "", company.industry ?? "",
         company.offers.text, company.seeks.text, company.description]
    }
}
