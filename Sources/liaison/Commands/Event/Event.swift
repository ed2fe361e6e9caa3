import ArgumentParser

extension Liaison {
    /// `liaison event`: networking events and their 1:1 meeting schedules.
    struct Event: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create events, register participants, schedule 1:1 meetings, publish and export agendas.",
            subcommands: [
                Create.self, Import.self, Add.self, Remove.self, Request.self, Unrequest.self, Block.self, Unblock.self, Lock.self, Unlock.self,
                Schedule.self, List.self, Show.self, Report.self, Publish.self, Export.self, Links.self,
            ])
    }
}

/// The event-id argument shared by the event commands.
struct EventArgument: ParsableArguments {
    @Argument(help: "The event's id.")
    var id: String
}
