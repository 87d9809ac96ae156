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

    /// Creates the tables a database lacks and adds the columns a field list gained since it was made
    /// (NULL in older rows, or the type's zero for a required field).
    static func migrate(_ db: Database) throws {
        try prepare(StoreTables.documents, in: db)
        try prepare(StoreTables.sections, in: db)
        try prepare(StoreTables.observations, in: db)
        try prepare(StoreTables.flags, in: db)
        try prepare(StoreTables.checks, in: db)
    }

    static func prepare<R>(_ table: StoreTable<R>, in db: Database) throws {
        try db.execute(sql: table.createSQL)
        let existing = Set(try Row.fetchAll(db, sql: "PRAGMA table_info(\(quoted(table.name)))").map { $0["name"] as String })
        for column in table.columns where !existing.contains(column.name) {
            let zero = column.definition.hasPrefix("TEXT") ? "''" : "0"
            let definition = column.definition.hasSuffix("NOT NULL") ? column.definition + " DEFAULT \(zero)" : column.definition
            try db.execute(sql: "ALTER TABLE \(quoted(table.name)) ADD COLUMN \(quoted(column.name)) \(definition)")
        }
        if !table.indexes.isEmpty { try db.execute(sql: table.indexSQL) }
    }

    func write(_ run: RunOutput) throws(DatasetError) {
        do {
            var configuration = Configuration()
            configuration.label = "nianbao.dataset"
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.write { db in try SQLiteStore.migrate(db) }
            // One transaction: readers never see a half-written run, and it is what makes bulk inserts fast.
            try queue.write { db in try SQLiteStore.replace(run, in: db) }
        } catch let error as DatabaseError {
            throw .database(path: path, reason: error.description)
        } catch {
            throw .database(path: path, reason: String(describing: error))
        }
    }

    private static func replace(_ run: RunOutput, in db: Database) throws {
        let upsertDocument = try db.cachedStatement(sql: StoreTables.documents.upsertSQL)
        let deleteSections = try db.cachedStatement(sql: "DELETE FROM sections WHERE doc_id = ?")
        let deleteObservations = try db.cachedStatement(sql: "DELETE FROM observations WHERE doc_id = ?")
        for document in run.documents {
            try execute(upsertDocument, StoreTables.documents.row(document))
            try deleteSections.execute(arguments: [document.docId])
            try deleteObservations.execute(arguments: [document.docId])
        }
        // Rows of a doc_id that has no document record in this run are replaced too.
        let documentIDs = Set(run.documents.map(\.docId))
        for docId in Set(run.sections.map(\.docId)).union(run.observations.map(\.docId)).subtracting(documentIDs) {
            try deleteSections.execute(arguments: [docId])
            try deleteObservations.execute(arguments: [docId])
        }
        try insertPerDocument(run.sections, into: StoreTables.sections, in: db)
        try insertPerDocument(run.observations, into: StoreTables.observations, in: db)

        try db.execute(sql: "DELETE FROM flags")
        let insertFlag = try db.cachedStatement(sql: StoreTables.flags.insertSQL(verb: "INSERT OR REPLACE"))
        for flag in run.flags { try execute(insertFlag, StoreTables.flags.row(flag)) }

        try db.execute(sql: "DELETE FROM checks")
        let insertCheck = try db.cachedStatement(sql: StoreTables.checks.insertSQL())
        for (index, check) in run.checks.enumerated() {
            try execute(insertCheck, StoreTables.checks.row(check, seq: index + 1))
        }
    }

    /// Rows numbered 1, 2, … within each document, in the order given.
    static func insertPerDocument<R: FieldListed & DocumentScoped>(_ records: [R], into table: StoreTable<R>,
                                                                   in db: Database) throws {
        let insert = try db.cachedStatement(sql: table.insertSQL())
        var seqs: [String: Int] = [:]
        for record in records {
            let seq = seqs[record.docId, default: 0] + 1
            seqs[record.docId] = seq
            try execute(insert, table.row(record, seq: seq))
        }
    }

    /// Binds without GRDB's per-call argument validation: the column lists above are fixed, and this is the
    /// hot loop of a large import.
    static func execute(_ statement: Statement, _ values: [DatabaseValue]) throws {
        statement.setUncheckedArguments(StatementArguments(values))
        try statement.execute()
    }
}

/// Records that belong to one document and are numbered within it.
protocol DocumentScoped { var docId: String { get } }
extension Section: DocumentScoped {}
extension Observation: DocumentScoped {}
extension RejectedValue: DocumentScoped { var docId: String { observation.docId } }
