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
}
