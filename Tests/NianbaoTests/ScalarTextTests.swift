import Foundation
import Testing
@testable import Cleaning

/// The bridge-free trimming and searching give Foundation's answers.
@Suite("Scalar text helpers")
struct ScalarTextTests {
    static let edgeCases = ["", " ", "\u{3000}", "\u{3000}标题\u{3000}", "\t1.1 基本情况 ", "\u{FEFF}前言", "a\u{00A0}",
                            "  ", "\n行\r\n", "**粗体**", "。", "2023 年和2023年，2023 年", "ab", "\u{2003}x\u{2028}",
                            "e\u{301} ", " \u{301}x"]

    static var realLines: [String] {
        TestPaths.realStems.flatMap { stem in
            ((try? String(contentsOfFile: TestPaths.realReport(stem), encoding: .utf8)) ?? "")
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test("trimming equals trimmingCharacters(in:) on every line of the real reports and on edge cases")
    func trimmingMatchesFoundation() {
        let lines = Self.realLines + Self.edgeCases
        #expect(lines.count > 1000)
        for line in lines {
            #expect(line.trimmingSpaces() == line.trimmingCharacters(in: .whitespaces), "\(line.debugDescription)")
            #expect(line.trimmingWhitespaceIncludingIdeographic() == line.trimmingCharacters(in: .whitespacesIncludingIdeographic),
                    "\(line.debugDescription)")
        }
    }

    @Test("containsLiteral and occurrences count what Foundation finds")
    func searchMatchesFoundation() {
        for line in Self.realLines + Self.edgeCases {
            for needle in ["**", "。", "2023 年", "2023年", "年"] {
                #expect(line.containsLiteral(needle) == line.contains(needle), "\(line.debugDescription) \(needle)")
                #expect(line.occurrences(of: needle) == line.components(separatedBy: needle).count - 1,
                        "\(line.debugDescription) \(needle)")
            }
        }
        #expect("2023 年和2023年，2023 年".occurrences(of: "2023 年") == 2)
        #expect("aaaa".occurrences(of: "aa") == 2)
        #expect("".containsLiteral("") && !"".containsLiteral("x"))
    }

    static let joinCases = ["", "e", "\u{301}", "e\u{301}", "\r", "\n", "🇨", "🇳", "🇨🇳", "👩", "\u{200D}💻", "\u{0600}",
                            "职业", "（一）", "\u{0915}\u{094D}", "\u{0937}", "a\u{0600}"]

    @Test("a count after appending, and a count bound, equal String.count's")
    func countsMatchStringCount() {
        let lines = Array(Self.realLines.prefix(3000)) + Self.joinCases
        for (a, b) in zip(lines, lines.dropFirst()) + Self.joinCases.flatMap({ a in Self.joinCases.map { (a, $0) } }) {
            #expect(a.characterCount(appending: b, count: a.count) == (a + b).count, "\(a.debugDescription) + \(b.debugDescription)")
        }
        for line in lines {
            for limit in [0, 1, 3, 6, 60] {
                #expect(line.hasAtMostCharacters(limit) == (line.count <= limit), "\(line.debugDescription) \(limit)")
            }
        }
    }

    @Test("Han characters counted on scalars equal those counted by Character")
    func hanCountMatchesCharacters() {
        for line in Self.realLines + Self.joinCases + ["\u{0600}职业", "职\u{0301}业", "\u{110BD}学"] {
            #expect(ConversionTally.hanCharacters(in: line) == line.count(where: \.isHan), "\(line.debugDescription)")
        }
        #expect(ConversionTally.hanCharacters(in: "\u{0600}职业") == 1)
    }
}
