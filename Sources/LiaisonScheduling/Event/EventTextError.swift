/// Why a day or session written as text could not be read. The description says what is wrong
/// and how to write it; the caller says where the text came from (`--day '…': `).
public enum EventTextError: Error, Hashable, CustomStringConvertible {
    /// Not `DATE,START,SLOTS` followed by named parts.
    case dayShape
    /// A date that is not `YYYY-MM-DD`.
    case date(String)
    /// A start that is not `HH:MM`.
    case start(String)
    /// A part that must be a whole number (`SLOTS`, `break-after`, `break-minutes`) and is not.
    case number(part: String, value: String)
    /// A named part a day does not take.
    case unknownPart(String)
    /// A named part given twice.
    case repeatedPart(String)
    /// `break-minutes` without `break-after`: a pause needs the slot it follows.
    case pauseWithoutSlot
    /// A session that is not `NAME=SLOTS`.
    case sessionShape(String)
    /// A session whose slots are not ranges such as `1-6` or `1-4,7`.
    case sessionSlots(name: String, slots: String)

    public var description: String {
        switch self {
        case .dayShape: "expected \(EventDay.textForm), e.g. \(EventDay.textExample)"
        case .date(let text): "'\(text)' is not a date YYYY-MM-DD"
        case .start(let text): "'\(text)' is not a time HH:MM"
        case .number(let part, let value): "\(part) must be a whole number, not '\(value)'"
        case .unknownPart(let part): "unknown part '\(part)': a day takes break-after=N and break-minutes=M"
        case .repeatedPart(let part): "\(part) is given twice"
        case .pauseWithoutSlot: "break-minutes needs break-after=N, the slot of the day the pause follows"
        case .sessionShape(let text): "'\(text)' is not \(EventSession.textForm), e.g. morning=1-6"
        case .sessionSlots(let name, let slots): "the session '\(name)' has slots '\(slots)': write them such as 1-6 or 1-4,7"
        }
    }
}
