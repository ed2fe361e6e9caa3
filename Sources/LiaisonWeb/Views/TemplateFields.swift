// The fields of every view the templates read (see TemplateView); a test checks each table
// against the type's stored properties. Key paths are immutable values; the tables are constants
// (hence nonisolated(unsafe): key paths are not marked Sendable).

extension EventListView: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<EventListView>] = [
        "lang": \EventListView.lang,
        "organizer": \EventListView.organizer,
        "notice": \EventListView.notice,
        "csrf": \EventListView.csrf,
        "hasEvents": \EventListView.hasEvents,
        "events": \EventListView.events,
        "form": \EventListView.form,
        "problems": \EventListView.problems,
    ]
}

extension EventForm: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<EventForm>] = [
        "id": \EventForm.id,
        "name": \EventForm.name,
        "city": \EventForm.city,
        "country": \EventForm.country,
        "date": \EventForm.date,
        "start": \EventForm.start,
        "slots": \EventForm.slots,
        "slotMinutes": \EventForm.slotMinutes,
        "breakAfter": \EventForm.breakAfter,
        "breakMinutes": \EventForm.breakMinutes,
        "tables": \EventForm.tables,
        "timeZone": \EventForm.timeZone,
        "venue": \EventForm.venue,
        "open": \EventForm.open,
        "delegation": \EventForm.delegation,
        "sessions": \EventForm.sessions,
        "days": \EventForm.days,
    ]
}

extension EventView: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<EventView>] = [
        "lang": \EventView.lang,
        "organizer": \EventView.organizer,
        "notice": \EventView.notice,
        "csrf": \EventView.csrf,
        "id": \EventView.id,
        "name": \EventView.name,
        "city": \EventView.city,
        "country": \EventView.country,
        "when": \EventView.when,
        "pairing": \EventView.pairing,
        "hasSessions": \EventView.hasSessions,
        "sessions": \EventView.sessions,
        "timeZone": \EventView.timeZone,
        "slots": \EventView.slots,
        "slotMinutes": \EventView.slotMinutes,
        "tables": \EventView.tables,
        "scheduleHref": \EventView.scheduleHref,
        "linksHref": \EventView.linksHref,
        "exportsHref": \EventView.exportsHref,
        "participantsAction": \EventView.participantsAction,
        "requestsAction": \EventView.requestsAction,
        "decideAction": \EventView.decideAction,
        "blocksAction": \EventView.blocksAction,
        "locksAction": \EventView.locksAction,
        "participantCount": \EventView.participantCount,
        "participants": \EventView.participants,
        "hasPending": \EventView.hasPending,
        "pendingCount": \EventView.pendingCount,
        "requests": \EventView.requests,
        "blocks": \EventView.blocks,
        "locks": \EventView.locks,
        "hasOutcomes": \EventView.hasOutcomes,
        "rated": \EventView.rated,
        "ratable": \EventView.ratable,
        "outcomes": \EventView.outcomes,
    ]
}

extension EventView.ParticipantRow: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<EventView.ParticipantRow>] = [
        "id": \EventView.ParticipantRow.id,
        "href": \EventView.ParticipantRow.href,
        "name": \EventView.ParticipantRow.name,
        "side": \EventView.ParticipantRow.side,
        "max": \EventView.ParticipantRow.max,
        "available": \EventView.ParticipantRow.available,
        "reps": \EventView.ParticipantRow.reps,
        "interpreter": \EventView.ParticipantRow.interpreter,
    ]
}

extension EventView.RequestRow: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<EventView.RequestRow>] = [
        "a": \EventView.RequestRow.a,
        "b": \EventView.RequestRow.b,
        "aID": \EventView.RequestRow.aID,
        "bID": \EventView.RequestRow.bID,
        "aName": \EventView.RequestRow.aName,
        "bName": \EventView.RequestRow.bName,
        "origin": \EventView.RequestRow.origin,
        "byParticipant": \EventView.RequestRow.byParticipant,
        "kind": \EventView.RequestRow.kind,
        "status": \EventView.RequestRow.status,
        "decidable": \EventView.RequestRow.decidable,
    ]
}

extension EventView.PairRow: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<EventView.PairRow>] = [
        "a": \EventView.PairRow.a,
        "b": \EventView.PairRow.b,
        "aName": \EventView.PairRow.aName,
        "bName": \EventView.PairRow.bName,
        "slot": \EventView.PairRow.slot,
        "table": \EventView.PairRow.table,
    ]
}

extension EventView.OutcomeRow: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<EventView.OutcomeRow>] = [
        "label": \EventView.OutcomeRow.label,
        "count": \EventView.OutcomeRow.count,
        "rate": \EventView.OutcomeRow.rate,
    ]
}

extension LinksView: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<LinksView>] = [
        "lang": \LinksView.lang,
        "organizer": \LinksView.organizer,
        "notice": \LinksView.notice,
        "csrf": \LinksView.csrf,
        "id": \LinksView.id,
        "name": \LinksView.name,
        "eventHref": \LinksView.eventHref,
        "issueAction": \LinksView.issueAction,
        "renewAction": \LinksView.renewAction,
        "links": \LinksView.links,
    ]
}

extension LinksView.Row: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<LinksView.Row>] = [
        "company": \LinksView.Row.company,
        "shownCompany": \LinksView.Row.shownCompany,
        "name": \LinksView.Row.name,
        "url": \LinksView.Row.url,
        "state": \LinksView.Row.state,
        "issuedAt": \LinksView.Row.issuedAt,
    ]
}

extension CompanyRow: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<CompanyRow>] = [
        "id": \CompanyRow.id,
        "href": \CompanyRow.href,
        "name": \CompanyRow.name,
        "country": \CompanyRow.country,
        "city": \CompanyRow.city,
        "size": \CompanyRow.size,
        "offers": \CompanyRow.offers,
        "seeks": \CompanyRow.seeks,
    ]
}

extension SectorOption: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<SectorOption>] = [
        "id": \SectorOption.id,
        "name": \SectorOption.name,
        "selected": \SectorOption.selected,
    ]
}

extension CompanyListView: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<CompanyListView>] = [
        "lang": \CompanyListView.lang,
        "organizer": \CompanyListView.organizer,
        "notice": \CompanyListView.notice,
        "csrf": \CompanyListView.csrf,
        "query": \CompanyListView.query,
        "country": \CompanyListView.country,
        "sectors": \CompanyListView.sectors,
        "hasFilter": \CompanyListView.hasFilter,
        "total": \CompanyListView.total,
        "from": \CompanyListView.from,
        "to": \CompanyListView.to,
        "companies": \CompanyListView.companies,
        "previous": \CompanyListView.previous,
        "next": \CompanyListView.next,
    ]
}

extension CompanyView: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<CompanyView>] = [
        "lang": \CompanyView.lang,
        "organizer": \CompanyView.organizer,
        "notice": \CompanyView.notice,
        "id": \CompanyView.id,
        "href": \CompanyView.href,
        "name": \CompanyView.name,
        "country": \CompanyView.country,
        "region": \CompanyView.region,
        "city": \CompanyView.city,
        "size": \CompanyView.size,
        "languages": \CompanyView.languages,
        "offers": \CompanyView.offers,
        "seeks": \CompanyView.seeks,
        "description": \CompanyView.description,
        "revision": \CompanyView.revision,
        "updatedAt": \CompanyView.updatedAt,
        "targets": \CompanyView.targets,
        "source": \CompanyView.source,
        "problem": \CompanyView.problem,
        "matches": \CompanyView.matches,
    ]
}

extension CompanyView.MatchLine: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<CompanyView.MatchLine>] = [
        "rank": \CompanyView.MatchLine.rank,
        "id": \CompanyView.MatchLine.id,
        "href": \CompanyView.MatchLine.href,
        "name": \CompanyView.MatchLine.name,
        "country": \CompanyView.MatchLine.country,
        "score": \CompanyView.MatchLine.score,
        "reasons": \CompanyView.MatchLine.reasons,
    ]
}

extension CompanyView.TargetOption: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<CompanyView.TargetOption>] = [
        "value": \CompanyView.TargetOption.value,
        "label": \CompanyView.TargetOption.label,
        "selected": \CompanyView.TargetOption.selected,
    ]
}

extension ImportView: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ImportView>] = [
        "lang": \ImportView.lang,
        "organizer": \ImportView.organizer,
        "notice": \ImportView.notice,
        "file": \ImportView.file,
        "imported": \ImportView.imported,
        "total": \ImportView.total,
        "inserted": \ImportView.inserted,
        "updated": \ImportView.updated,
        "unchanged": \ImportView.unchanged,
        "problemCount": \ImportView.problemCount,
        "problems": \ImportView.problems,
    ]
}

extension ScheduleView: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ScheduleView>] = [
        "lang": \ScheduleView.lang,
        "organizer": \ScheduleView.organizer,
        "notice": \ScheduleView.notice,
        "csrf": \ScheduleView.csrf,
        "id": \ScheduleView.id,
        "name": \ScheduleView.name,
        "eventHref": \ScheduleView.eventHref,
        "exportsHref": \ScheduleView.exportsHref,
        "scheduleAction": \ScheduleView.scheduleAction,
        "moveAction": \ScheduleView.moveAction,
        "publishAction": \ScheduleView.publishAction,
        "minMeetings": \ScheduleView.minMeetings,
        "scheduled": \ScheduleView.scheduled,
        "published": \ScheduleView.published,
        "report": \ScheduleView.report,
        "shortfalls": \ScheduleView.shortfalls,
        "unplaced": \ScheduleView.unplaced,
        "changes": \ScheduleView.changes,
        "tableNumbers": \ScheduleView.tableNumbers,
        "rows": \ScheduleView.rows,
    ]
}

extension ScheduleView.Figures: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ScheduleView.Figures>] = [
        "meetings": \ScheduleView.Figures.meetings,
        "total": \ScheduleView.Figures.total,
        "bound": \ScheduleView.Figures.bound,
        "ratio": \ScheduleView.Figures.ratio,
        "min": \ScheduleView.Figures.min,
        "median": \ScheduleView.Figures.median,
        "max": \ScheduleView.Figures.max,
        "mustPlaced": \ScheduleView.Figures.mustPlaced,
        "mustAsked": \ScheduleView.Figures.mustAsked,
        "otherPlaced": \ScheduleView.Figures.otherPlaced,
        "otherAsked": \ScheduleView.Figures.otherAsked,
        "idleMean": \ScheduleView.Figures.idleMean,
        "idleMax": \ScheduleView.Figures.idleMax,
        "breaksTotal": \ScheduleView.Figures.breaksTotal,
        "breaksMax": \ScheduleView.Figures.breaksMax,
        "breaksSpread": \ScheduleView.Figures.breaksSpread,
        "idleSlots": \ScheduleView.Figures.idleSlots,
        "tableChanges": \ScheduleView.Figures.tableChanges,
        "scheduledAt": \ScheduleView.Figures.scheduledAt,
    ]
}

extension ScheduleView.Shortfall: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ScheduleView.Shortfall>] = [
        "company": \ScheduleView.Shortfall.company,
        "meetings": \ScheduleView.Shortfall.meetings,
        "reason": \ScheduleView.Shortfall.reason,
    ]
}

extension ScheduleView.Unplaced: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ScheduleView.Unplaced>] = [
        "pair": \ScheduleView.Unplaced.pair,
        "reason": \ScheduleView.Unplaced.reason,
    ]
}

extension ScheduleView.Cell: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ScheduleView.Cell>] = [
        "meeting": \ScheduleView.Cell.meeting,
    ]
}

extension ScheduleView.MeetingCell: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ScheduleView.MeetingCell>] = [
        "delegate": \ScheduleView.MeetingCell.delegate,
        "host": \ScheduleView.MeetingCell.host,
        "delegateName": \ScheduleView.MeetingCell.delegateName,
        "hostName": \ScheduleView.MeetingCell.hostName,
        "slot": \ScheduleView.MeetingCell.slot,
        "table": \ScheduleView.MeetingCell.table,
        "locked": \ScheduleView.MeetingCell.locked,
    ]
}

extension ScheduleView.Row: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ScheduleView.Row>] = [
        "slot": \ScheduleView.Row.slot,
        "time": \ScheduleView.Row.time,
        "cells": \ScheduleView.Row.cells,
    ]
}

extension ExportsView: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ExportsView>] = [
        "lang": \ExportsView.lang,
        "organizer": \ExportsView.organizer,
        "notice": \ExportsView.notice,
        "id": \ExportsView.id,
        "name": \ExportsView.name,
        "eventHref": \ExportsView.eventHref,
        "scheduleHref": \ExportsView.scheduleHref,
        "formats": \ExportsView.formats,
    ]
}

extension ExportsView.File: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ExportsView.File>] = [
        "path": \ExportsView.File.path,
        "href": \ExportsView.File.href,
    ]
}

extension ExportsView.Format: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ExportsView.Format>] = [
        "label": \ExportsView.Format.label,
        "files": \ExportsView.Format.files,
    ]
}

extension ParticipantPage: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ParticipantPage>] = [
        "lang": \ParticipantPage.lang,
        "organizer": \ParticipantPage.organizer,
        "notice": \ParticipantPage.notice,
        "t": \ParticipantPage.t,
        "csrf": \ParticipantPage.csrf,
        "companyName": \ParticipantPage.companyName,
        "companyID": \ParticipantPage.companyID,
        "eventName": \ParticipantPage.eventName,
        "eventWhen": \ParticipantPage.eventWhen,
        "eventPlace": \ParticipantPage.eventPlace,
        "eventTimeZone": \ParticipantPage.eventTimeZone,
        "published": \ParticipantPage.published,
        "calendarHref": \ParticipantPage.calendarHref,
        "hasAgenda": \ParticipantPage.hasAgenda,
        "afterEvent": \ParticipantPage.afterEvent,
        "agenda": \ParticipantPage.agenda,
        "rateAction": \ParticipantPage.rateAction,
        "hasSuggestions": \ParticipantPage.hasSuggestions,
        "suggestions": \ParticipantPage.suggestions,
        "requestAction": \ParticipantPage.requestAction,
        "declineAction": \ParticipantPage.declineAction,
        "hasRequests": \ParticipantPage.hasRequests,
        "requests": \ParticipantPage.requests,
        "hasBlocks": \ParticipantPage.hasBlocks,
        "blocks": \ParticipantPage.blocks,
        "shownRegionCity": \ParticipantPage.shownRegionCity,
        "shownSize": \ParticipantPage.shownSize,
        "shownLanguages": \ParticipantPage.shownLanguages,
        "shownOffers": \ParticipantPage.shownOffers,
        "shownSeeks": \ParticipantPage.shownSeeks,
        "shownDescription": \ParticipantPage.shownDescription,
        "profileOpen": \ParticipantPage.profileOpen,
        "profileAction": \ParticipantPage.profileAction,
        "form": \ParticipantPage.form,
    ]
}

extension ParticipantPage.Suggestion: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ParticipantPage.Suggestion>] = [
        "company": \ParticipantPage.Suggestion.company,
        "name": \ParticipantPage.Suggestion.name,
        "place": \ParticipantPage.Suggestion.place,
        "reasons": \ParticipantPage.Suggestion.reasons,
        "requested": \ParticipantPage.Suggestion.requested,
    ]
}

extension ParticipantPage.AgendaRow: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ParticipantPage.AgendaRow>] = [
        "time": \ParticipantPage.AgendaRow.time,
        "table": \ParticipantPage.AgendaRow.table,
        "name": \ParticipantPage.AgendaRow.name,
        "place": \ParticipantPage.AgendaRow.place,
        "reasons": \ParticipantPage.AgendaRow.reasons,
        "cancelled": \ParticipantPage.AgendaRow.cancelled,
        "counterpart": \ParticipantPage.AgendaRow.counterpart,
        "ratable": \ParticipantPage.AgendaRow.ratable,
        "rating": \ParticipantPage.AgendaRow.rating,
    ]
}

extension ParticipantPage.RequestRow: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ParticipantPage.RequestRow>] = [
        "name": \ParticipantPage.RequestRow.name,
        "place": \ParticipantPage.RequestRow.place,
        "who": \ParticipantPage.RequestRow.who,
        "status": \ParticipantPage.RequestRow.status,
        "must": \ParticipantPage.RequestRow.must,
    ]
}

extension ParticipantPage.SizeOption: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ParticipantPage.SizeOption>] = [
        "value": \ParticipantPage.SizeOption.value,
        "selected": \ParticipantPage.SizeOption.selected,
    ]
}

extension ParticipantPage.ProfileForm: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ParticipantPage.ProfileForm>] = [
        "name": \ParticipantPage.ProfileForm.name,
        "region": \ParticipantPage.ProfileForm.region,
        "city": \ParticipantPage.ProfileForm.city,
        "sizes": \ParticipantPage.ProfileForm.sizes,
        "languages": \ParticipantPage.ProfileForm.languages,
        "offers": \ParticipantPage.ProfileForm.offers,
        "seeks": \ParticipantPage.ProfileForm.seeks,
        "description": \ParticipantPage.ProfileForm.description,
    ]
}

extension OrganizerBar: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<OrganizerBar>] = [
        "csrf": \OrganizerBar.csrf,
    ]
}

extension MessageView: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<MessageView>] = [
        "lang": \MessageView.lang,
        "organizer": \MessageView.organizer,
        "notice": \MessageView.notice,
        "heading": \MessageView.heading,
        "lines": \MessageView.lines,
        "back": \MessageView.back,
        "backLabel": \MessageView.backLabel,
    ]
}

extension HomeView: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<HomeView>] = [
        "lang": \HomeView.lang,
        "organizer": \HomeView.organizer,
        "notice": \HomeView.notice,
        "companyCount": \HomeView.companyCount,
        "hasEvents": \HomeView.hasEvents,
        "events": \HomeView.events,
    ]
}

extension EventRow: TemplateView {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<EventRow>] = [
        "id": \EventRow.id,
        "href": \EventRow.href,
        "name": \EventRow.name,
        "date": \EventRow.date,
        "city": \EventRow.city,
        "participants": \EventRow.participants,
        "delegates": \EventRow.delegates,
        "hosts": \EventRow.hosts,
        "meetings": \EventRow.meetings,
        "published": \EventRow.published,
    ]
}
