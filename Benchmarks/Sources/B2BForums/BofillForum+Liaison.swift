import LiaisonScheduling

extension BofillForum {
    /// The forum as a Liaison open event: one company per business (``company(_:)``), one day of
    /// `slots` slots with sessions `morning` (1–nMorningSlots) and `afternoon` (the rest), every
    /// requested meeting a must in its session, availability the complement of `forbidden`,
    /// fixed meetings as locks, and each business's maximum its number of requests. Only the
    /// requests are scheduled, and break counts should differ by at most `fairness`. A pair
    /// requested twice is one meeting (``distinctRequests``): Liaison never pairs two twice.
    public func schedulingInput(fairness: Int = 2, seed: UInt64 = 0) -> SchedulingInput {
        var sessions = [EventSession(name: "morning", slots: SlotSet(1...max(morningSlots, 1)))]
        if morningSlots < slots { sessions.append(EventSession(name: "afternoon", slots: SlotSet((morningSlots + 1)...slots))) }
        if morningSlots == 0 { sessions.removeFirst() }
        let event = EventSpec(id: name, name: "B2B forum \(name)", city: "Girona", country: "ES", date: "2025-05-20", start: "09:00",
                              slots: slots, slotMinutes: 20, tables: tables, timeZone: "Europe/Madrid", pairing: .open, sessions: sessions)
        var counts = [Int](repeating: 0, count: businesses + 1)
        for request in distinctRequests {
            counts[request.a] += 1
            counts[request.b] += 1
        }
        let participants = (1...businesses).map { business in
            Participant(company: company(business), side: .host, maxMeetings: counts[business],
                        available: SlotSet((1...slots).filter { !forbidden[business - 1].contains($0) }))
        }
        let meetingRequests = distinctRequests.map { request in
            MeetingRequest(a: company(request.a), b: company(request.b), must: true,
                           session: request.session == 1 ? "morning" : request.session == 2 ? "afternoon" : nil)
        }
        let locks = distinctRequests.compactMap { request in
            request.fixed.map { MeetingLock(a: company(request.a), b: company(request.b), slot: $0) }
        }
        return SchedulingInput(event: event, participants: participants, requests: meetingRequests, locks: locks,
                               scores: PairScores(pairs: []), onlyRequests: true, fairness: fairness, seed: seed)
    }
}
