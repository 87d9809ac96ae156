import ArgumentParser
import Foundation
import Numbers

/// `nianbao numbers`: one JSON object per input line, as the data contract specifies.
struct NumbersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "numbers",
        abstract: "Find and normalise the numbers in lines of text read from standard input.",
        discussion: """
        Reads lines from standard input; prints one JSON object per line:
          {"input": "在校生2,261人", "found": [{"text": "2,261人",
           "value": 2261, "unit": "人", "start": 3, "end": 9,
           "qualifier": null, "decimals": 0, "scale": 1}]}

        Fields of each found number:
          text       as printed, with qualifier words next to it
                     (超1007项, 增加 15.7%)
          value      plain decimal, normalised: money in 元
                     (8,471.36 万元 → 84713600), 万人 in persons,
                     % (and ‰) in percent points, mass in 克, ratio a:b
                     as a/b; a range or bound prints its interval
                     ("[15.4,18.5]", "(15,40]") and "number" its
                     figure; a code with leading zeros its digits
                     ("003")
          unit       人, 元, %, 百分点, ratio, 年, 所, 个, ordinal … or ""
          start/end  Character offsets in the line (end exclusive)
          qualifier  null, approx, at_least, at_most, more_than,
                     less_than, range, change
          upper      ranges only: the upper bound (value = lower)
          denominator  ratios that do not divide exactly (4:6):
                     the printed b; value is a/b rounded to 4 places
          decimals   digits after the point as printed
          scale      the 万/亿 multiplier applied

        Example:
          echo '经费8,471.36 万元，较上年增加 15.7%' | nianbao numbers
        """)

    func run() throws {
        let parser = NumberParser()
        var out = ""
        out.reserveCapacity(1 << 16)
        while let raw = readLine(strippingNewline: true) {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            out += NumberJSON.line(input: line, found: parser.parse(line))
            out += "\n"
            if out.utf8.count > 1 << 16 { FileHandle.standardOutput.write(Data(out.utf8)); out = "" }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
