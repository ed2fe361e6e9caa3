import Foundation
import GRDB
import LiaisonCore
import LiaisonFormats
import LiaisonScheduling
@testable import LiaisonStore
import Testing

@Suite("Events keep their venue and a zone told from the city")
struct EventVenueTests {
    @Test("create and import store the venue; an empty zone is told from the city", arguments: Storage.allCases)
    func venueStored(storage: Storage) throws {
        try EventFixture.withCompanies(storage: storage) { db in
            var spec = EventFixture.spec("forum", city: "Calgary", timeZone: "")
            spec.venue = "Telus Convention Centre, 120 9 Ave SE, Calgary"
            let created = try db.createEvent(spec)
            #expect(created.timeZone == "America/Edmonton")
            #expect(try db.eventDefinition("forum").spec == created)
            #expect(try db.eventDefinition("forum").spec.venue == spec.venue)
            try TestFiles.withTemporaryDirectory { directory in
                let file = try directory.writing("events.json", """
                    [{"id": "harbour", "name": "Harbour", "city": "Vancouver", "country": "CA", "venue": "Pier 27, 27 Quay St",
                      "date": "2025-12-03", "start": "07:30", "slots": 5, "slotMinutes": 15, "tables": 3},
                     {"id": "plain", "name": "Plain", "city": "Ottawa", "country": "CA", "date": "2025-12-03", "start": "07:30",
                      "slots": 5, "slotMinutes": 15, "tables": 3}]
                    """)
                try db.importEvents(from: file)
            }
            #expect(try db.eventDefinition("harbour").spec.venue == "Pier 27, 27 Quay St")
            #expect(try db.eventDefinition("harbour").spec.timeZone == "America/Vancouver")
            #expect(try db.eventDefinition("plain").spec.venue == "")
        }
    }

    @Test("a database made before venues gets an empty venue for its events, which still read")
    func migration() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("v6.sqlite").path
            do {
                let queue = try DatabaseQueue(path: path)
                try Migrations.migrator.migrate(queue, upTo: "v6: meetings keep their score's components and reasons")
                try queue.write { db in
                    try db.execute(sql: """
                        INSERT INTO event (id, name, city, country, date, start, slots, slot_minutes, break_after, break_minutes, tables,
                                           time_zone, created_at)
                        VALUES ('old', 'Old Forum', 'Toronto', 'CA', '2025-12-01', '09:00', 6, 20, NULL, 0, 4, 'America/Toronto',
                                '2025-11-01T00:00:00.000Z')
                        """)
                }
            }
            let db = try LiaisonDatabase.open(path: path, mode: .mustExist)
            #expect(db.openReport.appliedMigrations.contains("v8: event venue"))
            let spec = try db.eventDefinition("old").spec
            #expect(spec.venue == "" && spec.name == "Old Forum" && spec.timeZone == "America/Toronto")
        }
    }
}
