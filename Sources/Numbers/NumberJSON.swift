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
            s += ", \"value\": " + value(f)
            s += ", \"unit\": " + quote(f.unit)
            s += ", \"start\": \(f.start), \"end\": \(f.end)"
            s += ", \"qualifier\": " + (f.qualifier.map { quote($0.rawValue) } ?? "null")
            if let u = f.upper { s += ", \"upper\": " + NumberParser.decimalString(u) }
            if let d = f.denominator { s += ", \"denominator\": " + NumberParser.decimalString(d) }
            s += ", \"decimals\": \(f.decimals), \"scale\": " + NumberParser.decimalString(f.scale) + "}"
        }
        return s + "]}"
    }

    /// A plain number, or for a range or a bound the interval it states, in the interval notation
    /// number-test suites use: `[15.4,18.5]`, `[90,)` (90%以上), `(1007,)` (超 1007), `(,60)` (不足 60).
    /// `number` always carries the scalar (a range's lower bound, a bound's figure).
    /// A code with leading zeros prints its digits (`"003"`), `number` the scalar.
    static func value(_ f: ParsedNumber) -> String {
        let v = NumberParser.decimalString(f.value)
        if let digits = f.digits { return quote(digits) + ", \"number\": " + v }
        switch f.qualifier {
        case .range?:
            guard let upper = f.upper else { return v }
            let open = f.lowerExclusive ? "(" : "[", close = f.upperExclusive ? ")" : "]"
            return quote("\(open)\(v),\(NumberParser.decimalString(upper))\(close)") + ", \"number\": " + v
        case .atLeast?: return quote("[\(v),)") + ", \"number\": " + v
        case .moreThan?: return quote("(\(v),)") + ", \"number\": " + v
        case .atMost?: return quote("(,\(v)]") + ", \"number\": " + v
        case .lessThan?: return quote("(,\(v))") + ", \"number\": " + v
        default: return v
        }
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
