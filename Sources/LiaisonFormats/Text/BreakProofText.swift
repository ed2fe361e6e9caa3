import LiaisonScheduling

extension QualityReport.Breaks {
    /// What the exact search (`event schedule --exact-seconds`) showed of the total, as words to
    /// follow it: " (the fewest possible: proven)", " (not proven the fewest)", or nothing when no
    /// exact search ran. The terminal, the HTML export and the console say it alike.
    public var proofNote: String {
        switch fewestProven {
        case true?: " (the fewest possible: proven)"
        case false?: " (not proven the fewest)"
        case nil: ""
        }
    }
}
