import Foundation

/// A field value as every output format sees it. Numbers stay `Decimal` so they print exactly as stated.
public indirect enum FieldValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case decimal(Decimal)
    case string(String)
    case array([FieldValue])
    /// Keys are written sorted, whatever order they are given in.
    case object([String: FieldValue])

    /// JSON text with sorted keys and no insignificant whitespace, so outputs diff line by line.
    public var json: String {
        var out = ""
        appendJSON(to: &out)
        return out
    }

    func appendJSON(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .decimal(let d): out += plainDecimal(d)
        case .string(let s): appendJSONString(s, to: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.appendJSON(to: &out)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (i, key) in fields.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                appendJSONString(key, to: &out)
                out += ":"
                fields[key]!.appendJSON(to: &out)
            }
            out += "}"
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

/// Escapes only what JSON requires; Chinese text stays readable UTF-8.
func appendJSONString(_ string: String, to out: inout String) {
    out += "\""
    for scalar in string.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    out += "\""
}

/// `1.57`, `84713600`, `0.3`: the exact decimal, no exponent, no trailing fractional zeros, no `-0`.
/// Foundation's `Decimal.description` already prints plain digits; the exponent branch is a guard
/// so a change in Foundation cannot leak `1E+3` into the dataset.
public func plainDecimal(_ value: Decimal) -> String {
    if value.isNaN { return "null" }
    var text = value.description
    if text.contains("e") || text.contains("E") {
        text = expandExponent(text)
    }
    if text.contains(".") {
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
    public static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.hasPrefix(" ") || text.hasSuffix(" ")
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
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
