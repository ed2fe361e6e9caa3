import B2BForums
import LiaisonScheduling
import Testing

@Suite("Reading a Bofill et al. forum (.dzn)")
struct BofillForumTests {
    /// Four businesses, four slots (two in the morning), two tables; business 3 cannot meet in
    /// slot 2; the meeting of 1 and 4 is fixed to slot 3.
    static let tiny = """
        % a hand-written forum
        nBusiness = 4;
        nMeetings = 4;
        nTables = 2;
        nTotalSlots = 4;
        nMorningSlots = 2;
        requested = [|1, 2, 1,
        |3, 1, 3,
        |4, 1, 3,
        |2, 3, 2,
        |];
        meetingsxBusiness = [{1,2,3,4},{1,2,5},{1,3,5},{1,4}];
        nMeetingsBusiness = [3, 2, 2, 1];
        forbidden = [{0}, {}, {0,2}, {0}];
        fixed = [0, 0, 3, 0];
        precedences = [{}, {}, {}, {}];
        """

    @Test("every field is read, 1-based, with forbidden 0 meaning none and fixed 0 meaning free")
    func readsFields() throws {
        let forum = try BofillForum(parsing: Self.tiny, name: "tiny")
        #expect([forum.businesses, forum.tables, forum.slots, forum.morningSlots] == [4, 2, 4, 2])
        #expect(forum.requests.map { [$0.a, $0.b, $0.session] } == [[1, 2, 1], [3, 1, 3], [4, 1, 3], [2, 3, 2]])
        #expect(forum.requests.map(\.fixed) == [nil, nil, 3, nil])
        #expect(forum.forbidden == [[], [], [2], []])
        #expect(forum.company(3) == "B3")
    }

    @Test("as an open event: sessions, musts in their session, availability, locks, maxima, requests only")
    func converts() throws {
        let input = try BofillForum(parsing: Self.tiny, name: "tiny").schedulingInput()
        #expect(input.event.pairing == .open)
        #expect(input.event.slots == 4 && input.event.tables == 2)
        #expect(input.event.sessions.map(\.name) == ["morning", "afternoon"])
        #expect(input.event.sessions.map(\.slots) == [SlotSet([1, 2]), SlotSet([3, 4])])
        #expect(input.requests == [MeetingRequest(a: "B1", b: "B2", must: true, session: "morning"),
                                   MeetingRequest(a: "B3", b: "B1", must: true), MeetingRequest(a: "B4", b: "B1", must: true),
                                   MeetingRequest(a: "B2", b: "B3", must: true, session: "afternoon")])
        #expect(input.locks == [MeetingLock(a: "B4", b: "B1", slot: 3)])
        #expect(input.participants.map(\.maxMeetings) == [3, 2, 2, 1])
        #expect(input.participants[2].available == SlotSet([1, 3, 4]))
        #expect(input.onlyRequests && input.fairness == 2)
    }

    @Test("the tiny forum is scheduled whole, every rule held, with the fewest breaks")
    func schedules() throws {
        let forum = try BofillForum(parsing: Self.tiny, name: "tiny")
        let result = try Scheduler.schedule(forum.schedulingInput())
        let check = ForumCheck(forum, result.meetings)
        #expect(check.problems.isEmpty, "\(check.problems)")
        #expect(check.placed == 4)
        // No break at all: B1–B2 in 2 (morning), B4–B1 in 3 (fixed), B1–B3 in 4 (B3 cannot
        // meet in 2), B2–B3 in 3 (afternoon): B1 meets in 2–4, B2 in 2–3, B3 in 3–4.
        #expect(check.totalBreaks == 0, "\(result.meetings.map { "\($0.a)–\($0.b)@\($0.slot)" })")
        #expect(result.report.breaks.total == check.totalBreaks && result.report.idleSlots == check.idleSlots)
    }

    @Test("a pair requested twice is one meeting: one request, counted once in each maximum, placed once")
    func repeatedPair() throws {
        let text = Self.tiny.replacingOccurrences(of: "nMeetings = 4;", with: "nMeetings = 5;")
            .replacingOccurrences(of: "|2, 3, 2,\n", with: "|2, 3, 2,\n|1, 2, 3,\n")
            .replacingOccurrences(of: "fixed = [0, 0, 3, 0];", with: "fixed = [0, 0, 3, 0, 0];")
        let forum = try BofillForum(parsing: text, name: "twice")
        #expect(forum.requests.count == 5 && forum.distinctRequests.count == 4)
        #expect(forum.repeatedPairs == [[1, 2]])
        let input = forum.schedulingInput()
        #expect(input.requests.count == 4 && input.requests[0].session == "morning")
        #expect(input.participants.map(\.maxMeetings) == [3, 2, 2, 1])
        let check = ForumCheck(forum, try Scheduler.schedule(input).meetings)
        #expect(check.problems.isEmpty, "\(check.problems)")
        #expect(check.placed == 4)
    }

    @Test("a variant's name keeps what tells it from the forum it was made from")
    func names() {
        #expect(BofillForum.name(ofFile: "data/forum-13crafb.original.dzn") == "forum-13crafb")
        #expect(BofillForum.name(ofFile: "forum-13.forb0003.dzn") == "forum-13.forb0003")
        #expect(BofillForum.name(ofFile: "tic-12.dzn") == "tic-12")
    }

    @Test("what is wrong is named with its line", arguments: [
        ("nBusiness = 2;\nnTables = 1;\nnTotalSlots = 2;\nnMorningSlots = 1;\nrequested = [|1, 2, 1,\n|1, 3, 1,\n|];\nforbidden = [{0},{0}];", "line 6", "outside 1–2"),
        ("nBusiness = 2;\nnTables = 1;\nnTotalSlots = 2;\nnMorningSlots = 1;\nrequested = [|1, 2, 4,\n|];\nforbidden = [{0},{0}];", "line 5", "session 4"),
        ("nBusiness = 2;\nnTables = 1;\nnTotalSlots = 2;\nnMorningSlots = 1;\nrequested = [|1, 2, 1,\n|];\nforbidden = [{0},{9}];", "line 7", "slot 9"),
        ("nBusiness = 2;\nnTables = 1;\nnMorningSlots = 1;\nrequested = [|1, 2, 1,\n|];\nforbidden = [{0},{0}];", nil, "nTotalSlots is missing"),
        ("nBusiness = 2;\nnTables = x;", "line 2", "nTables"),
        ("nBusiness = 2;\nnTables = 1;\nnTotalSlots = 2;\nnMorningSlots = 1;\nrequested = [|1, 2, 1,\n|];\nforbidden = [{0},{0}];\nfixed = [7];", "line 8", "slot 7"),
        (BofillForumTests.tiny.replacingOccurrences(of: "precedences = [{}, {}, {}, {}]", with: "precedences = [{}, {}, {0,1}, {}]"), "line 16", "precedences order meeting 3 with meeting(s) 1"),
    ] as [(String, String?, String)])
    func refuses(text: String, line: String?, words: String) {
        do {
            _ = try BofillForum(parsing: text, name: "bad")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(line.map { error.description.hasPrefix($0 + ":") } ?? (error.line == nil), "\(error)")
            #expect(error.description.contains(words), "\(error)")
        }
    }
}
