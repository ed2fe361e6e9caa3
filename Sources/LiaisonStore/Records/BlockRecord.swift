import GRDB
import LiaisonScheduling

/// A row of the `event_block` table: two participants never to be paired; since v15, made by the
/// organizer or by the participant `a` ("not interested", through its link).
struct BlockRecord: SnakeCaseRecord {
    static let databaseTableName = "event_block"

    var event: String
    var a: String
    var b: String
    var origin: RequestOrigin

    enum Columns {
        static let event = Column(CodingKeys.event)
        static let a = Column(CodingKeys.a)
        static let b = Column(CodingKeys.b)
    }

    init(_ block: PairBlock, origin: RequestOrigin, event: String) {
        self.event = event
        a = block.a
        b = block.b
        self.origin = origin
    }

    var block: PairBlock { PairBlock(a: a, b: b) }

    var entry: BlockEntry { BlockEntry(block: block, origin: origin) }
}
