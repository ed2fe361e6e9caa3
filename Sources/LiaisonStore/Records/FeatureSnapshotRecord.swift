import Foundation
import GRDB

/// The single row of the `feature_snapshot` table: the feature table of every matched company,
/// encoded by ``FeatureTableCodec``, and the catalog version it was built at.
struct FeatureSnapshotRecord: SnakeCaseRecord {
    static let databaseTableName = "feature_snapshot"

    var id = 1
    var catalogVersion: Int64
    var taxonomyVersion: String
    var builtAt: String
    var companies: Int
    var data: Data
}
