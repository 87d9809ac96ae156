import Foundation
import Testing
import NianbaoModel
@testable import Indicators
@testable import NianbaoPipeline

/// Statistics tables and bulletins as text exports print them, read end to end (reader, cleaning, segmentation,
/// indicators). Every text and figure here is made up for the test.
@Suite struct PlainTextTableTests {
    static func result(_ text: String, path: String = "t.txt") -> IndicatorResult? {
        Pipeline().process(path: path, docId: "t", data: Data(text.utf8)).segmented
            .map { IndicatorExtractor(rules: IndicatorFixtures.rules).extract(from: $0) }
    }

    static func observations(_ text: String) -> [String] {
        (result(text)?.observations ?? []).map { o in
            "\(o.line) \(o.indicator) \(o.entity ?? "-") \(o.category ?? "-") \(o.year.map(String.init) ?? "-") \(o.value)"
                + (o.qualifier == .change ? " change \(o.unit)" : "")
        }
    }

    /// A web table copied as text, one cell per line and nothing between: header cells, then label and values.
    @Test func aTableFlattenedToOneBareCellPerLine() {
        let found = Self.observations("""
        2021年青海省中等职业教育分类型情况
        单位：所、人
        类型
        学校数
        招生数
        在校生数
        中等职业教育
        40
        21000
        60500
        普通中专
        15
        9000
        25100
        职业高中
        25
        12000
        35400
        注：数据不含技工学校。
        """)
        // Each value keeps the line it was printed on; the note under the table scopes all of it.
        #expect(found.contains("8 schools 青海省 不含技工学校 2021 40"))
        #expect(found.contains("10 enrollment 青海省 不含技工学校 2021 60500"))
        #expect(found.contains("13 new_enrollment 青海省 普通中专 2021 9000"))
        #expect(found.count == 9)
        #expect(found.contains("18 enrollment 青海省 职业高中 2021 35400"))
        // A list of short lines with too few values is no table.
        #expect(Self.observations("""
        青海省职业教育
        学校
        专业
        教师
        学生
        """).isEmpty)
    }

    /// A yearbook table between rules, with English under its header and beside its labels; a note under it
    /// leaves a kind out of the whole table; a change column naming no year is the latest year's.
    @Test func aBilingualYearbookTableBetweenRulesWithANoteUnderIt() {
        let found = Self.observations("""
        青海统计年鉴 2022
        21-3  中等职业教育基本情况
        ──────────────────────────────────────────────
        指    标                          2020        2021     比上年增减（%）
        Item
        ──────────────────────────────────────────────
        招生数  Entrants                    20,100      21,000          4.5
        在校学生数  Enrollment              58,000      60,500          4.3
        毕业生就业率（%）  Employment Rate    95.1        96.0          0.9
          of Graduates
        ──────────────────────────────────────────────
        注：本表数据不含技工学校。
        Note: Data exclude skilled workers schools.
        """)
        #expect(found.contains("7 new_enrollment 青海省 不含技工学校 2020 20100"))
        #expect(found.contains("8 enrollment 青海省 不含技工学校 2021 60500"))
        #expect(found.contains("7 new_enrollment 青海省 不含技工学校 2021 4.5 change %"))
        #expect(found.contains("9 employment_rate 青海省 不含技工学校 2021 96"))
        #expect(found.count == 9, "\(found)")
    }

    /// A note naming one row (`中等职业学校不含技工学校`) scopes that row alone.
    @Test func aNoteNamingARowScopesThatRow() {
        let found = Self.observations("""
        青海省教育统计
        单位：人
        指标          2020        2021
        招生数        20100       21000
        在校学生数    58000       60500
        注：在校学生数不含技工学校。
        """)
        #expect(found == ["4 new_enrollment 青海省 - 2020 20100", "4 new_enrollment 青海省 - 2021 21000",
                          "5 enrollment 青海省 不含技工学校 2020 58000", "5 enrollment 青海省 不含技工学校 2021 60500"])
    }

    /// `专业名称 | 在校生（人）`: the school's specialties are categories of its own figures, the 合计 its total.
    @Test func specialtyRowsAreCategoriesOfTheSchool() {
        let found = Self.observations("""
        西宁市第一职业学校简介
        西宁市第一职业学校是一所公办中等职业学校。
        专业名称        在校生（人）    班级数（个）
        数控技术应用        300             8
        电子商务            200             5
        合计                500            13
        """)
        #expect(found.contains("4 enrollment 西宁市第一职业学校 数控技术应用 - 300"))
        #expect(found.contains("6 enrollment 西宁市第一职业学校 - - 500"))
        #expect(!found.contains { $0.contains("班级") })
    }

    /// `其中民办学校在校生…` is a part; the list's kind ends at the semicolon.
    @Test func anAttributeAfterQizhongOpensAPartForItsListOnly() {
        let found = Self.observations("""
        西宁市城中区中等职业教育质量年度报告（2023年）
        2023年全区中职学校全日制在校生4,000人，其中民办学校在校生900人、公办学校在校生3,100人；招生1,500人。
        """)
        #expect(found.contains("2 enrollment 城中区 民办 2023 900"))
        #expect(found.contains("2 enrollment 城中区 公办 2023 3100"))
        #expect(found.contains("2 new_enrollment 城中区 - 2023 1500"))
        // `其中，` as a clause of its own opens the list the same way.
        let comma = Self.observations("""
        西宁市城中区中等职业教育质量年度报告（2023年）
        全区共有中等职业学校5所。其中，民办中等职业学校1所，在校生900人。
        """)
        #expect(comma.contains("2 schools 城中区 民办 2023 1"), "\(comma)")
        #expect(comma.contains("2 enrollment 城中区 民办 2023 900"), "\(comma)")
    }

    /// A value in another unit between a subject and the next sentence's `其中` list does not take the list from it.
    @Test func aPartsListAfterAValueInAnotherUnit() {
        let found = Self.observations("""
        西宁市第二职业学校2023年质量年度报告
        2023年，学校全日制在校生2,000人，共有教学班50个。其中一年级700人、二年级680人。
        """)
        #expect(found.contains("2 enrollment 西宁市第二职业学校 一年级 2023 700"))
        #expect(found.contains("2 enrollment 西宁市第二职业学校 二年级 2023 680"))
    }

    /// Lines of a name, a colon and a value (a Markdown list, a profile) are complete: none is read with the next.
    @Test func keyValueLinesAreReadOneByOne() {
        let found = Self.observations("""
        # 西宁市城北区中等职业教育质量年度报告（2024年）

        - **招生数**：1,980人
        - **在校生数**：5,630人

        毕业生数：1,758人

        专任教师：415人
        """)
        #expect(found == ["3 new_enrollment 城北区 - 2024 1980", "4 enrollment 城北区 - 2024 5630",
                          "6 graduates 城北区 - 2024 1758", "8 fulltime_teachers 城北区 - 2024 415"], "\(found)")
    }

    /// A key-value line's unit in brackets before the colon (`教学仪器设备总值（万元）：1234.5`) is the value's unit.
    @Test func aUnitInBracketsBeforeTheColon() {
        let found = Self.observations("""
        某某县职业中专2023年质量年度报告

        在校生数（人）：2345
        教学仪器设备总值（万元）：1234.5
        生均财政拨款（元）：12000
        """)
        #expect(found.contains("3 enrollment 某某县职业中专 - 2023 2345"), "\(found)")
        #expect(found.contains("4 equipment_value 某某县职业中专 - 2023 12345000"), "\(found)")
        #expect(found.contains("5 funding_per_student 某某县职业中专 - 2023 12000"), "\(found)")
    }

    /// `指标 | 单位 | 2022年 | 2023年` printed with spaces: the unit between the name and the values is a cell.
    @Test func aUnitColumnBetweenNameAndValues() {
        let found = Self.observations("""
        西宁市第三职业学校2023年度质量报告主要指标
        指标                  单位        2022年        2023年
        在校生数              人           3,800         4,000
        生师比                —           16.2:1        16.1:1
        毕业生就业率          %             96.8          97.3
        """)
        #expect(found.contains("3 enrollment 西宁市第三职业学校 - 2023 4000"))
        #expect(found.contains("4 student_teacher_ratio 西宁市第三职业学校 - 2022 16.2"))
        #expect(found.contains("5 employment_rate 西宁市第三职业学校 - 2023 97.3"))
    }

    /// A province's bare short name that no city shares (`河南`; a county of 青海 is also 河南) names the province.
    @Test func aProvincesShortNameSharedOnlyWithACounty() throws {
        let result = try #require(Self.result("河南今年中职招生超50万人\n\n本报讯 今年全省中等职业学校招生51.8万人。\n"))
        #expect(result.subject?.name == "河南省")
        let jilin = try #require(Self.result("吉林今年中职招生3万人\n\n本报讯 今年中等职业学校招生3万人。\n"))
        #expect(jilin.subject == nil)
    }

    /// A rate in brackets right after a count is stated, not a breakdown: alone (`132人（31.8%）`, a share of the
    /// count's base) or after its own phrase (`1,126人（升学率64.1%）`).
    @Test func aRateInBracketsAfterACount() {
        let found = Self.observations("""
        西宁市城北区中等职业教育质量年度报告（2024年）
        全区专任教师415人，其中高级职称教师132人（31.8%）。毕业生1,758人，升学人数1,126人（升学率64.1%）。
        """)
        #expect(found.contains("2 senior_title_ratio 城北区 - 2024 31.8"))
        #expect(found.contains("2 further_study_rate 城北区 - 2024 64.1"))
    }

    /// A news page's subject is the region its body names most when the others lie inside it; a title's
    /// `我市…` names no region.
    @Test func aCityNewsPageIsAboutTheCityItsBodyNames() throws {
        let result = try #require(Self.result("""
        我市职业教育发展成效明显
        发布时间：2024-05-10 来源：市教育局
        近日，全市职业教育工作会议在城北区召开，会议总结了过去一年的工作。西宁市现有中等职业学校12所，在校生2.1万人。
        会议指出，下一步西宁市将持续推进产教融合、校企合作，深化“三教”改革，组织学生参加全国职业院校技能大赛。
        """))
        #expect(result.subject?.name == "西宁市" && result.subject?.source == "body_mentions")
        #expect(result.region == "西宁市")
        let titleOnly = try #require(Self.result("我市职业教育发展成效明显\n今年招生工作顺利完成，共招收新生1,200人。\n"))
        #expect(titleOnly.region == nil)
    }
}
