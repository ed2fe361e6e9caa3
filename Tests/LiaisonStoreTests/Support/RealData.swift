import Foundation
@testable import LiaisonFormats
@testable import LiaisonStore
import Testing

/// Reading the shared real data sets (`../shared/datasets/real`), which may be absent.
enum RealData {
    static let absentMessage: Comment = "the shared real data sets (../shared/datasets/real) are absent"

    /// The rows of a CSV file of the real data sets, by column name, read with the store's own
    /// strict CSV reader; empty when the folder is absent.
    static func rows(of name: String) throws -> [[String: String]] {
        guard TestFiles.hasRealData else { return [] }
        var reader = CSVRecordReader(data: try Data(contentsOf: TestFiles.realData.appendingPathComponent(name)))
        guard let header = try reader.next()?.fields else { return [] }
        var rows: [[String: String]] = []
        while let record = try reader.next() {
            rows.append(Dictionary(uniqueKeysWithValues: zip(header, record.fields)))
        }
        return rows
    }

    /// Every distinct sector, industry group and industry name of the GICS-style category list.
    static func categoryNames() -> [String] {
        let rows = (try? rows(of: "gics_style_categories_financedatabase.csv")) ?? []
        let names = rows.flatMap { [$0["sector"], $0["industry_group"], $0["industry"]] }.compactMap { $0 }
        return Set(names.filter { !$0.isEmpty }).sorted()
    }
}
