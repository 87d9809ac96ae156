import Foundation
import Testing
@testable import Indicators

/// The rules stage tries its big alternations only where a match can start; the set of such scalars is read
/// from the pattern's text and must never leave out a real start.
@Suite struct FirstScalarSetTests {
    static func starts(_ pattern: String) -> Set<Unicode.Scalar>? {
        guard let set = FirstScalarSet(pattern: pattern) else { return nil }
        var result: Set<Unicode.Scalar> = []
        for value in UInt32(0)..<0x10000 where set.contains(value) {
            if let scalar = Unicode.Scalar(value) { result.insert(scalar) }
        }
        return result
    }

    @Test func literalsGroupsAndAlternatives() {
        #expect(Self.starts("中职学校|中职校") == ["中"])
        #expect(Self.starts("(?:全日制)?(?:普通)?(?:中职学校|中等职业学校)(*MARK:0)") == ["全", "普", "中"])
        #expect(Self.starts("(?<!截)(?:到|至)\\s*\\d{4}\\s*年(?:底|末)?(*MARK:t)|力争") == ["到", "至", "力"])
        #expect(Self.starts("[“\"]?(十二五|十三五)[”\"]?期间") == ["“", "\"", "十"])
        #expect(Self.starts("专业(?=[，。；、\\s]|$)") == ["专"])
        #expect(Self.starts("a{0,2}b") == ["a", "b"])
        #expect(Self.starts("\\.5") == ["."])
    }

    @Test func classesAndEscapesCoverWhatPCRE2Matches() throws {
        let digits = try #require(Self.starts("\\d"))
        #expect(digits.isSuperset(of: ["0", "9", "０", "٣"]))
        let spaces = try #require(Self.starts("\\s*x"))
        #expect(spaces.isSuperset(of: [" ", "\t", "\u{3000}", "\u{A0}", "x"]))
        #expect(Self.starts("[a-c天]") == ["a", "b", "c", "天"])
        // A negated class, `.` or a property can start with anything: every scalar is tried.
        #expect(Self.starts("[^，。]{1,3}获奖")?.count == 0x10000 - 0x800)  // all but surrogates
        #expect(Self.starts("上海\\p{Han}{2,12}?学校") == ["上"])
    }

    @Test func givesUpWhereItCannotBeSure() {
        #expect(FirstScalarSet(pattern: "\\s*") == nil, "matches empty text")
        #expect(FirstScalarSet(pattern: "(?:a)?(?:b)*") == nil, "matches empty text")
        #expect(FirstScalarSet(pattern: "(?i)abc") == nil, "flags are not analysed")
        #expect(FirstScalarSet(pattern: "(a)\\1") == nil, "back references are not analysed")
        #expect(FirstScalarSet(pattern: "[abc") == nil, "unterminated class")
    }

    /// Every alternation the rules compile finds, on every line of the real reports, exactly what PCRE2's own
    /// unanchored search finds.
    @Test func prefilteredScansEqualPlainScansOnTheRealReports() throws {
        let compiled = IndicatorFixtures.rules.compiled
        let patterns: [(String, PCRE2Pattern?, Int)] = [
            ("entities", compiled.entities, 0), ("cues", compiled.cues, 0), ("years", compiled.years, 4),
            ("after", compiled.afterAnywhere, 0), ("phrase regexes", compiled.phraseRegexes, 0),
        ]
        for (name, pattern, _) in patterns {
            #expect(pattern?.firstScalars != nil, "\(name) has a first-scalar set")
        }
        var compared = 0
        for (line, text) in try LiteralAlternationTests.realReportLines() {
            for (name, pattern, groups) in patterns {
                guard let pattern else { continue }
                let plain = pattern.matches(in: text.bytes, groupCount: groups)
                let scanned = pattern.matches(in: text, groupCount: groups)
                #expect(scanned.map { [$0.start, $0.end] } == plain.map { [$0.start, $0.end] }, "\(name): \(line)")
                #expect(scanned.map(\.mark) == plain.map(\.mark), "\(name): \(line)")
                #expect(scanned.map(\.groups) == plain.map(\.groups), "\(name): \(line)")
                compared += plain.count
            }
        }
        #expect(compared > 2500)
    }
}
