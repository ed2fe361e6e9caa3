import GRDB
import LiaisonCore

extension LiaisonDatabase {
    /// What removing `company` from `event` would take with it, changing nothing (the id is
    /// compared in NFC, as stored); refused for an unknown event, or a company that is no
    /// participant of it.
    public func participantRemoval(_ company: String, from event: String) throws -> ParticipantRemoval {
        let company = CompanyText.nfc(company)
        return try writer.read { db in
            let definition = try definition(event, db: db)
            guard let participant = definition.participants.first(where: { $0.company == company }) else {
                throw EventError.notParticipant(event: event, company: company)
            }
            func names(_ a: String, _ b: String) -> Bool { a == company || b == company }
            let blocks = try BlockRecord.filter(BlockRecord.Columns.event == event).order(BlockRecord.Columns.a, BlockRecord.Columns.b)
                .fetchAll(db).filter { names($0.a, $0.b) }.map(\.entry)
            let meetings = try ScheduleStore.meetings(event, in: db).filter { names($0.delegate, $0.host) }.count
            return ParticipantRemoval(participant: participant, requests: definition.requests.filter { names($0.a, $0.b) },
                                      blocks: blocks, locks: definition.locks.filter { names($0.a, $0.b) }, scheduledMeetings: meetings)
        }
    }
}
