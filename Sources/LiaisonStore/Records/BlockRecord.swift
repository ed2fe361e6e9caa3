import GRDB
import LiaisonScheduling

/// A row of the `event_block` table: two participants never to be paired.
struct BlockRecord: SnakeCaseRecord {
    static let databaseTableName = "event_block"

    var event: String
    var a: String
    var b: String

    enum Columns {
        static let event = Column(CodingKeys.event)
        static let a = Column(CodingKeys.a)
        static let b = Column(CodingKeys.b)
    }

    init(_ block: PairBlock, event: String) {
        self.event = event
        a = block.a
        b = block.b
    }

    var block: PairBlock { PairBlock(a: a, b: b) }
}
