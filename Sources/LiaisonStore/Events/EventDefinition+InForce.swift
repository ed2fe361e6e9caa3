import LiaisonScheduling

extension EventDefinition {
    /// The event as the scheduler sees it: only the requests in force (the organizer's, and the
    /// participants' it accepted). Pending and declined requests are kept and shown, never scheduled.
    var inForce: EventDefinition {
        var definition = self
        definition.requests = requests.filter(\.isInForce)
        return definition
    }
}
