import Foundation
import Testing
import NianbaoModel
import Extraction
import Cleaning
import Segmentation
@testable import Indicators

/// Statistics tables in the text forms yearbooks and bulletins come in: a layout export's letter-spaced header
/// a blank line above its rows, words stacked over a column, footnote marks on values, a sub-column holding its
/// header's whole, another level's table, and a page whose only subject is the parent of the regions it lists.
@Suite struct StatisticsTableFormTests {
    func observations(_ text: String, path: String = "t.txt") throws -> (found: [String], document: IndicatorResult) {
        let result = try IndicatorSentence.extractDocument(text, format: path.hasSuffix(".html") ? .html : .text)
        return (result.observations.map { "\(IndicatorSentence.summary($0)) [\($0.category ?? "-")]" }, result)
    }

    @Test func aLayoutExportsLetterSpacedHeaderOverABlankLine() throws {
        let text = """
        山西统计年鉴—2024                                                 二十、教育

                              20-8  中等职业教育基本情况

                                                                        比上年
          指    标      单  位          2022年    2023年   增长(%)

        学校数          所                 409       402      -1.7
        招生数          人              138150    142877       3.4
          #专任教师     人               25133     25581       1.8
        生师比          以教师为1        15.22     15.49         —

                              20-9  普通高中基本情况

          指    标      单  位          2022年    2023年   增长(%)

        学校数          所                 503       499      -0.8
        招生数          人              241972    246318       1.8
        """
        let found = try observations(text).found
        #expect(found.contains("schools 山西省 2023 402 所 [-]"))
        #expect(found.contains("new_enrollment 山西省 2023 3.4 % change [-]"))
        #expect(found.contains("fulltime_teachers 山西省 2022 25133 人 [-]"))
        #expect(found.contains("student_teacher_ratio 山西省 2023 15.49 ratio [-]"))
        // Another level's table gives only its counterparts of ours.
        #expect(found.contains("general_new_enrollment 山西省 2023 246318 人 [-]"))
        #expect(!found.contains { $0.hasPrefix("schools 山西省 2023 499") })
    }

    @Test func aFootnoteMarkedValueAndALevelOpenedAfterAFiller() throws {
        let text = """
        宝鸡市2023年国民经济和社会发展统计公报

        全年研究生教育招生908人，毕业生614人。中等职业教育招生1.46万人，比上年增长3.5%。

                              表9　2023年各级各类学校招生情况
                                                      单位：万人，%
          指　标                  招生数      比上年增长
        普通本专科                  2.61         4.0
        中等职业教育①              1.46*        3.5
        """
        let found = try observations(text).found
        #expect(found.contains("new_enrollment 宝鸡市 2023 14600 人 [-]"))
        #expect(!found.contains { $0.hasPrefix("new_enrollment 宝鸡市 2023 908 ") })
        #expect(!found.contains { $0.hasPrefix("graduates 宝鸡市 2023 614 ") })
    }

    /// A bulletin's layout table: indicators spanning `绝对数 | 比上年增长` sub-columns over rules, rows of levels, the
    /// scale only on the unit line (`单位：万人，%`).
    @Test func aLayoutTableOfLevelsUnderSpanningIndicators() throws {
        let text = """
        宝鸡市2023年国民经济和社会发展统计公报

                    表9　2023年各级各类学校招生、在校生情况
                                                      单位：万人，%
        ────────────────────────────────────────
                                    招 生 数              在 校 生 数
          指　标          ───────────  ───────────
                              绝对数  比上年增长      绝对数  比上年增长
        ────────────────────────────────────────
        普通本专科              2.61         4.0        8.35         3.3
        中等职业教育①           1.46         3.5       4.12*         2.7
        普通高中                2.87         1.1        8.40         2.4
        ────────────────────────────────────────
        """
        let found = try observations(text).found
        #expect(found.contains("new_enrollment 宝鸡市 2023 14600 人 [-]"))
        #expect(found.contains("new_enrollment 宝鸡市 2023 3.5 % change [-]"))
        #expect(found.contains("enrollment 宝鸡市 2023 41200 人 [-]"))
        #expect(found.contains("general_enrollment 宝鸡市 2023 84000 人 [-]"))
        #expect(found.contains("general_new_enrollment 宝鸡市 2023 1.1 % change [-]"))
        #expect(!found.contains { $0.contains(" 26100 ") })
    }

    /// A statistics page dated only by its publication publishes the year before's figures; its table's rows are
    /// one cell per line.
    @Test func aStatisticsPageDatedByItsPublicationIsOfTheYearBefore() throws {
        let text = """
        当前位置：首页 > 信息公开 > 统计信息
        中等职业教育基本情况（分县区）
        发布时间：2022-03-18 09:30
        单位：所、人
        县区
        学校数
        在校生数
        全市合计
        18
        29436
        铁东区
        2
        2874
        铁西区
        1
        1480
        立山区
        1
        1315
        """
        let (found, result) = try observations(text)
        #expect(result.coveredYear == 2021 && result.coveredYearSource == "published_statistics")
        #expect(result.subject?.name == "鞍山市")
        #expect(found.contains("enrollment 鞍山市 2021 29436 人 [-]"))
        #expect(found.contains("enrollment 铁东区 2021 2874 人 [-]"))
    }

    /// A units line under the column names leaves the label's column empty; a name wrapped over two lines is
    /// joined though the label column's own header word stands before it.
    @Test func aUnitsLineAndAWrappedHeaderBesideTheLabelsWord() throws {
        let text = """
        重庆市渝北区中等职业教育质量年度报告（2024）

        表7  渝北区中等职业学校办学情况（2023—2024学年）

        学校名称                              在校生    招生    就业率
                                              （人）    （人）   （%）
        重庆市渝北区临港职业技术学校            4826     1702     98.2
        重庆市渝北区仙桃中等专业学校            3915     1380     97.6
        合    计                                8741     3082     97.9

        21-3  各级各类学校基本情况（2023年）
                                                          单位：所、人
          项    目        学校数     招生数      在校学     专任教
                                                 生数       师数
        中等职业教育         584     249260      703020      41840
          普通中专           172     102350      291870      16210
        普通高中             813     452760     1341580      96450
        """
        let found = try observations(text).found
        #expect(found.contains("new_enrollment 重庆市渝北区临港职业技术学校 2024 1702 人 [-]"))
        #expect(found.contains("employment_rate 重庆市渝北区仙桃中等专业学校 2024 97.6 % [-]"))
        #expect(found.contains("enrollment 渝北区 2023 703020 人 [-]"))
        #expect(found.contains("fulltime_teachers 渝北区 2023 16210 人 [普通中专]"))
    }

    /// An extract naming its year only in its table's title: that is the document's year, its text's too.
    @Test func aYearNamedOnlyInATablesTitle() throws {
        let text = """
        合肥市教育事业发展统计公报（摘要）

        二、中等职业教育
        全市共有中等职业学校（不含技工学校）52所，招生4.12万人。

        表3  2023年合肥市中等职业教育基本情况

        类别          学校数（所）  招生数（人）
        中等职业学校       52          41187
          普通中专         21          18904
          职业高中         31          22283
        """
        let (found, result) = try observations(text)
        #expect(result.coveredYear == 2023)
        #expect(found.contains("new_enrollment 合肥市 2023 41200 人 [不含技工学校]"))
        #expect(found.contains("new_enrollment 合肥市 2023 18904 人 [普通中专]"))
    }

    /// Without drawn rules, a header whose last line stands one word over each value column places the spanning
    /// words above it by position; `其中：女` sub-columns are no values; a caption's `2023/2024学年初` is 2023.
    @Test func aSpanningHeaderOverOneWordPerColumn() throws {
        let text = """
        大连市2023年教育事业统计公报

        表4  大连市中等职业教育学生情况（2023/2024学年初）
                                                               单位：人
                               招生数              在校生数
                            合计    其中：女     合计    其中：女
        中等职业教育       21560      9830      62340     28410
          其中：民办        3120      1450       8960      4120
          普通中专         10230      4870      29870     13650
        """
        let found = try observations(text).found
        #expect(found.contains("new_enrollment 大连市 2023 21560 人 [-]"))
        #expect(found.contains("enrollment 大连市 2023 8960 人 [民办]"))
        #expect(found.contains("enrollment 大连市 2023 29870 人 [普通中专]"))
        #expect(!found.contains { $0.contains(" 9830 ") || $0.contains(" 28410 ") })
    }

    /// A layout export's header whose spanning words stand centred over their sub-columns, with a units line and
    /// the sub-columns' words on a third line: every word is placed over the columns it stands over.
    @Test func aSpanningHeaderCentredOverItsSubColumns() throws {
        let text = """
        表3-5  2023年湖南省中等职业学校分类型基本情况

                             学校数     毕业生数       招生数           在校学生数
                              (所)       (人)          (人)                  (人)
                                                  计      其中:女       计       其中:女
        总    计               430      187654    201234    89012    567890   245678
         普通中专              156       78901     85432    40123    234567   110234
         技工学校               75       37643     41358    15891    121102    45111
        """
        let found = try observations(text).found
        #expect(found.contains("schools 湖南省 2023 430 所 [-]"))
        #expect(found.contains("graduates 湖南省 2023 187654 人 [-]"))
        #expect(found.contains("new_enrollment 湖南省 2023 85432 人 [普通中专]"))
        #expect(found.contains("enrollment 湖南省 2023 121102 人 [技工学校]"))
        #expect(!found.contains { $0.contains(" 89012 ") || $0.contains(" 245678 ") })
    }

    /// A header of the value columns alone (`2022年  2023年  比上年增减`), nothing over the labels: the labels keep
    /// their column and each year its values; the change column is the later year's change.
    @Test func aHeaderOverTheValueColumnsAlone() throws {
        let text = """
        江西省中等职业教育主要指标（2022—2023年）

                                      2022年        2023年       比上年增减     增长（%）
        学校数（所）                     358           351            -7          -2.0
        招生数（万人）                  22.41         23.87          1.46          6.5
        生师比                         20.9:1        21.2:1
        """
        let found = try observations(text).found
        #expect(found.contains("schools 江西省 2022 358 所 [-]"))
        #expect(found.contains("schools 江西省 2023 -7 所 change [-]"))
        #expect(found.contains("new_enrollment 江西省 2023 238700 人 [-]"))
        #expect(found.contains("student_teacher_ratio 江西省 2022 20.9 ratio [-]"))
    }

    /// A yearbook's thousands grouped by a space (`98 765`) in columns standing further apart: one number each.
    @Test func thousandsGroupedByASpace() throws {
        let text = """
        20-6  黑龙江省中等职业教育基本情况（2023年）

                                            学校数        招生数        在校生数       毕业生数
                                             （所）        （人）         （人）         （人）
        中等职业教育                           312       98 765       287 654        87 321
          普通中专                             102       40 123       121 987        35 678
        """
        let found = try observations(text).found
        #expect(found.contains("new_enrollment 黑龙江省 2023 98765 人 [-]"))
        #expect(found.contains("enrollment 黑龙江省 2023 121987 人 [普通中专]"))
        #expect(!found.contains { $0.contains(" 765 ") || $0.contains(" 98 ") })
    }

    /// Kinds of school in rows under an indicator spanning its year columns (an HTML table's colspan), and regions'
    /// rows under a year spanning its indicators' columns (a Markdown table's empty cells after the year).
    @Test func indicatorsAndYearsSpanningEachOther() throws {
        let html = """
        <html><head><meta charset="utf-8"><title>新疆维吾尔自治区中等职业教育统计</title></head><body>
        <h1>新疆维吾尔自治区2023年中等职业教育统计</h1>
        <table border="1">
        <tr><th rowspan="2">类别</th><th colspan="2">招生数（人）</th><th colspan="2">在校生数（人）</th></tr>
        <tr><th>2022年</th><th>2023年</th><th>2022年</th><th>2023年</th></tr>
        <tr><td>中等职业教育</td><td>87654</td><td>90123</td><td>234567</td><td>245678</td></tr>
        <tr><td>其中：普通中专</td><td>34567</td><td>35678</td><td>98765</td><td>101234</td></tr>
        </table></body></html>
        """
        let byKind = try observations(html, path: "t.html").found
        #expect(byKind.contains("new_enrollment 新疆维吾尔自治区 2022 87654 人 [-]"))
        #expect(byKind.contains("enrollment 新疆维吾尔自治区 2023 101234 人 [普通中专]"))
        let markdown = """
        # 云南省各州市中职学校招生和在校生

        | 州市 | 2022年 | | 2023年 | |
        |---|---|---|---|---|
        | | 招生数 | 在校生数 | 招生数 | 在校生数 |
        | 昆明市 | 35678 | 98765 | 36789 | 101234 |
        | 曲靖市 | 12345 | 34567 | 12987 | 35678 |
        """
        let byRegion = try observations(markdown).found
        #expect(byRegion.contains("enrollment 昆明市 2022 98765 人 [-]"))
        #expect(byRegion.contains("new_enrollment 曲靖市 2023 12987 人 [-]"))
        #expect(!byRegion.contains("new_enrollment 曲靖市 2022 12987 人 [-]"))
    }

    /// A school's name wrapped onto a line of its own finishes its row; a letter-spaced `合    计` under the names'
    /// column is the total row, in a table whose first column numbers the rows.
    @Test func aWrappedNameAndALetterSpacedTotalUnderASerialColumn() throws {
        let text = """
        2023年桂林市中等职业学校基本情况

        序号  学校名称                          在校生数   招生数   专任教师
         1    桂林市旅游职业中等专业学校          4567      1678       234
         2    桂林市灵川县职业中等专业学             2345       876       123
              校
         3    桂林商贸旅游技工学校                3012      1123       167
              合    计                           9924      3677       524
        """
        let found = try observations(text).found
        #expect(found.contains("enrollment 桂林市灵川县职业中等专业学校 2023 2345 人 [-]"))
        #expect(found.contains("new_enrollment 桂林商贸旅游技工学校 2023 1123 人 [-]"))
        #expect(found.contains("fulltime_teachers 桂林市 2023 524 人 [-]"))
    }

    /// A sentence under the table naming it (`以上数据…`, no `注`) and a note's `统计范围` leave a kind out of the
    /// whole table; a header as wide as the values whose first word is a measure names no label column.
    @Test func notesNamingTheTableAndAHeaderOfMeasuresOnly() throws {
        let kinds = """
        2023年海口市中等职业教育发展情况

                  学校类型          学校数（所）    在校生（人）
                  公办                   23            34567
                  民办                    7             8765
                  合计                   30            43332

        以上数据不含技工学校。
        """
        let found = try observations(kinds).found
        #expect(found.contains("schools 海口市 2023 7 所 [不含技工学校/民办]"))
        #expect(found.contains("enrollment 海口市 2023 43332 人 [不含技工学校]"))
        let scoped = """
        2023年海口市中等职业教育发展情况

                              学校数    招生数    在校生数
        中等职业教育（含民办）         12     8765     24567
          其中：民办                  4     2345      6789

        注：1.统计范围不含技工学校。2.招生数为秋季招生。
        """
        let measured = try observations(scoped).found
        #expect(measured.contains("schools 海口市 2023 12 所 [不含技工学校]"))
        #expect(measured.contains("new_enrollment 海口市 2023 2345 人 [不含技工学校/民办]"))
    }

    /// Rows under a `学校名称` header are the schools they name, a place's kind of school too (`科左中旗职业高中`).
    @Test func rowsUnderASchoolNameHeaderAreSchools() throws {
        let text = """
        通辽市2023年中等职业学校情况

        学校名称	在校生数	毕业生数
        通辽市第一职业中等专业学校	3456	1023
        科左中旗职业高中	1234	398
        合计	4690	1421
        """
        let found = try observations(text).found
        #expect(found.contains("enrollment 科左中旗职业高中 2023 1234 人 [-]"))
        #expect(found.contains("graduates 通辽市 2023 1421 人 [-]"))
        #expect(!found.contains { $0.contains("[职业高中]") })
    }

    /// A change column right of an indicator's column, no year columns: that indicator's change in the table's
    /// year, in its unit or in % (rows of regions and rows of kinds alike).
    @Test func changeColumnsBesideTheirIndicators() throws {
        let regions = """
        2023年长春市教育事业统计公报

          县（市）区        在校生数      比上年增减       招生数     增长（%）
          榆树市              3456          -123          1234        3.8
          德惠市              2987           210          1098       -2.8
        """
        let byRegion = try observations(regions).found
        #expect(byRegion.contains("enrollment 榆树市 2023 -123 人 change [-]"))
        #expect(byRegion.contains("new_enrollment 德惠市 2023 -2.8 % change [-]"))
        let kinds = """
        2023年长春市教育事业统计公报

                            学校数   比上年增减   在校生数   增长（%）
        中等职业教育           45        -2        60213       3.1
          普通中专             20        -1        30123       2.5
        """
        let byKind = try observations(kinds).found
        #expect(byKind.contains("schools 长春市 2023 -2 所 change [-]"))
        #expect(byKind.contains("enrollment 长春市 2023 2.5 % change [普通中专]"))
    }

    /// A header cell naming a year and an indicator (`2022年在校生`, `2023年招生数（人）`) is that year's column of it,
    /// over schools' rows and over kinds' rows alike.
    @Test func headersNamingAYearAndAnIndicator() throws {
        let schools = """
        2023年新城区中等职业教育质量年度报告

        学校名称        2022年在校生    2023年在校生    专任教师
        新城区职业中专        1987            2034          156
        第二职业学校          1456            1510          120
        合计                  3443            3544          276
        """
        let bySchool = try observations(schools).found
        #expect(bySchool.contains("enrollment 第二职业学校 2022 1456 人 [-]"))
        #expect(bySchool.contains("enrollment 新城区 2023 3544 人 [-]"))
        #expect(bySchool.contains("fulltime_teachers 新城区职业中专 2023 156 人 [-]"))
        let kinds = """
        2023年长春市教育事业统计公报

                            2022年招生数（人）   2023年招生数（人）
        中等职业教育              20123              21356
          普通中专                 9870              10234
        """
        let byKind = try observations(kinds).found
        #expect(byKind.contains("new_enrollment 长春市 2022 20123 人 [-]"))
        #expect(byKind.contains("new_enrollment 长春市 2023 10234 人 [普通中专]"))
    }

    /// A yearbook's narrow table printed in two halves side by side under a repeated header: both halves' rows.
    @Test func aTableInTwoHalvesSideBySide() throws {
        let text = """
        2023年湖南省教育事业统计公报

        表6  各市州中等职业学校数和在校生数
        地  区      学校数    在校生数        地  区      学校数    在校生数
        长沙市        45       60213         岳阳市        20       30012
        株洲市        22       27654         张家界市       6        7890
        """
        let found = try observations(text).found
        #expect(found.contains("schools 长沙市 2023 45 所 [-]"))
        #expect(found.contains("enrollment 株洲市 2023 27654 人 [-]"))
        #expect(found.contains("schools 岳阳市 2023 20 所 [-]"))
        #expect(found.contains("enrollment 张家界市 2023 7890 人 [-]"))
    }

    /// Rows of indicators beside one column of values under a two-word header (`项目  数值`): the document's year's
    /// values, each in the unit its label states (`（万元）`).
    @Test func aTableOfOneValueColumn() throws {
        let text = """
        某某县职业中专2023年质量年度报告

        表1  学校基本办学条件
        项目                    数值
        占地面积（平方米）        86000
        在校生数（人）            2345
        教学仪器设备总值（万元）   1234.5
        """
        let found = try observations(text).found
        #expect(found.contains("enrollment 某某县职业中专 2023 2345 人 [-]"))
        #expect(found.contains("equipment_value 某某县职业中专 2023 12345000 元 [-]"))
    }

    /// An HTML table's label spanning two columns over a group (`中等职业学校`, rowspan) and its rows (`合计`, `公办`,
    /// `民办`): the group's total and its kinds; another level's row (`普通高中`, colspan) gives its counterparts
    /// under year columns each under an indicator.
    @Test func aLabelSpanningTwoColumnsOverAGroupAndItsParts() throws {
        let html = """
        <html><head><meta charset="utf-8"><title>牡丹江市2023年教育事业发展统计公报</title></head><body>
        <h1>牡丹江市2023年教育事业发展统计公报</h1>
        <table border="1">
        <tr><th colspan="2" rowspan="2">类别</th><th colspan="2">学校数（所）</th><th colspan="2">招生数（人）</th></tr>
        <tr><th>2022年</th><th>2023年</th><th>2022年</th><th>2023年</th></tr>
        <tr><td rowspan="3">中等职业学校</td><td>合计</td><td>17</td><td>16</td><td>6235</td><td>6518</td></tr>
        <tr><td>公办</td><td>13</td><td>13</td><td>5102</td><td>5387</td></tr>
        <tr><td>民办</td><td>4</td><td>3</td><td>1133</td><td>1131</td></tr>
        <tr><td colspan="2">普通高中</td><td>31</td><td>31</td><td>13850</td><td>14206</td></tr>
        </table></body></html>
        """
        let found = try observations(html, path: "t.html").found
        #expect(found.contains("schools 牡丹江市 2022 17 所 [-]"), "\(found)")
        #expect(found.contains("new_enrollment 牡丹江市 2023 5387 人 [公办]"), "\(found)")
        #expect(found.contains("schools 牡丹江市 2023 3 所 [民办]"), "\(found)")
        #expect(found.contains("general_new_enrollment 牡丹江市 2023 14206 人 [-]"), "\(found)")
    }

    /// A whole nested under a whole (`中等职业学校` under `中等职业教育`) leaves out only the kinds beside it: the rows
    /// after it whose figures add up to its own are under it.
    @Test func aNestedWholeLeavesOutOnlyTheKindsBesideIt() throws {
        let text = """
        表5  2022年延边朝鲜族自治州各级各类学校基本情况
                                                   单位：人
          项  目                学校数    毕业生数
          中等职业教育             28       7369
            中等职业学校           22       6027
              普通中专              9       3126
              职业高中             13       2901
            技工学校                6       1342
        """
        let found = try observations(text).found
        #expect(found.contains("schools 延边朝鲜族自治州 2022 22 所 [不含技工学校]"), "\(found)")
        #expect(found.contains("graduates 延边朝鲜族自治州 2022 1342 人 [技工学校]"), "\(found)")
    }

    @Test func cellsOfThousandsGroupedByASpace() {
        #expect(ExtractionRun.groupsThousandsBySpace("287 654"))
        #expect(ExtractionRun.groupsThousandsBySpace("1 234 567.8"))
        #expect(!ExtractionRun.groupsThousandsBySpace("12 34"))
        #expect(!ExtractionRun.groupsThousandsBySpace("2022 2023"))
        #expect(!ExtractionRun.groupsThousandsBySpace("287654"))
    }

    /// A plan's appendix table: the unit column scales its row, and the year columns after the year the plan
    /// starts from hold targets.
    @Test func aPlansAppendixTableWithAUnitColumn() throws {
        let text = """
        贵州省中等职业教育提质培优行动计划（2023—2027年）

        附表1  主要指标

        指标	单位	2023年（基期）	2025年	2027年（目标）	属性
        中等职业学校在校生数	万人	42.1	44	46	预期性
        生均教学仪器设备值	元	5620	6500	≥7500	约束性
        """
        let found = try observations(text).found
        #expect(found.contains("enrollment 贵州省 2023 421000 人 [-]"))
        #expect(found.contains("enrollment 贵州省 2025 440000 人 target [-]"))
        #expect(found.contains("equipment_value_per_student 贵州省 2027 7500 元 target [-]"))
    }

    /// An HTML table of a region's cities under a two-level header: `招生数` › `计` is the intake, `其中：…` a
    /// programme within it (no value); the cities' parent is the page's subject, `区直` the region's own schools.
    @Test func aRegionsCitiesUnderATwoLevelHeader() throws {
        let html = """
        <html><head><meta charset="utf-8"><title>2023年全区中等职业教育分市基本情况</title></head><body>
        <h1>2023年全区中等职业教育分市基本情况</h1>
        <table>
        <tr><th rowspan="2">地区</th><th rowspan="2">学校数</th><th colspan="2">招生数</th><th rowspan="2">在校生数</th></tr>
        <tr><th>计</th><th>其中：中高职贯通</th></tr>
        <tr><td>全区合计</td><td>241</td><td>216,123</td><td>22,177</td><td>602,753</td></tr>
        <tr><td>区直</td><td>31</td><td>22,017</td><td>2,958</td><td>59,458</td></tr>
        <tr><td>南宁市</td><td>38</td><td>33,304</td><td>4,357</td><td>97,926</td></tr>
        <tr><td>柳州市</td><td>22</td><td>22,206</td><td>2,200</td><td>62,502</td></tr>
        <tr><td>桂林市</td><td>24</td><td>23,289</td><td>3,010</td><td>64,416</td></tr>
        </table></body></html>
        """
        let (found, result) = try observations(html, path: "t.html")
        #expect(result.subject?.name == "广西壮族自治区" && result.subject?.source == "common_parent")
        #expect(found.contains("new_enrollment 广西壮族自治区 2023 216123 人 [-]"))
        #expect(found.contains("new_enrollment 柳州市 2023 22206 人 [-]"))
        #expect(found.contains("enrollment 广西壮族自治区 2023 59458 人 [区直]"))
        #expect(!found.contains { $0.contains(" 22177 ") || $0.contains(" 4357 ") })
    }
}
