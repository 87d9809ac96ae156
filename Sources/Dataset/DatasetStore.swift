import Foundation
import GRDB
import NianbaoModel

/// What the store remembers of the file a document was read from, to tell on the next import whether the
/// document must be processed again.
public struct SourceFileState: Sendable, Hashable {
    /// Absolute, standardised path.
    public var path: String
    public var size: Int
    /// Modification time, seconds since 1970.
    public var modified: Double
    public var sha256: String
    /// Hash of the indicator rules the observations came from.
    public var rulesHash: String
    /// nianbao's processing version (reading, cleaning, segmentation and the record fields).
    public var version: String

    public init(path: String, size: Int, modified: Double, sha256: String, rulesHash: String, version: String) {
        self.path = path
        self.size = size
        self.modified = modified
        self.sha256 = sha256
        self.rulesHash = rulesHash
        self.version = version
    }
}

/// One document's results, committed to the store as a whole.
public struct DocumentCommit: Sendable {
    public var record: DocumentRecord
    public var sections: [Section]
    public var observations: [Observation]
    public var rejected: [RejectedValue]
    /// The segmented document, archived (see `SegmentedArchive`); nil keeps the archive already stored.
    public var archive: Data?
    public var file: SourceFileState
    /// The document's passages for `nianbao search` (nil when it has no text: its old passages go).
    public var search: SearchDocument?
    /// True when the rules were re-run on the segmented document already stored: its sections and passages
    /// are those stored, and are left as they are (rewriting them, and the search index with them, was most of
    /// the cost of an import after a rule edit).
    public var keepsText: Bool

    public init(record: DocumentRecord, sections: [Section], observations: [Observation], rejected: [RejectedValue],
                archive: Data?, file: SourceFileState, search: SearchDocument? = nil) {
        self.record = record
        self.sections = sections
        self.observations = observations
        self.rejected = rejected
        self.archive = archive
        self.file = file
        self.search = search
        keepsText = false
    }

    /// New values from the rules for a document whose stored text stays.
    public static func rulesRerun(record: DocumentRecord, observations: [Observation], rejected: [RejectedValue],
                                  file: SourceFileState) -> DocumentCommit {
        var commit = DocumentCommit(record: record, sections: [], observations: observations, rejected: rejected,
                                    archive: nil, file: file)
        commit.keepsText = true
        return commit
    }
}

/// The durable store under `--out` (nianbao.sqlite): the source of truth of the dataset. Each document is
/// committed in its own transaction as soon as it is processed (write-ahead log), so an import killed at any
/// point leaves every finished document and nothing half-written, and the next import goes on from there.
/// The JSON Lines, CSV and panel files are exported from it (`StoreExport`).
///
/// Tables beyond the contract's: `rejected` (rejected.jsonl's rows), `source_files` (path, size, time,
/// content hash, rules hash and version each document was made from), `segmented` (each document's
/// segmented form, compressed, so a rule edit re-runs the rules without reading the file again) and the
/// search index (`passages`, `passages_fts`, `passages_pending`, `section_texts`; see `SearchIndex`), committed
/// with the document and indexed at the end of an import.
public final class DatasetStore: Sendable {
    public let path: String
    /// A pool: the export of the tables reads while the checks read too (one writer, readers beside it).
    let queue: DatabasePool

    static let rejectedTable = StoreTable<RejectedValue>(name: "rejected", key: .documentSequence, indexes: [])

    public init(outputDirectory: URL) throws(DatasetError) {
        path = outputDirectory.appendingPathComponent(DatasetFile.database).path
        do {
            try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateDirectory(path: outputDirectory.path, reason: DatasetWriter.reason(error))
        }
        do {
            var configuration = Configuration()
            configuration.label = "nianbao.store"
            configuration.journalMode = .wal
            configuration.busyMode = .timeout(30)
            // With the write-ahead log, NORMAL keeps every committed document through a crash of the process.
            // A checkpoint every 40 MB of log instead of every 4 MB: each one stalls the single writer that
            // every worker commits through (an import ends with a full checkpoint anyway).
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 10000")
            }
            queue = try DatabasePool(path: path, configuration: configuration)
            try queue.write { db in
                try SQLiteStore.migrate(db)
                try SQLiteStore.prepare(Self.rejectedTable, in: db)
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS source_files (
                        doc_id TEXT PRIMARY KEY NOT NULL, path TEXT NOT NULL, size INTEGER NOT NULL,
                        modified REAL NOT NULL, sha256 TEXT NOT NULL, rules_hash TEXT NOT NULL, version TEXT NOT NULL);
                    CREATE INDEX IF NOT EXISTS source_files_by_path ON source_files(path);
                    CREATE TABLE IF NOT EXISTS segmented (doc_id TEXT PRIMARY KEY NOT NULL, archive BLOB NOT NULL);
                    CREATE TABLE IF NOT EXISTS store_state (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                    """)
                try db.execute(sql: SearchIndex.schema)
            }
        } catch {
            throw Self.databaseError(path, error)
        }
    }

    static func databaseError(_ path: String, _ error: any Error) -> DatasetError {
        if let error = error as? DatasetError { return error }
        if let error = error as? DatabaseError { return .database(path: path, reason: error.description) }
        return .database(path: path, reason: String(describing: error))
    }

    func read<T>(_ body: (Database) throws -> T) throws(DatasetError) -> T {
        do { return try queue.read(body) } catch { throw Self.databaseError(path, error) }
    }

    func write<T>(_ body: (Database) throws -> T) throws(DatasetError) -> T {
        do { return try queue.write(body) } catch { throw Self.databaseError(path, error) }
    }

    // MARK: - What the store holds

    /// Every document's source file state, by doc_id.
    public func sourceFiles() throws(DatasetError) -> [String: SourceFileState] {
        try read { db in
            var result: [String: SourceFileState] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM source_files") {
                result[row["doc_id"]] = SourceFileState(path: row["path"], size: row["size"], modified: row["modified"],
                                                        sha256: row["sha256"], rulesHash: row["rules_hash"],
                                                        version: row["version"])
            }
            return result
        }
    }

    public func documentIDs() throws(DatasetError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT doc_id FROM documents ORDER BY doc_id") }
    }

    public func document(_ docId: String) throws(DatasetError) -> DocumentRecord? {
        try records(StoreTables.documents, where: "doc_id = ?", [docId]).first
    }

    public func archive(_ docId: String) throws(DatasetError) -> Data? {
        try read { db in try Data.fetchOne(db, sql: "SELECT archive FROM segmented WHERE doc_id = ?", arguments: [docId]) }
    }

    public func documents() throws(DatasetError) -> [DocumentRecord] {
        try records(StoreTables.documents, where: nil, order: "doc_id")
    }

    /// Every observation, documents in doc_id order and each document's in its own order.
    public func observations() throws(DatasetError) -> [Observation] {
        try records(StoreTables.observations, where: nil, order: "doc_id, seq")
    }

    // MARK: - A group of observations at a time (checks and panels of a large store)

    /// A primary observation: its document is the publication's format the checks and panels use (NULL in a
    /// store written before the column existed counts as primary, as reading the record does).
    static let isPrimary = "coalesce(\"primary\", 1) != 0"

    /// Each primary observation's indicator, name, entity and place (doc_id, page, line, value), without
    /// reading the rest of its row: what the checks' indicator names are chosen from.
    public func forEachPrimaryIndicatorName(
        _ body: (_ indicator: String, _ nameZh: String, _ entity: String?, _ docId: String, _ page: Int, _ line: Int,
                 _ value: Decimal) -> Void
    ) throws(DatasetError) {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT indicator, name_zh, entity, doc_id, page, line, value_text FROM observations
                WHERE \(Self.isPrimary) AND name_zh != ''
                """)
            while let row = try rows.next() {
                let value = (row[6] as String?).flatMap { Decimal(string: $0, locale: posixLocale) } ?? 0
                body(row[0] ?? "", row[1] ?? "", row[2], row[3] ?? "", row[4] ?? 0, row[5] ?? 0, value)
            }
        }
    }

    /// The entities of the primary observations, grouped so that names Swift holds equal (canonically
    /// equivalent spellings) are one group, as the checks' and the panel's dictionaries join them.
    public func primaryEntityGroups() throws(DatasetError) -> [[String]] {
        let entities = try read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT entity FROM observations WHERE entity IS NOT NULL AND \(Self.isPrimary)")
        }
        let grouped = Dictionary(grouping: entities) { $0 }
        return grouped.keys.sorted().map { grouped[$0]! }
    }

    /// The primary observations of one entity group, in doc_id and document order.
    public func primaryObservations(entities: [String]) throws(DatasetError) -> [Observation] {
        let marks = Array(repeating: "?", count: entities.count).joined(separator: ",")
        return try records(StoreTables.observations, where: "entity IN (\(marks)) AND \(Self.isPrimary)",
                           StatementArguments(entities), order: "doc_id, seq")
    }

    /// The primary observations of one document, in document order.
    public func primaryObservations(docId: String) throws(DatasetError) -> [Observation] {
        try records(StoreTables.observations, where: "doc_id = ? AND \(Self.isPrimary)", [docId], order: "seq")
    }

    /// The whole store as one run (for `nianbao check` and small stores; an import streams instead).
    public func load() throws(DatasetError) -> RunOutput {
        var run = RunOutput()
        run.documents = try documents()
        run.sections = try records(StoreTables.sections, where: nil, order: "doc_id, seq")
        run.observations = try observations()
        run.rejected = try records(Self.rejectedTable, where: nil, order: "doc_id, seq")
        run.flags = try records(StoreTables.flags, where: nil, order: "rowid")
        run.checks = try records(StoreTables.checks, where: nil, order: "seq")
        return run
    }

    func records<R>(_ table: StoreTable<R>, where condition: String?, _ arguments: StatementArguments = [],
                    order: String? = nil) throws(DatasetError) -> [R] {
        try read { db in
            var result: [R] = []
            try forEachRecord(table, in: db, where: condition, arguments, order: order) { result.append($0) }
            return result
        }
    }

    /// Calls `body` with each record of `table` in `order`, one row in memory at a time.
    func forEachRecord<R>(_ table: StoreTable<R>, in db: Database, where condition: String? = nil,
                          _ arguments: StatementArguments = [], order: String? = nil,
                          _ body: (R) throws -> Void) throws {
        try forEachRowValues(table, in: db, where: condition, arguments, order: order) { values in
            switch R.record(fromValues: values) {
            case .success(let record): try body(record)
            case .failure(let mismatch):
                throw DatasetError.database(path: path, reason: "table \(table.name): \(mismatch.description)")
            }
        }
    }

    /// Each row's values in field order, without building the record: for writing a row out again as it is
    /// stored (the export), where the record would be built only to be taken apart (the rows were written
    /// from records by this field list, so they read back as they were).
    func forEachRowValues<R>(_ table: StoreTable<R>, in db: Database, where condition: String? = nil,
                             _ arguments: StatementArguments = [], order: String? = nil,
                             _ body: ([FieldValue]) throws -> Void) throws {
        var sql = "SELECT * FROM \(quoted(table.name))"
        if let condition { sql += " WHERE \(condition)" }
        if let order { sql += " ORDER BY \(order)" }
        let statement = try db.makeStatement(sql: sql)
        let positions = table.columnPositions(statement.columnNames)
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() { try body(table.values(from: row, positions: positions)) }
    }

    // MARK: - Writing

    /// Replaces one document's rows, its source state and (when given) its archive, in one transaction.
    public func commit(_ document: DocumentCommit) throws(DatasetError) {
        try write { db in
            let docId = document.record.docId
            try SQLiteStore.execute(try db.cachedStatement(sql: StoreTables.documents.upsertSQL),
                                    StoreTables.documents.row(document.record))
            for table in (document.keepsText ? [] : ["sections"]) + ["observations", Self.rejectedTable.name] {
                try db.execute(sql: "DELETE FROM \(quoted(table)) WHERE doc_id = ?", arguments: [docId])
            }
            if !document.keepsText {
                try SQLiteStore.insertPerDocument(document.sections, into: StoreTables.sections, in: db)
            }
            try SQLiteStore.insertPerDocument(document.observations, into: StoreTables.observations, in: db)
            try SQLiteStore.insertPerDocument(document.rejected, into: Self.rejectedTable, in: db)
            let file = document.file
            try db.execute(sql: """
                INSERT OR REPLACE INTO source_files (doc_id, path, size, modified, sha256, rules_hash, version)
                VALUES (?,?,?,?,?,?,?)
                """, arguments: [docId, file.path, file.size, file.modified, file.sha256, file.rulesHash, file.version])
            if let archive = document.archive {
                try db.execute(sql: "INSERT OR REPLACE INTO segmented (doc_id, archive) VALUES (?,?)",
                               arguments: [docId, archive])
            }
            if !document.keepsText { try SearchIndex.replace(docId, with: document.search, in: db) }
            try Self.markChanged(db)
        }
    }

    /// Indexes for full-text search the passages committed since it last ran (see `SearchIndex.schema`).
    public func indexPendingPassages() throws(DatasetError) {
        try write { db in try SearchIndex.indexPending(in: db) }
    }

    /// A document whose file did not change: only where it was found and how it was named are updated.
    public func touch(_ docId: String, source: String, file: SourceFileState) throws(DatasetError) {
        try write { db in
            try db.execute(sql: "UPDATE documents SET source = ? WHERE doc_id = ?", arguments: [source, docId])
            try db.execute(sql: "UPDATE source_files SET path = ?, size = ?, modified = ? WHERE doc_id = ?",
                           arguments: [file.path, file.size, file.modified, docId])
            try Self.markChanged(db)
        }
    }

    /// Removes documents and every row that came from them.
    public func remove(_ docIds: [String]) throws(DatasetError) {
        try write { db in
            for docId in docIds {
                for table in ["documents", "sections", "observations", Self.rejectedTable.name, "source_files", "segmented",
                              "passages", "section_texts"] {
                    try db.execute(sql: "DELETE FROM \(quoted(table)) WHERE doc_id = ?", arguments: [docId])
                }
            }
            try Self.markChanged(db)
        }
    }

    /// Sets `primary` on every observation, rejected value and passage: true when its document is in `chosen`
    /// (the format of its publication the checks and the panel use). Which format is chosen depends on every
    /// document stored, so it is decided over the whole store before the checks, not per document.
    public func markPrimary(_ chosen: Set<String>) throws(DatasetError) {
        try write { db in
            let tables = ["observations", Self.rejectedTable.name, "passages"]
            let updates = try tables.map {
                try db.cachedStatement(sql: "UPDATE \(quoted($0)) SET \"primary\" = ? WHERE doc_id = ? AND \"primary\" != ?")
            }
            for docId in try String.fetchAll(db, sql: "SELECT doc_id FROM documents") {
                let primary = chosen.contains(docId)
                for update in updates { try update.execute(arguments: [primary, docId, primary]) }
            }
        }
    }

    // MARK: - Whether the exported files are current

    /// The key of the checks and export last run over the store, or nil when documents changed since.
    public func exportedKey() throws(DatasetError) -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM store_state WHERE key = 'exported'").flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// Records that the checks ran and the files were exported from the store as it is, under `key`, and
    /// what the checks found in a sentence or two (`checksSummary`), so an import that finds nothing changed
    /// can say it without reading every flag back.
    public func setExportedKey(_ key: String, checksSummary: String? = nil) throws(DatasetError) {
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO store_state (key, value) VALUES ('exported', ?)", arguments: [key])
            if let checksSummary {
                try db.execute(sql: "INSERT OR REPLACE INTO store_state (key, value) VALUES ('checks_summary', ?)",
                               arguments: [checksSummary])
            }
        }
    }

    /// The summary `setExportedKey` recorded with the checks that last ran; nil when none was.
    public func checksSummary() throws(DatasetError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM store_state WHERE key = 'checks_summary'") }
    }

    static func markChanged(_ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO store_state (key, value) VALUES ('exported', '')")
    }

    /// The flags and check records the last checks stored.
    public func checkResults() throws(DatasetError) -> (flags: [Flag], checks: [CheckRecord]) {
        (try records(StoreTables.flags, where: nil, order: "rowid"), try records(StoreTables.checks, where: nil, order: "seq"))
    }

    /// The checks' results over the whole store replace the previous ones.
    public func replaceChecks(flags: [Flag], checks: [CheckRecord]) throws(DatasetError) {
        try write { db in
            try db.execute(sql: "DELETE FROM flags")
            let insertFlag = try db.cachedStatement(sql: StoreTables.flags.insertSQL(verb: "INSERT OR REPLACE"))
            for flag in flags { try SQLiteStore.execute(insertFlag, StoreTables.flags.row(flag)) }
            try db.execute(sql: "DELETE FROM checks")
            let insertCheck = try db.cachedStatement(sql: StoreTables.checks.insertSQL())
            for (index, check) in checks.enumerated() {
                try SQLiteStore.execute(insertCheck, StoreTables.checks.row(check, seq: index + 1))
            }
        }
    }

    /// Folds the write-ahead log into the database file, so the folder holds one file when no import runs.
    public func checkpoint() {
        try? queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }
}

extension DatasetStore {
    /// How many rows the dataset tables hold.
    public struct Totals: Sendable {
        public var documents = 0, sections = 0, observations = 0, rejected = 0
    }

    public func totals() throws(DatasetError) -> Totals {
        try read { db in
            func count(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(quoted(table))") ?? 0 }
            return Totals(documents: try count("documents"), sections: try count("sections"),
                          observations: try count("observations"), rejected: try count(Self.rejectedTable.name))
        }
    }

    /// The records of these documents, in doc_id order (those the store lacks are left out).
    public func documents(_ docIds: [String]) throws(DatasetError) -> [DocumentRecord] {
        let wanted = Set(docIds)
        return try documents().filter { wanted.contains($0.docId) }
    }

    /// Those of `docIds` whose status is not `ok` (read without decoding the others).
    public func problemDocuments(_ docIds: [String]) throws(DatasetError) -> [DocumentRecord] {
        let wanted = Set(docIds)
        return try records(StoreTables.documents, where: "status != 'ok'", order: "doc_id").filter { wanted.contains($0.docId) }
    }
}
