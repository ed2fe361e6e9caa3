import Foundation
import LiaisonCore

/// Reads a taxonomy in the format of `datasets/sectors.csv`: `id,name,group,aliases,naics`, lists
/// separated by `|`. The taxonomy shipped with Liaison is compiled into the binary.
public enum TaxonomyFile {
    /// The taxonomy built into this version of Liaison (`datasets/sectors.csv`).
    public static let builtIn: Taxonomy = {
        do {
            return try parse(Data(PackageResources.sectors_csv), source: "sectors.csv")
        } catch {
            fatalError("the built-in taxonomy is invalid: \(error)")
        }
    }()

    static let header = ["id", "name", "group", "aliases", "naics"]

    /// What separates the items of the `aliases` and `naics` lists.
    public static let listSeparator: Character = "|"

    /// The items of a `|`-separated list.
    public static func split(_ list: String) -> [String] {
        list.split(separator: listSeparator).map(String.init)
    }

    /// Parses taxonomy CSV bytes; the version is a fingerprint of the bytes.
    public static func parse(_ data: Data, source: String) throws -> Taxonomy {
        var reader = CSVRecordReader(data: data)
        func problem(_ line: Int, _ field: String, _ message: String) -> ImportError {
            ImportError(problems: [ImportProblem(file: source, line: line, field: field, message: message)])
        }
        do {
            guard let head = try reader.next(), head.fields == header else {
                throw problem(1, "header", "expected \(header.joined(separator: ","))")
            }
            var sectors: [Sector] = []
            while let record = try reader.next() {
                guard record.fields.count == header.count else {
                    throw problem(record.line, "row", "expected \(header.count) fields, found \(record.fields.count)")
                }
                let f = record.fields
                sectors.append(Sector(id: f[0], name: f[1], group: f[2],
                                      aliases: split(f[3]), naicsPrefixes: split(f[4])))
            }
            do {
                return try Taxonomy(sectors: sectors, version: String(StableHash.fnv1a(data), radix: 16))
            } catch {
                throw problem(1, "sectors", error.description)
            }
        } catch let error as CSVRecordReader.SyntaxError {
            throw problem(error.line, "row", error.message)
        }
    }
}
