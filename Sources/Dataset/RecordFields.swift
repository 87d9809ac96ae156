import Foundation
import NianbaoModel

/// The fields each record type writes, in contract order (CSV columns and SQLite columns follow this order;
/// JSON sorts keys). One definition drives JSON Lines, CSV and SQLite, so the three cannot drift apart.
/// Every contract field is always present; an absent value is written as `null` (JSON) or empty (CSV).
public enum RecordFields {
    /// Contract fields first, then extras the contract allows.
    public static let document = ["doc_id", "source", "sha256", "format", "title", "region", "report_year",
                                  "issuer", "published", "pages", "status", "errors"]
    public static let section = ["doc_id", "id", "kind", "level", "number", "title", "parent", "page_start",
                                 "page_end", "line_start", "line_end", "block_start", "block_end"]
    public static let observation = ["doc_id", "indicator", "name_zh", "entity", "year", "value", "unit", "raw",
                                     "qualifier", "page", "line", "section_id", "quote", "rule_id",
                                     "decimals", "from_table", "group", "role", "base", "measure", "primary"]
    public static let flag = ["id", "check", "kind", "severity", "entity", "year", "indicators", "stated",
                              "expected", "tolerance", "message", "evidence"]
    public static let check = ["check", "kind", "entity", "year", "status", "flag_id", "missing"]
    public static let evidence = ["doc_id", "page", "line", "quote"]

    static func values(_ d: DocumentRecord) -> [FieldValue] {
        [.string(d.docId), .string(d.source), .string(d.sha256), opt(d.format?.rawValue), opt(d.title),
         opt(d.region), opt(d.reportYear), opt(d.issuer), opt(d.published), .int(d.pages),
         .string(d.status.rawValue), .array(d.errors.map(FieldValue.string))]
    }

    static func values(_ s: Section) -> [FieldValue] {
        [.string(s.docId), .string(s.id), .string(s.kind.rawValue), .int(s.level), opt(s.number), .string(s.title),
         opt(s.parent), .int(s.pageStart), .int(s.pageEnd), .int(s.lineStart), .int(s.lineEnd),
         .int(s.blockStart), .int(s.blockEnd)]
    }

    static func values(_ o: Observation) -> [FieldValue] {
        [.string(o.docId), .string(o.indicator), .string(o.nameZh), .string(o.entity), opt(o.year),
         .decimal(o.value), .string(o.unit), .string(o.raw), opt(o.qualifier?.rawValue), .int(o.page),
         .int(o.line), opt(o.sectionId), .string(o.quote), .string(o.ruleId), .int(o.decimals),
         .bool(o.fromTable), opt(o.group), opt(o.role?.rawValue), opt(o.base),
         .string(o.measure.rawValue), .bool(o.primary)]
    }

    static func values(_ f: Flag) -> [FieldValue] {
        [.string(f.id), .string(f.check), .string(f.kind.rawValue), .string(f.severity.rawValue), .string(f.entity),
         opt(f.year), .array(f.indicators.map(FieldValue.string)), .decimal(f.stated), .decimal(f.expected),
         .string(f.tolerance), .string(f.message), .array(f.evidence.map(object))]
    }

    static func values(_ c: CheckRecord) -> [FieldValue] {
        [.string(c.check), .string(c.kind.rawValue), .string(c.entity), opt(c.year), .string(c.status.rawValue),
         opt(c.flagId), .array(c.missing.map(FieldValue.string))]
    }

    static func object(_ e: Evidence) -> FieldValue {
        .object(["doc_id": .string(e.docId), "page": .int(e.page), "line": .int(e.line), "quote": .string(e.quote)])
    }

    /// One JSON object with sorted keys, appended as UTF-8 bytes with a trailing newline.
    /// `keyOrder` is `sortedKeyOrder(names)`, computed once per record type rather than once per line.
    static func appendJSONLine(_ names: [String], _ keyOrder: [Int], _ values: [FieldValue], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (position, index) in keyOrder.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            appendJSONString(names[index], to: &out)
            out.append(UInt8(ascii: ":"))
            values[index].appendJSON(to: &out)
        }
        out.append(contentsOf: "}\n".utf8)
    }

    static func sortedKeyOrder(_ names: [String]) -> [Int] {
        names.indices.sorted { names[$0] < names[$1] }
    }

    private static func opt(_ s: String?) -> FieldValue { s.map(FieldValue.string) ?? .null }
    private static func opt(_ i: Int?) -> FieldValue { i.map(FieldValue.int) ?? .null }
}
