import Testing
import Foundation
import NianbaoModel
@testable import Cleaning
@testable import Extraction
@testable import Segmentation

@Suite struct MarkdownReaderTests {
    func read(_ text: String, path: String = "t.md") throws -> SourceDocument {
        try Readers.read(path: path, format: Readers.format(forExtension: URL(fileURLWithPath: path).pathExtension)!,
                         data: Data(text.utf8), options: ReadOptions())
    }

    func texts(_ document: SourceDocument) -> [String] {
        document.allLines.map(\.text).filter { !$0.isEmpty }
    }

    @Test func readersAreChosenByTheFormatsTheyDeclare() {
        #expect(Readers.reader(for: .markdown) is MarkdownReader)
        #expect(Readers.reader(for: .text) is TextReader)
        #expect(Readers.reader(for: .pdf) is PDFReader)
        #expect(Readers.reader(for: .html) is HTMLReader)
        for format in SourceFormat.allCases {
            #expect(Readers.all.filter { type(of: $0).formats.contains(format) }.count == 1, "\(format)")
        }
    }

    @Test func headingsEmphasisListsAndLinks() throws {
        let document = try read("""
        # 2023年度质量报告
        ## **2. 学生发展** ##
        > 引言：本报告由[区教育局](https://example.org)发布。
        - 在校生 **4,105** 人
        * 专任教师 *311* 人
        1. 坚持立德树人。全面贯彻党的教育方针。
        ![图1 招生情况](chart.png)
        `注`：*教育部 数据
        """)
        let lines = document.allLines
        #expect(document.format == .markdown)
        #expect(lines[0].markupHeadingLevel == 1)
        #expect(lines[0].text == "2023年度质量报告")
        #expect(lines[1].markupHeadingLevel == 2)
        #expect(lines[1].text == "2. 学生发展")
        #expect(lines[1].isBold)
        #expect(lines[2].text == "引言：本报告由区教育局发布。")
        #expect(lines[3].text == "在校生 4,105 人")
        #expect(lines[3].startsBlock)
        #expect(lines[4].text == "专任教师 311 人")
        #expect(lines[5].text == "1. 坚持立德树人。全面贯彻党的教育方针。")
        #expect(lines[5].markupHeadingLevel == nil)
        #expect(lines[6].text == "图1 招生情况")
        // A lone asterisk masks a word; it is not emphasis.
        #expect(lines[7].text == "注：*教育部 数据")
    }

    @Test func aHashGluedToAWordIsNotAHeading() throws {
        let line = try read("#普通中专 3 所\n正文。").allLines[0]
        #expect(line.markupHeadingLevel == nil)
        #expect(line.text == "#普通中专 3 所")
    }

    @Test func pipeTablesAndTheirCaption() throws {
        let document = try read("""
        **表 1. 2023 年学校情况**

        | 学校名称 | 在校生数（人） | 专任教师数（人） |
        | --- | ---: | ---: |
        | **临湖职校** | 1736 | 128 |
        | [交通学校](x.html) | 1402 | |

        | 指标 | 2022年 | 2023年 | |---|---|---| | 招生数 | 1420 | 1486 |
        """)
        let rows = document.allLines.filter { $0.cells != nil }
        #expect(rows.map(\.cells) == [["学校名称", "在校生数（人）", "专任教师数（人）"], ["临湖职校", "1736", "128"],
                                      ["交通学校", "1402", ""], ["指标", "2022年", "2023年"], ["招生数", "1420", "1486"]])
        #expect(rows[1].cellLocations == Array(repeating: SourceLocation(page: 1, line: 5), count: 3))
        let clean = TextCleaner().clean(document)
        #expect(clean.blocks.first?.kind == .paragraph)
        #expect(clean.blocks.first?.text == "表 1. 2023 年学校情况")
        #expect(clean.blocks.first?.isBold == true)
        #expect(clean.blocks.filter { $0.kind == .tableRow }.count == 5)
    }

    @Test func aTextFileHoldingMarkdownIsReadAsMarkdown() throws {
        let text = """
        # 学校概况
        ## 1. 基本情况
        学校现有在校生 **1,200** 人。
        | 指标 | 2023年 |
        |---|---|
        | 在校生数 | 1200 |
        """
        let asText = try read(text, path: "capture.txt")
        let asMarkdown = try read(text, path: "capture.md")
        #expect(asText.format == .markdown)
        #expect(asText.allLines == asMarkdown.allLines)
        #expect(asText.allLines[1].markupHeadingLevel == 2)
        #expect(asText.allLines.filter { $0.cells != nil }.map(\.cells) == [["指标", "2023年"], ["在校生数", "1200"]])
    }

    @Test func plainTextWithAPipeTableGetsTheSameRows() throws {
        let table = "| 指标 | 2023年 |\n|---|---|\n| 在校生数 | 1200 |"
        let plain = try read("学校现有在校生1200人。\n" + table, path: "capture.txt")
        #expect(plain.format == .text)
        let markdown = try read("学校现有在校生1200人。\n" + table, path: "capture.md")
        #expect(plain.allLines.filter { $0.cells != nil } == markdown.allLines.filter { $0.cells != nil })
    }

    @Test func theSampleMarkdownReportKeepsItsTabTablesAndPages() throws {
        let document = try Readers.read(path: TestPaths.repoRoot.appendingPathComponent("corpus/linhu-2023.md").path)
        #expect(document.format == .markdown)
        #expect(document.pages.count > 1)
        let school = try #require(document.allLines.first { $0.cells?.first == "江海市临湖职业技术学校" })
        #expect(school.cells == ["江海市临湖职业技术学校", "临湖职校", "1736", "628", "128"])
        #expect(document.allLines.contains { $0.markupHeadingLevel == 3 && $0.text == "1.1. 学校与专业" })
    }
}

/// An encyclopedia entry exported as MediaWiki markup (made-up school and figures).
@Suite struct WikiMarkupTests {
    static let entry = """
    黄山市旅游职业学校
    '''黄山市旅游职业学校'''是[[安徽省]][[黄山市|黄山]]的一所公办[[中等职业学校]]，创办于1983年。[[File:校门.jpg|thumb|校门]]

    {{学校信息框
    | 中文名 = 黄山市旅游职业学校
    | 在校生 = 2860人<ref>学校官网</ref>
    }}
    == 办学规模 ==
    现有全日制在校生2860人<ref name="gw">学校官网，2019年</ref>，教职工198人<ref>《年鉴》
    第12页，2018年</ref>，其中专任教师172人。<!-- 待核 -->
    * 开设[http://example.org 旅游服务与管理]等12个专业
    == 招生 ==
    {| class="wikitable"
    |+ 历年招生
    ! 年份 !! 招生数 !! 毕业生数
    |-
    | 2017 || 920 || 780
    |-
    | style="text-align:right" | 2018
    | 965
    | 812
    |}
    [[Category:安徽省中等职业学校]]
    """

    @Test func markupIsRemovedAndReferencesDropped() throws {
        let document = try Readers.read(path: "t.txt", format: .text, data: Data(Self.entry.utf8), options: ReadOptions())
        #expect(document.format == .markdown)
        let lines = document.allLines.filter { !$0.text.isEmpty }
        let texts = lines.map(\.text)
        #expect(texts[1] == "黄山市旅游职业学校是安徽省黄山的一所公办中等职业学校，创办于1983年。")
        #expect(texts.contains("中文名：黄山市旅游职业学校") && texts.contains("在校生：2860人"))
        #expect(lines.first { $0.text == "办学规模" }?.markupHeadingLevel == 1)
        // A reference's dates and pages are no text, even one running over two lines; comments go too.
        #expect(texts.contains("现有全日制在校生2860人，教职工198人"))
        #expect(texts.contains("，其中专任教师172人。"))
        #expect(!texts.joined().contains("2019") && !texts.joined().contains("待核"))
        #expect(texts.contains("开设旅游服务与管理等12个专业"))
        #expect(!texts.joined().contains("Category") && !texts.joined().contains("校门"))
    }

    @Test func wikiTablesGiveCellsWithTheirLines() throws {
        let document = try Readers.read(path: "t.wiki", format: Readers.format(forExtension: "wiki")!,
                                        data: Data(Self.entry.utf8), options: ReadOptions())
        let rows = document.allLines.filter { $0.cells != nil }
        #expect(rows.map { $0.cells! } == [["年份", "招生数", "毕业生数"], ["2017", "920", "780"], ["2018", "965", "812"]])
        #expect(rows[2].cellLocations?.map(\.line) == [19, 20, 21])
        #expect(document.allLines.contains { $0.text == "历年招生" && $0.cells == nil })
    }

    @Test func unnumberedMarkupHeadingsMakeTheOutline() throws {
        let source = try Readers.read(path: "t.txt", format: .text, data: Data(Self.entry.utf8), options: ReadOptions())
        let document = Segmenter(words: IndicatorFixtures.documentWords).segment(TextCleaner().clean(source), docId: "t")
        #expect(document.sections.filter { $0.kind == .chapter }.map(\.title) == ["办学规模", "招生"])
    }
}
