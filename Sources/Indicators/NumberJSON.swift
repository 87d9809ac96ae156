import Foundation

/// Hand-written JSON so values stay plain decimals (JSONEncoder would route Decimal through Double).
public enum NumberJSON {
    /// One `nianbao numbers` output line: `{"input": …, "found": [{"text", "value", "unit", "start", "end",
    /// "qualifier", ["upper"], ["denominator"], "decimals", "scale"}]}`.
    public static func line(input: String, found: [ParsedNumber]) -> String {
        var s = "{\"input\": " + quote(input) + ", \"found\": ["
        for (k, f) in found.enumerated() {
            if k > 0 { s += ", " }
            s += "{\"text\": " + quote(f.text)
            s += ", \"value\": " + NumberParser.decimalString(f.value)
            s += ", \"unit\": " + quote(f.unit)
            s += ", \"start\": \(f.start), \"end\": \(f.end)"
            s += ", \"qualifier\": " + (f.qualifier.map { quote($0.rawValue) } ?? "null")
            if let u = f.upper { s += ", \"upper\": " + NumberParser.decimalString(u) }
            if let d = f.denominator { s += ", \"denominator\": " + NumberParser.decimalString(d) }
            s += ", \"decimals\": \(f.decimals), \"scale\": " + NumberParser.decimalString(f.scale) + "}"
        }
        return s + "]}"
    }

    public static func quote(_ text: String) -> String {
        var s = "\""
        for u in text.unicodeScalars {
            switch u {
            case "\"": s += "\\\""
            case "\\": s += "\\\\"
            case "\n": s += "\\n"
            case "\r": s += "\\r"
            case "\t": s += "\\t"
            default:
                if u.value < 0x20 { s += String(format: "\\u%04x", u.value) } else { s.unicodeScalars.append(u) }
            }
        }
        return s + "\""
    }
}
