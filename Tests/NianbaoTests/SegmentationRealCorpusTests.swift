import Testing
import Foundation
@testable import NianbaoPipeline
@testable import Extraction
import NianbaoModel

/// End-to-end: the five real reports against the hand-made outlines (Fixtures/outlines, made by reading them).
@Suite struct SegmentationRealCorpusTests {
    static func segment(_ stem: String) throws -> SegmentedDocument {
        let source = try Readers.read(path: TestPaths.realReport(stem))
        return Pipeline().segment(source, docId: stem)
    }

    static func rows(_ doc: SegmentedDocument) -> [OutlineRow] {
        doc.sections.filter { $0.kind != .frontMatter && $0.kind != .toc }.map {
            OutlineRow(kind: $0.kind.rawValue, level: $0.level, number: $0.number ?? "", title: $0.title,
                       lineStart: $0.lineStart, lineEnd: $0.lineEnd)
        }
    }

    /// Every labelled unit is found at its line with its kind; levels and numbers agree; nothing extra appears.
    /// Spans may differ on a few case endings, which are judgement calls (see Fixtures/outlines/README.md).
    @Test(arguments: TestPaths.realStems)
    func outlineMatchesHandLabels(stem: String) throws {
        let gold = try OutlineRow.load(stem)
        let found = Self.rows(try Self.segment(stem))
        let foundByStart = Dictionary(found.map { ("\($0.kind)@\($0.lineStart)", $0) }, uniquingKeysWith: { a, _ in a })
        let goldKeys = Set(gold.map { "\($0.kind)@\($0.lineStart)" })
        for row in gold {
            guard let mine = foundByStart["\(row.kind)@\(row.lineStart)"] else {
                Issue.record("\(stem): missing \(row)")
                continue
            }
            #expect(mine.level == row.level, "\(stem): level of \(row)")
            #expect(mine.number == row.number || mine.number.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")") == row.number,
                    "\(stem): number of \(row)")
        }
        for row in found where !goldKeys.contains("\(row.kind)@\(row.lineStart)") {
            Issue.record("\(stem): extra \(row)")
        }
        let exactSpans = gold.filter { g in foundByStart["\(g.kind)@\(g.lineStart)"]?.lineEnd == g.lineEnd }.count
        #expect(Double(exactSpans) / Double(gold.count) >= 0.95, "\(stem): \(exactSpans)/\(gold.count) spans exact")
    }

    @Test func report000HasSevenChaptersFourCasesAndATocOf33() throws {
        let doc = try Self.segment("000_775551c2d5871d3f")
        let chapters = doc.sections.filter { $0.kind == .chapter }
        #expect(chapters.map(\.title) == ["基本情况", "学生发展", "教学改革", "政策保障", "国际合作", "服务贡献", "面临挑战"])
        #expect(doc.sections.filter { $0.kind == .case }.count == 4)
        #expect(doc.toc.filter { $0.list == .contents }.count == 33)
        // The TOC is split by a page separator; its entries never become body headings.
        #expect(doc.sections.allSatisfy { $0.lineStart >= 62 || $0.kind == .frontMatter || $0.kind == .toc || $0.kind == .preface })
        let case4 = try #require(doc.sections.first { $0.kind == .case && $0.number == "4" })
        #expect(case4.lineStart == 307 && case4.lineEnd == 335)
        let table1 = try #require(doc.tables.first { $0.sectionId == "table1" })
        #expect(table1.rows.count >= 7)
        #expect(table1.rows.contains { $0.first == "上海市曹杨职业技术学校" && $0.contains("1282") })
    }

    @Test func report001ListsFiguresAndCasesAndSixAppendixTables() throws {
        let doc = try Self.segment("001_b73c7974c5d57faa")
        #expect(doc.toc.filter { $0.list == .contents }.count == 38)
        #expect(doc.sections.filter { $0.kind == .appendix }.count == 6)
        #expect(doc.sections.filter { $0.kind == .case }.count == 13)
        let entry = try #require(doc.toc.first { $0.number == "1.4" })
        #expect(entry.title == "师资建设" && entry.printedPage == "11")
        #expect(doc.frontMatter.title == "浦东新区中等职业教育质量年度报告")
        #expect(doc.frontMatter.region == "浦东新区")
        #expect(doc.frontMatter.reportYear == 2024)
        #expect(doc.frontMatter.issuer == "上海市浦东新区教育局")
        #expect(doc.frontMatter.published == "2025-02")
    }

    @Test func report002RejoinsWrappedLinesAndMovesFootnotesOut() throws {
        let doc = try Self.segment("002_a080b85a17935ede")
        let blocks = doc.clean.blocks
        // A wrapped paragraph is one block again, with the footnote marker `2` line gone.
        let joined = try #require(blocks.first { $0.text.contains("从本年度年报采集数据看，2020 年，71 所全日制中等职业学校中") })
        #expect(joined.start.line == 60)
        #expect(joined.spans.map(\.location.line).contains(70))
        #expect(doc.clean.footnotes.contains { $0.text.hasPrefix("1 数据来源") })
        #expect(!blocks.contains { $0.text.hasPrefix("数据来源：上海市教育事业统计资料汇编") })
        // The inline reference in `数据显示1，2019 年` is removed.
        #expect(blocks.contains { $0.text.contains("最新统计数据显示，2019 年") })
        #expect(doc.sections.filter { $0.kind == .chapter }.count == 9)
        #expect(doc.sections.filter { $0.kind == .case }.count == 30)
        #expect(doc.frontMatter.reportYear == 2020 && doc.frontMatter.region == "上海市")
    }

    @Test func report003RejoinsSentencesSplitByPageBreaks() throws {
        let doc = try Self.segment("003_a3d54043216b8f91")
        let sentence = try #require(doc.clean.blocks.first { $0.text.contains("共 2261 人，较上年增加 15.7%") })
        #expect(sentence.start.line == 67)
        // `…较上年增长 12.4%。两` continues after the page break on line 77.
        let broken = try #require(doc.clean.blocks.first { $0.spans.contains { $0.location.line == 75 } })
        #expect(broken.spans.map(\.location.line).contains(77))
        #expect(doc.frontMatter.reportYear == 2025 && doc.frontMatter.region == "静安区")
        #expect(doc.toc.filter { $0.list == .cases }.count == 6)
        #expect(doc.toc.contains { $0.number == "7.1" && $0.printedPage == "31" })
    }

    @Test func report004UsesTheChineseScheme() throws {
        let doc = try Self.segment("004_e7c8856d05d9f68a")
        #expect(doc.sections.filter { $0.kind == .chapter }.map(\.number) == ["一", "二", "三", "四"])
        #expect(doc.sections.filter { $0.kind == .section && $0.level == 2 }.count == 18)
        #expect(doc.frontMatter.title == "上海市职业教育发展“十四五”规划")
        #expect(doc.frontMatter.issuer == "上海市教育委员会")
        let last = try #require(doc.sections.first { $0.number == "四" })
        #expect(last.lineEnd == 221)
    }
}
