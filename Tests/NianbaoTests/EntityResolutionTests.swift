import Foundation
import Testing
import NianbaoModel
@testable import Indicators

/// The open-world entity rules: the gazetteer, school names by suffix, and what they refuse.
struct EntityResolutionTests {
    static let rules: RuleSet = try! RuleSet.load(directory: TestPaths.repoRoot.appendingPathComponent("rules"))

    func schools(_ text: String) -> [String] {
        let scalars = AnalysedText(text).scalars
        let regions = Self.rules.gazetteer.matches(in: scalars)
        return Self.rules.schoolFinder.find(in: scalars, regions: regions).map(\.name)
    }

    @Test func gazetteerKnowsEveryLevelAndTheirParents() throws {
        let haining = try #require(Self.rules.gazetteer.regions(named: "宁海县").first)
        #expect(haining.level == .county)
        let chain = Self.rules.gazetteer.ancestors(of: haining).map(\.name)
        #expect(chain == ["宁波市", "浙江省", "全国"])
        // Short names of provinces and prefectures resolve to the full name; counties' do not match alone.
        #expect(Self.rules.gazetteer.canonicalName("宁波") == "宁波市")
        #expect(Self.rules.gazetteer.matches(in: AnalysedText("宁海的学生").scalars).isEmpty)
        let found = Self.rules.gazetteer.matches(in: AnalysedText("广州市番禺区和南沙区").scalars).map(\.name)
        #expect(found == ["广州市", "番禺区", "南沙区"])
    }

    @Test func schoolNamesEndInASuffixAndStartAtAPlaceOrAStopWord() {
        #expect(schools("金华市婺城区职业中等专业学校是婺城区人民政府主办的全日制中等职业学校") == ["金华市婺城区职业中等专业学校"])
        #expect(schools("我校德州信息工程中等专业学校位于") == ["德州信息工程中等专业学校"])
        #expect(schools("学校简介金坛市职业教育中心是由") == ["金坛市职业教育中心"])
        #expect(schools("2025年周口市郸城县科技职业中等专业学校") == ["周口市郸城县科技职业中等专业学校"])
        #expect(schools("安庆工业学校设备设施如何") == ["安庆工业学校"])
    }

    /// Made-up names in the forms schools elsewhere take: a short name a city shares only with its own
    /// district (`广安`), a college's attached school, `对外` (it holds the stop `对`), `…中学校`.
    @Test func schoolNamesOfOtherForms() {
        #expect(schools("广安职业技术学院附属中等职业学校现有") == ["广安职业技术学院附属中等职业学校"])
        #expect(schools("哈尔滨市对外贸易学校位于") == ["哈尔滨市对外贸易学校"])
        #expect(schools("四川省广元市职业高级中学校") == ["四川省广元市职业高级中学校"])
        #expect(schools("铜陵市中等职业技术教育中心2023年质量年度报告") == ["铜陵市中等职业技术教育中心"])
        #expect(Self.rules.gazetteer.canonicalName("广安") == "广安市")
        // Shared with a division elsewhere, a short name stays unmatched (吉林省 and 吉林市).
        #expect(Self.rules.gazetteer.regions(named: "吉林").isEmpty)
    }

    /// A listed school's short name (`贸易学校` of 上海市贸易学校) inside another school's name is not that school;
    /// after places only (`普陀区曹杨职校`) it still is.
    @Test func aListedShortNameInsideAnotherSchoolsNameIsNotThatSchool() {
        let found = EntityAndYearInSentenceTests().extract(["哈尔滨市对外贸易学校在校生 1200 人，普陀区曹杨职校在校生 900 人。"],
                                                           region: "普陀区", year: 2022, title: "2022年普陀区中等职业教育质量报告")
        #expect(found.map { $0.entity ?? "-" } == ["哈尔滨市对外贸易学校", "上海市曹杨职业技术学校"])
        let rules = IndicatorFixtures.rules
        let subject = SubjectResolver(rules: rules, finder: rules.schoolFinder).listedSchool(in: "哈尔滨市对外贸易学校")
        #expect(subject == nil)
    }

    @Test func genericPhrasesAreNoSchools() {
        // A district's schools, a school type, a verb before a weak suffix.
        #expect(schools("普陀区中等职业技术学校共有在校生8116人").isEmpty)
        #expect(schools("静安区中职校毕业生").isEmpty)
        #expect(schools("特殊教育学校 Special Education Schools").isEmpty)
        #expect(schools("加大投入支持职业学校建设名师工作室").isEmpty)
        #expect(schools("积极推进中高职贯通培养试点学校建设").isEmpty)
    }
}

/// Entities and years as a whole sentence resolves them, with how they were decided.
struct EntityAndYearInSentenceTests {
    func extract(_ paragraphs: [String], region: String? = nil, year: Int? = nil, title: String = "") -> [Observation] {
        var document = IndicatorSentence.document(paragraphs, title: title)
        document.frontMatter = FrontMatter(title: title, region: region, reportYear: year)
        return IndicatorExtractor(rules: IndicatorFixtures.rules).extract(from: document).observations
    }

    @Test func schoolYearsAndGraduatingClassesMapToOneYear() {
        let found = extract(["2020—2021学年全日制在校生 3434 人。", "2022届毕业生 1218 人。",
                             "2016.9—2017.8 招生人数 1200 人。", "2021~2022学年初在校生 5000 人。"],
                            title: "宁海县第一职业中学质量报告")
        #expect(found.map { "\($0.indicator) \($0.year ?? 0) \($0.yearSource ?? "-")" }
                == ["enrollment 2021 clause", "graduates 2022 clause", "new_enrollment 2017 clause", "enrollment 2021 clause"])
    }

    @Test func aSchoolTitleIsTheSubjectAndItsWordsResolveToIt() {
        let found = extract(["我校专任教师 231 人，全市中职学校专任教师 5000 人。"], title: "2018年金华市婺城区职业中等专业学校质量报告")
        #expect(found.map { "\($0.entity ?? "-") \($0.entitySource ?? "-")" }
                == ["金华市婺城区职业中等专业学校 subject_word", "金华市 subject_word"])
    }

    @Test func subjectWordsNameTheSubjectOrItsAncestorOfTheirLevel() {
        let region = extract(["全区中职学校在校生人数 1000 人。"], title: "2020年广西壮族自治区中等职业教育质量年度报告")
        #expect(region.map { "\($0.entity ?? "-") \($0.entitySource ?? "-")" } == ["广西壮族自治区 subject_word"])
        let district = extract(["全区在校生人数 1000 人，全市在校生人数 50000 人。"], title: "2020年宁波市鄞州区中等职业教育质量报告")
        #expect(district.map { "\($0.entity ?? "-")" } == ["鄞州区", "宁波市"])
    }

    @Test func bulletinParagraphsAndClausesAboutOtherLevelsGiveNothingOfOurs() {
        let found = extract(["——小学。在校生 22250 人，比上年减少 336 人。",
                             "2、小学招生人数 105655 人；技工在校生人数 33868 人，比去年增加 1059 人。",
                             "幼儿专任教师 15311 人；中职专任教师 2472 人。",
                             "普通高中在校生 1000 人。",
                             "全市各级各类学校在校生人数 1402600 人，比去年增加 60568 人。",
                             "全日制在校生 9600 人。",
                             // (a verb between the region word and the level does not hide it either)
                             "全县共有各级各类学校 126 所，在校学生 85632 人，专任教师 6215 人。",
                             "全市共有普通高等学校 10 所，普通本专科招生 5.62 万人。"],
                            year: 2021, title: "2021年惠州市教育统计基本情况")
        #expect(found.map { "\($0.indicator) \($0.value) \($0.category ?? "-")" } == [
            "enrollment 33868 技工学校", "enrollment 1059 技工学校", "fulltime_teachers 2472 -", "general_enrollment 1000 -",
            // (a region word before the level does not hide it; an attribute opening a clause is no breakdown)
            "enrollment 9600 -",
        ])
    }

    /// A bulletin's section on another level (`二、义务教育`) speaks for it even where its paragraph names no level;
    /// a paragraph opening with ours still gives ours (made-up figures).
    @Test func aSectionOnAnotherLevelGivesNothingOfOurs() {
        func extract(_ paragraphs: [String], section: String) -> [Observation] {
            var document = IndicatorSentence.document(paragraphs, title: "2023年德州市教育事业统计公报", sectionTitle: section)
            document.frontMatter = FrontMatter(title: "2023年德州市教育事业统计公报", region: nil, reportYear: 2023)
            return IndicatorExtractor(rules: IndicatorFixtures.rules).extract(from: document).observations
        }
        #expect(extract(["全市共有学校 862 所，招生 13.2 万人，在校生 78.5 万人。"], section: "义务教育").isEmpty)
        #expect(extract(["全市共有中等职业学校 32 所，在校生 8.12 万人。"], section: "义务教育").map(\.value) == [32, 81200])
        #expect(extract(["全市共有学校 32 所，在校生 8.12 万人。"], section: "中等职业教育").map(\.value) == [81200])
    }

    @Test func kindsListedAfterAValueAreItsCategories() {
        // Made-up figures in the forms bulletins use: a breakdown in brackets, a `其中` list.
        let found = extract(["全市有中等职业学校 20 所（公办学校 12 所、民办学校 8 所），在校生 30000 人（其中全日制学生 26000 人，"
                             + "非全日制学生 4000 人）。中职学校 20 所，其中：职业高中 9 所，普通中等专业学校 11 所。"],
                            year: 2021, title: "2021年嘉兴市中等职业教育质量报告")
        #expect(found.map { "\($0.indicator) \($0.value) \($0.category ?? "-")" } == [
            "schools 20 -", "schools 12 公办", "schools 8 民办", "enrollment 30000 -", "enrollment 26000 全日制",
            "enrollment 4000 非全日制", "schools 20 -", "schools 9 职业高中", "schools 11 普通中专",
        ])
        // The same kinds listed after `其中` in a sentence of their own clauses.
        let listed = extract(["全市共有中等职业学校 23 所，其中公办学校 15 所，民办学校 8 所。"], year: 2022,
                             title: "2022年宜宾市中等职业教育质量报告")
        #expect(listed.map { "\($0.indicator) \($0.value) \($0.category ?? "-")" } == ["schools 23 -", "schools 15 公办", "schools 8 民办"])
        // `另有技工学校 21 所`: the kind the clause opens with after `另有`.
        let besides = extract(["全市共有中等职业学校 38 所；另有技工学校 21 所，招生 1.28 万人。"], year: 2023,
                              title: "2023年赣州市教育事业统计公报")
        #expect(besides.map { "\($0.indicator) \($0.value) \($0.category ?? "-")" } == [
            "schools 38 -", "schools 21 技工学校", "new_enrollment 12800 技工学校"])
        // Another level with an attribute is not ours (`民办高校`).
        let other = extract(["全市有中等职业学校 20 所（其中民办高校 3 所）。"], year: 2021, title: "2021年嘉兴市中等职业教育质量报告")
        #expect(other.map { "\($0.indicator) \($0.value) \($0.category ?? "-")" } == ["schools 20 -"])
    }

    @Test func aHistorySentenceDatesNoLaterFigure() {
        // Made-up school: the rename year is history; the figures after it are the report's year.
        let found = extract(["学校创办于1958年，1994年易名为嘉兴市甲乙职业学校，现有教职工191人，在校学生3136人。"
                             + "2019年招生人数1000人。"], year: 2020, title: "2020年嘉兴市甲乙职业学校质量报告")
        #expect(found.map { "\($0.indicator) \($0.value) \($0.year ?? 0)" } == [
            "staff_total 191 2020", "enrollment 3136 2020", "new_enrollment 1000 2019",
        ])
    }

    @Test func inASchoolsDocumentRegionsNamedInEarlierClausesAreNotWhoseTheNumberIs() {
        // Made-up profile: the province's name in an honour and in the school's location.
        let found = extract(["嘉兴市甲乙职业学校坐落于浙江省嘉兴市，是一所公办中等职业学校、浙江省示范学校，有全日制在校生2268人，"
                             + "全市共有中职学校12所。"], year: 2021, title: "嘉兴市甲乙职业学校简介")
        #expect(found.map { "\($0.indicator) \($0.value) \($0.entity ?? "-")" } == [
            "enrollment 2268 嘉兴市甲乙职业学校", "schools 12 嘉兴市",
        ])
    }

    @Test func anOpeningHistoryNamesTheSchoolByTheNameItTook() {
        // Made-up history: the former name first, two mergers, the last one's name is the school's now.
        let found = extract(["学校创办于1985年，原名“嘉兴甲乙职业学校”，2001年与嘉兴丙丁学校合并为嘉兴市戊己职业教育中心，"
                             + "2014年合并为嘉兴市甲乙中等职业技术学校。",
                             "学校现有在校生4260人。"], year: 2020)
        #expect(found.map { "\($0.indicator) \($0.value) \($0.entity ?? "-")" } == ["enrollment 4260 嘉兴市甲乙中等职业技术学校"])
    }

    @Test func aBareChangeWordInTheNextClauseIsAChangeOfTheSubject() {
        let found = extract(["2019年，全省中等职业学校财政性教育经费总投入为29.5亿元，增长8.34%；生均一般公共预算教育事业费支出为"
                             + "17821.52元，比上年增加2775.99元，增长18.45%。"], year: 2019, title: "2019年广东省中等职业教育质量报告")
        #expect(found.map { "\($0.indicator) \($0.value) \($0.qualifier?.rawValue ?? "-")" } == [
            "fiscal_funding 2950000000 -", "fiscal_funding 8.34 change", "operating_funding_per_student 17821.52 -",
            "operating_funding_per_student 2775.99 change", "operating_funding_per_student 18.45 change",
        ])
    }

    /// `吴忠市技工学校` may be the city's technical schools or one school: a title naming it, over a text that
    /// opens `吴忠市技工学校隶属…`, is about the school (made-up figures).
    @Test func aPlaceAndAWeakSuffixIntroducedAsOneSchoolIsTheSchool() {
        let title = "吴忠市技工学校2023年度技工教育质量报告"
        let school = extract(["吴忠市技工学校隶属吴忠市人力资源和社会保障局，是国家级重点技工学校。", "学校现有教职工196人。"], title: title)
        #expect(school.map { "\($0.value) \($0.entity ?? "-")" } == ["196 吴忠市技工学校"])
        let region = extract(["全市技工学校现有教职工1960人。"], title: title)
        #expect(region.map { "\($0.value) \($0.entity ?? "-")" } == ["1960 吴忠市"])
    }

    /// Another region glued to the words after it in an earlier clause names a kind of thing (`全国行业企业培训中心`);
    /// glued to secondary vocational education (`全国中等职业教育`) it is still whose the figures are.
    @Test func aRegionNamingAKindOfThingIsNotWhose() {
        let found = extract(["共有 19 个全国行业企业培训中心、71 个上海行业企业培训中心，开展职业培训超过 14 万人次。",
                             "2023年全国中等职业教育共招生454.04万人，在校生1298.46万人。"],
                            region: "上海市", year: 2023, title: "2023年上海市中等职业教育质量年度报告")
        #expect(found.map { "\($0.indicator) \($0.entity ?? "-")" } == [
            "training_participants 上海市", "new_enrollment 全国", "enrollment 全国"])
    }

    /// `省内` says where: in a school's document the figure stays the school's (made-up figures).
    @Test func aLocativeWordIsNoOnesInASchoolsDocument() {
        let found = extract(["学校与省内高职院校合作开设中高职贯通专业 3 个。"], title: "文山壮族苗族自治州卫生学校2023年质量年度报告")
        #expect(found.map { "\($0.indicator) \($0.entity ?? "-")" } == ["through_programs_higher 文山壮族苗族自治州卫生学校"])
    }

    @Test func aSchoolProfileIsAboutTheSchoolItNamesEvenOnce() {
        // Made-up profile page: the province is named more often than the school, once.
        let found = extract(["学校简介", "学校创办于1983年，湖南省教育厅同意以嘉兴甲乙职业中专学校为名，湖南省示范学校。",
                             "学校现有教职工186人，其中专任教师157人。"])
        #expect(found.map { "\($0.indicator) \($0.value) \($0.entity ?? "-")" } == [
            "staff_total 186 嘉兴甲乙职业中专学校", "fulltime_teachers 157 嘉兴甲乙职业中专学校",
        ])
    }

    @Test func nationalFiguresInTenThousandsAndAnExcludedKind() {
        let found = extract(["全国中等职业教育（不含人社部门管理的技工学校）在校生1298.46万人。"
                             + "2015年，全国中等职业学校毕业生人数为515.47万，就业率为96.30%。"], year: 2023,
                            title: "教育部：全国中等职业教育质量报告")
        #expect(found.map { "\($0.indicator) \($0.value) \($0.unit) \($0.category ?? "-")" } == [
            "enrollment 12984600 人 不含技工学校", "graduates 5154700 人 -", "employment_rate 96.3 % -",
        ])
        // What a paragraph says its whole leaves out holds for that entity's later figures of the whole, not for
        // another entity's (made-up figures).
        let scoped = extract(["全市共有中等职业学校（不含技工学校）38所。中等职业学校教职工6215人。全国中职学校在校生1298万人。"],
                             year: 2023, title: "2023年赣州市教育事业统计公报")
        #expect(scoped.map { "\($0.indicator) \($0.entity ?? "-") \($0.category ?? "-")" } == [
            "schools 赣州市 不含技工学校", "staff_total 赣州市 不含技工学校", "enrollment 全国 -"])
        // A sentence on the whole report (`本报告数据均不含…技工学校`) leaves the kind out of all the subject's figures.
        let documentWide = extract(["说明：除特别注明外，本报告数据均不含人社部门主管的技工学校。", "全市中职学校全日制在校生 24863 人。"],
                                   year: 2022, title: "2022年西宁市中等职业教育质量年度报告")
        #expect(documentWide.map { "\($0.indicator) \($0.entity ?? "-") \($0.category ?? "-")" } == [
            "enrollment 西宁市 不含技工学校"])
        // The kind left out in brackets right after the first value holds for it too (made-up figures).
        let bracketed = extract(["全市共有中等职业学校 26 所（不含技工学校），招生 1.56 万人。"], year: 2020,
                                title: "2020年芜湖市教育事业发展统计公报")
        #expect(bracketed.map { "\($0.indicator) \($0.value) \($0.category ?? "-")" } == [
            "schools 26 不含技工学校", "new_enrollment 15600 不含技工学校",
        ])
    }

    @Test func aSentenceOpeningWithQizhongListsPartsOfTheOneBefore() {
        let found = extract(["2020年，学校在校生总数 2786 人，与上年基本持平。其中高一年级 1001 人，高二年级 919 人，高三年级 866 人。"],
                            title: "宁海县第一职业中学质量报告")
        #expect(found.map { "\($0.indicator) \($0.value) \($0.category ?? "-")" } == [
            "enrollment 2786 -", "enrollment 1001 高一年级", "enrollment 919 高二年级", "enrollment 866 高三年级",
        ])
    }

    @Test func aSentenceOpeningWithOursEndsTheParagraphsOtherLevel() {
        let found = extract(["全省高中阶段教育招生数、在校生数均略有增加。全省中等职业学校招生数为31.48万人。"
                             + "与2018年相比，招生增加5.9%。"], year: 2019, title: "2019年广东省中等职业教育质量报告")
        #expect(found.map { "\($0.indicator) \($0.value) \($0.qualifier?.rawValue ?? "-")" } == [
            "new_enrollment 314800 -", "new_enrollment 5.9 change",
        ])
    }

    @Test func withoutASubjectAValueKeepsNoEntityAndSaysWhy() throws {
        let found = extract(["专任教师 231 人。"])
        let value = try #require(found.first)
        #expect(value.entity == nil)
        #expect(value.entitySource?.hasPrefix("unresolved: ") == true)
        #expect(value.year == nil)
        #expect(value.yearSource?.hasPrefix("unresolved: ") == true)
    }

    @Test func aYearNamedInTheBodyIsTheDocumentsYearWhenNothingElseIs() {
        let found = extract(["2018 年招生人数 1214 人，2018 年毕业生 1218 人。", "学校现有专任教师 231 人。"],
                            title: "安庆工业学校")
        #expect(found.map { "\($0.indicator) \($0.year ?? 0) \($0.yearSource ?? "-")" }
                == ["new_enrollment 2018 clause", "graduates 2018 clause", "fulltime_teachers 2018 body_years"])
    }

    @Test func aComparedYearDatesTheValueAfterIt() {
        let found = extract(["2018 年毕业生 1218 人，2017 年毕业生数 1357 人。与 2017 年相比，招生人数增加 58 人。"],
                            title: "安庆工业学校")
        #expect(found.map { "\($0.indicator) \($0.year ?? 0) \($0.qualifier?.rawValue ?? "-") \($0.yearSource ?? "-")" }
                == ["graduates 2018 - clause", "graduates 2017 - clause", "new_enrollment 2018 change paragraph"])
    }
}
