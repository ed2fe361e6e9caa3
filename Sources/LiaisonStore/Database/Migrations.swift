import GRDB

/// The schema's history. Migrations use literal SQL, never app types, and are never edited once
/// shipped: a schema change is a new migration appended here.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: taxonomy, companies, profiles") { db in
            try db.execute(sql: """
                CREATE TABLE taxonomy (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    version TEXT NOT NULL,
                    loaded_at TEXT NOT NULL
                );
                CREATE TABLE sector (
                    id TEXT PRIMARY KEY,
                    position INTEGER NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    "group" TEXT NOT NULL,
                    aliases TEXT NOT NULL,
                    naics TEXT NOT NULL
                );
                CREATE TABLE company (
                    key INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    country TEXT NOT NULL,
                    region TEXT NOT NULL,
                    city TEXT NOT NULL,
                    size TEXT CHECK (size IN ('micro', 'small', 'medium', 'large', 'enterprise')),
                    languages TEXT NOT NULL,
                    naics TEXT,
                    industry TEXT,
                    description TEXT NOT NULL,
                    revision INTEGER NOT NULL CHECK (revision >= 1),
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX company_country ON company(country);
                CREATE TABLE profile (
                    company INTEGER NOT NULL REFERENCES company(key) ON DELETE CASCADE,
                    kind TEXT NOT NULL CHECK (kind IN ('offers', 'seeks')),
                    sector TEXT NOT NULL REFERENCES sector(id),
                    weight REAL NOT NULL CHECK (weight > 0),
                    PRIMARY KEY (company, kind, sector)
                ) WITHOUT ROWID;
                CREATE INDEX profile_sector ON profile(sector);
                """)
        }
        migrator.registerMigration("v2: score weights, catalog version, feature snapshot") { db in
            try db.execute(sql: """
                CREATE TABLE score_weight (
                    term TEXT PRIMARY KEY,
                    value REAL NOT NULL CHECK (value >= 0)
                );
                CREATE TABLE catalog_state (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    version INTEGER NOT NULL
                );
                INSERT INTO catalog_state (id, version) VALUES (1, 1);
                CREATE TABLE feature_snapshot (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    catalog_version INTEGER NOT NULL,
                    taxonomy_version TEXT NOT NULL,
                    built_at TEXT NOT NULL,
                    companies INTEGER NOT NULL,
                    data BLOB NOT NULL
                );
                """)
        }
        migrator.registerMigration("v3: events, participants, rules, schedules") { db in
            try db.execute(sql: """
                CREATE TABLE event (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    city TEXT NOT NULL,
                    country TEXT NOT NULL,
                    date TEXT NOT NULL,
                    start TEXT NOT NULL,
                    slots INTEGER NOT NULL,
                    slot_minutes INTEGER NOT NULL,
                    break_after INTEGER,
                    break_minutes INTEGER NOT NULL,
                    tables INTEGER NOT NULL,
                    time_zone TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE event_participant (
                    event TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                    company TEXT NOT NULL REFERENCES company(id),
                    side TEXT NOT NULL CHECK (side IN ('delegate', 'host')),
                    max_meetings INTEGER NOT NULL CHECK (max_meetings >= 0),
                    available TEXT NOT NULL,
                    reps INTEGER NOT NULL CHECK (reps >= 1),
                    interpreter TEXT,
                    PRIMARY KEY (event, company)
                ) WITHOUT ROWID;
                CREATE TABLE event_request (
                    event TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                    a TEXT NOT NULL,
                    b TEXT NOT NULL,
                    must INTEGER NOT NULL CHECK (must IN (0, 1)),
                    PRIMARY KEY (event, a, b)
                ) WITHOUT ROWID;
                CREATE TABLE event_block (
                    event TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                    a TEXT NOT NULL,
                    b TEXT NOT NULL,
                    PRIMARY KEY (event, a, b)
                ) WITHOUT ROWID;
                CREATE TABLE event_lock (
                    event TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                    a TEXT NOT NULL,
                    b TEXT NOT NULL,
                    slot INTEGER NOT NULL,
                    table_number INTEGER,
                    PRIMARY KEY (event, a, b)
                ) WITHOUT ROWID;
                CREATE TABLE event_schedule (
                    event TEXT PRIMARY KEY REFERENCES event(id) ON DELETE CASCADE,
                    scheduled_at TEXT NOT NULL,
                    min_meetings INTEGER NOT NULL,
                    report TEXT NOT NULL,
                    unplaced_requests TEXT NOT NULL,
                    changes TEXT
                );
                CREATE TABLE event_meeting (
                    event TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                    delegate TEXT NOT NULL,
                    host TEXT NOT NULL,
                    slot INTEGER NOT NULL,
                    table_number INTEGER NOT NULL,
                    score REAL NOT NULL,
                    PRIMARY KEY (event, delegate, host)
                ) WITHOUT ROWID;
                CREATE TABLE published_meeting (
                    event TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                    delegate TEXT NOT NULL,
                    host TEXT NOT NULL,
                    slot INTEGER NOT NULL,
                    table_number INTEGER NOT NULL,
                    score REAL NOT NULL,
                    sequence INTEGER NOT NULL,
                    cancelled INTEGER NOT NULL CHECK (cancelled IN (0, 1)),
                    published_at TEXT NOT NULL,
                    PRIMARY KEY (event, delegate, host)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v4: country catalog versions, rerank runs and rankings") { db in
            try db.execute(sql: """
                CREATE TABLE country_catalog (
                    country TEXT PRIMARY KEY,
                    version INTEGER NOT NULL
                );
                INSERT INTO country_catalog (country, version) SELECT DISTINCT country, 1 FROM company;
                CREATE TABLE rerank_run (
                    id INTEGER PRIMARY KEY,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    kind TEXT NOT NULL CHECK (kind IN ('full', 'incremental')),
                    status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'interrupted')),
                    top_k INTEGER NOT NULL,
                    countries TEXT NOT NULL,
                    weights TEXT NOT NULL,
                    country_versions TEXT,
                    companies INTEGER,
                    pairs_scored INTEGER,
                    rows_written INTEGER,
                    lists_recomputed INTEGER,
                    seconds REAL,
                    blas TEXT,
                    message TEXT
                );
                CREATE TABLE ranking_state (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    current_run INTEGER REFERENCES rerank_run(id)
                );
                INSERT INTO ranking_state (id, current_run) VALUES (1, NULL);
                CREATE TABLE ranking_entry (
                    company TEXT NOT NULL,
                    target_country TEXT NOT NULL,
                    match TEXT NOT NULL,
                    run_from INTEGER NOT NULL,
                    run_to INTEGER,
                    score REAL NOT NULL,
                    sector REAL NOT NULL,
                    complementarity REAL NOT NULL,
                    language REAL NOT NULL,
                    size REAL NOT NULL,
                    PRIMARY KEY (company, target_country, match, run_from)
                ) WITHOUT ROWID;
                CREATE INDEX ranking_entry_closed ON ranking_entry(run_to) WHERE run_to IS NOT NULL;
                CREATE TABLE ranking_lists (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    run INTEGER NOT NULL,
                    data BLOB NOT NULL
                );
                CREATE VIEW ranking AS
                SELECT run, company, target_country, rank, match, score, sector, complementarity, language, size FROM (
                    SELECT r.id AS run, e.company, e.target_country,
                           ROW_NUMBER() OVER (PARTITION BY r.id, e.company, e.target_country ORDER BY e.score DESC, e.match) AS rank,
                           e.match, e.score, e.sector, e.complementarity, e.language, e.size, r.top_k
                    FROM rerank_run r JOIN ranking_entry e ON e.run_from <= r.id AND (e.run_to IS NULL OR e.run_to > r.id)
                    WHERE r.status = 'done'
                ) WHERE rank <= top_k;
                """)
        }
        // Rows used to be kept from run_from up to run_to: a run that changed 1 % of the entries
        // rewrote pages all over the table to close them. Now each run appends a segment of its
        // changes (a removed entry is a row without a score) and readers take, for each entry, its
        // newest version from the segments since the last complete one.
        migrator.registerMigration("v5: rankings as segments of changes") { db in
            try db.execute(sql: """
                DROP VIEW ranking;
                ALTER TABLE ranking_entry RENAME TO ranking_entry_v4;
                CREATE TABLE ranking_segment (
                    run INTEGER PRIMARY KEY,
                    complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
                    rows INTEGER NOT NULL
                );
                CREATE TABLE ranking_entry (
                    segment INTEGER NOT NULL,
                    company TEXT NOT NULL,
                    target_country TEXT NOT NULL,
                    match TEXT NOT NULL,
                    score REAL,
                    sector REAL,
                    complementarity REAL,
                    language REAL,
                    size REAL,
                    PRIMARY KEY (segment, company, target_country, match)
                ) WITHOUT ROWID;
                INSERT INTO ranking_entry (segment, company, target_country, match, score, sector, complementarity, language, size)
                SELECT run_from, company, target_country, match, score, sector, complementarity, language, size
                FROM ranking_entry_v4 ORDER BY run_from, company, target_country, match;
                INSERT OR IGNORE INTO ranking_entry (segment, company, target_country, match)
                SELECT run_to, company, target_country, match FROM ranking_entry_v4 WHERE run_to IS NOT NULL;
                INSERT INTO ranking_segment (run, complete, rows) SELECT segment, 0, COUNT(*) FROM ranking_entry GROUP BY segment;
                DROP TABLE ranking_entry_v4;
                -- Each run's entries: per entry, its newest version in the segments the run reads.
                -- Joined in this order (CROSS JOIN), a query for one company seeks its rows.
                CREATE VIEW ranking_run_entry AS
                SELECT r.id AS run, r.top_k, e.company, e.target_country, e.match, e.score,
                       e.sector, e.complementarity, e.language, e.size
                FROM rerank_run r CROSS JOIN ranking_segment s CROSS JOIN ranking_entry e
                WHERE r.status = 'done' AND s.run <= r.id
                  AND s.run >= (SELECT COALESCE(MAX(c.run), 0) FROM ranking_segment c WHERE c.complete = 1 AND c.run <= r.id)
                  AND e.segment = s.run AND e.score IS NOT NULL
                  AND NOT EXISTS (
                      SELECT 1 FROM ranking_segment later CROSS JOIN ranking_entry n
                      WHERE later.run > e.segment AND later.run <= r.id AND n.segment = later.run
                        AND n.company = e.company AND n.target_country = e.target_country AND n.match = e.match);
                -- Ranked: a higher score first, then the lower id. (Counted rather than numbered by a
                -- window function, which SQLite 3.40 computes over every row before filtering.)
                CREATE VIEW ranking AS
                SELECT run, company, target_country, rank, match, score, sector, complementarity, language, size FROM (
                    SELECT v.*, 1 + (
                        SELECT COUNT(*) FROM ranking_run_entry w
                        WHERE w.run = v.run AND w.company = v.company AND w.target_country = v.target_country
                          AND (w.score > v.score OR (w.score = v.score AND w.match < v.match))) AS rank
                    FROM ranking_run_entry v
                ) WHERE rank <= top_k;
                """)
        }
        // Exports used to score meetings again with the weights of the day, next to the score
        // stored when the event was scheduled: after `weights set` the two disagreed. A schedule
        // now keeps each meeting's components and reasons (JSON, seen from the delegate).
        migrator.registerMigration("v6: meetings keep their score's components and reasons") { db in
            try db.execute(sql: """
                ALTER TABLE event_meeting ADD COLUMN sector REAL;
                ALTER TABLE event_meeting ADD COLUMN complementarity REAL;
                ALTER TABLE event_meeting ADD COLUMN language REAL;
                ALTER TABLE event_meeting ADD COLUMN size REAL;
                ALTER TABLE event_meeting ADD COLUMN reasons TEXT;
                ALTER TABLE published_meeting ADD COLUMN sector REAL;
                ALTER TABLE published_meeting ADD COLUMN complementarity REAL;
                ALTER TABLE published_meeting ADD COLUMN language REAL;
                ALTER TABLE published_meeting ADD COLUMN size REAL;
                ALTER TABLE published_meeting ADD COLUMN reasons TEXT;
                """)
        }
        // Organizers' sheets carry contact columns and columns of their own: contacts became
        // company fields, and any other column is kept per company as JSON (a list of
        // {"name","value"} in the sheet's order), NULL when there is none.
        migrator.registerMigration("v7: company contacts and extra columns") { db in
            try db.execute(sql: """
                ALTER TABLE company ADD COLUMN contact TEXT NOT NULL DEFAULT '';
                ALTER TABLE company ADD COLUMN email TEXT NOT NULL DEFAULT '';
                ALTER TABLE company ADD COLUMN phone TEXT NOT NULL DEFAULT '';
                ALTER TABLE company ADD COLUMN website TEXT NOT NULL DEFAULT '';
                ALTER TABLE company ADD COLUMN extra TEXT;
                """)
        }
        // Agendas show where an event takes place: an address, beside the city its time zone comes from.
        migrator.registerMigration("v8: event venue") { db in
            try db.execute(sql: """
                ALTER TABLE event ADD COLUMN venue TEXT NOT NULL DEFAULT '';
                """)
        }
        // The browser (`liaison serve`): participants' private links and the organizer's sign-in
        // and sessions, each token stored only as its SHA-256 (hex); requests remember who made
        // them and whether the organizer accepted them; participants rate the meetings they had.
        migrator.registerMigration("v9: participant links, organizer sign-in, request origins, meeting ratings") { db in
            try db.execute(sql: """
                ALTER TABLE event_request ADD COLUMN origin TEXT NOT NULL DEFAULT 'organizer'
                    CHECK (origin IN ('organizer', 'participant'));
                ALTER TABLE event_request ADD COLUMN status TEXT NOT NULL DEFAULT 'accepted'
                    CHECK (status IN ('pending', 'accepted', 'declined'));
                CREATE TABLE participant_link (
                    token_hash TEXT PRIMARY KEY,
                    event TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                    company TEXT NOT NULL,
                    csrf TEXT NOT NULL,
                    issued_at TEXT NOT NULL,
                    revoked_at TEXT
                ) WITHOUT ROWID;
                CREATE UNIQUE INDEX participant_link_active ON participant_link(event, company) WHERE revoked_at IS NULL;
                CREATE TABLE organizer_signin (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    token_hash TEXT NOT NULL,
                    issued_at TEXT NOT NULL
                );
                CREATE TABLE organizer_session (
                    token_hash TEXT PRIMARY KEY,
                    csrf TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    expires_at TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE meeting_rating (
                    event TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                    company TEXT NOT NULL,
                    counterpart TEXT NOT NULL,
                    outcome TEXT NOT NULL
                        CHECK (outcome IN ('did-not-take-place', 'no-interest', 'follow-up-planned', 'agreement-in-progress')),
                    rated_at TEXT NOT NULL,
                    PRIMARY KEY (event, company, counterpart)
                ) WITHOUT ROWID;
                -- A participant's page reads the rows naming it on either side: the keys lead with
                -- the first, these find the second.
                CREATE INDEX event_request_b ON event_request(event, b);
                CREATE INDEX event_block_b ON event_block(event, b);
                CREATE INDEX published_meeting_host ON published_meeting(event, host);
                """)
        }
        // Issue 13: open events (anyone meets anyone), a sides event's delegation country, events of
        // several days, named sessions a request may require. The event row keeps the first day in its
        // single-day columns (slots over all days) so that listings by date need no join.
        migrator.registerMigration("v10: pairing, delegation, days, sessions, request sessions") { db in
            try db.execute(sql: """
                ALTER TABLE event ADD COLUMN pairing TEXT NOT NULL DEFAULT 'sides' CHECK (pairing IN ('sides', 'open'));
                ALTER TABLE event ADD COLUMN delegation TEXT NOT NULL DEFAULT 'CN';
                CREATE TABLE event_day (
                    event TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL CHECK (position >= 0),
                    date TEXT NOT NULL,
                    start TEXT NOT NULL,
                    slots INTEGER NOT NULL,
                    break_after INTEGER,
                    break_minutes INTEGER NOT NULL,
                    PRIMARY KEY (event, position)
                ) WITHOUT ROWID;
                CREATE TABLE event_session (
                    event TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL CHECK (position >= 0),
                    name TEXT NOT NULL,
                    slots TEXT NOT NULL,
                    PRIMARY KEY (event, position),
                    UNIQUE (event, name)
                ) WITHOUT ROWID;
                ALTER TABLE event_request ADD COLUMN session TEXT;
                """)
        }
        // `liaison serve` keeps participants' pages rendered and must know, with one read per
        // request, whether anything a page shows changed — in any process (the CLI, the console,
        // another participant). Triggers count every row written to the event tables, the links,
        // the ratings and the weights, whoever writes them; companies and profiles already count
        // in catalog_state (bumped once per write, where a trigger would fire for each of an
        // import's million rows); rankings, rerank runs and organizer sessions are not on pages,
        // so a running rerank leaves the count alone.
        migrator.registerMigration("v11: a count of changes to what participants' pages show") { db in
            try db.execute(sql: """
                CREATE TABLE participant_page_state (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    version INTEGER NOT NULL
                );
                INSERT INTO participant_page_state (id, version) VALUES (1, 1);
                """)
            let watched = ["event", "event_day", "event_session", "event_participant", "event_request", "event_block",
                           "event_lock", "event_schedule", "event_meeting", "published_meeting", "meeting_rating",
                           "participant_link", "score_weight"]
            for table in watched {
                for operation in ["insert", "update", "delete"] {
                    try db.execute(sql: """
                        CREATE TRIGGER participant_page_\(table)_\(operation) AFTER \(operation.uppercased()) ON \(table)
                        BEGIN UPDATE participant_page_state SET version = version + 1 WHERE id = 1; END;
                        """)
                }
            }
        }
        // A schedule kept through a change of its event's rules (a participant added, a request
        // made) has figures of the event as it was: the change is remembered, and reports say so.
        migrator.registerMigration("v12: schedules remember a change of their event's rules") { db in
            try db.execute(sql: "ALTER TABLE event_schedule ADD COLUMN rules_changed_at TEXT")
        }
        migrator.registerMigration("v13: published meetings remember when they were to take place") { db in
            try db.execute(sql: "ALTER TABLE published_meeting ADD COLUMN timing TEXT")
        }
        // Participants see the event's name, place and times as published (``AnnouncedEvent``)
        // until the next publication; an event published before v14 has none and shows its own.
        migrator.registerMigration("v14: publications remember the event as announced") { db in
            try db.execute(sql: """
                CREATE TABLE event_announcement (
                    event TEXT PRIMARY KEY REFERENCES event(id) ON DELETE CASCADE,
                    announced TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
            // Participants' pages show it: counted as v11 counts their other tables.
            for operation in ["insert", "update", "delete"] {
                try db.execute(sql: """
                    CREATE TRIGGER participant_page_event_announcement_\(operation) AFTER \(operation.uppercased()) ON event_announcement
                    BEGIN UPDATE participant_page_state SET version = version + 1 WHERE id = 1; END;
                    """)
            }
        }
        // A participant's "not interested" is its own block: its page lists those, never the
        // organizer's. Blocks stored before v15 are the organizer's.
        migrator.registerMigration("v15: blocks remember who made them") { db in
            try db.execute(sql: """
                ALTER TABLE event_block ADD COLUMN origin TEXT NOT NULL DEFAULT 'organizer' CHECK (origin IN ('organizer', 'participant'))
                """)
        }
        return migrator
    }
}
