import Foundation
import Testing
import NianbaoModel
@testable import Cleaning
@testable import Extraction

@Suite struct CleaningTests {
    func document(_ lines: [String], format: SourceFormat = .text) -> SourceDocument {
        var pages: [SourcePage] = [SourcePage(number: 1, lines: [])]
        for (i, text) in lines.enumerated() {
            if text == "---" { pages.append(SourcePage(number: pages.count + 1, lines: [])); continue }
            let cells = text.contains("\t") ? text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) : nil
            pages[pages.count - 1].lines.append(SourceLine(text: text, page: pages.count, line: i + 1, cells: cells))
        }
        return SourceDocument(path: "t.txt", format: format, pages: pages)
    }

    @Test func stripsMarkdownAndKeepsHeadingHint() {
        let clean = TextCleaner().clean(document(["## **2. 学生发展**", "", "正文第一句。"], format: .markdown))
        #expect(clean.blocks.map(\.text) == ["2. 学生发展", "正文第一句。"])
        #expect(clean.blocks[0].markupHeadingLevel == 2)
        #expect(clean.blocks[0].isBold)
    }

    @Test func rejoinsASentenceCutByAPageBreak() {
        let clean = TextCleaner().clean(document([
            "2025 年两校在校生人数保持增长，共 2261 人，较上年增长 12.4%。两", "", "---", "",
            "校均注重内涵建设。", "1.2 立德树人",
        ]))
        #expect(clean.blocks.count == 2)
        #expect(clean.blocks[0].text == "2025 年两校在校生人数保持增长，共 2261 人，较上年增长 12.4%。两校均注重内涵建设。")
        #expect(clean.blocks[0].location(atOffset: 40) == SourceLocation(page: 2, line: 5))
        #expect(clean.blocks[0].location(atOffset: 3) == SourceLocation(page: 1, line: 1))
    }

    /// A news page's dateline ends its line's block, so the front matter can read the date from it; a body
    /// line that merely ends with a date still wraps on.
    @Test func aDatelineIsABlockOfItsOwn() {
        let clean = TextCleaner().clean(document([
            "来源：中国教育报 发布时间：2010-03-22 09:15", "本报讯 记者从教育部获悉，全国中等职业学校毕业生为509.6万人。",
            "2019-06-19 08:37", "本报讯 另一条消息的正文在这里，内容足够长以便判断换行。",
        ]))
        #expect(clean.blocks.map(\.text) == [
            "来源：中国教育报 发布时间：2010-03-22 09:15", "本报讯 记者从教育部获悉，全国中等职业学校毕业生为509.6万人。",
            "2019-06-19 08:37", "本报讯 另一条消息的正文在这里，内容足够长以便判断换行。",
        ])
        // A cover's title closed by its year in brackets is not continued by the issuer's line.
        let cover = TextCleaner().clean(document(["宜宾市中等职业教育质量年度报告（2022年度）", "宜宾市教育和体育局"]))
        #expect(cover.blocks.map(\.text) == ["宜宾市中等职业教育质量年度报告（2022年度）", "宜宾市教育和体育局"])
        #expect(LineShape.isDateline("发布日期：2016年02月26日"))
        // The stamp first, its source after it; and the headline before a dateline ends there too.
        let stampFirst = TextCleaner().clean(document([
            "江西省中职教育质量报告发布 毕业生就业率达97.2%以上的学校占八成", "2021-03-18 10:26:35 来源：江西日报",
            "本报讯 日前，省教育厅发布年度报告，全省共有中等职业学校371所。",
        ]))
        #expect(stampFirst.blocks.count == 3)
        #expect(!LineShape.isDateline("截至2021-03-18，全省中职学校"))
        #expect(!LineShape.isDateline("学校于2016年9月1日"))
        #expect(!LineShape.isDateline("2019-2020学年全区在校生"))
    }

    /// `pdftotext` output keeps its pages (form feeds): their running header and page numbers go, and a
    /// sentence cut by the page break (`专任教师165` / header / `人，…`) is one again. The cover keeps its title.
    @Test func aPagedTextExportLosesItsRunningHeaderAndPageNumbers() throws {
        var text = "漳州职业技术学校2021年质量年度报告\n封面\n"
        for page in 1...4 {
            text += "正文第\(page)页的内容在这里，学校有教职工198人，其中专任教师165\n\n- \(page) -\n\u{0C}漳州职业技术学校2021年质量年度报告\n\n人，兼职教师22人。\n"
        }
        let source = try TextReader().read(path: "t.txt", data: Data(text.utf8), options: ReadOptions())
        let clean = TextCleaner().clean(source)
        let texts = clean.blocks.map(\.text)
        #expect(texts.first == "漳州职业技术学校2021年质量年度报告")
        #expect(texts.filter { $0.contains("质量年度报告") }.count == 1)
        #expect(!texts.contains { $0.contains("- 2 -") })
        #expect(texts.contains { $0.contains("其中专任教师165人，兼职教师22人。") })
    }

    /// A number cut by a hard wrap in Chinese text is one number again; Latin words keep their space.
    @Test func aNumberCutByTheWrapIsRejoinedWithoutASpace() {
        let joiner = ParagraphJoiner(wrapWidth: 40, words: DocumentWords(), layoutHints: false)
        #expect(!joiner.needsSpace("教师占比为62.4%。202", "1届毕业生"))
        #expect(joiner.needsSpace("ANNUAL REPORT 2021", "2022 edition"))
        #expect(joiner.needsSpace("annual", "report"))
    }

    @Test func doesNotJoinAHeadingOrACompleteParagraph() {
        let clean = TextCleaner().clean(document(["1.1 基本情况", "", "本段完整结束。", "", "下一段开始。"]))
        #expect(clean.blocks.map(\.text) == ["1.1 基本情况", "本段完整结束。", "下一段开始。"])
    }

    @Test func footnoteMarkersAndBodies() {
        var lines: [String] = []
        // Enough wrapped lines for the wrap width to be detected.
        for _ in 0..<25 { lines += ["这是一段被硬换行的正文内容，用来检测换行宽度是否可以识别出来的测试文字行", ""] }
        lines += ["最新统计数据显示1，全市共有学校九十所，这一行也被硬换行处理到了固定宽度为止", "",
                  "结束。", "1", "数据来源：上海市教育事业统计资料汇编（2019 年度）。", "2", "，后续句子继续。"]
        let clean = TextCleaner().clean(document(lines))
        #expect(clean.footnotes.map(\.text) == ["1 数据来源：上海市教育事业统计资料汇编（2019 年度）。"])
        #expect(clean.blocks.contains { $0.text.contains("最新统计数据显示，全市共有学校九十所") })
        #expect(clean.blocks.contains { $0.text.hasSuffix("结束。，后续句子继续。") })
    }

    @Test func tableRowsKeepCells() {
        let clean = TextCleaner().clean(document(["表 1 办学情况", "学校名称\t学生人数\t教职员工数", "甲校\t1282\t141", "\t2 乙校\t"]))
        #expect(clean.blocks.map(\.kind) == [.paragraph, .tableRow, .tableRow, .tableRow])
        #expect(clean.blocks[2].cells == ["甲校", "1282", "141"])
        #expect(clean.blocks[3].cells == ["", "2 乙校"])
    }

    @Test func aCaptionRightAfterATableStaysACaption() {
        let clean = TextCleaner().clean(document(["学校\t在校生", "合计\t5745", "", "表 2 主要指标", "", "指标\t2024年", "在校生\t5745"]))
        #expect(clean.blocks.map(\.kind) == [.tableRow, .tableRow, .paragraph, .tableRow, .tableRow])
    }

    @Test func headingShapes() {
        #expect(HeadingShape.parse("1.1 结构规模")?.components == [1, 1])
        #expect(HeadingShape.parse("2.1. 立德树人")?.number == "2.1")
        #expect(HeadingShape.parse("（三）营造良好氛围")?.scheme == .chineseParen)
        #expect(HeadingShape.parse("(一)落实立德树人根本任务")?.number == "(一)")
        #expect(HeadingShape.parse("三、主要任务")?.components == [3])
        #expect(HeadingShape.parse("【案例 2】普陀区举办讲座")?.number == "2")
        #expect(HeadingShape.parse("图表 3 近 3 年合格率")?.scheme == .figure)
        #expect(HeadingShape.parse("2所是民办学校") == nil)
        #expect(HeadingShape.parse("2020 年，上海共有") == nil)
        #expect(HeadingShape.parse("148.05 亿元，比 2019 年增长") == nil)
        #expect(HeadingShape.parse("7特色创新")?.isGlued == true)
    }
}
