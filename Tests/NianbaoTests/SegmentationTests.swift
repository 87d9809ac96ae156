import Testing
import Foundation
import NianbaoModel
@testable import Cleaning
@testable import Segmentation
@testable import Extraction

@Suite struct SegmentationTests {
    func segment(_ text: String) throws -> SegmentedDocument {
        let source = try TextReader().read(path: "t.txt", data: Data(text.utf8), options: ReadOptions())
        return Segmenter(words: IndicatorFixtures.documentWords).segment(TextCleaner().clean(source), docId: "t")
    }

    static let report = """
    青川区中等职业教育质量年度报告
    （2023 年度）
    江海市青川区教育局
    2024 年 1 月

    目录
    1 基本情况\t1
    1.1 办学规模\t1
    1.2 教师队伍\t2
    2 学生发展\t3
    案例目录
    案例 1 订单班\t3

    1 基本情况
    全区共有中职学校 3 所。
    1.1 办学规模
    2023 年在校生 5,745 人。
    表 1 2023 年青川区中职学校情况
    学校\t在校生
    青川职校\t2100
    合计\t5745
    1.3 教师队伍
    专任教师 421 人。
    2 学生发展
    1. 坚持立德树人，全面落实各项工作要求，努力培养德智体美劳全面发展的社会主义建设者。
    案例 1 订单班
    某校与企业合作开设订单班，学生就业有方向。
    图 1 2021—2023 年毕业去向落实率
    """

    @Test func frontMatterComesFromTheCover() throws {
        let doc = try segment(Self.report)
        #expect(doc.frontMatter.title == "青川区中等职业教育质量年度报告")
        #expect(doc.frontMatter.region == "青川区")
        #expect(doc.frontMatter.reportYear == 2023)
        #expect(doc.frontMatter.issuer == "江海市青川区教育局")
        #expect(doc.frontMatter.published == "2024-01")
    }

    /// A news item dated 2016 reporting on 2015: its dateline's year is no mention of a year reported on, so
    /// the body's `2015年` makes 2015 the year its figures describe.
    @Test func aDatelineIsNoYearTheBodyDescribes() throws {
        let doc = try segment("全国中职毕业生就业率达96%\n\n2016年02月26日 10:42\n\n据教育部网站消息，2015年，全国中等职业学校毕业生人数为515.47万。")
        #expect(doc.frontMatter.reportYear == 2016)
        #expect(doc.frontMatter.dataYear == 2015)
        #expect(FrontMatterReader.periodMentions(of: 2016, in: "2016年02月26日，2016 年全年") == 1)
    }

    @Test func aNewsPageDateStampIsItsPublicationAndCoveredYear() throws {
        // Made-up news page: no cover, a source line with the page's date among the first lines.
        let doc = try segment("福建省今年中职招生形势好于往年\n\n来自:某某教育资讯网 2015-09-02\n\n截至8月22日，我省中职学校已完成全日制招生93081人。")
        #expect(doc.frontMatter.published == "2015-09")
        #expect(doc.frontMatter.reportYear == 2015)
        // A range of years or a period is no date stamp.
        #expect(FrontMatterReader.fullDate(in: "2019-2020学年") == nil)
        #expect(FrontMatterReader.fullDate(in: "2019-06-19 08:37") == "2019-06")
        #expect(FrontMatterReader.fullDate(in: "更新于2021/3/5") == "2021-03")
        #expect(FrontMatterReader.fullDate(in: "2016年02月26日 10:42") == "2016-02")
        #expect(FrontMatterReader.fullDate(in: "2016年02月") == nil)   // no day: a month, not a date stamp
        #expect(FrontMatterReader.fullDate(in: "2016-02月26日") == nil)
        // A labelled dateline with its source and view count after it is read too.
        let labelled = try segment("贵州：中职教育招生规模连续三年增长\n发布时间：2024-03-18 09:30　来源：贵州省教育厅　浏览次数：1268\n\n记者从省教育厅获悉，去年全省中等职业学校招生18.6万人。")
        #expect(labelled.frontMatter.published == "2024-03")
    }

    @Test func aStatisticsBulletinIsTitledAndDated() throws {
        // Made-up bulletin: its title names the year covered; the page's date is the year after.
        let doc = try segment("2023年浦江县教育事业统计公报\n发布日期：2024-03-15\n一、基本情况\n全县共有学校 126 所。\n二、中等职业教育\n全县共有中等职业学校 2 所。")
        #expect(doc.frontMatter.title == "2023年浦江县教育事业统计公报")
        #expect(doc.frontMatter.published == "2024-03")
        #expect(doc.frontMatter.reportYear == 2023)
    }

    @Test func tocEntriesAreReadAndNeverTakenForHeadings() throws {
        let doc = try segment(Self.report)
        #expect(doc.toc.map(\.title) == ["基本情况", "办学规模", "教师队伍", "学生发展", "订单班"])
        #expect(doc.toc.last?.list == .cases)
        #expect(doc.toc.map(\.printedPage) == ["1", "1", "2", "3", "3"])
        #expect(doc.sections.filter { $0.kind == .chapter }.map(\.lineStart) == [14, 24])
    }

    @Test func sectionTreeWithCasesTablesAndFigures() throws {
        let doc = try segment(Self.report)
        let kinds = doc.sections.filter { $0.kind != .frontMatter && $0.kind != .toc }.map { "\($0.kind.rawValue):\($0.number ?? "")@\($0.lineStart)-\($0.lineEnd)/\($0.level)" }
        #expect(kinds == ["chapter:1@14-23/1", "section:1.1@16-21/2", "table:1@18-21/3", "section:1.3@22-23/2",
                          "chapter:2@24-28/1", "case:1@26-28/2", "figure:1@28-28/3"])
        let table = try #require(doc.tables.first)
        #expect(table.rows == [["学校", "在校生"], ["青川职校", "2100"], ["合计", "5745"]])
        #expect(table.rowLocations.map(\.line) == [19, 20, 21])
        // A numbered sentence inside a chapter is a point, not a heading.
        #expect(!doc.sections.contains { $0.title.hasPrefix("坚持立德树人") })
    }

    @Test func tocIsCheckedAgainstTheBody() throws {
        let doc = try segment(Self.report)
        #expect(doc.warnings == ["TOC entry 1.2 教师队伍 is numbered 1.3 in the body (line 22)"])
        let changed = Self.report.replacingOccurrences(of: "1.3 教师队伍\n", with: "1.2 师资队伍\n")
            .replacingOccurrences(of: "2 学生发展\t3", with: "2 学生发展\t3\n3 服务贡献\t5")
        let warnings = try segment(changed).warnings
        #expect(warnings.contains { $0.contains("reads \"教师队伍\"") && $0.contains("\"师资队伍\"") })
        #expect(warnings.contains { $0.contains("TOC entry 3 服务贡献") && $0.contains("no matching heading") })
    }

    @Test func reportWithoutHeadingsIsFlagged() throws {
        let paragraph = String(repeating: "这是一段没有标题的文字，学校办学条件持续改善。", count: 20)
        let long = Array(repeating: paragraph, count: 12).joined(separator: "\n\n") + "\n"
        let doc = try segment(long)
        #expect(doc.warnings.contains { $0.hasPrefix("no recognisable headings") })
        // A news item or a profile is no report: its lack of chapters says nothing.
        let short = try segment("这是一段没有标题的文字。\n只有两行。\n")
        #expect(!short.warnings.contains { $0.hasPrefix("no recognisable headings") })
    }
}

@Suite struct ReadDeadlineTests {
    @Test func aFileThatReadsInTimeComesBack() throws {
        var options = ReadOptions()
        options.fileTimeout = 60
        let doc = try Readers.readWithDeadline(path: TestPaths.realReport("004_e7c8856d05d9f68a"), options: options)
        #expect(doc.pages.count == 1)
    }

    @Test func aFileThatTakesTooLongIsAbandonedWithItsPath() throws {
        var options = ReadOptions()
        options.fileTimeout = 0
        let path = TestPaths.realReport("002_a080b85a17935ede", "pdf")
        #expect(throws: ReadError.timedOut(path: path, seconds: 0)) {
            try Readers.readWithDeadline(path: path, options: options)
        }
    }
}
