/// Where everything participants' pages show stands: a value that differs after any change to it,
/// made by this process or another (the CLI, a second console).
///
/// A page read after a stamp and kept with it is current for as long as
/// ``LiaisonDatabase/participantPagesStamp()`` returns an equal stamp. Rankings and rerank runs
/// are not on pages: a running rerank leaves the stamp as it is.
///
///     let stamp = try db.participantPagesStamp()     // first
///     let view = try db.participantView(event: e, company: c)
///     // … later: `view` still holds while try db.participantPagesStamp() == stamp
public struct PageStamp: Hashable, Sendable {
    /// The companies' and profiles' version (`catalog_state`).
    var catalog: Int64
    /// The count of rows written to events, participants, requests, blocks, schedules, links,
    /// ratings and weights (`participant_page_state`, kept by triggers).
    var pages: Int64
}
