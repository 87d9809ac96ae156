import Foundation
import Testing
import NianbaoModel
import Extraction
import Cleaning
import Segmentation
@testable import Indicators

/// The statistics-table shapes of reports from anywhere: rows of education levels and kinds, and
/// cross-tabulations whose title names the indicator.
@Suite struct TableShapeTests {
    func summaries(_ rows: [[String]], caption: String, region: String = "上海市", year: Int = 2021) -> [String] {
        IndicatorSentence.extract([], region: region, year: year,
                                  tables: [IndicatorTableTests.table(rows, caption: caption)])
            .observations.map { "\(IndicatorSentence.summary($0)) [\($0.category ?? "-")]" }
    }

    @Test func levelRowsUnderAnIndicatorRowGiveOursAndTheirKinds() {
        let rows = [
            ["项目 Item", "2020", "2021"],
            ["学校数 (所) Number of Schools (unit)", "1764", "1771"],
            ["普通高等学校 Regular Institutions of Higher Education", "82", "83"],
            ["中等职业学校 Vocational Secondary Schools", "77", "78"],
            ["技工学校 Technical Schools", "54", "54"],
            ["小 学 Primary Schools", "992", "986"],
            ["专任教师 (人) Number of Full-time Teachers (person)", "194760", "202702"],
            ["中等职业学校 Vocational Secondary Schools", "7739", "6905"],
        ]
        // The all-level totals (1764, 194760) and other levels (82, 992) give nothing.
        #expect(summaries(rows, caption: "18-1 主要年份教育事业基本情况") == [
            "schools 上海市 2020 77 所 [-]", "schools 上海市 2021 78 所 [-]",
            "schools 上海市 2020 54 所 [技工学校]", "schools 上海市 2021 54 所 [技工学校]",
            "fulltime_teachers 上海市 2020 7739 人 [-]", "fulltime_teachers 上海市 2021 6905 人 [-]",
        ])
    }

    @Test func aRowNamingOursAndAnIndicatorTakesTheUnitItStates() {
        let rows = [["指标", "2022年", "2021年"], ["中等职业学校(机构)专任教师数(万人)", "4.63", "4.55"]]
        #expect(summaries(rows, caption: "") == ["fulltime_teachers 上海市 2022 46300 人 [-]",
                                                 "fulltime_teachers 上海市 2021 45500 人 [-]"])
    }

    @Test func aCrossTableGivesItsMarginsByCategory() {
        let rows = [
            ["年级", "电子商务", "会计", "总计"],
            ["2016级", "92", "118", "210"],
            ["2015级", "116", "130", "246"],
            ["总计", "208", "248", "456"],
        ]
        #expect(summaries(rows, caption: "2016学年在校生情况汇总表", year: 2017) == [
            "enrollment 上海市 2016 210 人 [2016级]", "enrollment 上海市 2016 246 人 [2015级]",
            "enrollment 上海市 2016 208 人 [电子商务]", "enrollment 上海市 2016 248 人 [会计]",
            "enrollment 上海市 2016 456 人 [-]",
        ])
    }

    /// Rows wider than the header (a cell the header names no column for) are read up to the header's width;
    /// the table once crashed the import.
    @Test func aCrossTableWithRowsWiderThanItsHeaderIsReadWithoutCrashing() {
        let rows = [
            ["年级", "电子商务", "总计"],
            ["2016级", "92", "210", "7"],
            ["总计", "208", "456", "9"],
        ]
        let found = summaries(rows, caption: "2016学年在校生情况汇总表", year: 2017)
        #expect(found.contains("enrollment 上海市 2016 456 人 [-]"))
        #expect(!found.contains { $0.contains(" 9 人") })
    }

    @Test func rowsNamedByAYearGiveThatYearsValuesAndAChangeRowNothing() {
        let rows = [
            ["年份", "电子商务", "会计", "总计"],
            ["2017届", "112", "167", "279"],
            ["2016届", "112", "90", "202"],
            ["同比", "0", "+77", "+77"],
        ]
        let found = summaries(rows, caption: "2017、2016届毕业生对比表")
        #expect(found.contains("graduates 上海市 2017 167 人 [会计]"))
        #expect(found.contains("graduates 上海市 2016 202 人 [-]"))
        #expect(found.count == 6)
    }

    @Test func nestedLevelsGiveCombinedCategoriesAndOtherLevelsTheirOwnIndicators() {
        // A made-up bureau table: levels by numbering, `其中:市属` under each, a whole nested in a whole.
        let rows = [
            ["", "机构数(个)", "招生数", "在校生数", "固定资产(亿元)"],
            ["总计", "300", "90000", "280000", "95.5"],
            ["其中:市属", "200", "50000", "150000", "40.1"],
            ["一、研究生教育", "5", "3000", "9000", ""],
            ["其中:市属", "2", "800", "2100", ""],
            ["二、高中阶段教育", "60", "20000", "60000", "20.0"],
            ["(一)中等职业教育", "30", "9000", "26000", "9.5"],
            ["其中:市属", "20", "7000", "20000", "8.0"],
            ["⒈中职学校", "25", "7500", "21000", "9.5"],
            ["其中:市属", "16", "6000", "17000", "8.0"],
            ["⒉技工学校", "5", "1500", "5000", ""],
            ["(二)普通高中", "30", "11000", "34000", "10.5"],
        ]
        let found = summaries(rows, caption: "")
        // The whole, 市属 as its category, the nested whole without the kind beside it, and that kind.
        #expect(found.contains("schools 上海市 2021 30 所 [-]"))
        #expect(found.contains("fixed_assets 上海市 2021 950000000 元 [-]"))
        #expect(found.contains("enrollment 上海市 2021 20000 人 [市属]"))
        #expect(found.contains("schools 上海市 2021 25 所 [不含技工学校]"))
        #expect(found.contains("new_enrollment 上海市 2021 6000 人 [不含技工学校/市属]"))
        #expect(found.contains("enrollment 上海市 2021 5000 人 [技工学校]"))
        // 普通高中 gives the indicators declared for its level; `高中阶段教育` is no such level.
        #expect(found.contains("general_enrollment 上海市 2021 34000 人 [-]"))
        #expect(!found.contains { $0.contains("60000") || $0.contains("20000 人 [-]") })
        // Totals over all levels, and `市属` under them or under another level, give nothing.
        #expect(!found.contains { $0.contains(" 300 ") || $0.contains(" 200 ") || $0.contains(" 2 所") || $0.contains(" 2100 ") })
        #expect(found.count == 4 + 4 + 4 + 4 + 3 + 2)
    }

    @Test func indicatorRowsUnderYearColumnsWithoutAUnitColumn() {
        // A name column headed 项目 and no 单位 column: each row's values under its year, the unit the row's own.
        let rows = [["项目", "2015学年", "2016学年"], ["文化课合格率(%)", "80", "82"], ["在校生数", "700", "750"]]
        #expect(summaries(rows, caption: "", year: 2016) == [
            "course_pass_rate 上海市 2015 80 % [-]", "course_pass_rate 上海市 2016 82 % [-]",
            "enrollment 上海市 2015 700 人 [-]", "enrollment 上海市 2016 750 人 [-]",
        ])
    }

    @Test func yearbookRowsGoBackBefore1990AndMarkedColumnsAreRead() {
        let rows = [["年份", "学校数(所)", "在校生数", "教职工数", "#专任教师数"],
                    ["1978", "9", "3419", "450", "196"], ["1998", "138", "46896", "4553", "2711"]]
        let found = summaries(rows, caption: "13-23 技工学校基本情况", year: 1998)
        #expect(found.contains("schools 上海市 1978 9 所 [技工学校]"))
        #expect(found.contains("staff_total 上海市 1978 450 人 [技工学校]"))
        #expect(found.contains("fulltime_teachers 上海市 1998 2711 人 [技工学校]"))
        #expect(found.count == 8)
    }

    @Test func aChangeRowUnderYearRowsIsTheLatestYearsChange() {
        let rows = [["年份", "学校数 (所)", "在校生数 (人)"], ["2019", "27", "94700"], ["2020", "27", "107867"],
                    ["变化情况", "-", "13167↑"]]
        let found = summaries(rows, caption: "表1: 2019-2020年办学规模及变化情况表", year: 2020)
        #expect(found.contains("enrollment 上海市 2020 13167 人 change [-]"))
        #expect(found.count == 5)
    }

    @Test func aTraditionalTablesQuoteAndRawValueKeepTheScriptAsPrinted() throws {
        let text = "2016年嘉興職業學校質量報告\n項目\t2015學年\t2016學年\n專業技能合格率(%)\t72\t75\n在校生數(萬人)\t0.27\t0.28\n"
        let source = try TextReader().read(path: "t.txt", data: Data(text.utf8), options: ReadOptions())
        let document = Segmenter(words: IndicatorFixtures.documentWords).segment(TextCleaner().clean(source), docId: "t")
        let found = IndicatorExtractor(rules: IndicatorFixtures.rules).extract(from: document).observations
        let rate = try #require(found.first { $0.indicator == "skill_pass_rate" && $0.year == 2016 })
        #expect(rate.quote == "專業技能合格率(%) | 72 | 75")
        let enrollment = try #require(found.first { $0.indicator == "enrollment" && $0.year == 2016 })
        #expect(enrollment.value == 2800 && enrollment.raw == "0.28")
        #expect(enrollment.quote == "在校生數(萬人) | 0.27 | 0.28")
    }

    @Test func aBreakdownUnderYearColumnsTakesItsIndicatorFromTheParagraphIntroducingIt() {
        let rows = [["序号", "专业类别", "2019年度", "2020年度", "年度数据对比"],
                    ["1", "机械类", "1172", "1065", "-9.1%"], ["2", "建筑类", "620", "674", "8.7%"]]
        let found = summaries(rows, caption: "各专业人数", year: 2020)
        #expect(found == ["enrollment 上海市 2019 1172 人 [机械类]", "enrollment 上海市 2020 1065 人 [机械类]",
                          "enrollment 上海市 2019 620 人 [建筑类]", "enrollment 上海市 2020 674 人 [建筑类]"])
        #expect(ExtractionRun.introducedTitle("学生年入学巩固率达95.7%。各专业人数分布如下:", introductions: IndicatorFixtures.rules.tableWords.introductions) == "各专业人数")
        #expect(ExtractionRun.introducedTitle("学生年入学巩固率达95.7%。", introductions: IndicatorFixtures.rules.tableWords.introductions) == nil)
    }
}

