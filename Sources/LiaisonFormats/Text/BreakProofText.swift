import LiaisonScheduling

extension QualityReport.Breaks {
    /// What the exact search (`event schedule --exact-seconds`) showed of the total, as words to
    /// follow it: " (the fewest possible: proven)", " (not proven the fewest)", " (too large for
    /// the exact search)", or nothing when none was asked for. The terminal, the HTML export and
    /// the console say it alike.
    public var proofNote: String {
        switch (fewestProven, tooLargeToSearch) {
        case (_, true?): " (too large for the exact search)"
        case (true?, _): " (the fewest possible: proven)"
        case (false?, _): " (not proven the fewest)"
        case (nil, _): ""
        }
    }
}
