import Foundation
import Testing
import NianbaoModel
import Extraction
import Cleaning
import Segmentation
@testable import Indicators

/// Whose a value is in a document about several entities: a section titled by one of the subject region's
/// districts, words pointing back (`该区`), another region's figure a sentence compares with, and rows of
/// regions under indicator-by-year columns.
@Suite struct SectionSubjectTests {
    func observations(_ text: String) throws -> [Observation] {
        try IndicatorSentence.extractDocument(text).observations
    }

    func summaries(_ found: [Observation]) -> [String] {
        found.map { "\(IndicatorSentence.summary($0)) [\($0.category ?? "-")] \($0.entitySource ?? "-")" }
    }

    /// A city's report with a section per district: `全区` and unnamed figures there are the district's.
    @Test func aSectionTitledByADistrictIsAboutIt() throws {
        let text = """
        洛阳市中等职业教育质量年度报告
        （2023年度）

        一、全市概况
        2023年，全市中职学校招生12,400人，在校生35,100人。

        二、区县情况
        （一）涧西区
        涧西区现有中职学校4所。
        2023年全区中职招生2,310人，在校生6,480人。
        专任教师412人。
        （二）栾川县
        全县中职在校生1,950人。
        """
        let found = summaries(try observations(text))
        #expect(found.contains("new_enrollment 洛阳市 2023 12400 人 [-] subject_word"))
        #expect(found.contains("new_enrollment 涧西区 2023 2310 人 [-] subject_word"))
        #expect(found.contains("enrollment 涧西区 2023 6480 人 [-] subject_word"))
        #expect(found.contains("fulltime_teachers 涧西区 2023 412 人 [-] section_subject"))
        #expect(found.contains("enrollment 栾川县 2023 1950 人 [-] subject_word"))
        #expect(!found.contains { $0.hasPrefix("enrollment 洛阳市 2023 6480") })
    }

    /// `该区`, `该校` point back to the last district or school named, wherever the paragraph is.
    @Test func wordsPointingBackNameTheLastOfTheirLevel() throws {
        let text = """
        宜昌市2023年中等职业教育质量报告

        夷陵区现有中职学校3所，其中民办1所。
        该区中职在校生5,230人，毕业去向落实率97.2%。
        当阳市职业技术教育中心是一所公办学校。该校在校生2,860人。
        """
        let found = summaries(try observations(text))
        #expect(found.contains("enrollment 夷陵区 2023 5230 人 [-] subject_word"))
        #expect(found.contains("enrollment 当阳市职业技术教育中心 2023 2860 人 [-] subject_word"))
    }

    /// `…，低于全省平均的 17.4:1和全国平均的 18.7:1`: the region compared with states its own value; a point
    /// difference from it (`高于全省 2.1 个百分点`) is no value of any.
    @Test func aComparedRegionsFigureIsThatRegions() throws {
        let text = """
        襄阳市2023年中等职业教育质量年度报告

        全市中职生师比16.6:1，低于全省平均的17.4:1和全国平均的18.7:1。
        全市中职毕业生就业率98.2%，高于全省2.1个百分点。
        全市生均教学仪器设备值9,842元，全国平均为7,356元。
        """
        let found = summaries(try observations(text))
        #expect(found.contains("student_teacher_ratio 湖北省 2023 17.4 ratio [-] subject_word"))
        #expect(found.contains("student_teacher_ratio 全国 2023 18.7 ratio [-] subject_word"))
        #expect(found.contains("equipment_value_per_student 全国 2023 7356 元 [-] subject_word"))
        #expect(!found.contains { $0.contains(" 2.1 ") })
    }

    /// A year after the value in a sentence telling history dates nothing (`…566人，…建校于1979年`).
    @Test func aHistoryYearAfterTheValueDatesNothing() throws {
        let text = """
        襄州区2023年中等职业教育质量报告

        全区中职专任教师566人；区职教中心为国家级重点中职学校，建校于1979年。
        """
        let found = summaries(try observations(text))
        #expect(found.contains("fulltime_teachers 襄州区 2023 566 人 [-] subject_word"))
    }

    /// Rows of districts under indicator headers spanning year columns, and under a title naming the one
    /// indicator; a `市属` row is the city's part, and the note's narrowing comes first.
    @Test func regionRowsUnderIndicatorByYearColumns() throws {
        let text = """
        表4-12　天津市分区中等职业学校学生情况（2022—2023年）
        单位：人

        地区\t招生数\t\t在校学生数\t
        \t2022年\t2023年\t2022年\t2023年
        合计\t3632\t3796\t10403\t10753
        市属\t2186\t2314\t6248\t6531
        河东区\t420\t460\t1210\t1260
        南开区\t640\t610\t1850\t1830

        注：本表不含技工学校。

        表4-13　天津市分区中等职业学校专任教师情况（2022—2023年）　单位：人

        地区\t2022年\t2023年
        合计\t744\t764
        河东区\t92\t95
        南开区\t136\t134
        """
        let found = summaries(try observations(text))
        #expect(found.contains("new_enrollment 天津市 2022 3632 人 [不含技工学校] table_caption"))
        #expect(found.contains("new_enrollment 天津市 2023 2314 人 [不含技工学校/市属] table_caption"))
        #expect(found.contains("enrollment 河东区 2023 1260 人 [不含技工学校] table_row"))
        #expect(found.contains("fulltime_teachers 南开区 2022 136 人 [-] table_row"))
        #expect(found.contains("fulltime_teachers 天津市 2023 764 人 [-] table_caption"))
        // `分区` of a statistics title is a breakdown, not a school's name.
        #expect(!found.contains { $0.contains("分区") })
    }

    /// A paragraph opening with `其中` lists parts of the paragraph right before it; names listed before a
    /// respectively cue take its values in order.
    @Test func partsInTheNextParagraphAndNamesTakenRespectively() throws {
        let text = """
        甘肃省2023年中等职业教育发展统计公报

        全省共有中等职业学校176所，比上年减少3所。
        其中，兰州市38所，占全省的21.6%。
        其中，嘉峪关市、金昌市中职学校数量最少，分别为3所和4所。
        """
        let found = summaries(try observations(text))
        #expect(found.contains("schools 兰州市 2023 38 所 [-] sentence"))
        #expect(found.contains("schools 嘉峪关市 2023 3 所 [-] sentence"))
        #expect(found.contains("schools 金昌市 2023 4 所 [-] sentence"))
    }

    /// In a plan's section telling where things stand, a value naming no year is of the year the section named
    /// before it, no target; elsewhere in the plan such a value is the plan's end.
    @Test func aPlansBaselineSectionIsNoTarget() throws {
        let text = """
        遵义市中等职业教育提质培优行动计划（2023—2025年）

        一、发展基础
        截至2022年底，全市共有中等职业学校38所，在校生7.46万人。
        同时也要看到，生均教学仪器设备值仅为3850元，低于国家标准。

        二、主要目标
        生均教学仪器设备值达到6000元。
        """
        let found = summaries(try observations(text))
        #expect(found.contains("equipment_value_per_student 遵义市 2022 3850 元 [-] subject_word")
                    || found.contains("equipment_value_per_student 遵义市 2022 3850 元 [-] document_subject"))
        #expect(found.contains { $0.hasPrefix("equipment_value_per_student 遵义市 2025 6000 元 target") })
    }

    /// `2023/2024学年初` is the autumn of 2023.
    @Test func aSlashedSchoolYearCensusIsItsFirstYear() throws {
        let text = """
        广东省中等职业教育质量年度报告

        2023/2024学年初，全省中职学校在校生92.37万人。
        """
        let found = summaries(try observations(text))
        #expect(found.contains("enrollment 广东省 2023 923700 人 [-] subject_word"))
    }
}
