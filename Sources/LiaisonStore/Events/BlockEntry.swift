import LiaisonScheduling

/// A pair's block as the event holds it, with who made it: the organizer (a block the organizer
/// sets, or one of an event file), or a participant that is not interested in meeting the other
/// (then `block.a`, through its link). The organizer may take back either kind
/// (``LiaisonDatabase/removeBlock(_:_:from:)``); the console shows whose each one is.
public struct BlockEntry: Sendable, Equatable {
    /// The pair, `a` first as it was written (the participant not interested, for its own block).
    public var block: PairBlock
    /// Who made it.
    public var origin: RequestOrigin

    public init(block: PairBlock, origin: RequestOrigin) {
        self.block = block
        self.origin = origin
    }
}
