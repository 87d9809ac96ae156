import Foundation

// One field list per record type drives every way a record leaves or enters nianbao: its JSON coding
// (`Codable`, with an absent value written as `null`, as the data contract wants), the JSON Lines and CSV
// files and the SQLite columns. Adding a field to a record is adding its property and one `.field` line.

/// A field value as every output format sees it. Numbers stay `Decimal` so they print exactly as stated.
public enum FieldValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case decimal(Decimal)
    case string(String)
    case array([FieldValue])
    /// Keys are written sorted, whatever order they are given in.
    case object([String: FieldValue])
}

/// How a field is stored in SQLite: the column type, and for decimals an exact text column beside it.
public enum FieldStorage: Sendable, Hashable {
    case text, integer, boolean
    /// A NUMERIC column holding the number, followed by `<name>_text` with its exact decimal text.
    case decimal
    /// JSON text (lists and objects), readable with SQLite's `json_each`.
    case json
}

/// A Swift value a field can hold.
public protocol FieldValueConvertible: Codable, Sendable {
    var fieldValue: FieldValue { get }
    /// The value back from what a store read (nil when it has another shape).
    init?(fieldValue: FieldValue)
    static var fieldStorage: FieldStorage { get }
}

extension String: FieldValueConvertible {
    public var fieldValue: FieldValue { .string(self) }
    public init?(fieldValue: FieldValue) {
        guard case .string(let s) = fieldValue else { return nil }
        self = s
    }
    public static var fieldStorage: FieldStorage { .text }
}

extension Int: FieldValueConvertible {
    public var fieldValue: FieldValue { .int(self) }
    public init?(fieldValue: FieldValue) {
        guard case .int(let i) = fieldValue else { return nil }
        self = i
    }
    public static var fieldStorage: FieldStorage { .integer }
}

extension Bool: FieldValueConvertible {
    public var fieldValue: FieldValue { .bool(self) }
    public init?(fieldValue: FieldValue) {
        switch fieldValue {
        case .bool(let b): self = b
        case .int(let i): self = i != 0
        default: return nil
        }
    }
    public static var fieldStorage: FieldStorage { .boolean }
}

/// Decimal text is written with a `.` whatever the user's locale (made once: making a Locale is not cheap).
let posixDecimalLocale = Locale(identifier: "en_US_POSIX")

extension Decimal: FieldValueConvertible {
    public var fieldValue: FieldValue { .decimal(self) }
    public init?(fieldValue: FieldValue) {
        switch fieldValue {
        case .decimal(let d): self = d
        case .int(let i): self = Decimal(i)
        case .string(let s): guard let d = Decimal(string: s, locale: posixDecimalLocale) else { return nil }
            self = d
        default: return nil
        }
    }
    public static var fieldStorage: FieldStorage { .decimal }
}

extension Array: FieldValueConvertible where Element: FieldValueConvertible {
    public var fieldValue: FieldValue { .array(map(\.fieldValue)) }
    public init?(fieldValue: FieldValue) {
        guard case .array(let items) = fieldValue else { return nil }
        var result: [Element] = []
        for item in items {
            guard let element = Element(fieldValue: item) else { return nil }
            result.append(element)
        }
        self = result
    }
    public static var fieldStorage: FieldStorage { .json }
}

/// String-backed enums are stored as their raw value.
public protocol RawFieldValue: FieldValueConvertible, RawRepresentable where RawValue == String {}

extension RawFieldValue {
    public var fieldValue: FieldValue { .string(rawValue) }
    public init?(fieldValue: FieldValue) {
        guard case .string(let s) = fieldValue else { return nil }
        self.init(rawValue: s)
    }
    public static var fieldStorage: FieldStorage { .text }
}

/// One field of a record: its contract name, how it is stored, how it is read and written.
public struct RecordField<Record>: Sendable {
    public let name: String
    public let storage: FieldStorage
    /// The value may be absent (`null`, an empty CSV cell, SQL NULL).
    public let isOptional: Bool
    public let value: @Sendable (Record) -> FieldValue
    let encode: @Sendable (Record, inout KeyedEncodingContainer<FieldKey>) throws -> Void
    let decode: @Sendable (inout Record, KeyedDecodingContainer<FieldKey>) throws -> Void
    /// Sets the field from a stored value; false when the value does not fit.
    public let assign: @Sendable (inout Record, FieldValue) -> Bool

    /// A required field: reading a line without it fails.
    public static func field<T: FieldValueConvertible>(_ name: String, _ path: WritableKeyPath<Record, T> & Sendable)
        -> RecordField {
        let key = FieldKey(name)
        return RecordField(name: name, storage: T.fieldStorage, isOptional: false,
                           value: { $0[keyPath: path].fieldValue },
                           encode: { record, c in try c.encode(record[keyPath: path], forKey: key) },
                           decode: { record, c in record[keyPath: path] = try c.decode(T.self, forKey: key) },
                           assign: { record, value in
                               guard let v = T(fieldValue: value) else { return false }
                               record[keyPath: path] = v
                               return true
                           })
    }

    /// A field nianbao adds beyond the contract: files written by other tools may lack it, and then it
    /// takes `missing`.
    public static func field<T: FieldValueConvertible>(_ name: String, _ path: WritableKeyPath<Record, T> & Sendable,
                                                       whenMissing missing: T) -> RecordField {
        let key = FieldKey(name)
        return RecordField(name: name, storage: T.fieldStorage, isOptional: false,
                           value: { $0[keyPath: path].fieldValue },
                           encode: { record, c in try c.encode(record[keyPath: path], forKey: key) },
                           decode: { record, c in
                               record[keyPath: path] = try c.decodeIfPresent(T.self, forKey: key) ?? missing
                           },
                           assign: { record, value in
                               if case .null = value { record[keyPath: path] = missing; return true }
                               guard let v = T(fieldValue: value) else { return false }
                               record[keyPath: path] = v
                               return true
                           })
    }

    /// An optional field: written as `null` when absent, read as nil when `null` or missing.
    public static func field<T: FieldValueConvertible>(_ name: String, _ path: WritableKeyPath<Record, T?> & Sendable)
        -> RecordField {
        let key = FieldKey(name)
        return RecordField(name: name, storage: T.fieldStorage, isOptional: true,
                           value: { $0[keyPath: path]?.fieldValue ?? .null },
                           encode: { record, c in try c.encode(record[keyPath: path], forKey: key) },
                           decode: { record, c in record[keyPath: path] = try c.decodeIfPresent(T.self, forKey: key) },
                           assign: { record, value in
                               if case .null = value { record[keyPath: path] = nil; return true }
                               guard let v = T(fieldValue: value) else { return false }
                               record[keyPath: path] = v
                               return true
                           })
    }

    /// A value computed from other fields (an observation's `measure` from its qualifier and unit): written
    /// to every output like any field, and ignored when a record is read, since the fields it is computed
    /// from are read and nothing is stored twice in the record.
    public static func derived<T: FieldValueConvertible>(_ name: String, _ path: KeyPath<Record, T> & Sendable)
        -> RecordField {
        let key = FieldKey(name)
        return RecordField(name: name, storage: T.fieldStorage, isOptional: false,
                           value: { $0[keyPath: path].fieldValue },
                           encode: { record, c in try c.encode(record[keyPath: path], forKey: key) },
                           decode: { _, _ in },
                           assign: { _, _ in true })
    }
}

extension RecordField {
    /// The same field on a record that holds this one's record at `path` (a refused value's observation).
    public func lifted<Outer>(_ path: WritableKeyPath<Outer, Record> & Sendable) -> RecordField<Outer> {
        let inner = self
        return RecordField<Outer>(name: name, storage: storage, isOptional: isOptional,
                                  value: { inner.value($0[keyPath: path]) },
                                  encode: { record, c in try inner.encode(record[keyPath: path], &c) },
                                  decode: { record, c in try inner.decode(&record[keyPath: path], c) },
                                  assign: { record, value in inner.assign(&record[keyPath: path], value) })
    }
}

/// A coding key made from a field's name.
public struct FieldKey: CodingKey, Sendable {
    public var stringValue: String
    public var intValue: Int? { nil }
    public init(_ name: String) { stringValue = name }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}

/// A record written and read through its field list.
public protocol FieldListed: Codable, Sendable {
    /// In contract order: CSV and SQLite columns follow it; JSON sorts keys.
    static var fields: [RecordField<Self>] { get }
    /// The value decoding starts from before it sets every field.
    static var blank: Self { get }
}

extension FieldListed {
    public static var fieldNames: [String] { fields.map(\.name) }

    // Inlinable, with index loops, so that a store reading or writing a million rows specialises them for
    // its record type instead of asking the runtime for generic metadata at every field.
    @inlinable
    public var fieldValues: [FieldValue] {
        let fields = Self.fields
        var values: [FieldValue] = []
        values.reserveCapacity(fields.count)
        for index in fields.indices { values.append(fields[index].value(self)) }
        return values
    }

    /// Writes every field, an absent value as `null` (the synthesised coding would drop the key).
    public func encodeFields(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: FieldKey.self)
        for field in Self.fields { try field.encode(self, &container) }
    }

    /// The record from its values in field order (as a store reads them back); nil names the field that
    /// does not fit.
    @inlinable
    public static func record(fromValues values: [FieldValue]) -> Result<Self, FieldMismatch> {
        var record = blank
        let fields = Self.fields
        for index in 0..<min(fields.count, values.count) where !fields[index].assign(&record, values[index]) {
            return .failure(FieldMismatch(field: fields[index].name, value: values[index]))
        }
        return .success(record)
    }

    public static func decodeFields(from decoder: any Decoder) throws -> Self {
        let container = try decoder.container(keyedBy: FieldKey.self)
        var record = blank
        for field in fields { try field.decode(&record, container) }
        return record
    }
}

/// A stored value that does not fit its field.
public struct FieldMismatch: Error, Sendable, CustomStringConvertible {
    public var field: String
    public var value: FieldValue
    @inlinable public init(field: String, value: FieldValue) {
        self.field = field
        self.value = value
    }
    public var description: String { "field `\(field)` cannot hold \(value)" }
}
