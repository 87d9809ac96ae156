import Foundation
import GRDB
import NianbaoModel

/// A SQLite table of one record type, its columns made from the record's field list: adding a field to
/// the list adds its column (to existing databases too, see `SQLiteStore.migrate`).
struct StoreTable<Record: FieldListed>: Sendable {
    /// How rows are keyed beside the record's own fields.
    enum Key: Sendable {
        /// One of the record's fields is the primary key.
        case field(String)
        /// `doc_id` then a `seq` column (document order), together the primary key.
        case documentSequence
        /// A `seq` integer primary key first (run order).
        case sequence
    }

    let name: String
    let key: Key
    /// Extra index definitions: (index name, quoted column list).
    let indexes: [(String, String)]
    /// `insertSQL()`, made once: every document's commit asks for it.
    private(set) var plainInsertSQL = ""

    init(name: String, key: Key, indexes: [(String, String)]) {
        self.name = name
        self.key = key
        self.indexes = indexes
        plainInsertSQL = insertSQL(verb: "INSERT", suffix: "")
    }

    /// Column names and SQL definitions in table order, the store's `seq` column included.
    var columns: [(name: String, definition: String)] {
        var result: [(String, String)] = []
        if case .sequence = key { result.append(("seq", "INTEGER PRIMARY KEY NOT NULL")) }
        for field in Record.fields {
            var type: String
            switch field.storage {
            case .text, .json: type = "TEXT"
            case .integer, .boolean: type = "INTEGER"
            case .decimal: type = "NUMERIC"
            }
            if case .field(let keyName) = key, keyName == field.name { type += " PRIMARY KEY" }
            let notNull = field.isOptional ? "" : " NOT NULL"
            result.append((field.name, type + notNull))
            if field.storage == .decimal { result.append((field.name + "_text", "TEXT" + notNull)) }
            if case .documentSequence = key, field.name == "doc_id" { result.append(("seq", "INTEGER NOT NULL")) }
        }
        return result
    }

    var createSQL: String {
        var parts = columns.map { "\(quoted($0.name)) \($0.definition)" }
        if case .documentSequence = key { parts.append("PRIMARY KEY (doc_id, seq)") }
        return "CREATE TABLE IF NOT EXISTS \(quoted(name)) (\(parts.joined(separator: ", ")));"
    }

    /// Run after the columns a field list gained are added: an index may name one of them.
    var indexSQL: String {
        indexes.map { index, columns in
            "CREATE INDEX IF NOT EXISTS \(quoted(index)) ON \(quoted(name))(\(columns));"
        }.joined(separator: "\n")
    }

    /// `INSERT INTO t (cols) VALUES (?, …)`, `suffix` appended (an upsert clause).
    func insertSQL(verb: String = "INSERT", suffix: String = "") -> String {
        if verb == "INSERT" && suffix.isEmpty && !plainInsertSQL.isEmpty { return plainInsertSQL }
        let names = columns.map { quoted($0.name) }
        return "\(verb) INTO \(quoted(name)) (\(names.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: names.count).joined(separator: ",") + ")" + suffix
    }

    /// Upsert on the key field: every other column takes the new row's value.
    var upsertSQL: String {
        guard case .field(let keyName) = key else { return insertSQL() }
        let updates = columns.map(\.name).filter { $0 != keyName }.map { "\(quoted($0))=excluded.\(quoted($0))" }
        return insertSQL(suffix: " ON CONFLICT(\(quoted(keyName))) DO UPDATE SET " + updates.joined(separator: ", "))
    }

    /// The row's values in column order; `seq` is given for the tables that have one.
    func row(_ record: Record, seq: Int? = nil) -> [DatabaseValue] {
        var values: [DatabaseValue] = []
        if case .sequence = key { values.append((seq ?? 0).databaseValue) }
        for field in Record.fields {
            let value = field.value(record)
            values.append(Self.databaseValue(value))
            if field.storage == .decimal, case .decimal(let d) = value { values.append(plainDecimal(d).databaseValue) }
            else if field.storage == .decimal { values.append(.null) }
            if case .documentSequence = key, field.name == "doc_id" { values.append((seq ?? 0).databaseValue) }
        }
        return values
    }

    /// Where each field's stored column is among a query's columns (nil when it has none): rows are read
    /// by position, since looking a column up by name compared every column name at every field of every row.
    func columnPositions(_ columnNames: [String]) -> [Int?] {
        var position: [String: Int] = [:]
        for (index, name) in columnNames.enumerated() where position[name.lowercased()] == nil {
            position[name.lowercased()] = index
        }
        return Record.fields.map { field in
            position[(field.storage == .decimal ? field.name + "_text" : field.name).lowercased()]
        }
    }

    /// The record's values in field order from a row of this table (decimals from their exact text), its
    /// columns at `positions` (from `columnPositions`).
    func values(from row: Row, positions: [Int?]) -> [FieldValue] {
        zip(Record.fields, positions).map { field, position in
            guard let position else { return .null }
            let stored: DatabaseValue = row[position]
            if stored.isNull { return .null }
            switch field.storage {
            case .text: return String.fromDatabaseValue(stored).map(FieldValue.string) ?? .null
            case .integer: return Int.fromDatabaseValue(stored).map(FieldValue.int) ?? .null
            case .boolean: return Int.fromDatabaseValue(stored).map { .bool($0 != 0) } ?? .null
            case .decimal:
                return String.fromDatabaseValue(stored)
                    .flatMap { Decimal(string: $0, locale: posixLocale) }.map(FieldValue.decimal) ?? .null
            case .json: return String.fromDatabaseValue(stored).flatMap(FieldValue.init(json:)) ?? .null
            }
        }
    }

    static func databaseValue(_ value: FieldValue) -> DatabaseValue {
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

/// Decimal text is stored with a `.` whatever the user's locale (made once: making it is not cheap).
let posixLocale = Locale(identifier: "en_US_POSIX")

func quoted(_ identifier: String) -> String {
    guard identifier.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + identifier + "\"" }
    return "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// The dataset's tables.
enum StoreTables {
    static let documents = StoreTable<DocumentRecord>(name: "documents", key: .field("doc_id"), indexes: [])
    static let sections = StoreTable<Section>(name: "sections", key: .documentSequence,
                                              indexes: [("sections_by_id", "doc_id, id")])
    static let observations = StoreTable<Observation>(name: "observations", key: .documentSequence,
                                                      indexes: [("observations_by_cell", "entity, indicator, year"),
                                                                ("observations_by_measure", "indicator, measure")])
    static let flags = StoreTable<Flag>(name: "flags", key: .field("id"), indexes: [])
    static let checks = StoreTable<CheckRecord>(name: "checks", key: .sequence, indexes: [])
}
