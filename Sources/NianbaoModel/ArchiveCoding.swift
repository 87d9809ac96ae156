/// A compact binary form of the document model, for the store's copy of each segmented document (what a rule
/// edit re-runs the rules on). JSON through `Codable` cost as much CPU as reading a small PDF, both ways; this
/// writes each field in declaration order with no keys: integers as zigzag varints, doubles as their bits,
/// strings as a length and UTF-8. The store names the format with a version byte
/// (`SegmentedDocument.archiveFormat`); a field added to a model type is added to its two functions here and
/// the version raised, and `ArchiveCodingTests` fails until both are done (it compares a round trip's JSON).

public struct ArchiveWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    public mutating func write(_ value: Int) {
        var zigzag = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while zigzag >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: zigzag) | 0x80)
            zigzag >>= 7
        }
        bytes.append(UInt8(zigzag))
    }

    public mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func write(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    public mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func write<Raw: RawRepresentable>(_ value: Raw) where Raw.RawValue == String { write(value.rawValue) }

    public mutating func write<Value: ArchiveCodable>(_ value: Value) { value.archive(to: &self) }

    public mutating func write<Value: ArchiveCodable>(_ values: [Value]) {
        write(values.count)
        for value in values { value.archive(to: &self) }
    }

    public mutating func write(_ values: [String]) {
        write(values.count)
        for value in values { write(value) }
    }

    /// A presence byte, then the value.
    public mutating func write<Value>(_ value: Value?, _ body: (inout ArchiveWriter, Value) -> Void) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        body(&self, value)
    }

    public mutating func write(_ value: String?) { write(value) { $0.write($1) } }
    public mutating func write(_ value: Int?) { write(value) { $0.write($1) } }
    public mutating func write(_ value: Double?) { write(value) { $0.write($1) } }
    public mutating func write(_ values: [String]?) { write(values) { $0.write($1) } }
    public mutating func write<Value: ArchiveCodable>(_ values: [Value]?) { write(values) { $0.write($1) } }
    public mutating func write<Raw: RawRepresentable>(_ value: Raw?) where Raw.RawValue == String {
        write(value) { $0.write($1) }
    }
}

/// The archive is not what the writer wrote: cut short, or a length, tag or enum case out of range.
public struct ArchiveDamaged: Error, Sendable, CustomStringConvertible {
    public var offset: Int
    public var what: String
    public init(offset: Int, what: String) {
        self.offset = offset
        self.what = what
    }
    public var description: String { "damaged archive at byte \(offset): \(what)" }
}

public struct ArchiveReader {
    private let bytes: UnsafeRawBufferPointer
    public private(set) var offset: Int

    /// Reads from `bytes`, which must outlive the reader (use inside `withUnsafeBytes`).
    public init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    public var isAtEnd: Bool { offset == bytes.count }

    func damaged(_ what: String) -> ArchiveDamaged { ArchiveDamaged(offset: offset, what: what) }

    public mutating func byte() throws(ArchiveDamaged) -> UInt8 {
        guard offset < bytes.count else { throw damaged("unexpected end") }
        defer { offset += 1 }
        return bytes[offset]
    }

    public mutating func int() throws(ArchiveDamaged) -> Int {
        var zigzag: UInt64 = 0, shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw damaged("integer too long") }
            zigzag |= UInt64(next & 0x7F) << shift
            if next < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
    }

    public mutating func bool() throws(ArchiveDamaged) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw damaged("not a boolean")
        }
    }

    public mutating func double() throws(ArchiveDamaged) -> Double {
        guard offset + 8 <= bytes.count else { throw damaged("unexpected end") }
        var bits: UInt64 = 0
        for index in (0..<8).reversed() { bits = bits << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return Double(bitPattern: bits)
    }

    public mutating func string() throws(ArchiveDamaged) -> String {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw damaged("string length \(count) out of range") }
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
    }

    public mutating func raw<Raw: RawRepresentable>(_ type: Raw.Type) throws(ArchiveDamaged) -> Raw
        where Raw.RawValue == String {
        let text = try string()
        guard let value = Raw(rawValue: text) else { throw damaged("unknown \(Raw.self) '\(text)'") }
        return value
    }

    public mutating func value<Value: ArchiveCodable>(_ type: Value.Type) throws(ArchiveDamaged) -> Value {
        try Value(unarchiving: &self)
    }

    /// An array's count, checked against what is left (every element takes at least one byte).
    public mutating func count() throws(ArchiveDamaged) -> Int {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw damaged("count \(count) out of range") }
        return count
    }

    public mutating func array<Value: ArchiveCodable>(_ type: Value.Type) throws(ArchiveDamaged) -> [Value] {
        let count = try count()
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try Value(unarchiving: &self)) }
        return values
    }

    public mutating func strings() throws(ArchiveDamaged) -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    public mutating func optional<Value>(_ body: (inout ArchiveReader) throws(ArchiveDamaged) -> Value)
        throws(ArchiveDamaged) -> Value? {
        try bool() ? try body(&self) : nil
    }

    public mutating func optionalString() throws(ArchiveDamaged) -> String? { try bool() ? try string() : nil }
    public mutating func optionalInt() throws(ArchiveDamaged) -> Int? { try bool() ? try int() : nil }
    public mutating func optionalDouble() throws(ArchiveDamaged) -> Double? { try bool() ? try double() : nil }
    public mutating func optionalStrings() throws(ArchiveDamaged) -> [String]? { try bool() ? try strings() : nil }
    public mutating func optionalArray<Value: ArchiveCodable>(_ type: Value.Type) throws(ArchiveDamaged) -> [Value]? {
        try bool() ? try array(type) : nil
    }
    public mutating func optionalRaw<Raw: RawRepresentable>(_ type: Raw.Type) throws(ArchiveDamaged) -> Raw?
        where Raw.RawValue == String {
        try bool() ? try raw(type) : nil
    }
}

public protocol ArchiveCodable {
    func archive(to writer: inout ArchiveWriter)
    init(unarchiving reader: inout ArchiveReader) throws(ArchiveDamaged)
}

extension SourceLocation: ArchiveCodable {
    public func archive(to writer: inout ArchiveWriter) {
        writer.write(page)
        writer.write(line)
    }
    public init(unarchiving reader: inout ArchiveReader) throws(ArchiveDamaged) {
        self.init(page: try reader.int(), line: try reader.int())
    }
}

extension LineSpan: ArchiveCodable {
    public func archive(to writer: inout ArchiveWriter) {
        writer.write(offset)
        writer.write(location)
    }
    public init(unarchiving reader: inout ArchiveReader) throws(ArchiveDamaged) {
        self.init(offset: try reader.int(), location: try reader.value(SourceLocation.self))
    }
}

extension Block: ArchiveCodable {
    public func archive(to writer: inout ArchiveWriter) {
        writer.write(kind)
        writer.write(text)
        writer.write(spans)
        writer.write(cells)
        writer.write(cellLocations)
        writer.write(fontSize)
        writer.write(isBold)
        writer.write(markupHeadingLevel)
        writer.write(matchText)
    }
    public init(unarchiving reader: inout ArchiveReader) throws(ArchiveDamaged) {
        let kind = try reader.raw(BlockKind.self)
        let text = try reader.string()
        let spans = try reader.array(LineSpan.self)
        let cells = try reader.optionalStrings()
        let cellLocations = try reader.optionalArray(SourceLocation.self)
        let fontSize = try reader.optionalDouble()
        let isBold = try reader.bool()
        let markupHeadingLevel = try reader.optionalInt()
        let matchText = try reader.optionalString()
        self.init(kind: kind, text: text, spans: spans, cells: cells, fontSize: fontSize, isBold: isBold,
                  markupHeadingLevel: markupHeadingLevel, cellLocations: cellLocations, matchText: matchText)
    }
}

extension SourceLine: ArchiveCodable {
    public func archive(to writer: inout ArchiveWriter) {
        writer.write(text)
        writer.write(page)
        writer.write(line)
        writer.write(fontSize)
        writer.write(isBold)
        writer.write(x)
        writer.write(y)
        writer.write(markupHeadingLevel)
        writer.write(cells)
        writer.write(cellLocations)
        writer.write(startsBlock)
    }
    public init(unarchiving reader: inout ArchiveReader) throws(ArchiveDamaged) {
        let text = try reader.string(), page = try reader.int(), line = try reader.int()
        let fontSize = try reader.optionalDouble()
        let isBold = try reader.bool()
        let x = try reader.optionalDouble()
        let y = try reader.optionalDouble()
        let markupHeadingLevel = try reader.optionalInt()
        let cells = try reader.optionalStrings()
        let cellLocations = try reader.optionalArray(SourceLocation.self)
        let startsBlock = try reader.bool()
        self.init(text: text, page: page, line: line, fontSize: fontSize, isBold: isBold, x: x, y: y,
                  markupHeadingLevel: markupHeadingLevel, cells: cells, startsBlock: startsBlock,
                  cellLocations: cellLocations)
    }
}

extension SourcePage: ArchiveCodable {
    public func archive(to writer: inout ArchiveWriter) {
        writer.write(number)
        writer.write(lines)
        writer.write(hasTextLayer)
    }
    public init(unarchiving reader: inout ArchiveReader) throws(ArchiveDamaged) {
        self.init(number: try reader.int(), lines: try reader.array(SourceLine.self), hasTextLayer: try reader.bool())
    }
}

extension SourceDocument: ArchiveCodable {
    public func archive(to writer: inout ArchiveWriter) {
        writer.write(path)
        writer.write(format)
        writer.write(pages)
        writer.write(metadataTitle)
        writer.write(metadataDate)
        writer.write(warnings)
        writer.write(headersRemoved)
        writer.write(stated.address)
        writer.write(stated.subject)
        writer.write(stated.year)
    }
    public init(unarchiving reader: inout ArchiveReader) throws(ArchiveDamaged) {
        let path = try reader.string(), format = try reader.raw(SourceFormat.self)
        let pages = try reader.array(SourcePage.self)
        let title = try reader.optionalString()
        let date = try reader.optionalString()
        let warnings = try reader.strings(), headersRemoved = try reader.bool()
        let stated = StatedFacts(address: try reader.optionalString(), subject: try reader.optionalString(),
                                 year: try reader.optionalInt())
        self.init(path: path, format: format, pages: pages, metadataTitle: title, metadataDate: date,
                  warnings: warnings, headersRemoved: headersRemoved, stated: stated)
    }
}

extension CleanDocument: ArchiveCodable {
    public func archive(to writer: inout ArchiveWriter) {
        writer.write(source)
        writer.write(blocks)
        writer.write(footnotes)
        writer.write(script)
    }
    public init(unarchiving reader: inout ArchiveReader) throws(ArchiveDamaged) {
        let source = try reader.value(SourceDocument.self)
        let blocks = try reader.array(Block.self), footnotes = try reader.array(Block.self)
        let script = try reader.optionalRaw(Script.self)
        self.init(source: source, blocks: blocks, footnotes: footnotes, script: script)
    }
}

extension FrontMatter: ArchiveCodable {
    public func archive(to writer: inout ArchiveWriter) {
        writer.write(title)
        writer.write(region)
        writer.write(reportYear)
        writer.write(issuer)
        writer.write(published)
        writer.write(dataYear)
    }
    public init(unarchiving reader: inout ArchiveReader) throws(ArchiveDamaged) {
        let title = try reader.optionalString(), region = try reader.optionalString()
        let reportYear = try reader.optionalInt(), issuer = try reader.optionalString()
        let published = try reader.optionalString(), dataYear = try reader.optionalInt()
        self.init(title: title, region: region, reportYear: reportYear, issuer: issuer, published: published,
                  dataYear: dataYear)
    }
}

extension Section: ArchiveCodable {
    public func archive(to writer: inout ArchiveWriter) {
        writer.write(docId)
        writer.write(id)
        writer.write(kind)
        writer.write(level)
        writer.write(number)
        writer.write(title)
        writer.write(parent)
        for value in [pageStart, pageEnd, lineStart, lineEnd, blockStart, blockEnd] { writer.write(value) }
    }
    public init(unarchiving reader: inout ArchiveReader) throws(ArchiveDamaged) {
        let docId = try reader.string(), id = try reader.string(), kind = try reader.raw(SectionKind.self)
        let level = try reader.int()
        let number = try reader.optionalString()
        let title = try reader.string()
        let parent = try reader.optionalString()
        self.init(docId: docId, id: id, kind: kind, level: level, number: number, title: title, parent: parent,
                  pageStart: try reader.int(), pageEnd: try reader.int(), lineStart: try reader.int(),
                  lineEnd: try reader.int(), blockStart: try reader.int(), blockEnd: try reader.int())
    }
}

extension TocEntry: ArchiveCodable {
    public func archive(to writer: inout ArchiveWriter) {
        writer.write(list)
        writer.write(number)
        writer.write(title)
        writer.write(printedPage)
        writer.write(level)
        writer.write(location)
    }
    public init(unarchiving reader: inout ArchiveReader) throws(ArchiveDamaged) {
        let list = try reader.raw(List.self)
        let number = try reader.optionalString()
        let title = try reader.string()
        let printedPage = try reader.optionalString()
        self.init(list: list, number: number, title: title, printedPage: printedPage, level: try reader.int(),
                  location: try reader.value(SourceLocation.self))
    }
}

extension TableData: ArchiveCodable {
    public func archive(to writer: inout ArchiveWriter) {
        writer.write(sectionId)
        writer.write(caption)
        writer.write(rows.count)
        for row in rows { writer.write(row) }
        writer.write(rowLocations)
        writer.write(cellLocations) { writer, rows in
            writer.write(rows.count)
            for row in rows { writer.write(row) }
        }
    }
    public init(unarchiving reader: inout ArchiveReader) throws(ArchiveDamaged) {
        let sectionId = try reader.string(), caption = try reader.string()
        var rows: [[String]] = []
        for _ in 0..<(try reader.count()) { rows.append(try reader.strings()) }
        let rowLocations = try reader.array(SourceLocation.self)
        let cellLocations = try reader.optional { (r: inout ArchiveReader) throws(ArchiveDamaged) -> [[SourceLocation]] in
            var rows: [[SourceLocation]] = []
            for _ in 0..<(try r.count()) { rows.append(try r.array(SourceLocation.self)) }
            return rows
        }
        self.init(sectionId: sectionId, caption: caption, rows: rows, rowLocations: rowLocations,
                  cellLocations: cellLocations)
    }
}

extension SegmentedDocument: ArchiveCodable {
    /// Raised whenever a model type's archived fields change; an archive of another version is not read.
    public static let archiveFormat: UInt8 = 2

    public func archive(to writer: inout ArchiveWriter) {
        writer.write(docId)
        writer.write(clean)
        writer.write(frontMatter)
        writer.write(toc)
        writer.write(sections)
        writer.write(tables)
        writer.write(warnings)
    }
    public init(unarchiving reader: inout ArchiveReader) throws(ArchiveDamaged) {
        self.init(docId: try reader.string(), clean: try reader.value(CleanDocument.self),
                  frontMatter: try reader.value(FrontMatter.self), toc: try reader.array(TocEntry.self),
                  sections: try reader.array(Section.self), tables: try reader.array(TableData.self),
                  warnings: try reader.strings())
    }
}
