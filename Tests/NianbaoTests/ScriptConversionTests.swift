import Foundation
import Testing
import NianbaoModel
import Extraction
@testable import Cleaning

/// Traditional script through OpenCC, and the pinyin residue of online converters, on the real
/// development texts (`../shared/corpus/real`): r10, r18, r25, r26, r28 are traditional; r05, r20, r21,
/// r29, r30 are converter output with pinyin left in brackets.
@Suite struct ScriptConversionTests {
    static let traditional = ["r10", "r18", "r25", "r26", "r28"]
    static let withResidue = ["r05", "r20", "r21", "r29", "r30"]

    func converter() throws -> ScriptConverter { try ScriptConverter.traditionalToSimplified.get() }

    func realText(_ stem: String) throws -> String {
        try String(contentsOfFile: TestPaths.corpus.appendingPathComponent("real/\(stem).txt").path, encoding: .utf8)
    }

    func clean(_ text: String, path: String = "t.txt") throws -> CleanDocument {
        TextCleaner().clean(try TextReader().read(path: path, data: Data(text.utf8), options: ReadOptions()))
    }

    // MARK: the converter

    @Test func convertsRealTraditionalPhrasesToSimplified() throws {
        let opencc = try converter()
        // r10, r25, r26, r28 as printed.
        #expect(try opencc.simplified("全省中等職業學校畢業生共計26.39萬人") == "全省中等职业学校毕业生共计26.39万人")
        #expect(try opencc.simplified("江蘇省高淳中等專業學校") == "江苏省高淳中等专业学校")
        #expect(try opencc.simplified("江蘇省吳江職業高級中學創建於1986年") == "江苏省吴江职业高级中学创建于1986年")
        #expect(try opencc.simplified("學校簡介") == "学校简介")
        // r18's table header; brackets, digits and Latin text pass through.
        #expect(try opencc.simplified("中等職業學校(機構)專任教師數(萬人) | 4.63") == "中等职业学校(机构)专任教师数(万人) | 4.63")
        // Already simplified text is left alone, including characters that are also traditional forms.
        let simplified = "显著提高，著名的职业学校，乾隆年间"
        #expect(try opencc.simplified(simplified) == simplified)
    }

    @Test func conversionKeepsEveryCharacterInPlace() throws {
        let opencc = try converter()
        for stem in Self.traditional + Self.withResidue {
            let text = try realText(stem)
            let converted = try opencc.simplified(text)
            #expect(converted.count == text.count, "\(stem)")
            #expect(converted != text, "\(stem) has traditional characters")
        }
    }

    // MARK: texts OpenCC is not asked about

    @Test func phrasesWhoseCharactersStayAloneStillConvert() throws {
        let opencc = try converter()
        // `瞭`, `衹`, `沈`, `覆` do not change alone, only inside phrases: the triggers hold a scalar of each.
        #expect(try opencc.simplified("瞭") == "瞭")
        #expect(try opencc.simplified("瞭解") == "了解")
        #expect(try opencc.simplified("衹得") == "只得")
        #expect(try opencc.simplified("沈默") == "沉默")
        #expect(try opencc.simplified("反覆") == "反复")
        #expect(try opencc.simplified("沈阳") == "沈阳")
        let triggers = try #require(opencc.triggers)
        #expect(triggers.occur(in: "學校"))
        #expect(triggers.occur(in: "瞭"))
        #expect(triggers.occur(in: "衹"))
        // `衹`, not `得` (in nearly every simplified paragraph), stands for `衹得`.
        #expect(!triggers.occur(in: "取得显著成效，毕业生就业率达到98%"))
    }

    @Test func phraseTriggersCoverEveryChangingPhrase() {
        let triggers = ConversionTriggers(changingKeys: ["長", "瞭解", "瞭如", "反覆", "沈默", "沈船", "長得"],
                                          unchangedCharacters: ["瞭", "覆"])
        // `長` changes alone; `長得` needs nothing more.
        #expect(triggers.occur(in: "長") && !triggers.occur(in: "得"))
        // Listed characters first (`覆`, not `反`); `瞭` covers two phrases, `沈` both of its.
        #expect(triggers.occur(in: "瞭") && triggers.occur(in: "覆") && triggers.occur(in: "沈"))
        #expect(!triggers.occur(in: "解如反默船"))
    }

    /// The filter is exact: on every line and every cleaned block of the real texts, simplified and
    /// traditional, skipping OpenCC where no trigger occurs gives what converting everything gives.
    @Test func skippingTextsWithoutTriggersChangesNothing() throws {
        let opencc = try converter()
        #expect(opencc.triggers.map { _ in true } ?? false)
        let folder = TestPaths.corpus.appendingPathComponent("real").path
        let stems = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
        #expect(stems.count >= 30)
        var skipped = 0, texts = 0
        for stem in stems {
            let text = try realText(stem)
            let clean = try clean(text, path: "\(stem).txt")
            for piece in text.split(separator: "\n").map(String.init) + clean.blocks.map(\.text) {
                texts += 1
                if !(opencc.triggers?.occur(in: piece) ?? true) { skipped += 1 }
                #expect(try opencc.simplified(piece) == opencc.converted(piece), "\(stem): \(piece.prefix(40))")
            }
        }
        // Most of the simplified reports' text never reaches OpenCC.
        #expect(skipped * 2 > texts)
    }

    @Test func aMissingConfigurationIsATypedError() {
        #expect(throws: ScriptConversionError.self) { try ScriptConverter(configuration: "/nonexistent/t2s.json") }
    }

    // MARK: converter residue

    @Test func removesPinyinAfterACharacter() {
        #expect(PinyinResidue.removing(from: "職業(yè)學校") == "職業學校")
        #expect(PinyinResidue.removing(from: "會(huì )計") == "會計")
        #expect(PinyinResidue.removing(from: "專（zhuān）業（yè）") == "專業")
        #expect(PinyinResidue.removing(from: "計算機網(wǎng)絡(luò )技術(shù) (物聯(lián)網(wǎng))") == "計算機網絡技術 (物聯網)")
    }

    @Test func keepsRealBracketedContent() {
        for text in ["研究生培養機構(不計校數) (827)", "專任教師(中、高级教师)139人", "文化課合格率(%)",
                     "(一)學生素質", "报告(PDF)", "职业学校(zhiye)", "Schools (Institutions)", "年份(2020)"] {
            #expect(PinyinResidue.removing(from: text) == text)
        }
    }

    @Test func removesResidueFromRealConverterOutput() throws {
        for stem in Self.withResidue {
            let clean = try clean(try realText(stem), path: "\(stem).txt")
            for block in clean.blocks + clean.footnotes {
                #expect(PinyinResidue.ranges(in: block.text).isEmpty, "\(stem): \(block.text.prefix(40))")
                if let match = block.matchText { #expect(match.count == block.text.count) }
            }
        }
        let r05 = try clean(try realText("r05"), path: "r05.txt")
        #expect(r05.blocks[0].text == "(一)學生素質")
        #expect(r05.blocks[0].matchText == "(一)学生素质")
        #expect(r05.blocks.contains { $0.text.hasPrefix("2017屆學生總人數為975人,畢業人數為975人") })
        // (Since text tables are read as tables, these lines are cells of table rows.)
        #expect(r05.blocks.contains { $0.cells?.contains("計算機網絡技術 (物聯網)") == true })
        let r20 = try clean(try realText("r20"), path: "r20.txt")
        #expect(r20.blocks.contains { $0.cells?.contains("學校數(所) Schools") == true })
        #expect(r20.blocks.contains { $0.cells?.contains("(827)") == true })
        let r30 = try clean(try realText("r30"), path: "r30.txt")
        #expect(r30.blocks[0].text == "濟寧嘉祥縣職業中等專業學校")
        #expect(r30.blocks[0].matchText == "济宁嘉祥县职业中等专业学校")
    }

    @Test func residueIsRemovedBeforeLinesAreJoined() throws {
        // Residue goes from each line and its cells before lines are joined (r05 above shows why:
        // its residue made lines look hard-wrapped and a heading was joined to its paragraph).
        let clean = try clean("2、2017屆學(xué)生畢業(yè)生人數(shù)與畢業(yè)率\n2017屆學(xué)生總人數(shù)為975人。\n")
        #expect(clean.blocks.map(\.text) == ["2、2017屆學生畢業生人數與畢業率", "2017屆學生總人數為975人。"])
        let row = PinyinResidue.removing(from: SourceLine(text: "會(huì )計\t167", page: 1, line: 3, cells: ["會(huì )計", "167"]))
        #expect(row.text == "會計\t167")
        #expect(row.cells == ["會計", "167"])
    }

    // MARK: the cleaning stage

    @Test func recordsTheDocumentScript() throws {
        for stem in Self.traditional + Self.withResidue {
            #expect(try clean(try realText(stem), path: "\(stem).txt").script == .traditional, "\(stem)")
        }
        // Simplified, and r34: simplified with a few traditional menu lines.
        for stem in ["r01", "r06", "r22", "r34"] {
            #expect(try clean(try realText(stem), path: "\(stem).txt").script == .simplified, "\(stem)")
        }
    }

    @Test func matchTextOnlyWhereTextIsTraditional() throws {
        let clean = try clean("2019年，全省中等職業學校畢業生共計26.39萬人。\n\n在校生2261人。\n")
        #expect(clean.blocks.map(\.text) == ["2019年，全省中等職業學校畢業生共計26.39萬人。", "在校生2261人。"])
        #expect(clean.blocks.map(\.matchText) == ["2019年，全省中等职业学校毕业生共计26.39万人。", nil])
        #expect(clean.blocks.map(\.matchingText) == ["2019年，全省中等职业学校毕业生共计26.39万人。", "在校生2261人。"])
    }

    @Test func tableCellsHaveSimplifiedCounterparts() throws {
        let clean = try clean("項目\t2015學年\t2016學年\n專業技能合格率(%)\t72\t75\n")
        let rows = clean.blocks.filter { $0.kind == .tableRow }
        #expect(rows.count == 2)
        #expect(rows[0].cells == ["項目", "2015學年", "2016學年"])
        #expect(rows[0].matchingCells == ["项目", "2015学年", "2016学年"])
        #expect(rows[1].matchingCells == ["专业技能合格率(%)", "72", "75"])
    }

    @Test func traditionalTextAndItsSimplifiedVersionMatchAlike() throws {
        let opencc = try converter()
        for stem in Self.traditional + Self.withResidue {
            let traditional = try realText(stem)
            let printed = try clean(traditional, path: "\(stem).txt")
            let simplified = try clean(try opencc.simplified(traditional), path: "\(stem).txt")
            #expect(printed.blocks.map(\.matchingText) == simplified.blocks.map(\.matchingText), "\(stem)")
            #expect(printed.blocks.map(\.kind) == simplified.blocks.map(\.kind), "\(stem)")
            #expect(printed.blocks.map { $0.matchingCells ?? [] } == simplified.blocks.map { $0.cells ?? [] }, "\(stem)")
            #expect(simplified.blocks.allSatisfy { $0.matchText == nil }, "\(stem)")
        }
    }
}
