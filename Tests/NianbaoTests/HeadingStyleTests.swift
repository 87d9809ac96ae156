import Testing
import Foundation
import NianbaoModel
@testable import Cleaning
@testable import Segmentation
@testable import Extraction
@testable import NianbaoPipeline

/// Headings of document styles other than the five reports': run-in task headings, `第N章`/`第N部分`,
/// appendix tables; lists written `一是…二是…` stay body text.
@Suite struct HeadingStyleTests {
    func segment(_ text: String) throws -> SegmentedDocument {
        let source = try TextReader().read(path: "t.txt", data: Data(text.utf8), options: ReadOptions())
        return Segmenter(words: IndicatorFixtures.documentWords).segment(TextCleaner().clean(source), docId: "t")
    }

    func segmentFile(_ path: String) throws -> SegmentedDocument {
        Pipeline().segment(try Readers.read(path: path), docId: "t")
    }

    func body(_ doc: SegmentedDocument) -> [Section] {
        doc.sections.filter { $0.kind != .frontMatter && $0.kind != .toc }
    }

    @Test func runInLeadShapes() {
        #expect(RunInHeading.shape("1. 坚持立德树人。全面贯彻落实党的教育方针，坚持社", words: .shipped)?.title == "坚持立德树人")
        #expect(RunInHeading.shape("4. 推进现代学徒制。到 2025 年，开展现代学徒制", words: .shipped)?.number == "4")
        #expect(RunInHeading.shape("(二)学生情况 学校现有全日制在校生646人。2024年、2025年招生", words: .shipped)?.title == "学生情况")
        #expect(RunInHeading.shape("（一）加强组织领导。各区要把职业教育摆在重要位置。", words: .shipped)?.title == "加强组织领导")
        // A numbered sentence, a lead with nothing after it, a lead too long to be a title: not run-in headings.
        #expect(RunInHeading.shape("1. 坚持立德树人，全面落实各项工作要求，努力培养社会主义建设者。", words: .shipped) == nil)
        #expect(RunInHeading.shape("2. 坚持需求导向。", words: .shipped) == nil)
        #expect(RunInHeading.shape("3. 学校以服务区域经济社会发展为宗旨并持续深化产教融合校企合作工作。其余略。", words: .shipped) == nil)
        #expect(RunInHeading.shape("一是加强内涵建设，不断增强学校特色。二是提升质量。", words: .shipped) == nil)
        #expect(RunInHeading.shape("2所是民办学校。另有 3 所公办学校。", words: .shipped) == nil)
    }

    @Test func ordinalHeadingShapes() {
        #expect(HeadingShape.parse("第一章 总则")?.scheme == .ordinalPart)
        #expect(HeadingShape.parse("第一章 总则")?.title == "总则")
        #expect(HeadingShape.parse("第二部分 主要任务")?.components == [2])
        #expect(HeadingShape.parse("第十二节 保障措施")?.scheme == .ordinalSection)
        #expect(HeadingShape.parse("第3章 发展目标")?.number == "3")
        #expect(HeadingShape.parse("第一，要坚持立德树人") == nil)
        #expect(HeadingShape.parse("第3名获得者") == nil)
    }

    /// Caption labels and ordinal units are the rules' words: another style's are added there, not in code.
    @Test func headingLabelsComeFromTheRules() {
        #expect(HeadingShape.parse("附表 2 各校办学条件")?.scheme == .appendix)
        #expect(HeadingShape.parse("图表 3 招生情况")?.scheme == .figure)
        #expect(HeadingShape.parse("表格 3 招生情况") == nil)
        var words = DocumentWords.shipped
        words.headingLabels.tables = ["表格", "表"]
        words.headingLabels.sectionUnits = ["节", "条"]
        #expect(HeadingShape.parse("表格 3 招生情况", words: words)?.scheme == .table)
        #expect(HeadingShape.parse("表格 3 招生情况", words: words)?.title == "招生情况")
        #expect(HeadingShape.parse("第五条 经费保障", words: words)?.scheme == .ordinalSection)
    }

    @Test func planTasksAreSectionsWithTheirBodies() throws {
        // The five-year plan of the sample corpus: tasks 1.–11. numbered on through 三's sections.
        let doc = try segmentFile(TestPaths.repoRoot.appendingPathComponent("corpus/jianghai-plan-2022.txt").path)
        let tasks = body(doc).filter { $0.level == 3 && $0.lineStart >= 84 }
        #expect(tasks.map(\.number) == (1...11).map { String($0) })
        let apprenticeship = try #require(tasks.first { $0.title == "推进现代学徒制" })
        #expect(apprenticeship.lineStart == 94)
        // The body stays in the section: the paragraph with the 2025 target is the heading's own block.
        #expect(doc.clean.blocks[apprenticeship.blockStart].text.contains("到 2025 年"))
        let parent = try #require(doc.sections.first { $0.id == apprenticeship.parent })
        #expect(parent.title == "深化产教融合")
        // 1.–3. under 二、（三）基本原则 start their own run.
        #expect(body(doc).filter { $0.level == 3 && (76...80).contains($0.lineStart) }.map(\.title)
                == ["坚持服务发展", "坚持质量为先", "坚持统筹推进"])
    }

    @Test func realPlanRunInHeadings() throws {
        let doc = try segmentFile(TestPaths.realReport("004_e7c8856d05d9f68a"))
        let first = try #require(body(doc).first { $0.lineStart == 99 })
        #expect(first.title == "坚持立德树人" && first.level == 3 && first.lineEnd == 101)
        #expect(doc.sections.first { $0.id == first.parent }?.title == "总体原则")
        let task26 = try #require(body(doc).first { $0.lineStart == 201 })
        #expect(task26.number == "26" && task26.title == "服务国家重大战略需求")
    }

    @Test func runInHeadingsSeparatedByASpace() throws {
        let doc = try segmentFile(TestPaths.corpus.appendingPathComponent("real/r06.txt").path)
        let sections = body(doc).filter { $0.kind == .section }
        #expect(sections.prefix(4).map(\.title) == ["学校概况", "学生情况", "教师队伍", "设施设备"])
        #expect(sections.first?.lineStart == 4)
    }

    @Test func listsWithOrdinalWordsStayBodyText() throws {
        let doc = try segment("""
        一、基本情况
        （一）办学规模
        一是加强内涵建设，不断增强学校特色。二是提升专业水平。三是深化产教融合。
        （二）师资队伍
        全区专任教师 311 人。
        二、学生发展
        学生巩固率 98%。
        """)
        #expect(body(doc).map(\.title) == ["基本情况", "办学规模", "师资队伍", "学生发展"])
    }

    @Test func decimalReportsKeepNumberedParagraphsAsBody() throws {
        let doc = try segment("""
        1 基本情况
        1.1 办学规模
        全区共有中职学校 3 所。
        1. 坚持立德树人。全面贯彻党的教育方针，各校落实课程思政。
        2. 坚持产教融合。推动校企合作。
        1.2 教师队伍
        专任教师 421 人。
        2 学生发展
        学生巩固率 98%。
        """)
        #expect(body(doc).map(\.title) == ["基本情况", "办学规模", "教师队伍", "学生发展"])
    }

    @Test func ordinalChaptersAndSections() throws {
        let doc = try segment("""
        江海市职业教育条例
        第一章 总则
        第一节 目的和依据
        一、立法目的
        为了发展职业教育，制定本条例。
        二、适用范围
        本条例适用于本市各类职业学校。
        第二节 基本原则
        职业教育坚持立德树人。
        第二章 职业学校
        第一节 设立
        设立职业学校应当具备条件。
        """)
        let rows = body(doc).map { "\($0.level) \($0.number ?? "") \($0.title)" }
        #expect(rows == ["1 一 总则", "2 一 目的和依据", "3 一 立法目的", "3 二 适用范围", "2 二 基本原则",
                         "1 二 职业学校", "2 一 设立"])
        #expect(body(doc).first?.kind == .chapter)
    }

    @Test func partsAboveChineseNumbering() throws {
        let doc = try segment("""
        第一部分 发展基础
        一、主要成效
        在校生 5,745 人。
        二、面临问题
        专业布局有待优化。
        第二部分 主要任务
        一、优化布局
        （一）学校布局
        1. 推进学校布局调整。对规模小的学校进行整合。
        2. 动态调整专业设置。每年发布专业目录。
        """)
        let rows = body(doc).map { "\($0.level) \($0.number ?? "") \($0.title)" }
        #expect(rows == ["1 一 发展基础", "2 一 主要成效", "2 二 面临问题", "1 二 主要任务", "2 一 优化布局",
                         "3 （一） 学校布局", "4 1 推进学校布局调整", "4 2 动态调整专业设置"])
    }

    @Test func appendixTablesWithoutChapters() throws {
        let doc = try segment("""
        2023年全市中职招生情况通报
        全市中职学校共招生 1,486 人，详见附表。
        附表 1 2023年各校招生情况
        学校\t招生数
        临湖职校\t628
        交通学校\t506
        """)
        let appendix = try #require(doc.sections.first { $0.kind == .appendix })
        #expect(appendix.number == "1")
        #expect(appendix.title == "2023年各校招生情况")
        #expect(doc.tables.first?.sectionId == appendix.id)
        #expect(doc.tables.first?.rows.count == 3)
    }
}
