import Foundation
import HummingbirdTesting
import LiaisonScheduling
@testable import LiaisonStore
@testable import LiaisonWeb
import Testing

/// On a phone-sized window (360 px) a wide table scrolls inside its own block, as the schedule
/// grid does, and the page itself never scrolls sideways. The real measure is the browser story
/// (Tests/Browser/story.py); this checks the structure it relies on.
@Suite("Pages on a phone-sized window")
struct PhoneWidthTests {
    /// The tables of `html` that are not the first thing inside a scrolling block.
    private func unwrappedTables(_ html: String) -> Int {
        html.components(separatedBy: "<table").count - html.components(separatedBy: "<div class=\"scroll\">\n<table").count
    }

    @Test("every table of the console and of a participant's page sits in a horizontally scrolling block")
    func tablesScroll() async throws {
        let fixture = try WebFixture.make(now: TestClock.afterEvent)
        try fixture.db.requestMeeting(event: WebFixture.event, from: "CN-A", with: "US-Z")
        try fixture.db.addBlock(PairBlock(a: "CN-C", b: "US-X"), to: WebFixture.event)
        try await SchedulingHelper.scheduleAndPublish(fixture)
        try await fixture.withBrowser { browser in
            // After the event, the agenda has its widest form: a rating column.
            let participant = try await browser.get("/p/\(fixture.tokens["CN-A"]!)").text
            #expect(participant.contains("<table") && unwrappedTables(participant) == 0, "the participant's agenda")
            try await browser.signIn(try fixture.db.newOrganizerSignIn())
            for path in ["/", "/companies", "/companies/CN-A", "/events", "/events/oakland", "/events/oakland/links", "/events/oakland/schedule"] {
                let page = try await browser.get(path).text
                #expect(page.contains("<table") && unwrappedTables(page) == 0, "\(path)")
            }
            let css = try await browser.get("/static/liaison.css").text
            #expect(css.contains(".scroll { overflow-x: auto; }"))
        }
    }
}
