import ArgumentParser
import Foundation
import Indicators

/// `nianbao numbers`: one JSON object per input line, as the data contract specifies.
struct NumbersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "numbers",
        abstract: "Find and normalise the numbers in lines of text read from standard input.",
        discussion: """
        Reads lines from standard input and prints, for each line, one JSON object:
          {"input": "...", "found": [{"text": "2,261人", "value": 2261, "unit": "人", "start": 5, "end": 11,
                                      "qualifier": null, "decimals": 0, "scale": 1}]}
        value   the normalised number in plain decimal: money in 元 (8,471.36 万元 → 84713600), 万人 in
                persons, percentages in percent points (81.4% → 81.4), ratios as a/b (12.3:1 → 12.3).
        unit    人, 元, %, 百分点, ratio, 年, 所, 个, … or "" for a bare number.
        start, end   Character offsets of text in the input line (end exclusive); text includes qualifier
                words printed next to the number (超1007项, 增加 15.7%).
        qualifier   null, approx, at_least, at_most, more_than, less_than, range, change.
        upper   (ranges only) the upper bound; value is then the lower bound.
        denominator   (only for ratios/fractions that do not divide exactly) the printed b of a:b;
                value is then a/b rounded to 4 places.
        decimals, scale   digits after the point as printed, and the 万/亿 multiplier applied.

        Example:
          echo '在校生2,261人，经费8,471.36 万元' | nianbao numbers
        """)

    func run() throws {
        let parser = NumberParser()
        var out = ""
        out.reserveCapacity(1 << 16)
        while let raw = readLine(strippingNewline: true) {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            out += NumbersJSON.line(input: line, found: parser.parse(line))
            out += "\n"
            if out.utf8.count > 1 << 16 { FileHandle.standardOutput.write(Data(out.utf8)); out = "" }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

/// Hand-written JSON so values stay plain decimals (JSONEncoder would route Decimal through Double).
enum NumbersJSON {
    static func line(input: String, found: [ParsedNumber]) -> String {
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

    static func quote(_ text: String) -> String {
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
