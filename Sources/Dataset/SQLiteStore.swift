import Foundation
import GRDB
import NianbaoModel

/// nianbao.sqlite: tables documents, sections, observations, flags, checks with the JSON Lines fields.
///
/// Storage choices:
/// - Decimal numbers (`observations.value`, `flags.stated`, `flags.expected`) are bound as their exact decimal
///   text (`1.57`) into NUMERIC columns, so SQLite stores an INTEGER or REAL and `SELECT value`, `SUM(value)`,
///   `value > 80` work as numbers. REAL keeps 15 significant digits; the exact text is kept beside it in
///   `value_text` / `stated_text` / `expected_text` for anyone who needs it lossless.
/// - List fields (`errors`, `indicators`, `missing`, `evidence`) are JSON text (sorted keys), readable with
///   SQLite's `json_each`.
/// - Booleans are 0/1 integers; absent values are NULL.
///
/// Re-import semantics: the database accumulates documents across runs. A document is upserted by `doc_id`
/// (its `sha256` says which file version the rows come from); its sections and observations are replaced as
/// a whole, so re-importing an unchanged file leaves the same rows and never duplicates them. Flags and
/// check records describe the whole run's cross-document checks, so each write replaces them.
struct SQLiteStore {
    let path: String

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE documents (
                    doc_id TEXT PRIMARY KEY NOT NULL, source TEXT NOT NULL, sha256 TEXT NOT NULL, format TEXT,
                    title TEXT, region TEXT, report_year INTEGER, issuer TEXT, published TEXT,
                    pages INTEGER NOT NULL, status TEXT NOT NULL, errors TEXT NOT NULL);
                CREATE TABLE sections (
                    doc_id TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL,
                    level INTEGER NOT NULL, number TEXT, title TEXT NOT NULL, parent TEXT,
                    page_start INTEGER NOT NULL, page_end INTEGER NOT NULL,
                    line_start INTEGER NOT NULL, line_end INTEGER NOT NULL,
                    block_start INTEGER NOT NULL, block_end INTEGER NOT NULL,
                    PRIMARY KEY (doc_id, seq));
                CREATE INDEX sections_by_id ON sections(doc_id, id);
                CREATE TABLE observations (
                    doc_id TEXT NOT NULL, seq INTEGER NOT NULL, indicator TEXT NOT NULL, name_zh TEXT NOT NULL,
                    entity TEXT NOT NULL, year INTEGER, value NUMERIC NOT NULL, value_text TEXT NOT NULL,
                    unit TEXT NOT NULL, raw TEXT NOT NULL, qualifier TEXT, page INTEGER NOT NULL,
                    line INTEGER NOT NULL, section_id TEXT, quote TEXT NOT NULL, rule_id TEXT NOT NULL,
                    decimals INTEGER NOT NULL, from_table INTEGER NOT NULL, "group" TEXT, role TEXT, base TEXT,
                    PRIMARY KEY (doc_id, seq));
                CREATE INDEX observations_by_cell ON observations(entity, indicator, year);
                CREATE TABLE flags (
                    id TEXT PRIMARY KEY NOT NULL, "check" TEXT NOT NULL, kind TEXT NOT NULL,
                    severity TEXT NOT NULL, entity TEXT NOT NULL, year INTEGER, indicators TEXT NOT NULL,
                    stated NUMERIC NOT NULL, stated_text TEXT NOT NULL,
                    expected NUMERIC NOT NULL, expected_text TEXT NOT NULL,
                    tolerance TEXT NOT NULL, message TEXT NOT NULL, evidence TEXT NOT NULL);
                CREATE TABLE checks (
                    seq INTEGER PRIMARY KEY NOT NULL, "check" TEXT NOT NULL, kind TEXT NOT NULL,
                    entity TEXT NOT NULL, year INTEGER, status TEXT NOT NULL, flag_id TEXT, missing TEXT NOT NULL);
                """)
        }
        // What a value measures (level, change, target …) and whether the panel and checks use its format.
        migrator.registerMigration("v2-measure-primary") { db in
            try db.execute(sql: """
                ALTER TABLE observations ADD COLUMN measure TEXT NOT NULL DEFAULT 'level';
                ALTER TABLE observations ADD COLUMN "primary" INTEGER NOT NULL DEFAULT 1;
                CREATE INDEX observations_by_measure ON observations(indicator, measure);
                """)
        }
        return migrator
    }()

    func write(_ run: RunOutput) throws(DatasetError) {
        do {
            var configuration = Configuration()
            configuration.label = "nianbao.dataset"
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try SQLiteStore.migrator.migrate(queue)
            // One transaction: readers never see a half-written run, and it is what makes bulk inserts fast.
            try queue.write { db in try SQLiteStore.replace(run, in: db) }
        } catch let error as DatabaseError {
            throw .database(path: path, reason: error.description)
        } catch {
            throw .database(path: path, reason: String(describing: error))
        }
    }

    private static func replace(_ run: RunOutput, in db: Database) throws {
        let upsertDocument = try db.cachedStatement(sql: """
            INSERT INTO documents (doc_id, source, sha256, format, title, region, report_year, issuer, published,
                                   pages, status, errors)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
            ON CONFLICT(doc_id) DO UPDATE SET source=excluded.source, sha256=excluded.sha256,
                format=excluded.format, title=excluded.title, region=excluded.region,
                report_year=excluded.report_year, issuer=excluded.issuer, published=excluded.published,
                pages=excluded.pages, status=excluded.status, errors=excluded.errors
            """)
        let deleteSections = try db.cachedStatement(sql: "DELETE FROM sections WHERE doc_id = ?")
        let deleteObservations = try db.cachedStatement(sql: "DELETE FROM observations WHERE doc_id = ?")
        for document in run.documents {
            try execute(upsertDocument, RecordFields.values(document))
            try deleteSections.execute(arguments: [document.docId])
            try deleteObservations.execute(arguments: [document.docId])
        }
        // Rows of a doc_id that has no document record in this run are replaced too.
        let documentIDs = Set(run.documents.map(\.docId))
        for docId in Set(run.sections.map(\.docId)).union(run.observations.map(\.docId)).subtracting(documentIDs) {
            try deleteSections.execute(arguments: [docId])
            try deleteObservations.execute(arguments: [docId])
        }

        let insertSection = try db.cachedStatement(sql: """
            INSERT INTO sections (doc_id, seq, id, kind, level, number, title, parent, page_start, page_end,
                                  line_start, line_end, block_start, block_end)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        var sectionSeq: [String: Int] = [:]
        for section in run.sections {
            var values = RecordFields.values(section)
            let seq = sectionSeq[section.docId, default: 0] + 1
            sectionSeq[section.docId] = seq
            values.insert(.int(seq), at: 1)
            try execute(insertSection, values)
        }

        let insertObservation = try db.cachedStatement(sql: """
            INSERT INTO observations (doc_id, seq, indicator, name_zh, entity, year, value, value_text, unit, raw,
                                      qualifier, page, line, section_id, quote, rule_id, decimals, from_table,
                                      "group", role, base, measure, "primary")
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        var observationSeq: [String: Int] = [:]
        for observation in run.observations {
            var values = RecordFields.values(observation)
            let seq = observationSeq[observation.docId, default: 0] + 1
            observationSeq[observation.docId] = seq
            values.insert(.string(plainDecimal(observation.value)), at: 6) // value_text after value
            values.insert(.int(seq), at: 1)
            try execute(insertObservation, values)
        }

        try db.execute(sql: "DELETE FROM flags")
        let insertFlag = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO flags (id, "check", kind, severity, entity, year, indicators, stated, stated_text,
                               expected, expected_text, tolerance, message, evidence)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        for flag in run.flags {
            var values = RecordFields.values(flag)
            values.insert(.string(plainDecimal(flag.expected)), at: 9)
            values.insert(.string(plainDecimal(flag.stated)), at: 8)
            try execute(insertFlag, values)
        }

        try db.execute(sql: "DELETE FROM checks")
        let insertCheck = try db.cachedStatement(sql: """
            INSERT INTO checks (seq, "check", kind, entity, year, status, flag_id, missing) VALUES (?,?,?,?,?,?,?,?)
            """)
        for (index, check) in run.checks.enumerated() {
            try execute(insertCheck, [.int(index + 1)] + RecordFields.values(check))
        }
    }

    /// Binds without GRDB's per-call argument validation: the column lists above are fixed, and this is the
    /// hot loop of a large import.
    private static func execute(_ statement: Statement, _ values: [FieldValue]) throws {
        statement.setUncheckedArguments(StatementArguments(values.map(databaseValue)))
        try statement.execute()
    }

    private static func databaseValue(_ value: FieldValue) -> DatabaseValue {
        switch value {
        case .null: return .null
        case .bool(let b): return (b ? 1 : 0).databaseValue
        case .int(let i): return i.databaseValue
        // Exact text into a NUMERIC column: SQLite's affinity turns it into INTEGER or REAL.
        case .decimal(let d): return plainDecimal(d).databaseValue
        case .string(let s): return s.databaseValue
        case .array, .object: return value.json.databaseValue
        }
    }
}
