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
        return migrator
    }
}
