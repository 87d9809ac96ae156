import Foundation
import Testing
import NianbaoModel
@testable import Indicators

/// Tables built like the real reports' (rows of cells with their source lines).
@Suite struct IndicatorTableTests {
    static func table(_ rows: [[String]], caption: String, firstLine: Int = 100) -> TableData {
        TableData(sectionId: "s1", caption: caption, rows: rows,
                  rowLocations: rows.indices.map { SourceLocation(page: 1, line: firstLine + $0) })
    }

    /// A yearbook's table of secondary vocational education (made-up city and figures): a `其中：民办` row is the
    /// row above's indicator for that kind, and a `2021年比上年增长（%）` column each row's growth that year.
    @Test func aKindRowUnderAnIndicatorAndAGrowthColumn() {
        let rows = [
            ["指标", "2020年", "2021年", "2021年比上年增长（%）"],
            ["学校数（所）", "30", "28", "-6.7"],
            ["其中：民办", "9", "8", "-11.1"],
            ["在校生数", "47806", "49962", "4.5"],
        ]
        let result = IndicatorSentence.extract([], region: "宝鸡市", year: 2021,
                                               tables: [Self.table(rows, caption: "表18-6 中等职业教育基本情况")])
        #expect(result.observations.map { "\($0.indicator) \($0.year ?? 0) \($0.value) \($0.unit) \($0.category ?? "-")\($0.qualifier == .change ? " change" : "")" } == [
            "schools 2020 30 所 -", "schools 2021 28 所 -", "schools 2021 -6.7 % - change",
            "schools 2020 9 所 民办", "schools 2021 8 所 民办", "schools 2021 -11.1 % 民办 change",
            "enrollment 2020 47806 人 -", "enrollment 2021 49962 人 -", "enrollment 2021 4.5 % - change",
        ])
        // Without a kind in any row the table is read by indicator rows; the growth column is read the same.
        let plain = IndicatorSentence.extract([], region: "宝鸡市", year: 2021, tables: [Self.table(
            [["指标", "2020年", "2021年", "2021年比上年增长（%）"], ["招生数", "17530", "18215", "3.9"]],
            caption: "表2-3 主要指标")])
        #expect(plain.observations.map { "\($0.indicator) \($0.year ?? 0) \($0.value) \($0.unit)\($0.qualifier == .change ? " change" : "")" } == [
            "new_enrollment 2020 17530 人", "new_enrollment 2021 18215 人", "new_enrollment 2021 3.9 % change"])
    }

    /// A plan's indicator table: a base-year column and a target-year column whose headers say so
    /// (`2022年（基期）`, `2025年（目标）`); the target column's values are targets.
    @Test func baseAndTargetYearColumnsOfAPlansTable() {
        let rows = [
            ["序号", "指标", "单位", "2022年（基期）", "2025年（目标）", "属性"],
            ["1", "中等职业学校数", "所", "38", "30左右", "预期性"],
            ["2", "在校生数", "万人", "7.46", "8以上", "预期性"],
        ]
        let result = IndicatorSentence.extract([], region: "静安区", year: 2023, tables: [Self.table(rows, caption: "主要指标")])
        #expect(result.observations.map { "\($0.indicator) \($0.year ?? 0) \($0.value)\($0.qualifier.map { " " + $0.rawValue } ?? "")" } == [
            "schools 2022 38", "schools 2025 30 target", "enrollment 2022 74600", "enrollment 2025 80000 target",
        ])
    }

    /// `全日制在校生数` standing alone is the enrollment, as in a sentence (under `其中` the attribute is a part).
    @Test func anAttributeOpeningALabelIsAPartOnlyUnderItsTotal() {
        let alone = IndicatorSentence.extract([], region: "静安区", year: 2023, tables: [Self.table(
            [["指标", "2022年", "2023年"], ["全日制在校生数（人）", "3518", "3652"]], caption: "主要指标")])
        #expect(alone.observations.map { "\($0.indicator) \($0.value) \($0.category ?? "-")" } == [
            "enrollment 3518 -", "enrollment 3652 -"])
    }

    @Test func levelRowsAreNamedByTheirNumberedRowAndGroupedUnderItsTotal() {
        let rows = [
            ["序号", "指标", "单位", "2023年", "2024年"],
            ["6", "专业教学资源库数", "个", "47", "45"],
            ["", "其中：国家级数量", "个", "0", "0"],
            ["", "接入国家智慧教育平台数", "个", "0", "0"],
            ["", "省级数量", "个", "0", "13"],
            ["", "校级数量", "个", "47", "26"],
            ["8", "虚拟仿真实训基地数", "个", "4", "2"],
            ["", "其中：国家级数量", "个", "0", "0"],
        ]
        let result = IndicatorSentence.extract([], region: "浦东新区", year: 2024,
                                               tables: [Self.table(rows, caption: "表3 教学资源表")])
        let found = result.observations.map(IndicatorSentence.summary)
        #expect(found.contains("teaching_resource_libraries_provincial 浦东新区 2024 13 个"))
        #expect(found.contains("teaching_resource_libraries_school 浦东新区 2023 47 个"))
        // 国家级数量 under a row no rule qualifies is nothing.
        #expect(result.observations.filter { $0.indicator == "teaching_resource_libraries_national" }.count == 2)
        let groups = Dictionary(grouping: result.observations.filter { $0.group != nil }, by: { $0.year ?? 0 })
        for year in [2023, 2024] {
            let group = groups[year] ?? []
            #expect(group.filter { $0.role == .total }.map(\.indicator) == ["teaching_resource_libraries"])
            #expect(group.filter { $0.role == .part }.count == 3)
            #expect(Set(group.map(\.group)).count == 1)
        }
    }

    /// A statistics series whose rows each name the category and what they count: a row counting something
    /// no rule knows is not the row above's indicator; an external teacher is a part-time one.
    @Test func aCategoryRowNamingSomethingUnknownTakesNotTheIndicatorAbove() {
        let rows = [
            ["指标", "2022年", "2021年"],
            ["中等职业学校(机构)专任教师数(万人)", "4.63", "4.55"],
            ["中等职业学校(机构)校本部行政人员数(万人)", "0.28", ""],
            ["中等职业学校(机构)校本部工勤人员数(万人)", "0.35", ""],
            ["中等职业学校(机构)聘请校外教师数(万人)", "0.6", ""],
        ]
        let result = IndicatorSentence.extract([], region: "江苏省", year: 2022, tables: [Self.table(rows, caption: "")])
        let found = result.observations.map { "\($0.indicator) \($0.year ?? 0) \($0.value)" }.sorted()
        #expect(found == ["fulltime_teachers 2021 45500", "fulltime_teachers 2022 46300", "parttime_teachers 2022 6000"],
                "\(found)")
    }

    /// Indicator columns over one row of numbers: the row is the table's entity in its caption's year.
    @Test func oneRowUnderIndicatorColumnsIsTheTablesEntity() {
        let rows = [["计划招生数(人)", "实际录取数(人)", "报到数(人)", "报到率"], ["1000", "1000", "820", "82%"]]
        let result = IndicatorSentence.extract([], region: "静安区", year: 2017,
                                               tables: [Self.table(rows, caption: "2016年学校计划招生数、实际录取数及报到率")])
        let found = result.observations.map { "\($0.indicator) \($0.year ?? 0) \($0.value)" }
        #expect(found == ["new_enrollment 2016 820"], "\(found)")
        // Two such rows name nothing that tells them apart: nothing is read.
        let twoRows = IndicatorSentence.extract([], region: "静安区", year: 2017, tables: [
            Self.table(rows + [["900", "900", "800", "89%"]], caption: "2016年学校计划招生数、实际录取数及报到率")])
        #expect(twoRows.observations.isEmpty)
    }

    @Test func yearColumnsWithSubRowsContinuationsAndDashes() {
        let rows = [
            ["序号", "指标", "单位", "2023年", "2024年"],
            ["1", "毕业生人数", "人", "3913", "3552"],
            ["2", "毕业去向落实人数", "人", "3822", "3478"],
            ["", "其中：升学人数", "人", "3148", "2878"],
            ["3", "年财政专项经费", "万元", "10878.00", "11974.00"],
            ["4", "“双师型”教师比例", "%", "-", "80.90"],
            ["5", "中外合作办学专业数", "个", "1", "1"],
            ["", "其中：在校生数", "人", "0", "0"],
            ["6", "教学计划内课程总数", "门", "3077", "2531"],
            ["", "", "学时", "282633", "265677"],
            ["在线精品课程数", "门", "21", "31", ""],
        ]
        let result = IndicatorSentence.extract([], region: "浦东新区", year: 2024,
                                               tables: [Self.table(rows, caption: "表1 人才培养质量计分卡")])
        let found = result.observations.map(IndicatorSentence.summary)
        #expect(found.contains("graduates 浦东新区 2023 3913 人"))
        #expect(found.contains("further_study 浦东新区 2024 2878 人"))
        #expect(found.contains("special_funding 浦东新区 2024 119740000 元"))
        #expect(found.contains("dual_qualified_ratio 浦东新区 2024 80.9 %"))
        #expect(!found.contains { $0.hasPrefix("dual_qualified_ratio 浦东新区 2023") }, "`-` is no value")
        #expect(!found.contains { $0.hasPrefix("enrollment") }, "a count under an unknown row is not enrollment")
        #expect(found.contains("online_courses 浦东新区 2024 31 门"), "a row shifted one cell left is read in place")
        let funding = result.observations.first { $0.indicator == "special_funding" && $0.year == 2024 }
        #expect(funding?.raw == "11974.00" && funding?.decimals == 2 && funding?.fromTable == true && funding?.line == 104)
        #expect(funding?.quote == "3 | 年财政专项经费 | 万元 | 10878.00 | 11974.00")
    }

    @Test func schoolRowsWithTotalShareAGroup() {
        let rows = [
            ["学校名称", "办学地址", "上级主管单位", "开设专业情况 (个)", "", "", "学生人数", "教职员工数"],
            ["", "", "", "中职专业", "中高职贯通", "中本贯通", "", ""],
            ["上海市曹杨职业技术学校", "清涧路 240 号", "普陀区教育局", "8", "3", "0", "1282", "141"],
            ["上海信息技术学校", "真南路 1008 号", "上海华谊集团", "16", "2", "1", "2480", "280"],
            ["合计", "", "", "24", "5", "1", "3762", "421"],
        ]
        let result = IndicatorSentence.extract([], region: "普陀区", year: 2023,
                                               tables: [Self.table(rows, caption: "表 1. 2022 年普陀区中等职业技术学校办学情况表")])
        let enrollment = result.observations.filter { $0.indicator == "enrollment" }
        #expect(enrollment.map(IndicatorSentence.summary) == [
            "enrollment 上海市曹杨职业技术学校 2022 1282 人", "enrollment 上海信息技术学校 2022 2480 人", "enrollment 普陀区 2022 3762 人"])
        #expect(enrollment.map(\.role) == [.part, .part, .total])
        #expect(Set(enrollment.map(\.group)).count == 1 && enrollment[0].group != nil)
        #expect(result.observations.contains { IndicatorSentence.summary($0) == "through_programs_higher 上海信息技术学校 2022 2 个" })
        #expect(result.observations.contains { IndicatorSentence.summary($0) == "staff_total 普陀区 2022 421 人" })
    }

    /// A `其他学校` row beside the schools' rows is the rest of the 合计: a remainder of each column's group, about
    /// the table's entity, never that entity's own value (issue 11 item 5). Without it, the 合计 would be
    /// flagged against the named rows alone.
    @Test func anOtherSchoolsRowIsTheRestOfTheTotal() throws {
        let rows = [
            ["学校名称", "学生人数", "教职员工数"],
            ["上海市曹杨职业技术学校", "1282", "141"],
            ["上海信息技术学校", "2480", "280"],
            ["其他学校（4 所）", "3918", "402"],
            ["合计", "7680", "823"],
        ]
        let result = IndicatorSentence.extract([], region: "普陀区", year: 2023,
                                               tables: [Self.table(rows, caption: "表 1. 2022 年普陀区中等职业技术学校办学情况表")])
        let enrollment = result.observations.filter { $0.indicator == "enrollment" }
        #expect(enrollment.map(\.role) == [.part, .part, .total, .remainder])
        let rest = try #require(enrollment.last)
        #expect(IndicatorSentence.summary(rest) == "enrollment 普陀区 2022 3918 人")
        #expect(rest.category == "其他" && rest.fromTable && rest.line == 103)
        #expect(rest.group == enrollment[0].group && rest.group != nil)
        #expect(result.observations.contains { $0.indicator == "staff_total" && $0.role == .remainder && $0.value == 402 })
        // No row of year figures gives a remainder, and a table without a 合计 gives none either.
        let noTotal = IndicatorSentence.extract([], region: "普陀区", year: 2023,
                                                tables: [Self.table(Array(rows.prefix(4)), caption: "表 1. 2022 年普陀区中等职业技术学校办学情况表")])
        #expect(!noTotal.observations.contains { $0.role == .remainder })
    }
}
