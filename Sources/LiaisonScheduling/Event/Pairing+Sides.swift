extension Pairing {
    /// Whether a participant on side `a` may meet one on side `b`: in an open event any two may,
    /// in a sides event only a delegate and a host. The pairing's rule for whoever asks before the
    /// scheduler does (a participant's page, its suggestions).
    public func allows(_ a: Side, _ b: Side) -> Bool {
        self == .open || a != b
    }
}
