import Foundation
import NianbaoModel

/// The field names of each record type, in contract order, as their field lists (NianbaoModel) declare them.
/// CSV columns and SQLite columns follow this order; JSON sorts keys. Every contract field is always
/// present; an absent value is written as `null` (JSON) or empty (CSV).
public enum RecordFields {
    public static var document: [String] { DocumentRecord.fieldNames }
    public static var section: [String] { Section.fieldNames }
    public static var observation: [String] { Observation.fieldNames }
    public static var flag: [String] { Flag.fieldNames }
    public static var check: [String] { CheckRecord.fieldNames }
    public static var evidence: [String] { Evidence.fieldNames }

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
}
