import Foundation
import Testing
@testable import Indicators

/// The phrase scan splits the one PCRE2 alternation of all indicator phrases into its regex branches and a
/// trie of its literal words; the split must find exactly what the one pattern finds.
@Suite struct LiteralAlternationTests {
    /// Every non-overlapping match, left to right, as (start, end, mark) in scalar offsets.
    static func wordMatches(_ words: LiteralAlternation, _ text: AnalysedText) -> [[Int]] {
        var result: [[Int]] = []
        var position = 0
        while let hit = words.firstMatch(in: text.scalars, from: position) {
            result.append([hit.start, hit.end, hit.mark])
            position = hit.end
        }
        return result
    }

    static func pcre2Matches(_ pattern: PCRE2Pattern, _ text: AnalysedText) -> [[Int]] {
        pattern.matches(in: text.bytes).map {
            [text.characterOffset(byte: $0.start), text.characterOffset(byte: $0.end), Int($0.mark ?? "") ?? -1]
        }
    }

    @Test func branchOrderAndOptionalQuotesFollowPCRE2() throws {
        let words = ["“双师型”教师", "双师型教师", "中职学校", "中职", "学校", "“1+X”证书", "专业", "专业教师"]
        let alternation = try #require(LiteralAlternation(words: words.enumerated().map { ($1, $0) }))
        let pattern = try PCRE2Pattern(words.enumerated()
            .map { "\(CompiledRules.wordPattern($1))(*MARK:\($0))" }.joined(separator: "|"))
        let samples = [
            "全区中职学校“双师型”教师占专业教师的比例为 81.4%，双师型教师 120 人。",
            "获“1+X”证书 300 人，获1+X证书 20 人，\"双师型\"教师 5 人",
            "中职学校学校专业教师专业", "“”“双师型教师", "", "中",
        ]
        for sample in samples {
            let text = AnalysedText(sample)
            #expect(Self.wordMatches(alternation, text) == Self.pcre2Matches(pattern, text), "\(sample)")
        }
        // Branch order, not length, decides at one position: `专业` (branch 6) before `专业教师` (7).
        let text = AnalysedText("专业教师")
        #expect(Self.wordMatches(alternation, text) == [[0, 2, 6]])
    }

    @Test func splitPhraseScanEqualsOnePatternOnTheRealReports() throws {
        let compiled = IndicatorFixtures.rules.compiled
        let words = try #require(compiled.phraseWords, "the rules' phrases split into regexes and words")
        let lines = try Self.realReportLines()
        for (line, text) in lines {
            let split = try #require(ExtractionRun.phraseMatches(regexes: compiled.phraseRegexes, words: words, text: text))
            #expect(split.map { [$0.0, $0.1, $0.2] } == Self.pcre2Matches(compiled.phrases, text), "\(line)")
        }
        #expect(lines.count > 2000)
    }

    /// Every line of the five real reports whose Characters are single scalars, analysed.
    static func realReportLines() throws -> [(String, AnalysedText)] {
        try TestPaths.realStems.flatMap { stem in
            try String(contentsOfFile: TestPaths.realReport(stem), encoding: .utf8).split(separator: "\n").compactMap { line in
                let text = AnalysedText(String(line))
                return text.isSimple ? (String(line), text) : nil
            }
        }
    }
}
