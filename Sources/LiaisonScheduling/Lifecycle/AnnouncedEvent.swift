/// What participants were told of an event when its schedule was published: its name, place and
/// times. A publication's meetings are slots; which moment a slot is depends on the event's days,
/// slot length and time zone, which the organizer may change afterwards. Until the next
/// publication, participants' pages, agendas and calendars keep showing the times they were given
/// (with the calendar sequences they were given), so a change reaches them with the publication
/// that moves the meetings, never before.
public struct AnnouncedEvent: Codable, Hashable, Sendable {
    public var name: String
    public var city: String
    public var country: String
    public var venue: String
    public var timeZone: String
    public var slotMinutes: Int
    public var days: [EventDay]

    /// What `event` tells participants now.
    public init(of event: EventSpec) {
        name = event.name
        city = event.city
        country = event.country
        venue = event.venue
        timeZone = event.timeZone
        slotMinutes = event.slotMinutes
        days = event.days
    }

    /// `event` as it was announced: its name, place and times are these; everything else (its
    /// id, tables, sessions, who may meet whom) is the event's own.
    public func applied(to event: EventSpec) -> EventSpec {
        var announced = event
        announced.name = name
        announced.city = city
        announced.country = country
        announced.venue = venue
        announced.timeZone = timeZone
        announced.slotMinutes = slotMinutes
        announced.days = days
        return announced
    }
}
