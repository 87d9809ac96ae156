import Testing
import Foundation
import NianbaoModel
@testable import Cleaning
@testable import Extraction

/// Tables printed as text: each shape on a small made-up table, then on the real captures in
/// `../shared/corpus/real` (row counts, one row's cells and the lines they were printed on).
@Suite struct TextTableTests {
    func read(_ text: String, path: String = "t.txt") throws -> SourceDocument {
        try TextReader().read(path: path, data: Data(text.utf8), options: ReadOptions())
    }

    func clean(_ text: String) throws -> CleanDocument {
        TextCleaner().clean(try read(text))
    }

    func real(_ stem: String) throws -> CleanDocument {
        TextCleaner().clean(try Readers.read(path: TestPaths.corpus.appendingPathComponent("real/\(stem).txt").path))
    }

    func rows(_ document: CleanDocument) -> [Block] { document.blocks.filter { $0.kind == .tableRow } }

    func row(_ document: CleanDocument, at line: Int) -> Block? {
        rows(document).first { $0.start.line == line }
    }

    func lines(_ block: Block?) -> [Int] { block?.cellLocations?.map(\.line) ?? [] }

    // MARK: Markdown and pipe rows

    @Test func markdownTableWithSeparatorAndEmptyCells() throws {
        let doc = try clean("""
        表 1 主要指标
        | 指标 | 2022年 | 2023年 |
        |---|:---:|---|
        | 在校生数 | 1200 | 1300 |
        | 专任教师数 | 80 | ||
        """)
        #expect(doc.blocks.map(\.kind) == [.paragraph, .tableRow, .tableRow, .tableRow])
        #expect(doc.blocks[0].text == "表 1 主要指标")
        #expect(rows(doc).map(\.cells) == [["指标", "2022年", "2023年"], ["在校生数", "1200", "1300"], ["专任教师数", "80"]])
        #expect(lines(row(doc, at: 4)) == [4, 4, 4])
    }

    @Test func markdownTableOnOneLine() throws {
        let doc = try clean("各校人数如下：\n| 学校 | 在校生 | |---|---| | 甲校 | 320 | | 乙校 | 290 |\n以上为全部学校。")
        #expect(rows(doc).map(\.cells) == [["学校", "在校生"], ["甲校", "320"], ["乙校", "290"]])
        #expect(rows(doc).allSatisfy { lines($0) == [2, 2] })
        #expect(doc.blocks.first?.text == "各校人数如下：")
        #expect(doc.blocks.last?.text == "以上为全部学校。")
    }

    @Test func pipeRowsWithATrailingBar() throws {
        let doc = try clean("序号 | 专业 | 人数 |\n1 | 机械类 | 120 |\n2 | 电商类 | 98 |")
        #expect(rows(doc).map(\.cells) == [["序号", "专业", "人数"], ["1", "机械类", "120"], ["2", "电商类", "98"]])
    }

    @Test func barsInRunningTextAreNotATable() throws {
        let doc = try clean("简体版|繁体版\n首页 | 新闻\n正文第一句。")
        #expect(rows(doc).isEmpty)
    }

    @Test func realPipeRows() throws {
        // r03: one row per line, trailing bar, 序号 first.
        let r03 = try real("r03")
        #expect(rows(r03).count == 6)
        #expect(row(r03, at: 10)?.cells == ["4", "学前教育类", "742", "712", "-4%"])
        // r18: Markdown with a separator row and rows that stop after their first value (`| 5.27 | ||||||||`).
        let r18 = try real("r18")
        #expect(rows(r18).count == 10)
        #expect(rows(r18).first?.cells?.count == 10)
        #expect(row(r18, at: 5)?.cells?.last == "4.33")
        #expect(row(r18, at: 4)?.cells?.count == 2)
    }

    // MARK: One cell per line

    @Test func oneCellPerLine() throws {
        let doc = try clean("""
        表 2 学生素质
        项目 |
        2022学年 |
        2023学年 |
        文化课合格率(%) |
        80 |
        82 |
        体质测评合格率(%) |
        95.8 |
        96.2 |
        说明：数据来自学校统计。
        """)
        #expect(doc.blocks.first?.kind == .paragraph)
        #expect(rows(doc).map(\.cells) == [["项目", "2022学年", "2023学年"], ["文化课合格率(%)", "80", "82"],
                                           ["体质测评合格率(%)", "95.8", "96.2"]])
        let second = try #require(row(doc, at: 5))
        #expect(lines(second) == [5, 6, 7])
        // The row's text maps back to the line of each cell.
        #expect(second.location(atOffset: second.text.count - 1) == SourceLocation(page: 1, line: 7))
        #expect(doc.blocks.last?.text == "说明：数据来自学校统计。")
    }

    @Test func oneCellPerLineWithoutRowLabels() throws {
        // Header of four, then one row of four values: the header is the whole leading run of words.
        let doc = try clean("计划招生数 |\n实际录取数 |\n报到数 |\n报到率 |\n1000 |\n1000 |\n820 |\n82% |")
        #expect(rows(doc).map(\.cells) == [["计划招生数", "实际录取数", "报到数", "报到率"], ["1000", "1000", "820", "82%"]])
    }

    @Test func cellsBetweenBarLines() throws {
        let doc = try clean("|\n|\n学校数 Schools\n|\n教师数 Teachers\n|\n|\n一、中等教育 Secondary\n|\n|\n|\n|\n普通中专 Regular\n|\n(12)\n|\n—\n|\n|\n职业高中 Vocational\n|\n30\n|\n|\n|")
        #expect(rows(doc).map(\.cells) == [["", "学校数 Schools", "教师数 Teachers"], ["一、中等教育 Secondary"],
                                           ["普通中专 Regular", "(12)", "—"], ["职业高中 Vocational", "30"]])
        #expect(lines(row(doc, at: 13)) == [13, 15, 17])
    }

    @Test func realOneCellPerLine() throws {
        let r04 = try real("r04")
        // 表1-1-4 (5 rows of 11), 1-1-5 (3), 1-1-6 (4), 1-1-7 (2): the captions stay paragraphs.
        #expect(rows(r04).count == 14)
        #expect(r04.blocks.contains { $0.kind == .paragraph && $0.text == "表1-1-4 2016学年在校生情况汇总表" })
        let grade2015 = try #require(row(r04, at: 26))
        #expect(grade2015.cells?.first == "2015级")
        #expect(grade2015.cells?.last == "922")
        #expect(lines(grade2015) == Array(26...36))
        #expect(row(r04, at: 5) == nil)
        #expect(rows(r04).first?.cells?[1] == "电子商务")
        #expect(row(r04, at: 128)?.cells == ["1000", "1000", "820", "82%"])

        let r05 = try real("r05")
        #expect(row(r05, at: 12)?.cells == ["專業技能合格率(%)", "72", "75"])
        #expect(lines(row(r05, at: 12)) == [12, 13, 14])

        let r09 = try real("r09")
        #expect(row(r09, at: 21)?.cells == ["变化情况", "-", "13167↑", "1738↑", "↓"])
        #expect(lines(row(r09, at: 21)) == [21, 22, 23, 24, 25])
        // The capture stops mid-table: the last row is cut short, its missing cell on a line without a bar.
        #expect(row(r09, at: 38)?.cells?.count == 6)
        #expect(r09.blocks.contains { $0.kind == .paragraph && $0.text.hasPrefix("数据来源") })

        let r20 = try real("r20")
        #expect(rows(r20).count == 25)
        let postgraduate = try #require(row(r20, at: 16))
        #expect(postgraduate.cells?.dropFirst() == ["(827)", "—", "—"])
        #expect(postgraduate.cells?.first?.hasSuffix("Institutions Providing Postgraduate Programs") == true)
        #expect(lines(postgraduate) == [16, 18, 20, 22])
        #expect(row(r20, at: 10)?.cells == ["一、高等教育 Higher Education"])
        #expect(row(r20, at: 2)?.cells?.count == 4)
    }

    // MARK: Space-separated columns

    @Test func paddedColumnsKeepEmptyCells() throws {
        let doc = try clean("""
        表 3 各类学校情况
          学校数 招生数 在校生数 教职工
          1.中等职业学校 10 4493 14609 726
               #普通中专 3 3357 10097 423
               成人中专   60 186  
          2.小    学 71 12127 74649 3861
        """)
        #expect(doc.blocks.first?.kind == .paragraph)
        // (the header names the value columns only: the label's column is left empty)
        #expect(rows(doc).map(\.cells) == [["", "学校数", "招生数", "在校生数", "教职工"],
                                           ["1.中等职业学校", "10", "4493", "14609", "726"],
                                           ["#普通中专", "3", "3357", "10097", "423"],
                                           ["成人中专", "", "60", "186"],
                                           ["2.小学", "71", "12127", "74649", "3861"]])
    }

    @Test func alignedColumnsWithBilingualLabels() throws {
        let doc = try clean("""
        项   目   Item                      2022       2023
        在校学生数 Enrollment               1200       1300
         高 中     Senior Secondary          400
         初 中     Junior Secondary                     350
        """)
        #expect(rows(doc).map(\.cells) == [["项目 Item", "2022", "2023"], ["在校学生数 Enrollment", "1200", "1300"],
                                           ["高中 Senior Secondary", "400"], ["初中 Junior Secondary", "", "350"]])
    }

    @Test func proseEndingInNumbersIsNotATable() throws {
        let doc = try clean("学校占地面积 105.83 亩，建筑面积 46913\n平方米，图书 12 万册，2019 2020 两年均有增长。")
        #expect(rows(doc).isEmpty)
    }

    @Test func wrappedHeaderIsStackedIntoOneRowOfNames() throws {
        // A made-up yearbook table: names wrapped over lines, units on lines of their own, a `其中` line.
        let doc = try clean("""
        表 3 各类学校基本情况
           学校数(所) 招生数 在校
             学生数
        教职工数 校舍面积
             (万平方米)
        其中:专任教师
        甲类学校 12 3400 9800 900 610 12.50
        乙类学校 5 1200 3300 260 180 4.75
        """)
        #expect(row(doc, at: 2)?.cells == ["", "学校数(所)", "招生数", "在校学生数", "教职工数", "其中:专任教师", "校舍面积(万平方米)"])
        #expect(lines(row(doc, at: 2)) == [2, 2, 2, 2, 4, 6, 4])
        #expect(row(doc, at: 7)?.cells == ["甲类学校", "12", "3400", "9800", "900", "610", "12.50"])
    }

    @Test func subColumnsTheValuesDoNotPlaceStayUnnamed() throws {
        // `其中:女` fits after either count in every row: no name rather than a guess.
        let ambiguous = try clean("""
           学校数 招生数 在校
             生数
        其中:女
        甲区 3 300 250 200
        乙区 2 200 180 150
        """)
        #expect(row(ambiguous, at: 1)?.cells == ["", "学校数", "招生数"])  // trailing empty cells are not kept
        // Where one row rules a place out (a part larger than its column), the other is taken.
        let placed = try clean("""
           招生数 在校
             生数
        其中:女
        甲区 300 900 250
        乙区 200 700 150
        """)
        #expect(row(placed, at: 1)?.cells == ["", "招生数", "在校生数", "其中:女"])
    }

    @Test func wrappedHeaderThatDoesNotAddUpIsKeptAsPrinted() throws {
        let doc = try clean("""
           学校数 招生数
             在校生数 教职工数 专任教师数
        甲区 3 300 900
        乙区 2 200 700
        """)
        #expect(row(doc, at: 1)?.cells == ["学校数", "招生数"])
    }

    @Test func realSpaceSeparatedTables() throws {
        let r13 = try real("r13")
        #expect(row(r13, at: 18)?.cells?.count == 13)
        #expect(row(r13, at: 34)?.cells == ["⒉技工学校", "23", "5262", "8156", "19604", "", "", "2175", "", "1689"])
        #expect(row(r13, at: 21)?.cells == ["其中:市属", "", "95", "188", "446", "246"])
        // The header, wrapped over nine lines, becomes one row of names; the `其中` sub-columns listed on its
        // last line are placed where the values allow, and the two the values leave open get no name.
        #expect(row(r13, at: 9)?.cells == ["", "机构数(个)", "毕业生数", "招生数", "在校生数", "", "", "教职工数", "其中:女",
                                           "其中:专任教师", "占地面积(万平方米)", "建筑面积(万平方米)", "固定资产(亿元)"])
        #expect(rows(r13).count == 1 + 19)
        // Each name keeps the line its first word was printed on.
        #expect(lines(row(r13, at: 9)).dropFirst().prefix(5) == [9, 9, 9, 9, 9])
        #expect(lines(row(r13, at: 9))[7] == 11)

        let r14 = try real("r14")
        #expect(r14.blocks.first?.kind == .paragraph)
        #expect(r14.blocks.first?.text == "10-15  市区教育事业基本情况")
        #expect(rows(r14).count == 13)
        #expect(row(r14, at: 12)?.cells == ["成人中专", "", "60", "40", "186"])
        #expect(row(r14, at: 14)?.cells?.first == "4.小学")
        // Three header lines stacked into six names: `在  校` + `学生数` + `(人)`, `#专任` + `教师`.
        #expect(row(r14, at: 3)?.cells == ["", "学校数(所)", "招生数(人)", "毕业生数(人)", "在校学生数(人)", "教职工人数(人)", "#专任教师"])

        let r15 = try real("r15")
        #expect(rows(r15).count == 23)
        #expect(row(r15, at: 6)?.cells == ["中等职业学校 Vocational Secondary Schools", "77", "78"])
        #expect(row(r15, at: 3)?.cells == ["项目 Item", "2020", "2021"])
        #expect(lines(row(r15, at: 6)) == [6, 6, 6])
    }

    // MARK: Box drawing

    @Test func boxDrawnTableWithAHeaderOverLines() throws {
        let doc = try clean("""
        表 4 技工学校基本情况
        单位：人
        ────┬────┬────┬─────
            │学校数│    ┌───
        年 份│    │在校生│#专 任
            │(所) │    │ 教师
        ────┼────┼────┼────┼────
        2020│  9 │ 3419│ 196
        2021│ 10 │     │ 210
        ────┴────┴────┴────┴────
        """)
        #expect(doc.blocks.prefix(2).map(\.kind) == [.paragraph, .paragraph])
        #expect(rows(doc).map(\.cells) == [["年份", "学校数(所)", "在校生", "#专任教师"], ["2020", "9", "3419", "196"],
                                           ["2021", "10", "", "210"]])
        #expect(lines(row(doc, at: 5)) == [5, 4, 5, 5])
    }

    @Test func asciiRulesAroundPipeRows() throws {
        let doc = try clean("+------+-----+\n| 学校 | 人数 |\n+------+-----+\n| 甲校 | 320 |\n+------+-----+")
        #expect(rows(doc).map(\.cells) == [["学校", "人数"], ["甲校", "320"]])
    }

    @Test func realBoxDrawnTable() throws {
        let r17 = try real("r17")
        #expect(rows(r17).count == 17)
        #expect(rows(r17).first?.cells == ["年份", "学校数(所)", "在校生数", "招生数", "毕业生数", "教职工数", "#专任教师数"])
        #expect(row(r17, at: 10)?.cells == ["1985", "35", "", "8819", "5846"])
        #expect(row(r17, at: 23)?.cells?.last == "2711")
        #expect(r17.blocks.map(\.text).prefix(2) == ["13-23 技工学校基本情况", "单位:人"])
        #expect(r17.blocks.last?.kind == .paragraph)
    }

    // MARK: Held-out captures, looked at only after the shapes were written

    @Test func heldOutPipeTableWithItsTitleInsideTheFrame() throws {
        let r16 = try real("r16")
        #expect(r16.blocks.prefix(2).map(\.kind) == [.paragraph, .paragraph])
        #expect(r16.blocks.first?.text == "17-8 各类学校数及在校学生数")
        #expect(rows(r16).count == 17)
        #expect(row(r16, at: 3)?.cells == ["项目", "Item", "2014", "2015"])
        #expect(row(r16, at: 14)?.cells == ["中等职业学校", "Vocational Secondary Schools", "244585", "237130"])
    }

    @Test func heldOutCellsOpenedByABar() throws {
        let r19 = try real("r19")
        let total = try #require(row(r19, at: 55))
        #expect(total.cells == ["一.中職學生計 Students of SVSs", "3011438", "1393781", "4241166", "3927843", "3706506",
                                "10635841", "3029702"])
        #expect(lines(total) == Array(55...62))
        #expect(row(r19, at: 75)?.cells?.count == 8)
    }

    @Test func aTableTitlePrintedInsideTheFrameIsText() throws {
        let doc = try clean("| 表5 各校情况 | ||\n| 学校 | 人数 |\n| 甲校 | 320 |")
        #expect(doc.blocks.map(\.kind) == [.paragraph, .tableRow, .tableRow])
        #expect(doc.blocks.first?.text == "表5 各校情况")
    }

    // MARK: Readers keep other lines as they were

    @Test func theFiveRealReportsGainNoTextTables() throws {
        for stem in TestPaths.realStems {
            let document = try Readers.read(path: TestPaths.realReport(stem))
            #expect(!document.allLines.contains { $0.cellLocations != nil }, "\(stem)")
        }
    }
}
