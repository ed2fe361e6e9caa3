import LiaisonScheduling

/// A forum schedule checked from its meetings alone, with nothing from the solver: every
/// requested pair meeting exactly once, in its session, at a slot neither business forbids (its fixed
/// slot when it has one), no business twice in a slot, no slot above the tables, no table twice
/// in a slot; then each business's breaks (runs of slots without a meeting between two of its
/// meetings) and idle slots (the slots of those runs it is not forbidden in).
public struct ForumCheck: Sendable {
    public var problems: [String] = []
    public var placed = 0
    public var breaks: [Int: Int] = [:]
    public var idleSlots = 0

    public var totalBreaks: Int { breaks.values.reduce(0, +) }
    public var spread: Int { (breaks.values.max() ?? 0) - (breaks.values.min() ?? 0) }

    public init(_ forum: BofillForum, _ meetings: [Meeting]) {
        var number: [String: Int] = [:]
        for business in 1...forum.businesses { number[forum.company(business)] = business }
        var wanted: [[Int]: BofillForum.Request] = [:]
        for request in forum.requests { wanted[[min(request.a, request.b), max(request.a, request.b)]] = request }
        var seen = Set<[Int]>()
        var busy = Set<[Int]>(), seats = Set<[Int]>()
        var perSlot: [Int: Int] = [:]
        var slotsOf: [Int: [Int]] = [:]
        for m in meetings {
            guard let a = number[m.a], let b = number[m.b] else { problems.append("\(m.a)–\(m.b) is not a pair of businesses"); continue }
            let pair = [min(a, b), max(a, b)]
            guard let request = wanted[pair] else { problems.append("\(m.a)–\(m.b) was not requested"); continue }
            if !seen.insert(pair).inserted { problems.append("\(m.a)–\(m.b) meets twice") }
            let window = request.session == 1 ? 1...max(forum.morningSlots, 1)
                : request.session == 2 ? (forum.morningSlots + 1)...max(forum.slots, forum.morningSlots + 1) : 1...forum.slots
            if !window.contains(m.slot) { problems.append("\(m.a)–\(m.b) in slot \(m.slot), outside its session \(request.session)") }
            if let fixed = request.fixed, fixed != m.slot { problems.append("\(m.a)–\(m.b) in slot \(m.slot), fixed to \(fixed)") }
            for business in [a, b] {
                if forum.forbidden[business - 1].contains(m.slot) { problems.append("\(m.a)–\(m.b) in slot \(m.slot), forbidden to business \(business)") }
                if !busy.insert([business, m.slot]).inserted { problems.append("business \(business) meets twice in slot \(m.slot)") }
                slotsOf[business, default: []].append(m.slot)
            }
            if !(1...forum.tables).contains(m.table) { problems.append("\(m.a)–\(m.b) at table \(m.table), outside 1–\(forum.tables)") }
            if !seats.insert([m.slot, m.table]).inserted { problems.append("table \(m.table) holds two meetings in slot \(m.slot)") }
            perSlot[m.slot, default: 0] += 1
        }
        for (slot, count) in perSlot where count > forum.tables { problems.append("slot \(slot) holds \(count) meetings for \(forum.tables) tables") }
        placed = seen.count
        let distinct = forum.distinctRequests.count
        if placed < distinct { problems.append("\(distinct - placed) requested meetings are not placed") }
        for (business, slots) in slotsOf {
            let sorted = slots.sorted()
            var count = 0
            for (x, y) in zip(sorted, sorted.dropFirst()) where y > x + 1 {
                count += 1
                idleSlots += (x + 1..<y).filter { !forum.forbidden[business - 1].contains($0) }.count
            }
            breaks[business] = count
        }
    }
}
