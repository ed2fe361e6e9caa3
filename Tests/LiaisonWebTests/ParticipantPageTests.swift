import Foundation
import HummingbirdTesting
import LiaisonFormats
import LiaisonTestSupport
import LiaisonScheduling
@testable import LiaisonStore
@testable import LiaisonWeb
import Testing

@Suite("A participant's page: profile, suggestions, requests, agenda, calendar, ratings")
struct ParticipantPageTests {
    @Test("the page is in the participant's language: Chinese for zh, French for fr, English otherwise, reasons and countries too")
    func pageLanguage() async throws {
        let fixture = try WebFixture.make()
        try await fixture.withBrowser { browser in
            let zh = try await browser.get("/p/\(fixture.tokens["CN-A"]!)").text
            #expect(zh.contains("lang=\"zh-Hans\"") && zh.contains("推荐洽谈") && zh.contains("申请洽谈") && zh.contains("2025年12月5日"))
            let fr = try await browser.get("/p/\(fixture.tokens["CN-B"]!)").text
            #expect(fr.contains("lang=\"fr\"") && fr.contains("Rendez-vous suggérés") && fr.contains("5 décembre 2025"))
            let en = try await browser.get("/p/\(fixture.tokens["US-X"]!)").text
            #expect(en.contains("lang=\"en\"") && en.contains("Suggested meetings") && en.contains("December 5, 2025"))
            #expect(zh.contains("America/Los_Angeles") && zh.contains("Oakland") && zh.contains("Port of Possibilities"))
            // Reasons and places in the page's language too: sectors, sizes and countries named as its agenda names them.
            #expect(zh.contains("您寻求资本市场，对方提供") && zh.contains("规模相同（中型）") && zh.contains("Oakland，美国"))
            #expect(!zh.contains("capital markets") && !zh.contains("same size"))
            // Punctuation as each language writes it, and the size list in the page's words.
            #expect(zh.contains("理由：") && !zh.contains("理由:") && zh.contains("2025年12月5日，08:00"), "\(zh)")
            #expect(zh.contains(">中型</option>") && !zh.contains(">medium</option>"))
            #expect(fr.contains("Pourquoi\u{202F}: ") && en.contains("Why: ") && en.contains(">medium</option>"))
            #expect(fr.contains("Oakland, États-Unis") && en.contains("Shanghai, China"))
            // Its own profile as shown too: sectors, size and languages.
            let profile = try #require(zh.components(separatedBy: "<section id=\"profile\">").last?.components(separatedBy: "<form").first)
            #expect(profile.contains("<dd>清洁能源</dd>") && profile.contains("<dd>中型</dd>") && profile.contains("<dd>中文、英语</dd>"), "\(profile)")
        }
    }

    @Test("the page says where: the event's venue when it has one, else its city")
    func pageVenue() async throws {
        let withVenue = try WebFixture.make(venue: "Port of Oakland, 530 Water St")
        try await withVenue.withBrowser { browser in
            let page = try await browser.get("/p/\(withVenue.tokens["US-X"]!)").text
            #expect(page.contains("<dd>Port of Oakland, 530 Water St</dd>"))
        }
        let withoutVenue = try WebFixture.make()
        try await withoutVenue.withBrowser { browser in
            let page = try await browser.get("/p/\(withoutVenue.tokens["US-X"]!)").text
            #expect(page.contains("<dd>Oakland</dd>"))
        }
    }

    @Test("an event of two days: the page gives each day with its hours, and each meeting its day")
    func pageDays() async throws {
        let fixture = try WebFixture.make(days: [EventDay(date: "2025-12-05", start: "08:00", slots: 2),
                                                 EventDay(date: "2025-12-06", start: "09:00", slots: 2)])
        // One meeting locked on the second day (slot 4: its second slot, 09:20).
        try fixture.db.addLock(MeetingLock(a: "CN-A", b: "US-X", slot: 4, table: 1), to: WebFixture.event)
        _ = try fixture.db.scheduleEvent(WebFixture.event, minMeetings: 1, keepPublished: false)
        _ = try fixture.db.publishEvent(WebFixture.event)
        try await fixture.withBrowser { browser in
            let page = try await browser.get("/p/\(fixture.tokens["US-X"]!)").text
            #expect(page.contains("December 5, 2025, 08:00–08:40; December 6, 2025, 09:00–09:40"))
            #expect(page.contains("December 6, 2025, 09:20–09:40"))
        }
    }

    @Test("the page gives the time zone with its offset, and each clock change between the event's days, in the page's language")
    func pageZoneOffsets() async throws {
        // Los Angeles moves its clocks on March 8, 2026, between the two days.
        let fixture = try WebFixture.make(days: [EventDay(date: "2026-03-06", start: "08:00", slots: 2),
                                                 EventDay(date: "2026-03-09", start: "09:00", slots: 2)])
        try await fixture.withBrowser { browser in
            let en = try await browser.get("/p/\(fixture.tokens["US-X"]!)").text
            #expect(en.contains("<dd>America/Los_Angeles (UTC-08:00; UTC-07:00 from March 9, 2026)</dd>"), "\(en)")
            let zh = try await browser.get("/p/\(fixture.tokens["CN-A"]!)").text
            #expect(zh.contains("<dd>America/Los_Angeles (UTC-08:00；2026年3月9日起UTC-07:00)</dd>"), "\(zh)")
        }
        let oneDay = try WebFixture.make()
        try await oneDay.withBrowser { browser in
            let page = try await browser.get("/p/\(oneDay.tokens["US-X"]!)").text
            #expect(page.contains("<dd>America/Los_Angeles (UTC-08:00)</dd>"), "\(page)")
        }
    }

    @Test("suggestions are the other side's participants, best first, with reasons from the reader's side, and no score")
    func suggestions() async throws {
        let fixture = try WebFixture.make()
        try await fixture.withBrowser { browser in
            let page = try await browser.get("/p/\(fixture.tokens["US-X"]!)").text
            let section = try #require(page.components(separatedBy: "id=\"suggestions\"").last?.components(separatedBy: "</section>").first)
            let order = ["Shanghai Solar", "Lyon-Shenzhen Robotics", "Harbin Foods"].map { section.range(of: $0)?.lowerBound }
            #expect(order.allSatisfy { $0 != nil })
            #expect(order[0]! < order[1]! && order[0]! < order[2]!)
            #expect(!section.contains("Port Logistics") && !section.contains("Golden Grocers"))
            #expect(section.contains("you seek clean energy, they offer it"))
            #expect(section.contains("they seek capital markets, you offer it"))
            #expect(!section.contains("0."), "a score or contribution is shown")
        }
    }

    @Test("Request a meeting is stored for the organizer to accept; Not interested blocks the pair and drops the suggestion")
    func requestAndNotInterested() async throws {
        let fixture = try WebFixture.make()
        let token = fixture.tokens["CN-A"]!
        try await fixture.withBrowser { browser in
            let csrf = try await browser.csrf("/p/\(token)")
            let requested = try await browser.post("/p/\(token)/request", [("csrf", csrf), ("other", "US-X")])
            #expect(requested.status == .seeOther)
            #expect(requested.headers[.location] == "/p/\(token)?done=requested")
            let page = try await browser.get("/p/\(token)?done=requested").text
            #expect(page.contains("洽谈申请已提交"))
            #expect(page.contains("等待主办方确认"))
            let declined = try await browser.post("/p/\(token)/not-interested", [("csrf", csrf), ("other", "US-Z")])
            #expect(declined.status == .seeOther)
            let after = try await browser.get("/p/\(token)").text
            let section = try #require(after.components(separatedBy: "id=\"suggestions\"").last?.components(separatedBy: "</section>").first)
            #expect(!section.contains("Golden Grocers"))
            #expect(after.contains("不感兴趣的企业"))
            // Refused in the page's words, naming neither the other company nor its side, nor the organizer's commands.
            for other in ["CN-B", "US-NOPE", "CN-A"] {
                let refused = try await browser.post("/p/\(token)/request", [("csrf", csrf), ("other", other)])
                #expect(refused.status == .badRequest)
                #expect(refused.text.contains("无法通过您的页面申请与该企业洽谈"), "\(other)")
                #expect(!refused.text.contains(other) && !refused.text.contains("side") && !refused.text.contains("liaison event"), "\(other)")
            }
        }
        let definition = try fixture.db.eventDefinition(WebFixture.event)
        #expect(definition.requests == [MeetingRequest(a: "CN-A", b: "US-X", must: false, origin: .participant, status: .pending)])
        #expect(definition.blocks == [PairBlock(a: "CN-A", b: "US-Z")])
    }

    @Test("companies on the agenda are not suggested, and 'not interested' in one is refused: the schedule stays")
    func agendaPartnersAreNotSuggested() async throws {
        let fixture = try WebFixture.make()
        let scheduled = try fixture.db.scheduleEvent(WebFixture.event, minMeetings: 1, keepPublished: false).meetings
        let meeting = try #require(scheduled.first { $0.host == "US-X" })
        let names = ["CN-A": "Shanghai Solar", "CN-B": "Lyon-Shenzhen Robotics", "CN-C": "Harbin Foods"]
        let partner = try #require(names[meeting.delegate])
        let token = fixture.tokens["US-X"]!
        try await fixture.withBrowser { browser in
            // Scheduled, not yet published; then published.
            for publish in [false, true] {
                if publish { _ = try fixture.db.publishEvent(WebFixture.event) }
                let page = try await browser.get("/p/\(token)").text
                let section = try #require(page.components(separatedBy: "id=\"suggestions\"").last?.components(separatedBy: "</section>").first)
                #expect(!section.contains(partner), "\(partner) is met and suggested (published: \(publish))")
            }
            let csrf = try await browser.csrf("/p/\(token)")
            let declined = try await browser.post("/p/\(token)/not-interested", [("csrf", csrf), ("other", meeting.delegate)])
            #expect(declined.status == .badRequest && declined.text.contains("The organizer has arranged this meeting"), "\(declined.text)")
        }
        #expect(try fixture.db.eventSchedule(WebFixture.event).scheduled.count == scheduled.count)
        #expect(try fixture.db.eventDefinition(WebFixture.event).blocks.isEmpty)
    }

    @Test("a profile correction makes a new revision; a bad field is listed and nothing changes")
    func profileCorrection() async throws {
        let fixture = try WebFixture.make()
        let token = fixture.tokens["US-Y"]!
        let before = try fixture.db.company(id: "US-Y")
        try await fixture.withBrowser { browser in
            let csrf = try await browser.csrf("/p/\(token)")
            let bad = try await browser.post("/p/\(token)/profile", [("csrf", csrf), ("name", "Port Logistics"), ("offers", "logistix:2"),
                                                                  ("seeks", "robotics-automation"), ("languages", "en")])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("Offers: &#39;logistix&#39; is not valid here") && !bad.text.contains("liaison sectors"), "\(bad.text)")
            #expect(try fixture.db.company(id: "US-Y") == before)
            let good = try await browser.post("/p/\(token)/profile", [("csrf", csrf), ("name", "Port Logistics Inc."), ("region", "CA"),
                                                                   ("city", "Oakland"), ("size", "large"), ("languages", "en es"),
                                                                   ("offers", "logistics-transportation:2;supply-chain-services"),
                                                                   ("seeks", "robotics-automation"), ("description", "Cold chain")])
            #expect(good.status == .seeOther)
        }
        let after = try fixture.db.company(id: "US-Y")
        #expect(after.revision == before.revision + 1)
        #expect(after.company.name == "Port Logistics Inc." && after.company.size == .large && after.company.languages == ["en", "es"])
        #expect(after.company.offers.weights == ["logistics-transportation": 2, "supply-chain-services": 1])
        #expect(after.company.id == "US-Y" && after.company.country == "US")
    }

    @Test("the profile form reads languages as a company import reads them: what the import refuses is refused in the page's language, and nothing changes")
    func profileLanguagesAsImported() async throws {
        let fixture = try WebFixture.make()
        let token = fixture.tokens["CN-B"]!
        let before = try fixture.db.company(id: "CN-B")
        let stored = before.company
        try await fixture.withBrowser { browser in
            @Sendable func send(_ languages: String) async throws -> TestResponse {
                try await browser.post("/p/\(token)/profile", [("csrf", try await browser.csrf("/p/\(token)")), ("name", stored.name),
                                                                ("languages", languages), ("offers", stored.offers.text), ("seeks", stored.seeks.text)])
            }
            let refused = try await send("French or Chinese")
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("Langues\u{202F}: &#39;French or Chinese&#39; n’est pas valide ici"), "\(refused.text)")
            #expect(try fixture.db.company(id: "CN-B") == before)
            for (typed, read) in [("fr; zh; en", ["fr", "zh", "en"]), ("French, Mandarin Chinese", ["fr", "zh"]), ("fr zh", ["fr", "zh"])] {
                #expect(try await send(typed).status == .seeOther, "\(typed)")
                #expect(try fixture.db.company(id: "CN-B").company.languages == read, "\(typed)")
            }
        }
    }

    @Test("a request the organizer made reads naturally in French: asked by the organizer, as the participant's own are asked by it")
    func organizerRequestInFrench() async throws {
        let fixture = try WebFixture.make()
        try fixture.db.addRequest(MeetingRequest(a: "CN-B", b: "US-Y", must: false), to: WebFixture.event)
        try await fixture.withBrowser { browser in
            let page = try await browser.get("/p/\(fixture.tokens["CN-B"]!)").text
            let section = try #require(page.components(separatedBy: "id=\"requests\"").last?.components(separatedBy: "</section>").first)
            #expect(section.contains("Port Logistics") && section.contains("demandé par l’organisateur, acceptée"), "\(section)")
            #expect(!section.contains("organisé par l’organisateur"))
        }
    }

    @Test("a request for a company one already meets in the published schedule is refused in the page's language, and nothing is stored")
    func requestForAMeetingAlreadyScheduled() async throws {
        let fixture = try WebFixture.make()
        try await SchedulingHelper.scheduleAndPublish(fixture)
        let meetings = try fixture.db.eventSchedule(WebFixture.event).scheduled
        let before = try fixture.snapshot()
        let said = ["CN-A": "日程中已为您安排了与该企业的洽谈。", "CN-B": "Vous rencontrez déjà cette entreprise au programme.",
                    "CN-C": "You already meet this company in the schedule."]
        try await fixture.withBrowser { browser in
            for (company, message) in said {
                let meeting = try #require(meetings.first(where: { $0.meeting.delegate == company }), "\(company) has no meeting").meeting
                let token = fixture.tokens[company]!
                let response = try await browser.post("/p/\(token)/request", [("csrf", try await browser.csrf("/p/\(token)")), ("other", meeting.host)])
                #expect(response.status == .badRequest, "\(company)")
                #expect(response.text.contains(message), "\(company): \(response.text)")
                #expect(!response.text.contains(meeting.host), "\(company): the refusal names the company")
            }
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test("a refused profile, rating or 'not interested' is told in the page's language, naming the field and the value, never the engine's advice")
    func refusalsInThePageLanguage() async throws {
        let fixture = try WebFixture.make()
        try fixture.db.addRequest(MeetingRequest(a: "CN-A", b: "US-Y", must: true), to: WebFixture.event)
        let token = fixture.tokens["CN-A"]!
        try await fixture.withBrowser { browser in
            let csrf = try await browser.csrf("/p/\(token)")
            let profile = try await browser.post("/p/\(token)/profile", [("csrf", csrf), ("name", ""), ("offers", "bogus"), ("languages", "zh")])
            #expect(profile.status == .badRequest)
            #expect(profile.text.contains("名称：为必填项") && profile.text.contains("提供：&#39;bogus&#39; 填写有误（"), "\(profile.text)")
            #expect(!profile.text.contains("unknown sector") && !profile.text.contains("liaison sectors"))
            let rating = try await browser.post("/p/\(token)/rate", [("csrf", csrf), ("counterpart", "US-X"), ("outcome", "bogus")])
            #expect(rating.status == .badRequest && rating.text.contains("表单不完整") && !rating.text.contains("unknown outcome"), "\(rating.text)")
            let declined = try await browser.post("/p/\(token)/not-interested", [("csrf", csrf), ("other", "US-Y")])
            #expect(declined.status == .badRequest && declined.text.contains("这场洽谈由主办方安排"), "\(declined.text)")
            #expect(!declined.text.contains("US-Y") && !declined.text.contains("must-meet"))
        }
    }

    @Test("a profile sent back as its form shows it keeps a name with a hidden character as stored, not as its visible mark",
          arguments: [("Evil\u{202E}gnp.exe", "Evil[U+202E]gnp.exe"), ("Lyon\u{200B}Robotics\u{FEFF}\u{00AD}", "Lyon[U+200B]Robotics[U+FEFF][U+00AD]")])
    func profileWithHiddenCharacters(name: String, shown: String) async throws {
        let fixture = try WebFixture.make(names: ["CN-B": name])
        let token = fixture.tokens["CN-B"]!
        let before = try fixture.db.company(id: "CN-B")
        try await fixture.withBrowser { browser in
            let page = try await browser.get("/p/\(token)").text
            #expect(page.contains("value=\"\(shown)\"") && !page.unicodeScalars.contains(where: { name.unicodeScalars.contains($0) && !$0.isASCII }))
            let stored = before.company
            let sent = try await browser.post("/p/\(token)/profile", [
                ("csrf", try await browser.csrf("/p/\(token)")), ("name", shown), ("region", stored.region), ("city", stored.city),
                ("size", stored.size?.rawValue ?? ""), ("languages", stored.languages.joined(separator: " ")), ("offers", stored.offers.text),
                ("seeks", stored.seeks.text), ("description", stored.description)])
            #expect(sent.status == .seeOther)
            // Changed, the field is taken as typed.
            _ = try await browser.post("/p/\(token)/profile", [
                ("csrf", try await browser.csrf("/p/\(token)")), ("name", "Evil Corp"), ("region", stored.region), ("city", stored.city),
                ("size", stored.size?.rawValue ?? ""), ("languages", stored.languages.joined(separator: " ")), ("offers", stored.offers.text),
                ("seeks", stored.seeks.text), ("description", stored.description)])
        }
        let history = try fixture.db.company(id: "CN-B")
        #expect(history.company.name == "Evil Corp" && history.revision == before.revision + 1,
                "the unchanged form made no revision, the changed one made one: \(history.revision) after \(before.revision)")
    }

    @Test("the agenda and calendar show the published schedule, and follow each publication; the feed is in the participant's language and outlives its leaving")
    func agendaAndCalendar() async throws {
        let fixture = try WebFixture.make()
        let token = fixture.tokens["CN-A"]!
        try await fixture.withBrowser { browser in
            #expect(try await browser.get("/p/\(token)").text.contains("主办方发布日程后"))
            let empty = try await browser.get("/p/\(token)/agenda.ics")
            #expect(empty.status == .ok && empty.headers[.contentType]?.hasPrefix("text/calendar") == true)
            #expect(empty.text.contains("BEGIN:VCALENDAR") && !empty.text.contains("BEGIN:VEVENT"))
        }
        let schedule = try fixture.db.scheduleEvent(WebFixture.event, minMeetings: 1, keepPublished: false)
        _ = try fixture.db.publishEvent(WebFixture.event)
        let meeting = try #require(schedule.meetings.first { $0.delegate == "CN-A" })
        let uid = "UID:\(WebFixture.event)/CN-A/\(meeting.host)@liaison"
        try await fixture.withBrowser { browser in
            let page = try await browser.get("/p/\(token)").text
            #expect(page.contains("订阅") && page.contains("/p/\(token)/agenda.ics"))
            let calendar = try await browser.get("/p/\(token)/agenda.ics").text
            #expect(calendar.contains(uid) && calendar.contains("SEQUENCE:0"))
        }
        // Moved in the current schedule: nothing changes for participants until it is published.
        let free = try #require((1...4).first { slot in !schedule.meetings.contains { ($0.delegate == "CN-A" || $0.host == meeting.host) && $0.slot == slot } })
        let table = try #require((1...4).first { table in !schedule.meetings.contains { $0.slot == free && $0.table == table } })
        try fixture.db.moveMeeting(event: WebFixture.event, delegate: "CN-A", host: meeting.host, toSlot: free, table: table, lock: false)
        try await fixture.withBrowser { browser in
            let text = try await browser.get("/p/\(token)/agenda.ics").text
            #expect(text.contains("SEQUENCE:0"))
        }
        _ = try fixture.db.publishEvent(WebFixture.event)
        try await fixture.withBrowser { browser in
            let calendar = try await browser.get("/p/\(token)/agenda.ics").text
            #expect(calendar.contains(uid) && calendar.contains("SEQUENCE:1"))
            let start = EventSpec.clock(8 * 60 + (free - 1) * 20)
            #expect(try await browser.get("/p/\(token)").text.contains(start + "–"))
            // The feed is the exported calendar: in the participant's language, with what the other offers.
            let exported = try #require(ScheduleICS.files(try fixture.db.publishedScheduleDocument(WebFixture.event), stamp: Date())
                .first { $0.path == "CN-A.ics" })
            let summary = try #require(ICSFile(exported.data).components("VEVENT").first?.first { $0.name == "SUMMARY" }?.value)
            #expect(summary.hasPrefix("与") && calendar.contains("SUMMARY:" + summary), "\(summary)")
            #expect(calendar.contains("提供"))
        }
        // A company that leaves keeps its feed, which cancels its meetings once published; its page is gone.
        let leaving = meeting.host
        let hostToken = fixture.tokens[leaving]!
        try fixture.db.removeParticipants([leaving], from: WebFixture.event)
        _ = try fixture.db.scheduleEvent(WebFixture.event, minMeetings: 1, keepPublished: true)
        _ = try fixture.db.publishEvent(WebFixture.event)
        try await fixture.withBrowser { browser in
            let feed = try await browser.get("/p/\(hostToken)/agenda.ics")
            #expect(feed.status == .ok && feed.text.contains("STATUS:CANCELLED"), "\(feed.status)")
            #expect(try await browser.get("/p/\(hostToken)").status == .notFound)
        }
    }

    @Test("after its meetings, a participant rates each one; the organizer's event page shows the outcome rates")
    func ratings() async throws {
        let fixture = try WebFixture.make()
        let schedule = try fixture.db.scheduleEvent(WebFixture.event, minMeetings: 1, keepPublished: false)
        _ = try fixture.db.publishEvent(WebFixture.event)
        let meeting = try #require(schedule.meetings.first { $0.delegate == "CN-C" })
        let token = fixture.tokens["CN-C"]!
        try await fixture.withBrowser { browser in
            let before = try await browser.get("/p/\(token)").text
            #expect(!before.contains("form method=\"post\" action=\"/p/\(token)/rate\""))
            let csrf = try await browser.csrf("/p/\(token)")
            let early = try await browser.post("/p/\(token)/rate", [("csrf", csrf), ("counterpart", meeting.host), ("outcome", "follow-up-planned")])
            #expect(early.status == .badRequest)
            #expect(early.text.contains("You can rate a meeting once it has ended."))
            fixture.clock.now = TestClock.afterEvent
            let page = try await browser.get("/p/\(token)").text
            #expect(page.contains("How did it go?") && page.contains("Did the meeting take place?"))
            let rated = try await browser.post("/p/\(token)/rate", [("csrf", csrf), ("counterpart", meeting.host), ("outcome", "follow-up-planned")])
            #expect(rated.status == .seeOther)
            #expect(try await browser.get("/p/\(token)").text.contains("Your answer: follow-up planned"))
            let signIn = try fixture.db.newOrganizerSignIn()
            try await browser.signIn(signIn)
            let event = try await browser.get("/events/\(WebFixture.event)").text
            #expect(event.contains("1 of \(schedule.meetings.count * 2) meeting sides rated"))
            #expect(event.contains("took place, follow-up planned</td><td class=\"num\">1</td><td class=\"num\">100 %"))
        }
    }

    @Test("a page follows at once what changes elsewhere (the CLI, another participant): rendered pages are never served stale")
    func pagesFollowChanges() async throws {
        let fixture = try WebFixture.make()
        let token = fixture.tokens["US-X"]!
        try await fixture.withBrowser { browser in
            let first = try await browser.get("/p/\(token)").text
            let again = try await browser.get("/p/\(token)").text
            #expect(first.contains("Shanghai Solar") && first == again)
            var renamed = try fixture.db.company(id: "CN-A").company
            renamed.name = "Shanghai Solar Group"
            try fixture.db.save([renamed])
            #expect(try await browser.get("/p/\(token)").text.contains("Shanghai Solar Group"))
            try fixture.db.requestMeeting(event: WebFixture.event, from: "CN-C", with: "US-X")
            #expect(try await browser.get("/p/\(token)").text.contains("asked by them"))
            try fixture.db.addParticipants(["US-Y"], to: WebFixture.event, settings: ParticipantSettings(maxMeetings: 1))
            let renewed = try #require(try fixture.db.renewParticipantLink(event: WebFixture.event, company: "US-X").token)
            #expect(try await browser.get("/p/\(token)").status == .notFound)
            let page = try await browser.get("/p/\(renewed)").text
            #expect(page.contains("/p/\(renewed)/request") && !page.contains(token))
        }
    }
}
