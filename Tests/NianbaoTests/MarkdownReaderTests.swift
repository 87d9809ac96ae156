import Testing
import Foundation
import NianbaoModel
@testable import Cleaning
@testable import Extraction

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
