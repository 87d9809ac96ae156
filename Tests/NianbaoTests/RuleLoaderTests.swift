import Foundation
import RuleFiles
import Testing
@testable import Indicators
import NianbaoModel
@testable import NianbaoPipeline

/// The rule files load, cover the vocabulary, and a mistake in them is reported with file, line and reason.
@Suite struct RuleLoaderTests {
    @Test func everyVocabularyIndicatorHasARule() throws {
        let vocabulary = try String(contentsOf: TestPaths.shared.appendingPathComponent("docs/indicator-vocabulary.tsv"), encoding: .utf8)
        let rules = IndicatorFixtures.rules
        for row in vocabulary.split(separator: "\n").dropFirst() {
            let cells = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let rule = rules.indicator(cells[0])
            #expect(rule != nil, "no rule for \(cells[0])")
            #expect(rule?.nameZh == cells[1], "\(cells[0]) name")
            #expect(rule?.unit == cells[2], "\(cells[0]) unit")
        }
        #expect(rules.indicators.count >= 70)
        #expect(rules.indicator("dual_qualified_ratio")?.rateOf == "dual_qualified_teachers")
    }

    /// Copies `rules/` to a scratch directory with one file replaced.
    func rulesDirectory(replacing file: String, with text: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in RuleSet.fileNames {
            let source = IndicatorFixtures.rulesDirectory.appendingPathComponent(name)
            try FileManager.default.copyItem(at: source, to: directory.appendingPathComponent(name))
        }
        try text.write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
        return directory
    }

    func loadError(_ file: String, _ text: String) throws -> RuleError? {
        let directory = try rulesDirectory(replacing: file, with: text)
        defer { try? FileManager.default.removeItem(at: directory) }
        do { _ = try RuleSet.load(directory: directory); return nil } catch { return error }
    }

    /// An indicators.yaml holding one rule (six lines), for tests that add what they check after it.
    static let enrollmentRule = """
        indicators:
          - id: enrollment
            name_zh: 在校生数
            unit: 人
            kind: count
            phrases: [在校生数]
        """

    /// `level_of` names an indicator and needs the levels it is about.
    @Test func aLevelCounterpartNeedsItsLevelsAndAKnownIndicator() throws {
        let levelless = try loadError("indicators.yaml", """
        \(Self.enrollmentRule)
          - id: general_enrollment
            name_zh: 普通高中在校生数
            unit: 人
            kind: count
            phrases: [普通高中在校生]
            level_of: enrollment
        """)
        #expect(levelless?.line == 12 && levelless?.reason.contains("level_of needs the `levels`") == true, "\(String(describing: levelless))")
        let unknown = try loadError("indicators.yaml", """
        \(Self.enrollmentRule)
          - id: general_enrollment
            name_zh: 普通高中在校生数
            unit: 人
            kind: count
            phrases: [普通高中在校生]
            levels: [普通高中]
            level_of: enrolment
        """)
        #expect(unknown?.line == 13 && unknown?.reason.contains("unknown indicator “enrolment”") == true, "\(String(describing: unknown))")
    }

    @Test func unknownUnitIsRejectedAtItsLine() throws {
        let error = try loadError("indicators.yaml", """
        \(Self.enrollmentRule)
          - id: new_thing
            name_zh: 新指标
            unit: 公斤
            kind: count
            phrases: [新指标]
        """)
        #expect(error?.file == "indicators.yaml")
        #expect(error?.line == 9)
        #expect(error?.description.contains("公斤") == true)
    }

    @Test func brokenPatternAndUnknownKeyAndDuplicateAreRejected() throws {
        let badPattern = try loadError("indicators.yaml", """
        indicators:
          - id: enrollment
            name_zh: 在校生数
            unit: 人
            kind: count
            patterns: ['在校生(数']
        """)
        #expect(badPattern?.line == 6 && badPattern?.reason.contains("does not compile") == true)
        let unknownKey = try loadError("indicators.yaml", """
        indicators:
          - id: enrollment
            name_zh: 在校生数
            unit: 人
            kind: count
            phrase: [在校生数]
        """)
        #expect(unknownKey?.line == 6 && unknownKey?.reason.contains("unknown key “phrase”") == true)
        let duplicate = try loadError("entities.yaml", """
        regions:
          - name: 静安区
          - name: 静安区
        """)
        #expect(duplicate?.file == "entities.yaml" && duplicate?.line == 3)
        let syntax = try loadError("units.yaml", "units:\n  - unit: 人\n   accepts: [人\n")
        #expect(syntax?.file == "units.yaml" && syntax?.reason.hasPrefix("YAML") == true)
    }

    @Test func inversePhrasesNeedARatioAndWebAddressesAKnownRegion() throws {
        let inverse = try loadError("indicators.yaml", """
        \(Self.enrollmentRule)
            inverse_phrases: [生数在校]
        """)
        #expect(inverse?.line == 7 && inverse?.reason.contains("need a ratio") == true)
        let entities = try String(contentsOf: IndicatorFixtures.rulesDirectory.appendingPathComponent("entities.yaml"),
                                  encoding: .utf8)
        let site = try loadError("entities.yaml", entities.replacingOccurrences(of: "    gz: 广州市", with: "    gz: 广州府"))
        #expect(site?.file == "entities.yaml" && site?.reason.contains("“广州府” names no single division") == true)
        #expect((site?.line ?? 0) > 0)
        let label = try loadError("entities.yaml", entities.replacingOccurrences(of: "    gz: 广州市", with: "    GZ.gov: 广州市"))
        #expect(label?.reason.contains("not a lowercase host label") == true)
    }

    /// The segmenter's words are rules too: checked on load, and the ones built into nianbao are the repository's.
    @Test func documentWordsLoadAndAreChecked() throws {
        let words = IndicatorFixtures.documentWords
        #expect(words.titleWords.contains("报告") && words.contentsTitles.contains("目录"))
        #expect(words.dateLabels.first == "发布时间" || words.dateLabels.first?.count == 4)   // longest first
        #expect(DocumentWords.shipped == words)
        /// The error `documents.yaml` written so gives on load.
        func documentsError(_ text: String) throws -> RuleError? {
            let directory = try rulesDirectory(replacing: "documents.yaml", with: text)
            defer { try? FileManager.default.removeItem(at: directory) }
            do { _ = try DocumentWords.load(directory: directory); return nil } catch { return error }
        }
        let empty = try documentsError("title_words: [报告]\nissuer_suffixes: []\n")
        #expect(empty?.file == "documents.yaml" && empty?.line == 2 && empty?.reason.contains("issuer_suffixes") == true)
        let shipped = try String(contentsOf: IndicatorFixtures.rulesDirectory.appendingPathComponent("documents.yaml"), encoding: .utf8)
        // A page number form must say where its digits go.
        let formless = try documentsError(shipped.replacingOccurrences(of: "'page#of#'", with: "'page of'"))
        #expect(formless?.reason.contains("“page of” needs a #") == true && (formless?.line ?? 0) > 2)
        // Heading labels are checked like the other lists.
        let labelless = try documentsError(shipped.replacingOccurrences(of: "  tables: [表]\n", with: ""))
        #expect(labelless?.reason.contains("heading_labels.tables") == true && (labelless?.line ?? 0) > 2)
        // A table header's name endings are single characters.
        let endings = try documentsError(shipped.replacingOccurrences(of: "name_endings: [数,", with: "name_endings: [数目,"))
        #expect(endings?.reason.contains("table_headers.name_endings") == true && endings?.reason.contains("single characters") == true)
        // So are the characters that make a line's opening number a quantity.
        let followers = try documentsError(shipped.replacingOccurrences(of: "glued_quantity_followers: [所,", with: "glued_quantity_followers: [所以,"))
        #expect(followers?.reason.contains("heading_numbers.glued_quantity_followers") == true)
        // A bare place name in a title takes one ending.
        let bare = try documentsError(shipped.replacingOccurrences(of: "bare_name_suffix: [市]", with: "bare_name_suffix: [市, 县]"))
        #expect(bare?.reason.contains("title_regions.bare_name_suffix") == true && (bare?.line ?? 0) > 2)
        #expect(words.titleRegions.innerSuffixes.first == "新区" && words.headingLabels.ordinalMarkers == ["第"])
    }

    @Test func aPlanPeriodNeedsItsLastYearAndAPreviousYearCueItsWords() throws {
        let period = try loadError("indicators.yaml", """
        \(Self.enrollmentRule)
        plans:
          words: [规划]
          periods: {十四五: 二〇二五}
        """)
        #expect(period?.line == 9 && period?.reason.contains("“十四五” needs its last year") == true)
        let cue = try loadError("indicators.yaml", """
        \(Self.enrollmentRule)
        cues:
          previous_year:
            word: [去年]
        """)
        #expect(cue?.line == 9 && cue?.reason.contains("word") == true)
    }

    @Test func addingAnIndicatorNeedsOnlyYAML() throws {
        var text = try String(contentsOf: IndicatorFixtures.rulesDirectory.appendingPathComponent("indicators.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "indicators:\n", with: """
        indicators:
          - id: class_teachers
            name_zh: 班主任人数
            unit: 人
            kind: count
            phrases: [班主任人数, 班主任]

        """)
        let directory = try rulesDirectory(replacing: "indicators.yaml", with: text)
        defer { try? FileManager.default.removeItem(at: directory) }
        let rules = try RuleSet.load(directory: directory)
        let result = IndicatorExtractor(rules: rules).extract(from: IndicatorSentence.document(["2024 年，全区班主任 368 人。"], region: "浦东新区", year: 2024))
        #expect(result.observations.map(IndicatorSentence.summary) == ["class_teachers 浦东新区 2024 368 人"])
    }

    @Test func benchmarkMeasuresTheRulesStage() {
        let documents = TestPaths.realStems.map(IndicatorFixtures.document)
        let (speed, observations) = IndicatorExtractor.benchmark(rules: IndicatorFixtures.rules, documents: documents, repetitions: 3)
        print("rules stage: \(String(format: "%.1f", speed)) MB/s, \(observations) observations")
        #expect(speed > 0 && observations > 300)
    }
}
