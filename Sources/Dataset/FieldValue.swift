import Foundation
import NianbaoModel

/// How each output format writes a `FieldValue` (declared with the field lists in NianbaoModel).
extension FieldValue {
    /// JSON text with sorted keys and no insignificant whitespace, so outputs diff line by line.
    public var json: String {
        var out: [UInt8] = []
        appendJSON(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends UTF-8 bytes: building bytes rather than a `String` keeps 10k-line files fast in debug builds.
    func appendJSON(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .decimal(let d): out.append(contentsOf: plainDecimal(d).utf8)
        case .string(let s): appendJSONString(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.appendJSON(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            for (i, key) in fields.keys.sorted().enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendJSONString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                fields[key]!.appendJSON(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The value of JSON text a store kept (lists and objects); nil when it is not JSON.
    init?(json text: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        else { return nil }
        self.init(jsonObject: object)
    }

    private init(jsonObject object: Any) {
        switch object {
        case let s as String: self = .string(s)
        case let list as [Any]: self = .array(list.map(FieldValue.init(jsonObject:)))
        case let map as [String: Any]: self = .object(map.mapValues(FieldValue.init(jsonObject:)))
        case let n as NSNumber:
            // The lists and objects a store keeps hold strings and integers (evidence pages and lines).
            if let i = Int(n.stringValue) { self = .int(i) } else { self = .decimal(n.decimalValue) }
        default: self = .null
        }
    }

    /// The cell text for CSV: empty for null, JSON for lists and objects.
    var csvText: String {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .decimal(let d): return plainDecimal(d)
        case .string(let s): return s
        case .array, .object: return json
        }
    }
}

/// Escapes only what JSON requires; Chinese text stays readable UTF-8 (bytes >= 0x80 pass through).
func appendJSONString(_ string: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    for byte in string.utf8 {
        switch byte {
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\"))
        case 0x0A: out.append(contentsOf: "\\n".utf8)
        case 0x0D: out.append(contentsOf: "\\r".utf8)
        case 0x09: out.append(contentsOf: "\\t".utf8)
        case 0x08: out.append(contentsOf: "\\b".utf8)
        case 0x0C: out.append(contentsOf: "\\f".utf8)
        case 0..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: "\\u00".utf8)
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        default: out.append(byte)
        }
    }
    out.append(UInt8(ascii: "\""))
}

/// `1.57`, `84713600`, `0.3`: the exact decimal, no exponent, no trailing fractional zeros, no `-0`.
/// Foundation's `Decimal.description` already prints plain digits; the exponent branch is a guard
/// so a change in Foundation cannot leak `1E+3` into the dataset.
public func plainDecimal(_ value: Decimal) -> String {
    if value.isNaN { return "null" }
    var text = value.description
    // Byte tests: `String.contains(String)` is Foundation's, through NSString, and this runs for every value.
    if text.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
        text = expandExponent(text)
    }
    if text.utf8.contains(UInt8(ascii: ".")) {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
    }
    if text == "-0" { text = "0" }
    return text
}

/// `1.5E+3` → `1500`, `2e-3` → `0.002`.
func expandExponent(_ text: String) -> String {
    let parts = text.lowercased().split(separator: "e", maxSplits: 1).map(String.init)
    guard parts.count == 2, let exponent = Int(parts[1]) else { return text }
    var mantissa = parts[0]
    let negative = mantissa.hasPrefix("-")
    if negative { mantissa.removeFirst() }
    let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    var digits = pieces[0] + (pieces.count > 1 ? pieces[1] : "")
    var pointPosition = pieces[0].count + exponent
    if pointPosition <= 0 {
        digits = String(repeating: "0", count: 1 - pointPosition) + digits
        pointPosition = 1
    } else if pointPosition > digits.count {
        digits += String(repeating: "0", count: pointPosition - digits.count)
    }
    var integer = String(digits.prefix(pointPosition))
    var fraction = String(digits.dropFirst(pointPosition))
    while integer.count > 1 && integer.hasPrefix("0") { integer.removeFirst() }
    while fraction.hasSuffix("0") { fraction.removeLast() }
    let result = fraction.isEmpty ? integer : integer + "." + fraction
    return negative ? "-" + result : result
}

/// RFC 4180: a field is quoted when it holds a comma, a quote, CR or LF; quotes inside are doubled.
/// Rows end with CRLF as the RFC says (Python's csv, pandas and spreadsheets all read it).
public enum CSV {
    /// U+FEFF, written first in every CSV file so spreadsheet programs take the file as UTF-8.
    public static let byteOrderMark = "\u{FEFF}"

    public static func field(_ text: String) -> String {
        let scalars = text.unicodeScalars
        var hasQuote = false
        let needsQuotes = scalars.contains { scalar in
            if scalar == "\"" { hasQuote = true }
            return scalar == "," || scalar == "\"" || scalar == "\n" || scalar == "\r"
        } || scalars.first == " " || scalars.last == " "
        guard needsQuotes else { return text }
        // Quotes doubled by hand: Foundation's replacingOccurrences was a tenth of writing the files.
        guard hasQuote || scalars.contains("\"") else { return "\"" + text + "\"" }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in scalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }

    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// Parses RFC 4180 text back into rows (used by tests and by readers of panel files).
    public static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var scalars = Array(text.unicodeScalars)[...]
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var fieldStarted = false
        while let scalar = scalars.popFirst() {
            if inQuotes {
                if scalar == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() }
                    else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": inQuotes = true; fieldStarted = true
            case ",": row.append(field); field = ""; fieldStarted = false
            case "\r": if scalars.first == "\n" { scalars.removeFirst() }; fallthrough
            case "\n":
                row.append(field); rows.append(row); row = []; field = ""; fieldStarted = false
            default: field.unicodeScalars.append(scalar); fieldStarted = true
            }
        }
        if fieldStarted || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
