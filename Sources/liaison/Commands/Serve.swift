import ArgumentParser
import Dispatch
import Foundation
import LiaisonStore
import LiaisonWeb

extension Liaison {
    /// `liaison serve [--host 127.0.0.1] [--port 8080]`
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the organizer's console and every participant's page in the browser.",
            discussion: """
                Prints the organizer's sign-in link: a new one at each start (the previous one stops working). \
                Participants open their private links (`liaison event links EVENT`). Listens on 127.0.0.1 only \
                unless --host says otherwise. Stop with Ctrl-C.
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The address to listen on: 127.0.0.1 is this machine only, 0.0.0.0 every network.")
        var host: String = WebServer.Configuration.defaultHost

        // Unconditional: `--port -1` reaches validation, instead of reading "-1" as an option.
        @Option(parsing: .unconditional, help: "The port to listen on; 0 picks a free one.")
        var port: Int = WebServer.Configuration.defaultPort

        @Option(help: "Where participants reach this server (e.g. https://forum.example.org): the start of the links the console shows. Default: the address the console is opened at.")
        var baseURL: String?

        func validate() throws {
            if let baseURL { try BaseURL.validate(baseURL) }
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
            guard !host.isEmpty else { throw ValidationError("--host needs an address, e.g. 127.0.0.1") }
        }

        func run() throws {
            let db = try LiaisonDatabase.open(path: database.path, mode: .createIfMissing, concurrentReads: true)
            let token = try db.newOrganizerSignIn()
            let server = try WebServer(database: db, configuration: .init(host: host, port: port, baseURL: baseURL))
            let path = database.path
            let outcome = ServeOutcome()
            let done = DispatchSemaphore(value: 0)
            Task {
                do {
                    try await server.run { address in
                        let base = "http://\(address)"
                        // Written straight to the descriptor: a script reading a pipe sees it at once.
                        FileHandle.standardOutput.write(Data("""
                            Liaison is serving \(path) at \(base)
                            Organizer sign-in (valid until the next start): \(base)/signin?token=\(token)

                            """.utf8))
                    }
                } catch {
                    outcome.error = error
                }
                done.signal()
            }
            done.wait()
            if let error = outcome.error { throw (error as? ListenError).map(ServeError.listening) ?? ServeError.failed("\(error)") }
        }
    }
}

/// How serving ended, handed from the server's task to the command.
private final class ServeOutcome: @unchecked Sendable {
    var error: (any Error)?
}

/// Why `liaison serve` stopped.
enum ServeError: Error, CustomStringConvertible {
    /// The address cannot be listened on: said plainly, with the option that changes it.
    case listening(ListenError)
    case failed(String)

    var description: String {
        switch self {
        case .listening(let error):
            switch error {
            case .portInUse, .portNotPermitted: "\(error): choose another with --port"
            case .addressNotAvailable, .unknownHost: "\(error): choose another with --host"
            }
        case .failed(let reason): "cannot serve: \(reason)"
        }
    }
}
