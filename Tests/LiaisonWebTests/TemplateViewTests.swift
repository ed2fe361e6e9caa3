@_spi(Reflection) import Swift
@testable import LiaisonWeb
import Mustache
import Testing

@Suite("Views the templates read by name")
struct TemplateViewTests {
    static let views: [any TemplateView.Type] = [
        EventListView.self,
        EventForm.self,
        EventView.self,
        EventView.ParticipantRow.self,
        EventView.RequestRow.self,
        EventView.PairRow.self,
        EventView.OutcomeRow.self,
        ParticipantRemovalView.self,
        LinksView.self,
        LinksView.Row.self,
        CompanyRow.self,
        SectorOption.self,
        CompanyListView.self,
        CompanyView.self,
        CompanyView.MatchLine.self,
        CompanyView.TargetOption.self,
        ImportView.self,
        ScheduleView.self,
        ScheduleView.Figures.self,
        ScheduleView.Shortfall.self,
        ScheduleView.Unplaced.self,
        ScheduleView.Cell.self,
        ScheduleView.MeetingCell.self,
        ScheduleView.Row.self,
        ExportsView.self,
        ExportsView.File.self,
        ExportsView.Format.self,
        ParticipantPage.self,
        ParticipantPage.Suggestion.self,
        ParticipantPage.AgendaRow.self,
        ParticipantPage.RequestRow.self,
        ParticipantPage.SizeOption.self,
        ParticipantPage.ProfileForm.self,
        OrganizerBar.self,
        MessageView.self,
        HomeView.self,
        EventRow.self,
    ]

    /// The stored properties of a type, by name.
    static func storedProperties(of type: Any.Type) -> Set<String> {
        var names = Set<String>()
        _ = _forEachField(of: type, options: []) { name, _, _, _ in
            names.insert(String(cString: name))
            return true
        }
        return names
    }

    @Test("each view's table names exactly its stored properties")
    func tablesAreComplete() {
        for view in Self.views {
            #expect(Set(view.fieldNames) == Self.storedProperties(of: view), "\(view)")
        }
    }

    @Test("the participant page with its texts written in, in each language, renders as the page looking them up by name")
    func participantTextsWrittenIn() throws {
        let fixture = try WebFixture.make(now: TestClock.afterEvent)
        _ = try fixture.db.scheduleEvent(WebFixture.event, minMeetings: 1, keepPublished: false)
        _ = try fixture.db.publishEvent(WebFixture.event)
        let templates = try PageTemplates()
        let board = try fixture.db.eventMatchboard(WebFixture.event)
        var languages = Set<PageLanguage>()
        for (company, token) in fixture.tokens {
            let access = try #require(try fixture.db.participantAccess(token: token))
            let view = try fixture.db.participantView(event: WebFixture.event, company: company)
            let page = try ParticipantPage(view: view, access: access, token: token, suggestions: board.suggestions(for: company, limit: 20),
                                           notice: "Done <now>", taxonomy: fixture.db.taxonomy, now: TestClock.afterEvent)
            let language = PageLanguage(companyLanguages: view.company.company.languages)
            languages.insert(language)
            let written = templates.render(PageTemplates.participant(language), page)
            #expect(written == templates.render("participant", page), "\(company)")
            #expect(!written.contains("{{"))
        }
        #expect(languages == Set(PageLanguage.allCases))
    }

    @Test("an absent optional is no value; a present one is its value")
    func optionalsUnwrap() {
        let bar = MessageView(lang: "en", organizer: nil, notice: "hi", heading: "", lines: [], back: nil, backLabel: "")
        #expect(bar.child(named: "organizer") == nil)
        #expect(bar.child(named: "notice") as? String == "hi")
        #expect(bar.child(named: "nothing") == nil)
        let template = try! MustacheTemplate(string: "{{#organizer}}signed in{{/organizer}}{{^organizer}}out{{/organizer}} {{notice}}")
        #expect(template.render(bar) == "out hi")
    }
}

extension TemplateView {
    static var fieldNames: [String] { Array(fields.keys) }
}
