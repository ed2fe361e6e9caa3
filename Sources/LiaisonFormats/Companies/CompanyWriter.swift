import Foundation
import LiaisonCore

/// Writes companies in an importable format: importing the output reproduces the same companies.
public enum CompanyWriter {
    /// The bytes of `companies` in `format`: CSV with a header, or JSON Lines.
    public static func data(_ companies: [Company], format: CompanyFileFormat) throws -> Data {
        switch format {
        case .csv:
            return try CSVTable.data(header: CompanyFileFormat.columns, rows: companies.map(csvFields))
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

    /// The CSV fields of `company`, in the order of ``CompanyFileFormat/columns``.
    public static func csvFields(_ company: Company) -> [String] {
        [company.id, company.name, company.country, company.region, company.city, company.size?.rawValue ?? "",
         company.languages.joined(separator: ";"), company.naics ?? "", company.industry ?? "",
         company.offers.text, company.seeks.text, company.description]
    }
}
