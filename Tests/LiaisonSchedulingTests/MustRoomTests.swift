import LiaisonCore
@testable import LiaisonScheduling
import Testing

/// Musts come before any other meeting: one that did not fit at first is not kept out by the
/// meetings the schedule was filled with meanwhile.
@Suite("Room for a must")
struct MustRoomTests {
    @Test("a party at its maximum gives up a meeting that is no must, so that its must is placed; a locked meeting stays")
    func fullPartyGivesWay() throws {
        // D1 may meet once and meets H2 (not requested) in slot 2, the only slot of H1, its must.
        let people = [Fixture.delegate("D1", max: 1, slots: [1, 2]), Fixture.host("H1", max: 1, slots: [2]),
                      Fixture.host("H2", max: 1, slots: [1, 2])]
        var input = Fixture.input(slots: 2, tables: 2, people, scores: ["D1|H1": 0.1, "D1|H2": 0.9])
        input.requests = [MeetingRequest(a: "D1", b: "H1", must: true)]
        let model = try EventModel(input)
        let must = try #require(model.key("D1", "H1")), other = try #require(model.key("D1", "H2"))

        var filled = Timetable(model: model)
        let open = MustRoom(filled, musts: model.placeableMusts())
        filled.place(other, in: 2)
        Scheduler.placeWaitingRequests(in: &filled) { open }
        #expect(filled.placements[must]?.slot == 2)
        #expect(filled.placements[other] == nil, "D1 may meet once")

        var locked = Timetable(model: model)
        locked.place(other, in: 2, fixed: true)
        let aroundLock = MustRoom(locked, musts: model.placeableMusts())
        Scheduler.placeWaitingRequests(in: &locked) { aroundLock }
        #expect(locked.placements[other]?.slot == 2)
        #expect(locked.placements[must] == nil)
    }
}
