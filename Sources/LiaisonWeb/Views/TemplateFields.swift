// The fields of every view the templates read (see TemplateView); a test checks each table
// against the type's stored properties.

extension EventListView: TemplateView {
    static let fields: [String: TemplateField<EventListView>] = [
        "lang": .init(\EventListView.lang),
        "organizer": .init(\EventListView.organizer),
        "notice": .init(\EventListView.notice),
        "csrf": .init(\EventListView.csrf),
        "hasEvents": .init(\EventListView.hasEvents),
        "events": .init(\EventListView.events),
        "form": .init(\EventListView.form),
        "problems": .init(\EventListView.problems),
    ]
}

extension EventForm: TemplateView {
    static let fields: [String: TemplateField<EventForm>] = [
        "id": .init(\EventForm.id),
        "name": .init(\EventForm.name),
        "city": .init(\EventForm.city),
        "country": .init(\EventForm.country),
        "date": .init(\EventForm.date),
        "start": .init(\EventForm.start),
        "slots": .init(\EventForm.slots),
        "slotMinutes": .init(\EventForm.slotMinutes),
        "breakAfter": .init(\EventForm.breakAfter),
        "breakMinutes": .init(\EventForm.breakMinutes),
        "tables": .init(\EventForm.tables),
        "timeZone": .init(\EventForm.timeZone),
        "venue": .init(\EventForm.venue),
        "open": .init(\EventForm.open),
        "delegation": .init(\EventForm.delegation),
        "sessions": .init(\EventForm.sessions),
        "days": .init(\EventForm.days),
    ]
}

extension EventView: TemplateView {
    static let fields: [String: TemplateField<EventView>] = [
        "lang": .init(\EventView.lang),
        "organizer": .init(\EventView.organizer),
        "notice": .init(\EventView.notice),
        "csrf": .init(\EventView.csrf),
        "id": .init(\EventView.id),
        "name": .init(\EventView.name),
        "city": .init(\EventView.city),
        "country": .init(\EventView.country),
        "when": .init(\EventView.when),
        "pairing": .init(\EventView.pairing),
        "hasSessions": .init(\EventView.hasSessions),
        "sessions": .init(\EventView.sessions),
        "timeZone": .init(\EventView.timeZone),
        "slots": .init(\EventView.slots),
        "slotMinutes": .init(\EventView.slotMinutes),
        "tables": .init(\EventView.tables),
        "scheduleHref": .init(\EventView.scheduleHref),
        "linksHref": .init(\EventView.linksHref),
        "exportsHref": .init(\EventView.exportsHref),
        "participantsAction": .init(\EventView.participantsAction),
        "requestsAction": .init(\EventView.requestsAction),
        "decideAction": .init(\EventView.decideAction),
        "blocksAction": .init(\EventView.blocksAction),
        "locksAction": .init(\EventView.locksAction),
        "removeParticipantAction": .init(\EventView.removeParticipantAction),
        "removeRequestAction": .init(\EventView.removeRequestAction),
        "removeBlockAction": .init(\EventView.removeBlockAction),
        "removeLockAction": .init(\EventView.removeLockAction),
        "participantCount": .init(\EventView.participantCount),
        "participants": .init(\EventView.participants),
        "hasPending": .init(\EventView.hasPending),
        "pendingCount": .init(\EventView.pendingCount),
        "requests": .init(\EventView.requests),
        "blocks": .init(\EventView.blocks),
        "locks": .init(\EventView.locks),
        "hasOutcomes": .init(\EventView.hasOutcomes),
        "rated": .init(\EventView.rated),
        "ratable": .init(\EventView.ratable),
        "outcomes": .init(\EventView.outcomes),
    ]
}

extension EventView.ParticipantRow: TemplateView {
    static let fields: [String: TemplateField<EventView.ParticipantRow>] = [
        "company": .init(\EventView.ParticipantRow.company),
        "id": .init(\EventView.ParticipantRow.id),
        "href": .init(\EventView.ParticipantRow.href),
        "name": .init(\EventView.ParticipantRow.name),
        "side": .init(\EventView.ParticipantRow.side),
        "max": .init(\EventView.ParticipantRow.max),
        "available": .init(\EventView.ParticipantRow.available),
        "reps": .init(\EventView.ParticipantRow.reps),
        "interpreter": .init(\EventView.ParticipantRow.interpreter),
    ]
}

extension EventView.RequestRow: TemplateView {
    static let fields: [String: TemplateField<EventView.RequestRow>] = [
        "a": .init(\EventView.RequestRow.a),
        "b": .init(\EventView.RequestRow.b),
        "aID": .init(\EventView.RequestRow.aID),
        "bID": .init(\EventView.RequestRow.bID),
        "aName": .init(\EventView.RequestRow.aName),
        "bName": .init(\EventView.RequestRow.bName),
        "origin": .init(\EventView.RequestRow.origin),
        "byParticipant": .init(\EventView.RequestRow.byParticipant),
        "kind": .init(\EventView.RequestRow.kind),
        "status": .init(\EventView.RequestRow.status),
        "decidable": .init(\EventView.RequestRow.decidable),
    ]
}

extension EventView.PairRow: TemplateView {
    static let fields: [String: TemplateField<EventView.PairRow>] = [
        "a": .init(\EventView.PairRow.a),
        "b": .init(\EventView.PairRow.b),
        "aID": .init(\EventView.PairRow.aID),
        "bID": .init(\EventView.PairRow.bID),
        "aName": .init(\EventView.PairRow.aName),
        "bName": .init(\EventView.PairRow.bName),
        "madeBy": .init(\EventView.PairRow.madeBy),
        "byParticipant": .init(\EventView.PairRow.byParticipant),
        "slot": .init(\EventView.PairRow.slot),
        "table": .init(\EventView.PairRow.table),
    ]
}

extension ParticipantRemovalView: TemplateView {
    static let fields: [String: TemplateField<ParticipantRemovalView>] = [
        "lang": .init(\ParticipantRemovalView.lang),
        "organizer": .init(\ParticipantRemovalView.organizer),
        "notice": .init(\ParticipantRemovalView.notice),
        "csrf": .init(\ParticipantRemovalView.csrf),
        "company": .init(\ParticipantRemovalView.company),
        "id": .init(\ParticipantRemovalView.id),
        "name": .init(\ParticipantRemovalView.name),
        "eventName": .init(\ParticipantRemovalView.eventName),
        "eventHref": .init(\ParticipantRemovalView.eventHref),
        "action": .init(\ParticipantRemovalView.action),
        "summary": .init(\ParticipantRemovalView.summary),
        "rules": .init(\ParticipantRemovalView.rules),
        "hasRules": .init(\ParticipantRemovalView.hasRules),
        "discardsSchedule": .init(\ParticipantRemovalView.discardsSchedule),
        "meetings": .init(\ParticipantRemovalView.meetings),
    ]
}

extension EventView.OutcomeRow: TemplateView {
    static let fields: [String: TemplateField<EventView.OutcomeRow>] = [
        "label": .init(\EventView.OutcomeRow.label),
        "count": .init(\EventView.OutcomeRow.count),
        "rate": .init(\EventView.OutcomeRow.rate),
    ]
}

extension LinksView: TemplateView {
    static let fields: [String: TemplateField<LinksView>] = [
        "lang": .init(\LinksView.lang),
        "organizer": .init(\LinksView.organizer),
        "notice": .init(\LinksView.notice),
        "csrf": .init(\LinksView.csrf),
        "id": .init(\LinksView.id),
        "name": .init(\LinksView.name),
        "eventHref": .init(\LinksView.eventHref),
        "issueAction": .init(\LinksView.issueAction),
        "renewAction": .init(\LinksView.renewAction),
        "links": .init(\LinksView.links),
    ]
}

extension LinksView.Row: TemplateView {
    static let fields: [String: TemplateField<LinksView.Row>] = [
        "company": .init(\LinksView.Row.company),
        "shownCompany": .init(\LinksView.Row.shownCompany),
        "name": .init(\LinksView.Row.name),
        "url": .init(\LinksView.Row.url),
        "state": .init(\LinksView.Row.state),
        "issuedAt": .init(\LinksView.Row.issuedAt),
        "hasLink": .init(\LinksView.Row.hasLink),
    ]
}

extension CompanyRow: TemplateView {
    static let fields: [String: TemplateField<CompanyRow>] = [
        "id": .init(\CompanyRow.id),
        "href": .init(\CompanyRow.href),
        "name": .init(\CompanyRow.name),
        "country": .init(\CompanyRow.country),
        "city": .init(\CompanyRow.city),
        "size": .init(\CompanyRow.size),
        "offers": .init(\CompanyRow.offers),
        "seeks": .init(\CompanyRow.seeks),
    ]
}

extension SectorOption: TemplateView {
    static let fields: [String: TemplateField<SectorOption>] = [
        "id": .init(\SectorOption.id),
        "name": .init(\SectorOption.name),
        "selected": .init(\SectorOption.selected),
    ]
}

extension CompanyListView: TemplateView {
    static let fields: [String: TemplateField<CompanyListView>] = [
        "lang": .init(\CompanyListView.lang),
        "organizer": .init(\CompanyListView.organizer),
        "notice": .init(\CompanyListView.notice),
        "csrf": .init(\CompanyListView.csrf),
        "query": .init(\CompanyListView.query),
        "country": .init(\CompanyListView.country),
        "sectors": .init(\CompanyListView.sectors),
        "count": .init(\CompanyListView.count),
        "from": .init(\CompanyListView.from),
        "to": .init(\CompanyListView.to),
        "companies": .init(\CompanyListView.companies),
        "previous": .init(\CompanyListView.previous),
        "next": .init(\CompanyListView.next),
    ]
}

extension CompanyView: TemplateView {
    static let fields: [String: TemplateField<CompanyView>] = [
        "lang": .init(\CompanyView.lang),
        "organizer": .init(\CompanyView.organizer),
        "notice": .init(\CompanyView.notice),
        "id": .init(\CompanyView.id),
        "href": .init(\CompanyView.href),
        "name": .init(\CompanyView.name),
        "country": .init(\CompanyView.country),
        "region": .init(\CompanyView.region),
        "city": .init(\CompanyView.city),
        "size": .init(\CompanyView.size),
        "languages": .init(\CompanyView.languages),
        "offers": .init(\CompanyView.offers),
        "seeks": .init(\CompanyView.seeks),
        "description": .init(\CompanyView.description),
        "revision": .init(\CompanyView.revision),
        "updatedAt": .init(\CompanyView.updatedAt),
        "targets": .init(\CompanyView.targets),
        "source": .init(\CompanyView.source),
        "problem": .init(\CompanyView.problem),
        "matches": .init(\CompanyView.matches),
    ]
}

extension CompanyView.MatchLine: TemplateView {
    static let fields: [String: TemplateField<CompanyView.MatchLine>] = [
        "rank": .init(\CompanyView.MatchLine.rank),
        "id": .init(\CompanyView.MatchLine.id),
        "href": .init(\CompanyView.MatchLine.href),
        "name": .init(\CompanyView.MatchLine.name),
        "country": .init(\CompanyView.MatchLine.country),
        "score": .init(\CompanyView.MatchLine.score),
        "reasons": .init(\CompanyView.MatchLine.reasons),
    ]
}

extension CompanyView.TargetOption: TemplateView {
    static let fields: [String: TemplateField<CompanyView.TargetOption>] = [
        "value": .init(\CompanyView.TargetOption.value),
        "label": .init(\CompanyView.TargetOption.label),
        "selected": .init(\CompanyView.TargetOption.selected),
    ]
}

extension ImportView: TemplateView {
    static let fields: [String: TemplateField<ImportView>] = [
        "lang": .init(\ImportView.lang),
        "organizer": .init(\ImportView.organizer),
        "notice": .init(\ImportView.notice),
        "file": .init(\ImportView.file),
        "imported": .init(\ImportView.imported),
        "companyCount": .init(\ImportView.companyCount),
        "inserted": .init(\ImportView.inserted),
        "updated": .init(\ImportView.updated),
        "unchanged": .init(\ImportView.unchanged),
        "problemCount": .init(\ImportView.problemCount),
        "problems": .init(\ImportView.problems),
    ]
}

extension ScheduleView: TemplateView {
    static let fields: [String: TemplateField<ScheduleView>] = [
        "lang": .init(\ScheduleView.lang),
        "organizer": .init(\ScheduleView.organizer),
        "notice": .init(\ScheduleView.notice),
        "csrf": .init(\ScheduleView.csrf),
        "id": .init(\ScheduleView.id),
        "name": .init(\ScheduleView.name),
        "eventHref": .init(\ScheduleView.eventHref),
        "exportsHref": .init(\ScheduleView.exportsHref),
        "scheduleAction": .init(\ScheduleView.scheduleAction),
        "moveAction": .init(\ScheduleView.moveAction),
        "publishAction": .init(\ScheduleView.publishAction),
        "fingerprint": .init(\ScheduleView.fingerprint),
        "discarded": .init(\ScheduleView.discarded),
        "minMeetings": .init(\ScheduleView.minMeetings),
        "exactSecondsLimit": .init(\ScheduleView.exactSecondsLimit),
        "scheduled": .init(\ScheduleView.scheduled),
        "published": .init(\ScheduleView.published),
        "report": .init(\ScheduleView.report),
        "shortfalls": .init(\ScheduleView.shortfalls),
        "unplaced": .init(\ScheduleView.unplaced),
        "changes": .init(\ScheduleView.changes),
        "without": .init(\ScheduleView.without),
        "changeLines": .init(\ScheduleView.changeLines),
        "tableNumbers": .init(\ScheduleView.tableNumbers),
        "rows": .init(\ScheduleView.rows),
    ]
}

extension ScheduleView.Figures: TemplateView {
    static let fields: [String: TemplateField<ScheduleView.Figures>] = [
        "meetings": .init(\ScheduleView.Figures.meetings),
        "total": .init(\ScheduleView.Figures.total),
        "bound": .init(\ScheduleView.Figures.bound),
        "ratio": .init(\ScheduleView.Figures.ratio),
        "min": .init(\ScheduleView.Figures.min),
        "median": .init(\ScheduleView.Figures.median),
        "max": .init(\ScheduleView.Figures.max),
        "mustPlaced": .init(\ScheduleView.Figures.mustPlaced),
        "mustAsked": .init(\ScheduleView.Figures.mustAsked),
        "otherPlaced": .init(\ScheduleView.Figures.otherPlaced),
        "otherAsked": .init(\ScheduleView.Figures.otherAsked),
        "idleMean": .init(\ScheduleView.Figures.idleMean),
        "idleMax": .init(\ScheduleView.Figures.idleMax),
        "breaksTotal": .init(\ScheduleView.Figures.breaksTotal),
        "breaksMax": .init(\ScheduleView.Figures.breaksMax),
        "breaksSpread": .init(\ScheduleView.Figures.breaksSpread),
        "breaksProof": .init(\ScheduleView.Figures.breaksProof),
        "idleSlots": .init(\ScheduleView.Figures.idleSlots),
        "tableChanges": .init(\ScheduleView.Figures.tableChanges),
        "scheduledAt": .init(\ScheduleView.Figures.scheduledAt),
    ]
}

extension ScheduleView.Shortfall: TemplateView {
    static let fields: [String: TemplateField<ScheduleView.Shortfall>] = [
        "company": .init(\ScheduleView.Shortfall.company),
        "meetings": .init(\ScheduleView.Shortfall.meetings),
        "reason": .init(\ScheduleView.Shortfall.reason),
    ]
}

extension ScheduleView.Unplaced: TemplateView {
    static let fields: [String: TemplateField<ScheduleView.Unplaced>] = [
        "pair": .init(\ScheduleView.Unplaced.pair),
        "reason": .init(\ScheduleView.Unplaced.reason),
    ]
}

extension ScheduleView.Cell: TemplateView {
    static let fields: [String: TemplateField<ScheduleView.Cell>] = [
        "meeting": .init(\ScheduleView.Cell.meeting),
    ]
}

extension ScheduleView.MeetingCell: TemplateView {
    static let fields: [String: TemplateField<ScheduleView.MeetingCell>] = [
        "delegate": .init(\ScheduleView.MeetingCell.delegate),
        "host": .init(\ScheduleView.MeetingCell.host),
        "delegateName": .init(\ScheduleView.MeetingCell.delegateName),
        "hostName": .init(\ScheduleView.MeetingCell.hostName),
        "slot": .init(\ScheduleView.MeetingCell.slot),
        "table": .init(\ScheduleView.MeetingCell.table),
        "locked": .init(\ScheduleView.MeetingCell.locked),
    ]
}

extension ScheduleView.Row: TemplateView {
    static let fields: [String: TemplateField<ScheduleView.Row>] = [
        "slot": .init(\ScheduleView.Row.slot),
        "time": .init(\ScheduleView.Row.time),
        "cells": .init(\ScheduleView.Row.cells),
    ]
}

extension ExportsView: TemplateView {
    static let fields: [String: TemplateField<ExportsView>] = [
        "lang": .init(\ExportsView.lang),
        "organizer": .init(\ExportsView.organizer),
        "notice": .init(\ExportsView.notice),
        "id": .init(\ExportsView.id),
        "name": .init(\ExportsView.name),
        "eventHref": .init(\ExportsView.eventHref),
        "scheduleHref": .init(\ExportsView.scheduleHref),
        "formats": .init(\ExportsView.formats),
        "missing": .init(\ExportsView.missing),
    ]
}

extension ExportsView.File: TemplateView {
    static let fields: [String: TemplateField<ExportsView.File>] = [
        "path": .init(\ExportsView.File.path),
        "href": .init(\ExportsView.File.href),
    ]
}

extension ExportsView.Format: TemplateView {
    static let fields: [String: TemplateField<ExportsView.Format>] = [
        "label": .init(\ExportsView.Format.label),
        "files": .init(\ExportsView.Format.files),
    ]
}

extension ParticipantPage: TemplateView {
    static let fields: [String: TemplateField<ParticipantPage>] = [
        "lang": .init(\ParticipantPage.lang),
        "organizer": .init(\ParticipantPage.organizer),
        "notice": .init(\ParticipantPage.notice),
        "t": .init(\ParticipantPage.t),
        "csrf": .init(\ParticipantPage.csrf),
        "companyName": .init(\ParticipantPage.companyName),
        "companyID": .init(\ParticipantPage.companyID),
        "eventName": .init(\ParticipantPage.eventName),
        "eventWhen": .init(\ParticipantPage.eventWhen),
        "eventPlace": .init(\ParticipantPage.eventPlace),
        "eventTimeZone": .init(\ParticipantPage.eventTimeZone),
        "published": .init(\ParticipantPage.published),
        "calendarHref": .init(\ParticipantPage.calendarHref),
        "hasAgenda": .init(\ParticipantPage.hasAgenda),
        "afterEvent": .init(\ParticipantPage.afterEvent),
        "agenda": .init(\ParticipantPage.agenda),
        "hasSuggestions": .init(\ParticipantPage.hasSuggestions),
        "suggestions": .init(\ParticipantPage.suggestions),
        "hasRequests": .init(\ParticipantPage.hasRequests),
        "requests": .init(\ParticipantPage.requests),
        "hasDeclined": .init(\ParticipantPage.hasDeclined),
        "declined": .init(\ParticipantPage.declined),
        "shownRegionCity": .init(\ParticipantPage.shownRegionCity),
        "shownSize": .init(\ParticipantPage.shownSize),
        "shownLanguages": .init(\ParticipantPage.shownLanguages),
        "shownOffers": .init(\ParticipantPage.shownOffers),
        "shownSeeks": .init(\ParticipantPage.shownSeeks),
        "shownDescription": .init(\ParticipantPage.shownDescription),
        "profileOpen": .init(\ParticipantPage.profileOpen),
        "profileAction": .init(\ParticipantPage.profileAction),
        "form": .init(\ParticipantPage.form),
    ]
}

extension ParticipantPage.Suggestion: TemplateView {
    static let fields: [String: TemplateField<ParticipantPage.Suggestion>] = [
        "company": .init(\ParticipantPage.Suggestion.company),
        "name": .init(\ParticipantPage.Suggestion.name),
        "place": .init(\ParticipantPage.Suggestion.place),
        "reasons": .init(\ParticipantPage.Suggestion.reasons),
        "requested": .init(\ParticipantPage.Suggestion.requested),
        "csrf": .init(\ParticipantPage.Suggestion.csrf),
        "requestAction": .init(\ParticipantPage.Suggestion.requestAction),
        "declineAction": .init(\ParticipantPage.Suggestion.declineAction),
    ]
}

extension ParticipantPage.AgendaRow: TemplateView {
    static let fields: [String: TemplateField<ParticipantPage.AgendaRow>] = [
        "time": .init(\ParticipantPage.AgendaRow.time),
        "table": .init(\ParticipantPage.AgendaRow.table),
        "name": .init(\ParticipantPage.AgendaRow.name),
        "place": .init(\ParticipantPage.AgendaRow.place),
        "reasons": .init(\ParticipantPage.AgendaRow.reasons),
        "cancelled": .init(\ParticipantPage.AgendaRow.cancelled),
        "counterpart": .init(\ParticipantPage.AgendaRow.counterpart),
        "ratable": .init(\ParticipantPage.AgendaRow.ratable),
        "rating": .init(\ParticipantPage.AgendaRow.rating),
        "afterEvent": .init(\ParticipantPage.AgendaRow.afterEvent),
        "csrf": .init(\ParticipantPage.AgendaRow.csrf),
        "rateAction": .init(\ParticipantPage.AgendaRow.rateAction),
    ]
}

extension ParticipantPage.DeclinedRow: TemplateView {
    static let fields: [String: TemplateField<ParticipantPage.DeclinedRow>] = [
        "company": .init(\ParticipantPage.DeclinedRow.company),
        "name": .init(\ParticipantPage.DeclinedRow.name),
        "place": .init(\ParticipantPage.DeclinedRow.place),
        "csrf": .init(\ParticipantPage.DeclinedRow.csrf),
        "undoAction": .init(\ParticipantPage.DeclinedRow.undoAction),
    ]
}

extension ParticipantPage.RequestRow: TemplateView {
    static let fields: [String: TemplateField<ParticipantPage.RequestRow>] = [
        "name": .init(\ParticipantPage.RequestRow.name),
        "place": .init(\ParticipantPage.RequestRow.place),
        "who": .init(\ParticipantPage.RequestRow.who),
        "status": .init(\ParticipantPage.RequestRow.status),
        "must": .init(\ParticipantPage.RequestRow.must),
    ]
}

extension ParticipantPage.SizeOption: TemplateView {
    static let fields: [String: TemplateField<ParticipantPage.SizeOption>] = [
        "value": .init(\ParticipantPage.SizeOption.value),
        "label": .init(\ParticipantPage.SizeOption.label),
        "selected": .init(\ParticipantPage.SizeOption.selected),
    ]
}

extension ParticipantPage.ProfileForm: TemplateView {
    static let fields: [String: TemplateField<ParticipantPage.ProfileForm>] = [
        "name": .init(\ParticipantPage.ProfileForm.name),
        "region": .init(\ParticipantPage.ProfileForm.region),
        "city": .init(\ParticipantPage.ProfileForm.city),
        "sizes": .init(\ParticipantPage.ProfileForm.sizes),
        "languages": .init(\ParticipantPage.ProfileForm.languages),
        "offers": .init(\ParticipantPage.ProfileForm.offers),
        "seeks": .init(\ParticipantPage.ProfileForm.seeks),
        "description": .init(\ParticipantPage.ProfileForm.description),
    ]
}

extension OrganizerBar: TemplateView {
    static let fields: [String: TemplateField<OrganizerBar>] = [
        "csrf": .init(\OrganizerBar.csrf),
    ]
}

extension MessageView: TemplateView {
    static let fields: [String: TemplateField<MessageView>] = [
        "lang": .init(\MessageView.lang),
        "organizer": .init(\MessageView.organizer),
        "notice": .init(\MessageView.notice),
        "heading": .init(\MessageView.heading),
        "lines": .init(\MessageView.lines),
        "back": .init(\MessageView.back),
        "backLabel": .init(\MessageView.backLabel),
    ]
}

extension HomeView: TemplateView {
    static let fields: [String: TemplateField<HomeView>] = [
        "lang": .init(\HomeView.lang),
        "organizer": .init(\HomeView.organizer),
        "notice": .init(\HomeView.notice),
        "companyCount": .init(\HomeView.companyCount),
        "hasEvents": .init(\HomeView.hasEvents),
        "events": .init(\HomeView.events),
    ]
}

extension EventRow: TemplateView {
    static let fields: [String: TemplateField<EventRow>] = [
        "id": .init(\EventRow.id),
        "href": .init(\EventRow.href),
        "name": .init(\EventRow.name),
        "date": .init(\EventRow.date),
        "city": .init(\EventRow.city),
        "participants": .init(\EventRow.participants),
        "who": .init(\EventRow.who),
        "meetings": .init(\EventRow.meetings),
        "published": .init(\EventRow.published),
    ]
}
