import GRDB
import LiaisonCore
import LiaisonScheduling

// The domain's enums as stored: their raw values. A stored value that is none of them (a file
// written by hand, or by a newer Liaison) fails the read with an error instead of becoming a default.

extension CompanySize: DatabaseValueConvertible {}
extension ProfileKind: DatabaseValueConvertible {}
extension ScoreTerm: DatabaseValueConvertible {}
extension Side: DatabaseValueConvertible {}
extension Pairing: DatabaseValueConvertible {}

/// Snake-case columns for camel-case properties: every record of the schema is mapped this way.
protocol SnakeCaseColumns: FetchableRecord, MutablePersistableRecord, Codable {}

/// A record of the schema that is written as it is (no id assigned on insert).
typealias SnakeCaseRecord = SnakeCaseColumns & PersistableRecord

extension SnakeCaseColumns {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}
