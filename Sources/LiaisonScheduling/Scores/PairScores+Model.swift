import LiaisonCore
import LiaisonKernel

extension PairScores {
    /// The score of every delegate–host pair under `weights`, from the companies' rows of a
    /// feature table (one matrix product). Ids missing from the table score 0 with everyone.
    public init(delegates: [String], hosts: [String], table: FeatureTable, weights: ScoreWeights) {
        let model = ScoreModel(weights: weights, layout: table.layout)
        let delegateRows = table.rows(ofIDs: delegates)
        let hostRows = table.rows(ofIDs: hosts)
        let left = model.leftMatrix(delegateRows.compactMap { $0 }.map(table.features(ofRow:)))
        let right = table.rows.dense(rows: hostRows.compactMap { $0 })
        let product = left.multipliedTransposed(by: right)
        var values = [Double](repeating: 0, count: delegates.count * hosts.count)
        var leftIndex = 0
        for (d, row) in delegateRows.enumerated() where row != nil {
            var rightIndex = 0
            for (h, column) in hostRows.enumerated() where column != nil {
                values[d * hosts.count + h] = Double(product[leftIndex, rightIndex])
                rightIndex += 1
            }
            leftIndex += 1
        }
        self.init(delegates: delegates, hosts: hosts, values: values)
    }
}
