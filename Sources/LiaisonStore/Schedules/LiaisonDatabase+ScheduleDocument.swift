import Foundation
import GRDB
import LiaisonCore
import LiaisonFormats
import LiaisonScheduling

extension LiaisonDatabase {
    /// What the exports of an event show: its *current* schedule (published or not), each meeting
    /// with the score, components and reasons stored when it was scheduled, and the calendar
    /// sequence numbers and cancellations publishing it would give (``Publication``), so that an
    /// export made right after `publish` carries exactly what was published.
    public func eventScheduleDocument(_ id: String) throws -> ScheduleDocument {
        let (definition, state, meetings, published) = try writer.read { db -> (EventDefinition, StoredSchedule, [ScheduledMeeting], [PublishedMeeting]) in
            let definition = try self.definition(id, db: db)
            let state = try ScheduleStore.current(id, in: db)
            let meetings = try ScheduleStore.meetings(id, in: db).map { try $0.scheduled() }
            return (definition, state, meetings, try ScheduleStore.published(id, in: db).map(\.published))
        }
        let publication = Publication(of: meetings.map(\.meeting), after: published, timing: definition.spec.timing(ofSlot:))
        let companies = try self.companies(ids: definition.participants.map(\.company)
                                               + published.flatMap { [$0.meeting.delegate, $0.meeting.host] })
        let people = Self.people(definition.participants, companies: companies)
        let entries = zip(meetings, publication.scheduled).map { meeting, published in
            ScheduleDocument.Entry(meeting: meeting.meeting, reasons: meeting.reasons, sequence: published.sequence)
        }
        var document = ScheduleDocument(event: definition.spec, people: people, meetings: entries, cancelled: publication.cancellations,
                                        state: state, names: companies.mapValues(\.company.name), taxonomy: taxonomy,
                                        formerLanguages: companies.filter { people[$0.key] == nil }.mapValues(\.company.languages))
        document.unpublished = (publication.new, publication.moved, publication.cancelled)
        return document
    }

    /// Each participant as agendas and calendars show it: its company's name, place, languages
    /// (the agenda's language), sectors and contact.
    static func people(_ participants: [Participant], companies: [String: StoredCompany]) -> [String: ScheduleDocument.Person] {
        var people: [String: ScheduleDocument.Person] = [:]
        for participant in participants {
            let company = companies[participant.company]?.company
            people[participant.company] = .init(
                participant: participant, name: company?.name ?? participant.company, city: company?.city ?? "",
                country: company?.country ?? "", languages: company?.languages ?? [],
                offers: Self.strongestFirst(company?.offers), seeks: Self.strongestFirst(company?.seeks),
                contact: ContactDetails(contact: company?.contact, email: company?.email, phone: company?.phone, website: company?.website))
        }
        return people
    }

    /// A profile's sector ids, the highest weight first (ties by id).
    static func strongestFirst(_ profile: SectorProfile?) -> [String] {
        (profile?.entries ?? []).sorted { ($0.weight, $1.sector) > ($1.weight, $0.sector) }.map(\.sector)
    }
}
