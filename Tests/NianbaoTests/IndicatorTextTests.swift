import Foundation
import Testing
import NianbaoModel
import Extraction
import Cleaning
import Segmentation
@testable import Indicators

/// Sentences from the real reports (short number sentences), each in a hand-built one-paragraph document.
enum IndicatorSentence {
    static func document(_ paragraphs: [String], region: String = "静安区", year: Int = 2025,
                         title: String = "质量报告", tables: [TableData] = [], sectionTitle: String = "") -> SegmentedDocument {
        var blocks: [Block] = []
        for (index, text) in paragraphs.enumerated() {
            blocks.append(Block(kind: .paragraph, text: text,
                                spans: [LineSpan(offset: 0, location: SourceLocation(page: 1, line: 10 * (index + 1)))]))
        }
        let clean = CleanDocument(source: SourceDocument(path: "t.txt", format: .text, pages: []), blocks: blocks, footnotes: [])
        let section = Section(docId: "t", id: "s1", kind: .chapter, level: 1, number: "1", title: sectionTitle, parent: nil,
                              pageStart: 1, pageEnd: 1, lineStart: 1, lineEnd: 100, blockStart: 0, blockEnd: max(0, blocks.count - 1))
        return SegmentedDocument(docId: "t", clean: clean, frontMatter: FrontMatter(title: title, region: region, reportYear: year),
                                 toc: [], sections: [section], tables: tables, warnings: [])
    }

    static func extract(_ paragraphs: [String], region: String = "静安区", year: Int = 2025, title: String = "质量报告",
                        tables: [TableData] = [], sectionTitle: String = "") -> IndicatorResult {
        IndicatorExtractor(rules: IndicatorFixtures.rules)
            .extract(from: document(paragraphs, region: region, year: year, title: title, tables: tables, sectionTitle: sectionTitle))
    }

    /// A whole text (or HTML page) read, cleaned, segmented and extracted as an import does.
    static func extractDocument(_ text: String, format: SourceFormat = .text) throws -> IndicatorResult {
        let source = try Readers.read(path: format == .html ? "t.html" : "t.txt", format: format, data: Data(text.utf8),
                                      options: ReadOptions())
        let document = Segmenter(words: IndicatorFixtures.documentWords).segment(TextCleaner().clean(source), docId: "t")
        return IndicatorExtractor(rules: IndicatorFixtures.rules).extract(from: document)
    }

    static func summary(_ o: Observation) -> String {
        "\(o.indicator) \(o.entity ?? "-") \(o.year.map(String.init) ?? "-") \(o.value) \(o.unit)\(o.qualifier.map { " " + $0.rawValue } ?? "")"
    }
}

@Suite struct IndicatorTextTests {
    @Test func enrollmentSentenceGivesLevelChangeAndRatio() {
        let result = IndicatorSentence.extract(["2025 年两校在校生人数保持增长，共 2261 人，较上年增加 15.7%，普职比大体为 6.4:1。"])
        let found = result.observations.map(IndicatorSentence.summary)
        #expect(found == ["enrollment 静安区 2025 2261 人", "enrollment 静安区 2025 15.7 % change",
                          "general_vocational_ratio 静安区 2025 6.4 ratio"])
        let enrollment = result.observations[0]
        #expect(enrollment.raw == "2261 人" || enrollment.raw == "2261人" || enrollment.raw.hasPrefix("2261"))
        #expect(enrollment.line == 10 && enrollment.page == 1 && enrollment.sectionId == "s1")
        #expect(enrollment.quote.hasPrefix("2025 年两校在校生人数") && enrollment.fromTable == false)
    }

    @Test func shareNamesItsBaseAndKeepsTheSubject() {
        let result = IndicatorSentence.extract(["2022 年曹杨职校生师比为 10:1，双师型教师 48 人，占专业教师数 81.4%，比 2021 年上升 2 个百分点；兼职教师 4 人，占专任教师 3.3%。"],
                                               region: "普陀区", year: 2023)
        let found = result.observations.map(IndicatorSentence.summary)
        #expect(found.contains("student_teacher_ratio 上海市曹杨职业技术学校 2022 10 ratio"))
        #expect(found.contains("dual_qualified_teachers 上海市曹杨职业技术学校 2022 48 人"))
        #expect(found.contains("dual_qualified_ratio 上海市曹杨职业技术学校 2022 2 百分点 change"))
        #expect(found.contains("parttime_teacher_ratio 上海市曹杨职业技术学校 2022 3.3 %"))
        let share = result.observations.first { $0.indicator == "dual_qualified_ratio" && $0.qualifier == nil }
        #expect(share?.value == Decimal(string: "81.4") && share?.base == "specialty_teachers" && share?.decimals == 1)
    }

    @Test func schoolEnumerationCarriesTheIndicator() {
        let result = IndicatorSentence.extract(["2022届区内各中职校毕业生对口就业率（含升学，下同）：曹杨职校达到97%、经济管理学校达到95.7%。"],
                                               region: "普陀区", year: 2023)
        #expect(result.observations.map(IndicatorSentence.summary) == [
            "matched_employment_rate 上海市曹杨职业技术学校 2022 97 %", "matched_employment_rate 上海市经济管理学校 2022 95.7 %"])
    }

    @Test func lastYearsValueInParenthesesIsDatedTheYearBefore() {
        let result = IndicatorSentence.extract(["2024 年全区全日制在校生 4,390 人，较上年（4,105 人）增加 5.2%。"],
                                               region: "静安区", year: 2024)
        #expect(result.observations.map(IndicatorSentence.summary) == [
            "enrollment 静安区 2024 4390 人", "enrollment 静安区 2023 4105 人", "enrollment 静安区 2024 5.2 % change"])
        #expect(result.observations[1].ruleId == "enrollment/previous-year")
    }

    /// `去年招生 960 人` is last year's intake; `比去年增加` compares with it and stays this year's.
    @Test func aPreviousYearWordDatesItsClause() {
        let result = IndicatorSentence.extract(["2024 年全区招生 1310 人，比去年增加 350 人，去年招生 960 人。"],
                                               region: "静安区", year: 2024)
        #expect(result.observations.map(IndicatorSentence.summary) == [
            "new_enrollment 静安区 2024 1310 人", "new_enrollment 静安区 2024 350 人 change",
            "new_enrollment 静安区 2023 960 人"])
        #expect(result.observations.last?.yearSource == "previous_year_word")
        // Dated only by the document: the year before the one it was written in.
        let undated = IndicatorSentence.extract(["全区去年招生 960 人。"], region: "静安区", year: 2024)
        #expect(undated.observations.map(IndicatorSentence.summary) == ["new_enrollment 静安区 2023 960 人"])
        // A school year is counted the same way (`上学年`), as a change or as last year's value.
        let schoolYear = IndicatorSentence.extract(["全区在校生 3256 人，较上学年增加 126 人，上学年招生 1050 人。"],
                                                   region: "静安区", year: 2024)
        #expect(schoolYear.observations.map(IndicatorSentence.summary) == [
            "enrollment 静安区 2024 3256 人", "enrollment 静安区 2024 126 人 change", "new_enrollment 静安区 2023 1050 人"])
        // One word list serves both: the cue and the word before last year's value in brackets.
        #expect(IndicatorFixtures.rules.cues.previousYearWords.contains("上学年"))
        let bracketed = IndicatorSentence.extract(["全区在校生 3256 人，较上学年（3130 人）增加 126 人。"], region: "静安区", year: 2024)
        #expect(bracketed.observations.map(IndicatorSentence.summary).contains("enrollment 静安区 2023 3130 人"))
    }

    /// `今年` is the year the document was written in (a news item's, not the year its other figures describe);
    /// `招生计划为 860 万人` is the plan, a target.
    @Test func thisYearIsTheYearOfWriting() {
        let result = IndicatorSentence.extract(["2009 年全国中职毕业生 509.6 万人。今年，全国中职招生计划为 860 万人，今年招生 870 万人。"],
                                               region: "全国", year: 2010)
        #expect(result.observations.map(IndicatorSentence.summary) == [
            "graduates 全国 2009 5096000 人", "new_enrollment 全国 2010 8600000 人 target", "new_enrollment 全国 2010 8700000 人"])
        #expect(result.observations.last?.yearSource == "current_year_word")
        // A news item published in 2021 on the 2020 report: 去年, where nothing else dates it, is 2020.
        var news = IndicatorSentence.document(["去年全省中职毕业生平均起薪为 3356 元。"], region: "江西省", year: 2020,
                                              title: "2020年江西省中等职业教育质量年度报告")
        news.frontMatter.published = "2021-03"
        let lastYear = IndicatorExtractor(rules: IndicatorFixtures.rules).extract(from: news).observations
        #expect(lastYear.map(IndicatorSentence.summary) == ["starting_salary 江西省 2020 3356 元"])
        // Compared with, it dates nothing: `比今年` is no year of the value.
        let compared = IndicatorSentence.extract(["2009 年招生 800 万人，比今年少 70 万人。"], region: "全国", year: 2010)
        #expect(compared.observations.first?.year == 2009)
    }

    /// Other wordings of the usual figures (made-up school and values).
    @Test func otherWordingsOfTheUsualFigures() {
        let result = IndicatorSentence.extract([
            "全校在籍学生 4125 人，其中一年级 1456 人，二年级 1380 人，三年级 1289 人。",
            "专任教师与学生之比为 1:15.4。毕业生双证书率为 96.8%。生均设备值 9430 元。",
        ], region: "铜陵市", year: 2023, title: "铜陵市中等职业技术教育中心2023年质量年度报告")
        #expect(result.observations.map { "\($0.indicator) \($0.value) \($0.category ?? "-")" } == [
            "enrollment 4125 -", "enrollment 1456 一年级", "enrollment 1380 二年级", "enrollment 1289 三年级",
            "student_teacher_ratio 15.4 -", "dual_certificate_rate 96.8 -", "equipment_value_per_student 9430 -",
        ])
        #expect(result.observations.allSatisfy { $0.entity == "铜陵市中等职业技术教育中心" })
    }

    /// Counts introduced by a verb (made-up figures): one pattern introduces training counts and hours, the unit
    /// tells them apart; the teachers' own training is not the school's.
    @Test func countsIntroducedByAVerb() {
        let result = IndicatorSentence.extract([
            "2023 年学校开展社会培训 4620 人次，完成非学历培训 2.3 万学时，组织教师参加省级培训 86 人次。",
            "2023 年获取职业技能等级证书（含职业资格证书）学生 1024 人，升入本科院校的毕业生超过 41 人。",
            "2023 年中高职贯通培养在校生 624 人，招收中职新生 980 人。",
        ], region: "郾城区", year: 2023, title: "漯河市郾城区职业教育中心2023年质量年度报告")
        #expect(result.observations.map { "\($0.indicator) \($0.value) \($0.unit)" } == [
            "training_participants 4620 人次", "training_hours 23000 学时",
            "certificates_obtained 1024 人", "undergrad_admissions 41 人",
            "through_enrollment 624 人", "new_enrollment 980 人",
        ])
        let more = IndicatorSentence.extract([
            "2023 年全年培训 6850 人次，培训学时达 42000 学时；开设数控加工、电气自动化设备安装与维修等 21 个专业（工种）。",
        ], region: "郾城区", year: 2023, title: "漯河市郾城区职业教育中心2023年质量年度报告")
        #expect(more.observations.map { "\($0.indicator) \($0.value) \($0.unit)" } == [
            "training_participants 6850 人次", "training_hours 42000 学时", "specialties 21 个"])
        let holders = IndicatorSentence.extract(["2023 年共有 1126 人获得职业技能等级证书，免学费资金 943.6 万元。"],
                                                region: "秦州区", year: 2023, title: "天水市秦州区职业中等专业学校2023年质量年度报告")
        #expect(holders.observations.map { "\($0.indicator) \($0.value)" } == ["certificates_obtained 1126", "tuition_free_amount 9436000"])
        // A region after a list mark starts the next item: `名教师工作室 3 个、江门市技能大师工作室 2 个`.
        let studios = IndicatorSentence.extract(["学校拥有广东省名教师工作室 3 个、江门市技能大师工作室 2 个，具有高级职称的专任教师 38 人。"],
                                                region: "新会区", year: 2023, title: "江门市新会区圭峰职业技术学校2023年质量年度报告")
        #expect(studios.observations.map { "\($0.indicator) \($0.value)" } == [
            "master_teacher_studios 3", "skill_master_studios 2", "senior_title_teachers 38"])
    }

    /// A grade cohort before a value is its category; the students' satisfaction with the school as a whole is
    /// theirs, with one part of it (`专业课教学`) is not (made-up figures).
    @Test func aCohortIsTheCategoryOfItsValues() {
        let result = IndicatorSentence.extract([
            "2、满意度 2015级在校学生对校园生活平均满意度为91%，2016级在校学生对校园生活平均满意度为90%。",
            "学生对专业课教学的满意度由上年的 92.8% 提高到 94.1%。",
        ], region: "番禺区", year: 2016)
        #expect(result.observations.map { "\($0.indicator) \($0.value) \($0.category ?? "-")" } == [
            "student_satisfaction 91 2015级", "student_satisfaction 90 2016级"])
    }

    @Test func theShareGoingOnToHigherSchoolsIsTheFurtherStudyRate() {
        let result = IndicatorSentence.extract(["2022 届毕业生就业率为 97.6%，其中升入高一级学校比例为 58.9%。"],
                                               region: "宜宾市", year: 2022, title: "2022年宜宾市中等职业教育质量报告")
        #expect(result.observations.map(IndicatorSentence.summary) == [
            "employment_rate 宜宾市 2022 97.6 %", "further_study_rate 宜宾市 2022 58.9 %"])
    }

    /// `师生比 1:15.2` names the ratio the other way round: the students per teacher are the side not 1.
    @Test func aTeacherStudentRatioIsReadTheOtherWayRound() {
        let result = IndicatorSentence.extract([
            "2024 年全区师生比为 1:15.2，专任教师 300 人，与全日制在校生的比例达 1:14.66。",
            "2024 年甲校师生比为 2:29。",
        ], region: "静安区", year: 2024)
        #expect(result.observations.filter { $0.indicator == "student_teacher_ratio" }.map(IndicatorSentence.summary) == [
            "student_teacher_ratio 静安区 2024 15.2 ratio", "student_teacher_ratio 静安区 2024 14.66 ratio"])
        #expect(result.observations.first { $0.indicator == "student_teacher_ratio" }?.ruleId == "student_teacher_ratio/inverse")
        #expect(ExtractionRun.orientedRatio("1∶14.66")! == (Decimal(string: "14.66")!, 2))
        #expect(ExtractionRun.orientedRatio("2:29") == nil)
    }

    /// Parts under `其中` of kinds no rule names are no values of the entity: refused, saying why. The total
    /// said again is kept.
    @Test func partsOfUnnamedKindsAreRefused() {
        let result = IndicatorSentence.extract([
            "2024 年全区在校生 2000 人，其中机电部在校生 1200 人，商贸部在校生 800 人。",
            "2024 年全区教学仪器设备总值 1870 万元。其中机电工程部仪器设备总值 966 万元。",
            "2024 年全区中职学校 6 所。其中，6 所中职学校中 4 所为国家级重点中职学校。",
        ], region: "静安区", year: 2024)
        #expect(result.observations.map(IndicatorSentence.summary) == [
            "enrollment 静安区 2024 2000 人", "equipment_value 静安区 2024 18700000 元",
            "schools 静安区 2024 6 所", "schools 静安区 2024 6 所"])
        #expect(result.rejected.map(\.observation.value) == [1200, 800, 9660000])
        #expect(result.rejected.allSatisfy { $0.reason.code == "unnamed_part" })
    }

    /// A count printed without its unit right after its phrase, ending its clause, is in the indicator's unit;
    /// a number with more after it is not.
    @Test func aCountWithoutItsUnitEndingItsClause() {
        let result = IndicatorSentence.extract(["2024 年全区现有教职工161，专任教师 124 人；招生1200。在校生 2717 2513 2400。"],
                                               region: "静安区", year: 2024)
        let found = result.observations.map(IndicatorSentence.summary)
        #expect(found.contains("staff_total 静安区 2024 161 人"))
        #expect(found.contains("new_enrollment 静安区 2024 1200 人"))
        #expect(!found.contains { $0.hasPrefix("enrollment ") }, "\(found)")
    }

    /// A value inside a quotation is about the school its speaker is named with after it.
    @Test func aQuotationIsAboutItsSpeakersSchool() {
        let result = IndicatorSentence.extract([
            "2015 年，福建工业学校、福建第二轻工业学校、福建经济学校等中职学校生源爆满，“原本今年计划招生1000人，实际招收了1310人。”福建第二轻工业学校招生就业负责人称，该校去年招生960人。",
        ], region: "福建省", year: 2015)
        let found = result.observations.map { "\($0.entity ?? "-") \($0.year ?? 0) \($0.value) \($0.entitySource ?? "")" }
        #expect(found.contains("福建第二轻工业学校 2015 1310 quotation"), "\(found)")
        #expect(found.contains("福建第二轻工业学校 2015 1000 quotation"), "\(found)")
        // A speech verb inside a word (`职称`) explains no gap between a phrase and its number.
        let title = IndicatorSentence.extract(["2015 年专任教师中高级技术职称边65%。"], region: "福建省", year: 2015)
        #expect(title.observations.isEmpty)
    }

    @Test func registeredStudentsAreTheEnrolment() {
        let result = IndicatorSentence.extract(["2024 年学校在籍学生 6000 名，教职工 280 名。"], region: "静安区", year: 2024)
        #expect(result.observations.map(IndicatorSentence.summary).contains("enrollment 静安区 2024 6000 人"))
    }

    @Test func aMastersDegreeOrDiplomaCountsTheTeachersWithIt() {
        let result = IndicatorSentence.extract(["2024 年全区专任教师均具有本科以上学历，其中硕士研究生学历或学位教师 16 人。"],
                                               region: "静安区", year: 2024)
        #expect(result.observations.map(IndicatorSentence.summary).contains("masters_or_above_teachers 静安区 2024 16 人"))
    }

    @Test func aYearOnYearChangeAfterAListComma() {
        let result = IndicatorSentence.extract(["2015 年全区已完成全日制招生 93081 人、同比增加 12768 人。"],
                                               region: "静安区", year: 2015)
        #expect(result.observations.map(IndicatorSentence.summary) == [
            "new_enrollment 静安区 2015 93081 人", "new_enrollment 静安区 2015 12768 人 change"])
        // `比上年度增加`: the year before as 上年度.
        let share = IndicatorSentence.extract(["2018 年全区双师型教师 180 人，占 77.92%，比上年度增加 2.40%。"],
                                              region: "静安区", year: 2018)
        #expect(share.observations.map(IndicatorSentence.summary).contains("dual_qualified_ratio 静安区 2018 2.4 % change"))
    }

    @Test func valueOfTheComparedYearIsDatedThatYear() {
        // The sentence of the city report (`全市` is the city); in a district's report it would be its city too.
        let result = IndicatorSentence.extract(["2020 年全市全日制在校生 52,600 人，较 2015 年的 49,800 人增长 5.6%。"],
                                               region: "上海市", year: 2020)
        #expect(result.observations.map(IndicatorSentence.summary) == [
            "enrollment 上海市 2020 52600 人", "enrollment 上海市 2015 49800 人", "enrollment 上海市 2020 5.6 % change"])
    }

    @Test func aTargetSetForTheReportsOwnYearIsATarget() {
        let result = IndicatorSentence.extract(["《行动计划》提出，到 2024 年“双师型”教师占专业课教师的比例达到 80%。"],
                                               region: "静安区", year: 2024)
        #expect(result.observations.map(IndicatorSentence.summary) == ["dual_qualified_ratio 静安区 2024 80 % target"])
    }

    /// A planned intake is a target even without a year of its own; the actual intake beside it (and an
    /// intake done `按计划`) is the value, and registrations (`报到人数`) are the intake.
    @Test func aPlannedIntakeIsATargetBesideTheActualOne() {
        let result = IndicatorSentence.extract([
            "2023学年，全区计划招生 3200 人，实际报到人数 3050 人。",
            "2024年按计划招生完成 3300 人。",
        ], region: "静安区", year: 2024)
        #expect(result.observations.map(IndicatorSentence.summary) == [
            "new_enrollment 静安区 2023 3200 人 target", "new_enrollment 静安区 2023 3050 人",
            "new_enrollment 静安区 2024 3300 人",
        ])
    }

    /// 研究生学历 is a master's or doctoral degree: the masters-or-above indicators.
    @Test func graduateDegreeIsMastersOrAbove() {
        let result = IndicatorSentence.extract(["2024年，专任教师中研究生学历比例 9.4%，具有研究生学历 32 人。"],
                                               region: "静安区", year: 2024)
        #expect(result.observations.map(IndicatorSentence.summary) == [
            "masters_or_above_ratio 静安区 2024 9.4 %", "masters_or_above_teachers 静安区 2024 32 人",
        ])
    }

    /// Every name and alias of the shared indicator vocabulary (`../shared/docs/indicator-vocabulary.tsv`)
    /// followed by a value of its unit is read as that indicator, except 学校数 (a count of schools of every
    /// level as often as of secondary vocational ones).
    @Test func theSharedVocabularyNamesItsIndicators() throws {
        let url = TestPaths.shared.appendingPathComponent("docs/indicator-vocabulary.tsv")
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let unitText = ["人": "120 人", "%": "65.2%", "所": "5 所", "个": "4 个", "元": "1200 元", "万元": "35 万元",
                        "人次": "450 人次", "门": "12 门", "平方米": "3000 平方米", "台": "60 台", "项": "8 项"]
        var failures: [String] = []
        for row in rows where row.count >= 5 {
            let (id, nameZh, unit) = (row[0], row[1], row[2])
            guard let printed = unitText[unit] else { continue }
            for name in [nameZh] + row[4].split(separator: ";").map(String.init) where name != "学校数" {
                let found = IndicatorSentence.extract(["2023年，\(name)\(printed)。"], region: "静安区", year: 2023)
                    .observations.contains { $0.indicator == id }
                if !found { failures.append("\(id): \(name)\(printed)") }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// Years listed before a value: with 分别 the values take them in order (the later ones after only a
    /// list mark); a single value is every listed year's.
    @Test func yearsListedBeforeTheirValues() {
        let result = IndicatorSentence.extract([
            "2024年、2025年招生规模稳定在300人左右。",
            "2022年和2023年分别招生1200人、1350人。",
            "2021年、2022年毕业生就业率分别为95.1%、96.3%。",
            "2023年，毕业生就业率分别为95.1%、96.3%。",
        ], region: "静安区", year: 2025)
        #expect(result.observations.map(IndicatorSentence.summary) == [
            "new_enrollment 静安区 2024 300 人 approx", "new_enrollment 静安区 2025 300 人 approx",
            "new_enrollment 静安区 2022 1200 人", "new_enrollment 静安区 2023 1350 人",
            "employment_rate 静安区 2021 95.1 %", "employment_rate 静安区 2022 96.3 %",
            "employment_rate 静安区 2023 95.1 %",
        ])
        #expect(result.observations.prefix(2).allSatisfy { $0.yearSource == "year_list" })
    }

    /// The statistical bulletins' `中等职业教育共有学校 N 所` counts schools; a bare `共有学校` counts every level's.
    @Test func bulletinSchoolCount() {
        let result = IndicatorSentence.extract([
            "2023年，全区中等职业教育（不含技工学校）共有学校 12 所，招生 4500 人。",
            "2023年，全区共有学校 120 所。",
        ], region: "静安区", year: 2023)
        #expect(result.observations.map(IndicatorSentence.summary) == [
            "schools 静安区 2023 12 所", "new_enrollment 静安区 2023 4500 人",
        ])
        #expect(result.observations.first?.category == "不含技工学校")
    }

    /// A short name the document introduces (`（以下简称“…”）`, `，简称“…”`) is that school wherever it is used.
    @Test func aShortNameTheDocumentIntroducesIsItsSchool() {
        let result = IndicatorSentence.extract([
            "青石县明远职业技术学校（以下简称“明远职校”）创办于1979年。",
            "2023年明远职校招生 1310 人。",
            "青石县东湖职业高级中学，简称“东湖职高”，现有在校生 2400 人。",
            "东湖职高专任教师 150 人。",
        ], region: "青石县", year: 2023)
        #expect(result.observations.map { "\($0.indicator) \($0.entity ?? "-") \($0.value)" } == [
            "new_enrollment 青石县明远职业技术学校 1310", "enrollment 青石县东湖职业高级中学 2400",
            "fulltime_teachers 青石县东湖职业高级中学 150",
        ])
    }

    /// An opening note saying the report's figures leave a kind out (`报告所列…各项数据均不含…技工学校`) holds
    /// for every figure of the subject.
    @Test func anOpeningScopeNoteNarrowsTheSubjectsFigures() {
        let result = IndicatorSentence.extract([
            "说明：报告所列中等职业学校各项数据均不含本区技工学校。",
            "全区中职学校在校生 9781 人，其中民办学校在校生 1200 人。",
        ], region: "静安区", year: 2023)
        #expect(result.observations.map { $0.category ?? "-" } == ["不含技工学校", "不含技工学校/民办"])
    }

    /// Our indicator's word in a clause about general upper-secondary schools is that level's counterpart
    /// (`level_of`), also after a time word before the region word (`同期全区…`).
    @Test func ourIndicatorUnderAnotherLevelIsItsCounterpart() {
        let result = IndicatorSentence.extract(["全区中职学校在校生 5200 人。同期全区普通高中在校生 14280 人、招生 4865 人。"],
                                               region: "静安区", year: 2023)
        #expect(result.observations.map { "\($0.indicator) \($0.value)" } == [
            "enrollment 5200", "general_enrollment 14280", "general_new_enrollment 4865",
        ])
        // Another level without a counterpart gives nothing.
        let primary = IndicatorSentence.extract(["全区小学在校生 30000 人、招生 5000 人。"], region: "静安区", year: 2023)
        #expect(primary.observations.isEmpty)
    }

    /// A school's other name in brackets right after it (`A（B）`) is the same school, here and later.
    @Test func aBracketedOtherNameIsTheSameSchool() {
        let result = IndicatorSentence.extract([
            "青石县东湖职业中等专业学校（青石县东湖职业中专）获评省级卓越中职学校建设单位，全年招生 1860 人。",
            "青石县东湖职业中专在校生 5120 人。",
        ], region: "青石县", year: 2023)
        #expect(result.observations.map { "\($0.indicator) \($0.entity ?? "-") \($0.value)" } == [
            "new_enrollment 青石县东湖职业中等专业学校 1860", "enrollment 青石县东湖职业中等专业学校 5120",
        ])
    }

    /// An exclusion said to hold below (`（不含技工学校，下同）`) holds past its section's end.
    @Test func anExclusionSaidToHoldBelowOutlastsItsSection() {
        let document = IndicatorSentence.document([
            "全区中等职业学校（不含技工学校，下同）12 所。",
            "中等职业学校教学仪器设备总值 1.2 亿元。",
        ], region: "静安区", year: 2023)
        var sectioned = document
        let first = sectioned.sections[0]
        var second = first
        second.id = "s2"; second.number = "2"; second.blockStart = 1; second.blockEnd = 1
        sectioned.sections[0].blockEnd = 0
        sectioned.sections.append(second)
        let result = IndicatorExtractor(rules: IndicatorFixtures.rules).extract(from: sectioned)
        #expect(result.observations.map { $0.category ?? "-" } == ["不含技工学校", "不含技工学校"])
    }

    /// A rank right before the phrase (`省级名师工作室`) is the value's category; two ranks joined count both.
    @Test func aRankBeforeThePhraseIsTheCategory() {
        let result = IndicatorSentence.extract(["学校建有国家级技能大师工作室 1 个、省级技能大师工作室 2 个，名师工作室 5 个。"],
                                               region: "静安区", year: 2023)
        #expect(result.observations.map { "\($0.indicator) \($0.value) \($0.category ?? "-")" } == [
            "skill_master_studios 1 国家级", "skill_master_studios 2 省级", "master_teacher_studios 5 -",
        ])
        let joined = IndicatorSentence.extract(["学校建有国家级、自治区级技能大师工作室 3 个。"], region: "静安区", year: 2023)
        #expect(joined.observations.map { $0.category ?? "-" } == ["-"])
    }

    /// A money word alone after a programme's count names that programme's money (`amount_of`).
    @Test func aProgrammesMoneyAfterItsCount() {
        let result = IndicatorSentence.extract(["全年落实免学费学生 9,214 人、资金 1,842.8 万元，国家助学金资助 2,106 人次、资金 421.2 万元。"],
                                               region: "静安区", year: 2023)
        #expect(result.observations.map { "\($0.indicator) \($0.value)" } == [
            "tuition_free_students 9214", "tuition_free_amount 18428000", "student_aid_government 4212000",
        ])
    }

    /// `去年` opening a clause dates the clauses after it in the sentence; `今年` or a year ends that.
    @Test func lastYearOpeningAClauseDatesTheClausesAfterIt() {
        let result = IndicatorSentence.extract(["据了解，去年全区中职学校招生 4970 人，在校生 13740 人；今年在校生超过 14000 人。"],
                                               region: "静安区", year: 2024)
        #expect(result.observations.map { "\($0.indicator) \($0.year ?? 0) \($0.value)" } == [
            "new_enrollment 2023 4970", "enrollment 2023 13740", "enrollment 2024 14000",
        ])
    }

    /// A kind named by the phrase itself (`技工学校 61 所`) is the value's category; in brackets after the whole
    /// (`（含技工学校）`) it is not; qualified in brackets (`技工学校(含分校)`) it is another series, left out.
    @Test func aKindNamedByThePhraseIsTheCategory() {
        let result = IndicatorSentence.extract([
            "全区中等职业学校（含技工学校）12 所。全区另有人社部门主管的技工学校 2 所。注：独立的技工学校(含分校)2022年为3所。",
        ], region: "静安区", year: 2023)
        #expect(result.observations.map { "\($0.value) \($0.category ?? "-")" } == ["12 -", "2 技工学校"])
    }

    /// `另有` opening a clause about a kind of ours (`另有县技工学校 1 所，在校生 846 人`) states that kind's values.
    @Test func anotherKindAfterAnAsideWordIsAValueOfThatKind() {
        let result = IndicatorSentence.extract([
            "全县中等职业学校（不含技工学校）3 所，在校生 5120 人。另有县技工学校 1 所，在校生 846 人。其他 2 所学校在校生 300 人。",
        ], region: "静安区", year: 2023)
        #expect(result.observations.map { "\($0.indicator) \($0.value) \($0.category ?? "-")" } == [
            "schools 3 不含技工学校", "enrollment 5120 不含技工学校", "schools 1 技工学校", "enrollment 846 技工学校",
        ])
    }

    /// An attribute part (民办) of a narrowed whole keeps the narrowing: `不含技工学校/民办`, `技工学校/民办`.
    @Test func attributePartOfANarrowedWholeCombinesCategories() {
        let narrowed = IndicatorSentence.extract([
            "2023年，全区中等职业教育（不含技工学校，下同）共有学校 12 所，其中民办学校 3 所。",
        ], region: "静安区", year: 2023)
        #expect(narrowed.observations.map { "\($0.indicator) \($0.value) \($0.category ?? "-")" } == [
            "schools 12 不含技工学校", "schools 3 不含技工学校/民办",
        ])
        let kind = IndicatorSentence.extract(["技工学校招生 1200 人，其中民办学校招生 300 人。"], region: "静安区", year: 2023)
        #expect(kind.observations.map { "\($0.value) \($0.category ?? "-")" } == ["1200 技工学校", "300 技工学校/民办"])
        // Without a narrowing the attribute stands alone.
        let plain = IndicatorSentence.extract(["全区共有中等职业学校 12 所，其中民办学校 3 所。"], region: "静安区", year: 2023)
        #expect(plain.observations.map { $0.category ?? "-" } == ["-", "民办"])
    }

    @Test func aRegionsEventIsNotTheSubjectOfItsSchoolsAwards() {
        let result = IndicatorSentence.extract(["上海市曹杨职业技术学校连续多次获得普陀区创业设计大赛一等奖，荣获上海市职业院校学生创新创业大赛金奖1个、铜奖7个。"],
                                               region: "普陀区", year: 2023)
        #expect(result.observations.map(\.entity) == ["上海市曹杨职业技术学校", "上海市曹杨职业技术学校"])
        // The region's own words (全区) still speak for the region.
        let regional = IndicatorSentence.extract(["上海市曹杨职业技术学校获得金奖，全区中职学校共获金奖12个。"], region: "普陀区", year: 2023)
        #expect(regional.observations.map(\.entity) == ["普陀区"])
    }

    @Test func aListUnderAPlanWordIsNoValueToItsEnd() {
        let planned = IndicatorSentence.extract(["2025年拟新增1个中本贯通专业,4个中高职贯通专业。"], region: "浦东新区", year: 2024)
        #expect(planned.observations.isEmpty, "\(planned.observations.map(IndicatorSentence.summary))")
        let applied = IndicatorSentence.extract(["曹杨职校扩大贯通专业人才培养，申报了3个中高职贯通、1个中本贯通。"], region: "普陀区", year: 2023)
        #expect(applied.observations.isEmpty, "\(applied.observations.map(IndicatorSentence.summary))")
        // A superlative names a bracket, and the share after it is no change of the subject.
        let bracket = IndicatorSentence.extract(["毕业生平均起薪 3844.8 元，比 2019 年增加 16.4%；起薪范围占比最高的是 3001-4000 元之间，占 44.7%。"],
                                                region: "静安区", year: 2020)
        #expect(bracket.observations.map(IndicatorSentence.summary) == ["starting_salary 静安区 2020 3844.8 元",
                                                                         "starting_salary 静安区 2020 16.4 % change"])
        // A new subject after the list is a value again.
        let after = IndicatorSentence.extract(["拟新增2个专业，全区中职学校6所。"], region: "普陀区", year: 2023)
        #expect(after.observations.map(IndicatorSentence.summary) == ["schools 普陀区 2023 6 所"])
    }

    @Test func changeCueWithComparisonYear() {
        let result = IndicatorSentence.extract(["2022学年各中职校招收新生3,537人，较2021年增加186人。"], region: "普陀区", year: 2023)
        #expect(result.observations.map(IndicatorSentence.summary) == [
            "new_enrollment 普陀区 2022 3537 人", "new_enrollment 普陀区 2022 186 人 change"])
    }

    @Test func enumerationAfterNewlyAddedStaysAChange() {
        let result = IndicatorSentence.extract(["2024 年新增1个中本贯通和3个中高职贯通专业，截至2024年底，各校开设11个中本贯通和27个中高职贯通招生专业点。"],
                                               region: "浦东新区", year: 2024)
        #expect(result.observations.map(IndicatorSentence.summary) == [
            "through_programs_bachelor 浦东新区 2024 1 个 change", "through_programs_higher 浦东新区 2024 3 个 change",
            "through_programs_bachelor 浦东新区 2024 11 个", "through_programs_higher 浦东新区 2024 27 个"])
    }

    @Test func outOfRangeValuesAreRejectedWithAWarning() {
        let result = IndicatorSentence.extract(["2025 年毕业生本省去向落实率为 130%。", "2202 年在校生人数达 2261 人。"])
        #expect(result.observations.isEmpty)
        #expect(result.rejected.map(\.observation.indicator) == ["placement_rate", "enrollment"])
        #expect(result.rejected.map(\.reason.code) == ["value_above_max", "year_out_of_range"])
        #expect(result.warnings.count == 2 && result.warnings[0].contains("placement_rate") && result.warnings[1].contains("2202"))
    }

    @Test func planTargetsTakeThePlanYear() {
        let result = IndicatorSentence.extract(["“双师型”教师占专任教师总数达到 65%。", "到 2025 年达到 65%的专业实现贯通，建成 500 门职业教育在线开放课程。"],
                                               region: "上海市", year: 2022, title: "上海市职业教育发展“十四五”规划")
        let found = result.observations.map(IndicatorSentence.summary)
        #expect(found.first == "dual_qualified_ratio 上海市 2025 65 % target")
        #expect(found.contains("online_courses 上海市 2025 500 门 target"))
        // A plan whose title gives its period in years (made-up city and figures); a dated value stays its year's.
        let action = IndicatorSentence.extract(["2022 年全市共有中职学校 18 所。力争专任教师达到 2200 人，中职学校达到 15 所左右。"],
                                               region: "南平市", year: 2023, title: "南平市职业教育高质量发展三年行动方案（2023—2025年）")
        #expect(action.observations.map(IndicatorSentence.summary) == [
            "schools 南平市 2022 18 所", "fulltime_teachers 南平市 2025 2200 人 target", "schools 南平市 2025 15 所 target"])
        let moreTargets = IndicatorSentence.extract(["到 2025 年，全市中职学校数调整至 40 所，建成市级名师工作室 30 个。"],
                                                    region: "唐山市", year: 2023, title: "唐山市中等职业教育提质培优实施方案")
        #expect(moreTargets.observations.map(IndicatorSentence.summary) == [
            "schools 唐山市 2025 40 所 target", "master_teacher_studios 唐山市 2025 30 个 target"])
        let plans = IndicatorFixtures.rules.plans
        #expect(plans.lastYear(ofPlanTitled: "2023年浦江县教育事业统计公报") == nil)
        #expect(plans.lastYear(ofPlanTitled: "职业教育提质培优行动计划（2020-2023年）") == 2023)
        #expect(plans.lastYear(ofPeriod: "十三五") == 2020)
    }

    @Test func respectivelyAssignsInOrder() {
        let result = IndicatorSentence.extract(["2020 年，在编在岗的教职工总数、专任教师总数、专业教师总数分别为 10643 人、7901 人和 4256 人，生师比为 12.3:1。"],
                                               region: "上海市", year: 2020)
        #expect(result.observations.map(IndicatorSentence.summary) == [
            "staff_on_payroll 上海市 2020 10643 人", "fulltime_teachers 上海市 2020 7901 人",
            "specialty_teachers 上海市 2020 4256 人", "student_teacher_ratio 上海市 2020 12.3 ratio"])
    }

    @Test func partsOfATotalShareAGroup() {
        let result = IndicatorSentence.extract(["2025 年，静安区中职校中级及以上职称有 167 人，其中副高级 43 人，中级 124 人。"])
        let grouped = result.observations.filter { $0.group != nil }
        #expect(grouped.count == 3)
        #expect(Set(grouped.map(\.group)).count == 1)
        #expect(grouped.first { $0.role == .total }?.value == 167)
    }
}

/// `其他 N 所…共 X` after a `其中` list: the rest of the list's total (issue 11 item 5).
@Suite struct IndicatorRemainderTests {
    @Test func theRestOfAListIsItsGroupsRemainder() throws {
        let result = IndicatorSentence.extract(
            ["2022 年普陀区中职学校在校生 5,200 人，其中曹杨职校 1,282 人、经济管理学校 1,100 人，其他 4 所学校共 2,818 人。"],
            region: "普陀区", year: 2023)
        let rest = try #require(result.observations.first { $0.role == .remainder })
        #expect(IndicatorSentence.summary(rest) == "enrollment 普陀区 2022 2818 人")
        #expect(rest.category == "其他")
        #expect(rest.raw.hasPrefix("2,818"))
        #expect(rest.ruleId == "enrollment/remainder")
        let total = try #require(result.observations.first { $0.role == .total })
        #expect(total.value == 5200 && total.entity == "普陀区")
        #expect(rest.group == total.group && rest.group != nil)
        #expect(result.observations.filter { $0.role == .part }.map(\.value) == [1282, 1100])
        // `4 所` is the number of the other schools, no value of anyone's.
        #expect(!result.observations.contains { $0.indicator == "schools" })
        // The rest is no ordinary value of the region.
        #expect(result.observations.filter { $0.role == nil || $0.role == .total }.map(\.value) == [5200])
    }

    @Test func withoutAListTheRestIsNoValue() {
        let alone = IndicatorSentence.extract(["2022 年曹杨职校在校生 1,282 人，其他 5 所学校共 3,918 人。"],
                                              region: "普陀区", year: 2023)
        #expect(alone.observations.map(IndicatorSentence.summary) == ["enrollment 上海市曹杨职业技术学校 2022 1282 人"])
        let range = IndicatorSentence.extract(["其他 5 所中职学校生均经费基本保持在 5.49-6.12 万元水平。"],
                                              region: "普陀区", year: 2023)
        #expect(range.observations.isEmpty)
    }

    @Test func aRateHasNoRest() {
        let result = IndicatorSentence.extract(["2022 年全区毕业去向落实率 97.5%，其中曹杨职校 98.1%，其他学校 97.2%。"],
                                               region: "普陀区", year: 2023)
        #expect(!result.observations.contains { $0.role == .remainder })
        #expect(!result.observations.contains { $0.value == Decimal(string: "97.2") })
    }

    /// A programme within the intake (`“3+2”贯通培养招生`, `五年一贯制高职招生`) and schools of a rating
    /// (`省级重点中职学校 11 所`) are no values of the whole.
    @Test func programmesWithinTheIntakeAndRatedSchoolsAreNoValues() {
        let found = IndicatorSentence.extract(["全省中职学校招生52.3万人。其中，中高职“3+2”贯通培养招生6.3万人，五年一贯制高职招生2.8万人。",
                                               "全省共有中等职业学校386所，其中国家级重点中职学校11所。"],
                                              region: "河南省", year: 2024, title: "河南省2024年中等职业教育质量报告")
            .observations.map(IndicatorSentence.summary)
        #expect(found.contains("new_enrollment 河南省 2024 523000 人"))
        #expect(!found.contains { $0.contains(" 63000 ") || $0.contains(" 28000 ") })
        #expect(found.contains("schools 河南省 2024 386 所") && !found.contains { $0.hasPrefix("schools 河南省 2024 11 ") })
    }

    /// `其中，技工学校招生 1,020 人`: a kind's value of the indicator named after it, not of the sentence before's.
    @Test func aKindsValueOfTheIndicatorNamedAfterIt() {
        let found = IndicatorSentence.extract(["全县共有中等职业学校（含技工学校）3所。招生4,215人；毕业生3,427人。其中，技工学校招生1,020人，在校生2,874人。"],
                                              region: "沂水县", year: 2023, title: "沂水县2023年教育事业统计公报")
            .observations.map { "\(IndicatorSentence.summary($0)) [\($0.category ?? "-")]" }
        #expect(found.contains("new_enrollment 沂水县 2023 1020 人 [技工学校]"))
        #expect(!found.contains { $0.hasPrefix("graduates 沂水县 2023 1020") })
    }

    /// A clause naming the indicator again after a `其中` list speaks of the whole, not of the list's last kind.
    @Test func aClauseNamingTheIndicatorAgainEndsTheList() {
        let found = IndicatorSentence.extract(["2023年学院招收全日制新生2,106人，其中中级工班1,210人、高级工班786人，招生人数比上年增长9.2%。"],
                                              region: "株洲市", year: 2023, title: "株洲市渌江技师学院2023年质量年度报告")
            .observations.map { "\(IndicatorSentence.summary($0)) [\($0.category ?? "-")]" }
        #expect(found.contains("new_enrollment 株洲市渌江技师学院 2023 9.2 % change [-]"))
        #expect(found.contains("new_enrollment 株洲市渌江技师学院 2023 786 人 [高级工班]"))
    }

    /// `就业率（含升学）97.2%`: a phrase in inclusion brackets says what the phrase before counts, not the value's.
    @Test func aPhraseInInclusionBracketsNamesNoValue() {
        let found = IndicatorSentence.extract(["全区中职毕业生4320人，毕业生就业率（含升学）97.2%。"],
                                              region: "渝北区", year: 2024, title: "渝北区2024年中等职业教育质量报告")
            .observations.map(IndicatorSentence.summary)
        #expect(found.contains("employment_rate 渝北区 2024 97.2 %"))
        #expect(!found.contains { $0.hasPrefix("further_study_rate") })
    }
}

/// Phrasings of school reports and news items from other provinces (probe batch 16's development half).
@Suite struct OtherPhrasingsTests {
    func found(_ text: String) throws -> [String] {
        try IndicatorSentence.extractDocument(text).observations.map(IndicatorSentence.summary)
    }

    /// `由…下降到…`, `从…增至…`: the level it went to; where it started is no value.
    @Test func aLevelsMovementGivesWhereItWent() throws {
        let values = try found("""
        宜昌市2023年中等职业教育质量年度报告

        2023年，全市中职学校生师比由五年前的26:1下降到20.4:1，专任教师由1200人增加到1500人，招生人数从3000人增至3500人。
        """)
        #expect(values.contains("student_teacher_ratio 宜昌市 2023 20.4 ratio"), "\(values)")
        #expect(values.contains("fulltime_teachers 宜昌市 2023 1500 人"), "\(values)")
        #expect(values.contains("new_enrollment 宜昌市 2023 3500 人"), "\(values)")
        #expect(!values.contains { $0.contains(" 26 ") || $0.contains(" 1200 ") || $0.contains(" 3000 ") })
    }

    /// Students counted before what they did (`1580名学生取得职业技能等级证书`), those who went on counted after
    /// the college they entered (`升入高等职业院校554人`), not a list item in brackets nor one part beside `升入本科`.
    @Test func whoWentOnAndWhoWasCertified() throws {
        let values = try found("""
        遵义市红花岗区职业中等专业学校2024年度质量报告

        全年共有1580名学生取得职业技能等级证书。
        2024届毕业生941人，升入高等职业院校554人（其中升入本科23人）。
        其中升学430人（含升入本科院校26人、升入高职高专院校398人）。
        通过对口单招升入高职院校112人，升入本科院校9人。
        """)
        #expect(values.contains("certificates_obtained 遵义市红花岗区职业中等专业学校 2024 1580 人"), "\(values)")
        #expect(values.contains("further_study 遵义市红花岗区职业中等专业学校 2024 554 人"), "\(values)")
        #expect(!values.contains { $0.hasPrefix("further_study") && ($0.contains(" 398 ") || $0.contains(" 112 ")) }, "\(values)")
    }

    /// `开设…等专业14个`: the programmes listed, then their count; a province's `规范化中等职业学校` is a rating,
    /// not a school.
    @Test func programmesListedThenCounted() throws {
        let values = try found("""
        济宁市任城区运河职业中等专业学校2024年度质量报告

        我校是山东省规范化中等职业学校，开设数控技术应用、汽车运用与维修、电子商务、学前教育等专业14个。
        """)
        #expect(values == ["specialties 济宁市任城区运河职业中等专业学校 2024 14 个"], "\(values)")
    }

    /// A news item without a title: a figure said to be current is of the year it was published, `去年` the year
    /// before; a year stated in the sentence dates its own figure.
    @Test func aNewsItemsPresentAndLastYear() throws {
        let values = try found("""
        我省召开职业教育工作大会
        2024-05-17 08:32　来源：贵州日报

        会议通报，2023年，贵州省中等职业学校招生14.2万人。
        目前，全省共有中职学校168所。
        遵义市现有中等职业学校15所，2023年招生2.35万人。去年该市中职毕业生就业率为96.9%。
        """)
        #expect(values.contains("new_enrollment 贵州省 2023 142000 人"), "\(values)")
        #expect(values.contains("schools 贵州省 2024 168 所"), "\(values)")
        #expect(values.contains("schools 遵义市 2024 15 所"), "\(values)")
        #expect(values.contains("new_enrollment 遵义市 2023 23500 人"), "\(values)")
        #expect(values.contains("employment_rate 遵义市 2023 96.9 %"), "\(values)")
    }

    /// `另有人社部门管理的技工学校9所，招生0.46万人`: a kind after a qualifier opens the clause and speaks for the
    /// clauses after it; `N名毕业生中，…` counts the graduates; a case's class (`该班`) and a first cohort (`首批`)
    /// are no entity's figures.
    @Test func kindsCohortsAndClasses() throws {
        let values = try found("""
        宜昌市2023年教育事业发展统计公报

        全市另有人社部门管理的技工学校9所，招生0.46万人，在校生1.12万人。
        """)
        #expect(values.contains("new_enrollment 宜昌市 2023 4600 人"), "\(values)")
        let result = try IndicatorSentence.extractDocument("""
        宜昌市2023年教育事业发展统计公报

        全市另有人社部门管理的技工学校9所，招生0.46万人，在校生1.12万人。
        """)
        #expect(result.observations.filter { $0.category == "技工学校" }.map(\.value) == [9, 4600, 11200])
        let school = try found("""
        大连市甘井子区海湾财经职业学校2023年度质量年报

        从去向看，2023届941名毕业生中，升入高等职业院校554人。
        2024年6月，该班40人全部通过考核，月平均起薪达4600元。
        2025年，首批26名毕业生中，14人加入消防救援队伍。
        """)
        #expect(school.contains("graduates 大连市甘井子区海湾财经职业学校 2023 941 人"), "\(school)")
        #expect(!school.contains { $0.contains(" 4600 ") || $0.contains(" 26 ") || $0.contains(" 40 ") }, "\(school)")
    }

    /// `教育经费总投入118.6亿元，其中中等职业教育经费…`: a figure of all levels whose part for ours the sentence gives
    /// next is not ours; one whose clause names our level is (`全市中职在校生2.1万人，其中…`).
    @Test func aFigureOfAllLevelsBeforeOurPart() throws {
        let values = try found("""
        宜昌市2023年教育事业发展统计公报

        2023年全市教育经费总投入118.6亿元，其中中等职业教育经费9.42亿元。
        全市中职在校生2.1万人，其中中等职业学校1.5万人。
        """)
        #expect(!values.contains { $0.contains(" 11860000000 ") }, "\(values)")
        #expect(values.contains("enrollment 宜昌市 2023 21000 人"), "\(values)")
    }

    /// A school year in the title (`2023—2024学年质量年度报告`) is the year it ends.
    @Test func aSchoolYearInTheTitle() throws {
        let values = try found("""
        银川市兴庆区贺兰山职业技术学校
        2023—2024学年质量年度报告

        学校现有专任教师138人。
        """)
        #expect(values == ["fulltime_teachers 银川市兴庆区贺兰山职业技术学校 2024 138 人"], "\(values)")
    }
}
