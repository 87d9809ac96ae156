import Foundation
import Testing
import NianbaoModel
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
}
