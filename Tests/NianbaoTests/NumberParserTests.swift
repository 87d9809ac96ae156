import Testing
import Foundation
import NianbaoModel
@testable import Numbers

/// Every example of the number-parser brief, with exact value, unit, qualifier and offsets.
@Suite struct NumberParserTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let input: String
        let text: String
        let value: String
        let unit: String
        let start: Int
        let end: Int
        let qualifier: Qualifier?
        var upper: String? = nil
        var testDescription: String { input }
    }

    static let parser = NumberParser()

    static let cases: [Case] = [
        Case(input: "在校生2,261人", text: "2,261人", value: "2261", unit: "人", start: 3, end: 9, qualifier: nil),
        Case(input: "2,261", text: "2,261", value: "2261", unit: "", start: 0, end: 5, qualifier: nil),
        Case(input: "设备总值达 8,471.36 万元", text: "8,471.36 万元", value: "84713600", unit: "元", start: 6,
             end: 17, qualifier: nil),
        Case(input: "1.71亿元", text: "1.71亿元", value: "171000000", unit: "元", start: 0, end: 6, qualifier: nil),
        Case(input: "9.6 万人", text: "9.6 万人", value: "96000", unit: "人", start: 0, end: 6, qualifier: nil),
        Case(input: "２０２３年", text: "２０２３年", value: "2023", unit: "年", start: 0, end: 5, qualifier: nil),
        Case(input: "占比８１．４％", text: "８１．４％", value: "81.4", unit: "%", start: 2, end: 7, qualifier: nil),
        Case(input: "82，225.00元", text: "82，225.00元", value: "82225", unit: "元", start: 0, end: 10, qualifier: nil),
        Case(input: "81.4%", text: "81.4%", value: "81.4", unit: "%", start: 0, end: 5, qualifier: nil),
        Case(input: "百分之八十", text: "百分之八十", value: "80", unit: "%", start: 0, end: 5, qualifier: nil),
        Case(input: "二十三", text: "二十三", value: "23", unit: "", start: 0, end: 3, qualifier: nil),
        Case(input: "两千零五", text: "两千零五", value: "2005", unit: "", start: 0, end: 4, qualifier: nil),
        Case(input: "一万二千", text: "一万二千", value: "12000", unit: "", start: 0, end: 4, qualifier: nil),
        Case(input: "共有二十三所学校", text: "二十三所", value: "23", unit: "所", start: 2, end: 6, qualifier: nil),
        Case(input: "三成", text: "三成", value: "30", unit: "%", start: 0, end: 2, qualifier: nil),
        Case(input: "生师比12.3:1", text: "12.3:1", value: "12.3", unit: "ratio", start: 3, end: 9, qualifier: nil),
        Case(input: "10：1", text: "10：1", value: "10", unit: "ratio", start: 0, end: 4, qualifier: nil),
        Case(input: "4:6", text: "4:6", value: "0.6667", unit: "ratio", start: 0, end: 3, qualifier: nil),
        Case(input: "3:2", text: "3:2", value: "1.5", unit: "ratio", start: 0, end: 3, qualifier: nil),
        Case(input: "近 40 万", text: "近 40 万", value: "400000", unit: "", start: 0, end: 6, qualifier: .approx),
        Case(input: "超 1007 项", text: "超 1007 项", value: "1007", unit: "项", start: 0, end: 8, qualifier: .moreThan),
        Case(input: "超1007项", text: "超1007项", value: "1007", unit: "项", start: 0, end: 6, qualifier: .moreThan),
        Case(input: "1200 余人", text: "1200 余人", value: "1200", unit: "人", start: 0, end: 7, qualifier: .moreThan),
        Case(input: "1200余人", text: "1200余人", value: "1200", unit: "人", start: 0, end: 6, qualifier: .moreThan),
        Case(input: "90%以上", text: "90%以上", value: "90", unit: "%", start: 0, end: 5, qualifier: .atLeast),
        Case(input: "接近六成", text: "接近六成", value: "60", unit: "%", start: 0, end: 4, qualifier: .approx),
        Case(input: "不足 5%", text: "不足 5%", value: "5", unit: "%", start: 0, end: 5, qualifier: .lessThan),
        Case(input: "低于10%", text: "低于10%", value: "10", unit: "%", start: 0, end: 5, qualifier: .lessThan),
        Case(input: "至少3人", text: "至少3人", value: "3", unit: "人", start: 0, end: 4, qualifier: .atLeast),
        Case(input: "最多5次", text: "最多5次", value: "5", unit: "次", start: 0, end: 4, qualifier: .atMost),
        Case(input: "不超过 20 人", text: "不超过 20 人", value: "20", unit: "人", start: 0, end: 8, qualifier: .atMost),
        Case(input: "15.4-18.5 万元", text: "15.4-18.5 万元", value: "154000", unit: "元", start: 0, end: 12,
             qualifier: .range, upper: "185000"),
        Case(input: "15.4～18.5万元", text: "15.4～18.5万元", value: "154000", unit: "元", start: 0, end: 11,
             qualifier: .range, upper: "185000"),
        Case(input: "学制3至5年", text: "3至5年", value: "3", unit: "年", start: 2, end: 6, qualifier: .range, upper: "5"),
        Case(input: "较上年增加 15.7%", text: "增加 15.7%", value: "15.7", unit: "%", start: 3, end: 11,
             qualifier: .change),
        Case(input: "比上年上升 1 个百分点", text: "上升 1 个百分点", value: "1", unit: "百分点", start: 3, end: 12,
             qualifier: .change),
        Case(input: "减少 0.3 万人", text: "减少 0.3 万人", value: "-3000", unit: "人", start: 0, end: 9, qualifier: .change),
        Case(input: "2022学年", text: "2022学年", value: "2022", unit: "学年", start: 0, end: 6, qualifier: nil),
        Case(input: "2022届毕业生", text: "2022届", value: "2022", unit: "届", start: 0, end: 5, qualifier: nil),
        Case(input: "全年培训1.5万人次", text: "1.5万人次", value: "15000", unit: "人次", start: 4, end: 10, qualifier: nil),
        Case(input: "面积3.2万平方米", text: "3.2万平方米", value: "32000", unit: "平方米", start: 2, end: 9, qualifier: nil),
        Case(input: "开设12门课程", text: "12门", value: "12", unit: "门", start: 2, end: 5, qualifier: nil),
        Case(input: "120学时", text: "120学时", value: "120", unit: "学时", start: 0, end: 5, qualifier: nil),
        Case(input: "45564.44美元", text: "45564.44美元", value: "45564.44", unit: "美元", start: 0, end: 10, qualifier: nil),
        Case(input: "建成3个人才培养基地", text: "3个", value: "3", unit: "个", start: 2, end: 4, qualifier: nil),
        Case(input: "两个亿卢布", text: "两个亿卢布", value: "200000000", unit: "卢布", start: 0, end: 5, qualifier: nil),
        // "More than" before 万/亿 still scales the figure; a bare trailing 多 qualifies it too.
        Case(input: "投入300多万元", text: "300多万元", value: "3000000", unit: "元", start: 2, end: 8, qualifier: .moreThan),
        Case(input: "三十余万人", text: "三十余万人", value: "300000", unit: "人", start: 0, end: 5, qualifier: .moreThan),
        Case(input: "共三百多。", text: "三百多", value: "300", unit: "", start: 1, end: 4, qualifier: .moreThan),
        // Bounds written with 等于 or as symbols.
        Case(input: "大于等于10", text: "大于等于10", value: "10", unit: "", start: 0, end: 6, qualifier: .atLeast),
        Case(input: "小于或等于5人", text: "小于或等于5人", value: "5", unit: "人", start: 0, end: 7, qualifier: .atMost),
        Case(input: "合格率≥ 90%", text: "≥ 90%", value: "90", unit: "%", start: 3, end: 8, qualifier: .atLeast),
        // `X和Y之间` is a range; `X和Y` alone is two numbers.
        Case(input: "介于10和20之间", text: "10和20之间", value: "10", unit: "", start: 2, end: 9, qualifier: .range,
             upper: "20"),
        // A fraction scaled by 百/千; a unit word that begins with 千 stays the unit.
        Case(input: "5.6百万", text: "5.6百万", value: "5600000", unit: "", start: 0, end: 5, qualifier: nil),
        Case(input: "2.5千元", text: "2.5千元", value: "2500", unit: "元", start: 0, end: 5, qualifier: nil),
        Case(input: "1.5千米", text: "1.5千米", value: "1.5", unit: "公里", start: 0, end: 5, qualifier: nil),
        // Currency signs and coins.
        Case(input: "$100", text: "$100", value: "100", unit: "美元", start: 0, end: 4, qualifier: nil),
        Case(input: "￥200", text: "￥200", value: "200", unit: "元", start: 0, end: 4, qualifier: nil),
        Case(input: "两百万美金", text: "两百万美金", value: "2000000", unit: "美元", start: 0, end: 5, qualifier: nil),
        Case(input: "壹角", text: "壹角", value: "0.1", unit: "元", start: 0, end: 2, qualifier: nil),
        Case(input: "五毛钱", text: "五毛钱", value: "0.5", unit: "元", start: 0, end: 3, qualifier: nil),
        Case(input: "壹角壹分", text: "壹角壹分", value: "0.11", unit: "元", start: 0, end: 4, qualifier: nil),
        Case(input: "壹分", text: "壹分", value: "0.01", unit: "元", start: 0, end: 2, qualifier: nil),
        Case(input: "考试95分", text: "95分", value: "95", unit: "分", start: 2, end: 5, qualifier: nil),
        Case(input: "3元5角", text: "3元5角", value: "3.5", unit: "元", start: 0, end: 4, qualifier: nil),
        // One digit after 万/亿 is the next place down (1万5 = 1.5万); more digits are units (1万600).
        Case(input: "1万5", text: "1万5", value: "15000", unit: "", start: 0, end: 3, qualifier: nil),
        Case(input: "1万600", text: "1万600", value: "10600", unit: "", start: 0, end: 5, qualifier: nil),
        Case(input: "百分之 30", text: "百分之 30", value: "30", unit: "%", start: 0, end: 6, qualifier: nil),
        Case(input: "USD 100", text: "USD 100", value: "100", unit: "美元", start: 0, end: 7, qualifier: nil),
        Case(input: "100 USD", text: "100 USD", value: "100", unit: "美元", start: 0, end: 7, qualifier: nil),
        // Fractions: with 分之, with a slash (not a date), mixed with 又; 九成五 = 95 %; a repeated 百分之.
        Case(input: "1/2", text: "1/2", value: "0.5", unit: "", start: 0, end: 3, qualifier: nil),
        Case(input: "二又三分之一", text: "二又三分之一", value: "2.3333", unit: "", start: 0, end: 6, qualifier: nil),
        Case(input: "1又1/2", text: "1又1/2", value: "1.5", unit: "", start: 0, end: 5, qualifier: nil),
        Case(input: "九成五", text: "九成五", value: "95", unit: "%", start: 0, end: 3, qualifier: nil),
        Case(input: "百分之十到百分之二十", text: "百分之十到百分之二十", value: "10", unit: "%", start: 0, end: 10,
             qualifier: .range, upper: "20"),
        // Discounts are shares of the full price.
        Case(input: "打八折", text: "八折", value: "80", unit: "%", start: 1, end: 3, qualifier: nil),
        Case(input: "九五折", text: "九五折", value: "95", unit: "%", start: 0, end: 3, qualifier: nil),
        Case(input: "8.5折", text: "8.5折", value: "85", unit: "%", start: 0, end: 4, qualifier: nil),
        Case(input: "折合人民币100元", text: "人民币100元", value: "100", unit: "元", start: 2, end: 9, qualifier: nil),
        Case(input: "数十家企业", text: "数十家", value: "10", unit: "家", start: 0, end: 3, qualifier: .range, upper: "100"),
        Case(input: "八九亿韩元", text: "八九亿韩元", value: "800000000", unit: "韩元", start: 0, end: 5, qualifier: .range,
             upper: "900000000"),
        Case(input: "为期两年半", text: "两年半", value: "2.5", unit: "年", start: 2, end: 5, qualifier: nil),
        Case(input: "不少于 90 学时", text: "不少于 90 学时", value: "90", unit: "学时", start: 0, end: 9, qualifier: .atLeast),
        Case(input: "1亿2000万元", text: "1亿2000万元", value: "120000000", unit: "元", start: 0, end: 8, qualifier: nil),
        Case(input: "两到三万港元", text: "两到三万港元", value: "20000", unit: "港元", start: 0, end: 6, qualifier: .range,
             upper: "30000"),
        // Numerals broken by spaces or line breaks, as PDF and OCR text give them; full-width forms.
        Case(input: "两千 三 百 零 五", text: "两千 三 百 零 五", value: "2305", unit: "", start: 0, end: 10, qualifier: nil),
        Case(input: "共6 万 2 千人", text: "6 万 2 千人", value: "62000", unit: "人", start: 1, end: 9, qualifier: nil),
        Case(input: "投入一百\n五十 多亿元", text: "一百\n五十 多亿元", value: "15000000000", unit: "元", start: 2, end: 11,
             qualifier: .moreThan),
        Case(input: "１２，３４５．６元", text: "１２，３４５．６元", value: "12345.6", unit: "元", start: 0, end: 9, qualifier: nil),
        // Large units and their stacking; a scale after an approximate word applies to it.
        Case(input: "万万", text: "万万", value: "100000000", unit: "", start: 0, end: 2, qualifier: nil),
        Case(input: "三亿万", text: "三亿万", value: "3000000000000", unit: "", start: 0, end: 3, qualifier: nil),
        Case(input: "两兆元", text: "两兆元", value: "2000000000000", unit: "元", start: 0, end: 3, qualifier: nil),
        Case(input: "三十多万", text: "三十多万", value: "300000", unit: "", start: 0, end: 4, qualifier: .moreThan),
        Case(input: "两百余万", text: "两百余万", value: "2000000", unit: "", start: 0, end: 4, qualifier: .moreThan),
        Case(input: "四十几亿", text: "四十几亿", value: "4000000000", unit: "", start: 0, end: 4, qualifier: .range,
             upper: "5000000000"),
        Case(input: "一千零几万", text: "一千零几万", value: "10000000", unit: "", start: 0, end: 5, qualifier: .range,
             upper: "10010000"),
        // Compound bounds and ranges are one interval.
        Case(input: "高于15且不超过40", text: "高于15且不超过40", value: "15", unit: "", start: 0, end: 10, qualifier: .range,
             upper: "40"),
        Case(input: "200以上、500以下", text: "200以上、500以下", value: "200", unit: "", start: 0, end: 11, qualifier: .range,
             upper: "500"),
        Case(input: "最少30最多60", text: "最少30最多60", value: "30", unit: "", start: 0, end: 8, qualifier: .range, upper: "60"),
        Case(input: "三百至四百五十", text: "三百至四百五十", value: "300", unit: "", start: 0, end: 7, qualifier: .range,
             upper: "450"),
        Case(input: "比二十多", text: "比二十多", value: "20", unit: "", start: 0, end: 4, qualifier: .moreThan),
        Case(input: "五十或以上", text: "五十或以上", value: "50", unit: "", start: 0, end: 5, qualifier: .atLeast),
        Case(input: "八十或者更少", text: "八十或者更少", value: "80", unit: "", start: 0, end: 6, qualifier: .atMost),
        Case(input: "不大于 90", text: "不大于 90", value: "90", unit: "", start: 0, end: 6, qualifier: .atMost),
        Case(input: "> = 60", text: "> = 60", value: "60", unit: "", start: 0, end: 6, qualifier: .atLeast),
        // Chinese decimals; every share in percent points; 成 and 折 with decimals and halves; 半百.
        Case(input: "三十二点五", text: "三十二点五", value: "32.5", unit: "", start: 0, end: 5, qualifier: nil),
        Case(input: "百分之七点二", text: "百分之七点二", value: "7.2", unit: "%", start: 0, end: 6, qualifier: nil),
        Case(input: "千分之三", text: "千分之三", value: "0.3", unit: "%", start: 0, end: 4, qualifier: nil),
        Case(input: "万分之五", text: "万分之五", value: "0.05", unit: "%", start: 0, end: 4, qualifier: nil),
        Case(input: "5‰", text: "5‰", value: "0.5", unit: "%", start: 0, end: 2, qualifier: nil),
        Case(input: "六点五成", text: "六点五成", value: "65", unit: "%", start: 0, end: 4, qualifier: nil),
        Case(input: "三成半", text: "三成半", value: "35", unit: "%", start: 0, end: 3, qualifier: nil),
        Case(input: "七五折", text: "七五折", value: "75", unit: "%", start: 0, end: 3, qualifier: nil),
        Case(input: "年过半百", text: "半百", value: "50", unit: "", start: 2, end: 4, qualifier: nil),
        // Counting words, scientific notation, spoken fractions and measures, halves.
        Case(input: "五打", text: "五打", value: "60", unit: "", start: 0, end: 2, qualifier: nil),
        Case(input: "一双", text: "一双", value: "2", unit: "", start: 0, end: 2, qualifier: nil),
        Case(input: "3e4", text: "3e4", value: "30000", unit: "", start: 0, end: 3, qualifier: nil),
        Case(input: "1.2E-3", text: "1.2E-3", value: "0.0012", unit: "", start: 0, end: 6, qualifier: nil),
        Case(input: "-.0012G", text: "-.0012G", value: "-1200000", unit: "", start: 0, end: 7, qualifier: nil),
        Case(input: "四分一升", text: "四分一升", value: "0.25", unit: "升", start: 0, end: 4, qualifier: nil),
        Case(input: "三分一湯匙", text: "三分一湯匙", value: "5", unit: "毫升", start: 0, end: 5, qualifier: nil),
        Case(input: "3斤5两", text: "3斤5两", value: "1750", unit: "克", start: 0, end: 4, qualifier: nil),
        Case(input: "九兩半", text: "九兩半", value: "475", unit: "克", start: 0, end: 3, qualifier: nil),
        Case(input: "米六到三米九", text: "米六到三米九", value: "1.6", unit: "米", start: 0, end: 6, qualifier: .range,
             upper: "3.9"),
        Case(input: "港幣三個一毫四", text: "港幣三個一毫四", value: "3.14", unit: "港元", start: 0, end: 7, qualifier: nil),
        Case(input: "切成两半", text: "两半", value: "2", unit: "", start: 2, end: 4, qualifier: nil),
        Case(input: "1半", text: "1半", value: "0.5", unit: "", start: 0, end: 2, qualifier: nil),
        // A decrease printed with its own minus sign keeps it.
        Case(input: "同比下降-3.8%", text: "下降-3.8%", value: "-3.8", unit: "%", start: 2, end: 9, qualifier: .change),
    ]

    /// A bound that excludes its figure stays open in the interval (`高于15` → `(15,40]`).
    @Test func compoundBoundsKeepOpenEnds() {
        let n = Self.parser.parse("高于15且不超过40")
        #expect(n.first?.lowerExclusive == true)
        #expect(n.first?.upperExclusive == false)
        #expect(NumberJSON.line(input: "高于15且不超过40", found: n).contains(#""value": "(15,40]""#))
        // A comma joins nothing: two statements, two bounds.
        #expect(Self.parser.parse("就业率90%以上，对口率不超过95%").map(\.qualifier) == [.atLeast, .atMost])
        // Nor do bounds whose lower figure exceeds the upper one.
        #expect(Self.parser.parse("300人以上、50人以下").count == 2)
        // 比2022年少 compares with a year: no bound.
        #expect(Self.parser.parse("比2022年少5人").map(\.qualifier) == [nil, nil])
    }

    /// Codes keep their printed digits (value stays the number); dates in cheque numerals are read whole.
    @Test func codesAndDates() {
        let code = Self.parser.parse("电话零零三")
        #expect(code.map(\.digits) == ["003"])
        #expect(code.map(\.value) == [3])
        #expect(Self.parser.parse("数值一二点三零").map(\.digits) == ["12.30"])
        #expect(Self.parser.parse("编号负零一").map(\.digits) == ["-01"])
        #expect(Self.parser.parse("012").map(\.digits) == ["012"])
        #expect(Self.parser.parse("二〇〇二年").map(\.digits) == [nil])
        #expect(Self.parser.parse("零年貳月").map(\.text) == ["零年", "貳月"])
        #expect(Self.parser.parse("零件和队伍").isEmpty)
        // A range or a time keeps its interval or ratio: digits only for plain figures.
        #expect(Self.parser.parse("02-19").map(\.digits) == [nil])
        // Arabic digits cross a gap to 百 only inside a numeral with a unit.
        #expect(Self.parser.parse("案例 1 百年历史").map(\.text) == ["1"])
    }

    /// 兆 before a measure is the prefix mega, no 10¹².
    @Test func megaIsNoTrillion() {
        #expect(Self.parser.parse("3兆瓦").allSatisfy { $0.value < 1_000_000 })
    }

    @Test(arguments: cases) func parsesExample(_ c: Case) throws {
        let found = Self.parser.parse(c.input)
        try #require(found.count == 1, "found \(found.map(\.text))")
        let n = found[0]
        #expect(n.text == c.text)
        #expect(NumberParser.decimalString(n.value) == c.value)
        #expect(n.unit == c.unit)
        #expect(n.start == c.start)
        #expect(n.end == c.end)
        #expect(n.qualifier == c.qualifier)
        #expect(n.upper.map(NumberParser.decimalString) == c.upper)
    }

    @Test func ratioThatDoesNotDivideKeepsDenominator() {
        let n = Self.parser.parse("4:6")[0]
        #expect(n.denominator == 6)
        #expect(n.decimals == 4)
        #expect(Self.parser.parse("12.3:1")[0].denominator == nil)
    }

    @Test func keepsPrintedPrecisionAndScale() {
        let n = Self.parser.parse("1.71亿元")[0]
        #expect(n.decimals == 2)
        #expect(n.scale == 100_000_000)
        let m = Self.parser.parse("8,471.36 万元")[0]
        #expect(m.decimals == 2)
        #expect(m.scale == 10000)
    }

    @Test(arguments: ["统一", "一切", "两岸", "半岛", "一带一路", "一流", "一体化", "一是加强，二是完善", "三全育人",
                      "十四五规划", "一线教师", "万一", "千方百计", "十分重要", "5G网络", "3D打印", "“1+X”证书试点", "1+X 证书",
                      "三角形", "五角星", "十分一致", "减半百姓负担", "千兆网络，万兆主干", "双师型", "零零后"])
    func idiomsAreNotNumbers(_ text: String) {
        #expect(Self.parser.parse(text).isEmpty, "\(Self.parser.parse(text).map(\.text))")
    }

    @Test func datesWithSlashesAreNoFractions() {
        #expect(Self.parser.parse("2023/12/31").map(\.text) == ["2023", "12", "31"])
    }

    @Test func twoNumbersJoinedByAndStayTwo() {
        #expect(Self.parser.parse("10和20").map(\.text) == ["10", "20"])
        #expect(Self.parser.parse("男生10人与女生20人之间").map(\.text) == ["10人", "20人"])
    }

    @Test func severalNumbersInOneLine() {
        let found = Self.parser.parse("在校生 2,261 人，毕业生9.6 万人，就业率98.5%")
        #expect(found.map(\.text) == ["2,261 人", "9.6 万人", "98.5%"])
        #expect(found.map { NumberParser.decimalString($0.value) } == ["2261", "96000", "98.5"])
        #expect(found.map(\.start) == [4, 15, 25])
    }

    @Test func datesAreNotRanges() {
        let found = Self.parser.parse("2023-09-01")
        #expect(found.allSatisfy { $0.qualifier == nil })
        #expect(found.first.map { NumberParser.decimalString($0.value) } == "2023")
    }

    @Test func decimalStringIsPlain() {
        #expect(NumberParser.decimalString(Decimal(string: "1.57")!) == "1.57")
        #expect(NumberParser.decimalString(Decimal(string: "1.5699999999999998")!) == "1.5699999999999998")
        #expect(NumberParser.decimalString(Decimal(string: "0.000000000000001")!) == "0.000000000000001")
        #expect(NumberParser.decimalString(Decimal(sign: .plus, exponent: 20, significand: 1)) == "100000000000000000000")
        #expect(NumberParser.decimalString(Decimal(string: "82225.00")!) == "82225")
        #expect(NumberParser.decimalString(Decimal(string: "-0.10")!) == "-0.1")
        #expect(NumberParser.decimalString(0) == "0")
        // Exact arithmetic: 1.57 亿 is 157000000, not 156999999.99999998.
        #expect(NumberParser.decimalString(Self.parser.parse("1.57亿元")[0].value) == "157000000")
        #expect(NumberParser.decimalString(Self.parser.parse("百分之一点五七")[0].value) == "1.57")
    }

    /// Sentences from the real corpus (report 000): the numbers the rule engine needs come out exact.
    @Test func realReportSentence() throws {
        let text = try String(contentsOfFile: TestPaths.realReport(TestPaths.realStems[0]), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.contains("生师比为 10:1") })
        let found = Self.parser.parse(String(line))
        let ratio = try #require(found.first { $0.unit == "ratio" })
        #expect(ratio.text == "10:1")
        #expect(ratio.value == 10)
        #expect(found.contains { $0.text == "118 人" && $0.value == 118 })
        #expect(found.contains { $0.text == "占专业教师数 81.4%".suffix(5) && $0.value == Decimal(string: "81.4")! })
        let change = found.filter { $0.qualifier == .change }
        #expect(change.map(\.unit) == ["百分点", "百分点"])
        #expect(found.contains { $0.text == "2022 年" && $0.unit == "年" })
    }

    /// Noise made of numeral characters, separators and qualifier words: no crash, every `text` is exactly
    /// the input's characters `start..<end`, and matches never overlap.
    @Test func offsetsHoldOnNoise() {
        let alphabet = Array("0123456789.,，:：-~～至到%％万亿千百十零一二两三五九壹伍半几数第约近超余多以上下左右个人元块角毛分整点负 ()含年届成之")
        var seed: UInt64 = 42
        func next() -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) }
        for _ in 0..<5000 {
            let line = String((0..<(next() % 15)).map { _ in alphabet[next() % alphabet.count] })
            let chars = Array(line)
            var lastEnd = 0
            for n in Self.parser.parse(line) {
                #expect(n.start >= lastEnd && n.start < n.end && n.end <= chars.count, "\(line)")
                guard n.start >= lastEnd, n.start < n.end, n.end <= chars.count else { break }
                #expect(String(chars[n.start..<n.end]) == n.text, "\(line)")
                #expect(!NumberParser.decimalString(n.value).contains("e"))
                lastEnd = n.end
            }
        }
    }

    /// The parser runs over every line of every report; keep it fast.
    @Test func scansTheWholeCorpusQuickly() throws {
        var lines: [String] = []
        for stem in TestPaths.realStems {
            let text = try String(contentsOfFile: TestPaths.realReport(stem), encoding: .utf8)
            lines += text.split(separator: "\n").map(String.init)
        }
        let clock = ContinuousClock()
        var count = 0
        let elapsed = clock.measure {
            for line in lines { count += Self.parser.parse(line).count }
        }
        #expect(count > 3000)
        #expect(elapsed < .seconds(20), "\(elapsed) for \(lines.count) lines")
        print("NumberParser: \(count) numbers in \(lines.count) lines in \(elapsed)")
    }
}

/// The exact line `nianbao numbers` prints (data contract).
@Suite struct NumberJSONTests {
    @Test func printsContractLine() {
        let input = "在校生2,261人，生师比4:6"
        let line = NumberJSON.line(input: input, found: NumberParser().parse(input))
        #expect(line == #"{"input": "在校生2,261人，生师比4:6", "found": [{"text": "2,261人", "value": 2261, "unit": "人", "start": 3, "end": 9, "qualifier": null, "decimals": 0, "scale": 1}, {"text": "4:6", "value": 0.6667, "unit": "ratio", "start": 13, "end": 16, "qualifier": null, "denominator": 6, "decimals": 4, "scale": 1}]}"#)
        let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect((object?["found"] as? [Any])?.count == 2)
    }

    @Test func rangesCarryUpperAndEscapesAreValid() {
        let input = "年薪\t\"15.4-18.5 万元\""
        let line = NumberJSON.line(input: input, found: NumberParser().parse(input))
        // A range prints as the interval it states; `number` keeps its lower bound as a plain number.
        #expect(line.contains(#""value": "[154000,185000]", "number": 154000, "unit": "元""#))
        #expect(line.contains(#""qualifier": "range", "upper": 185000"#))
        #expect(line.hasPrefix(#"{"input": "年薪\t\"15.4"#))
        #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
    }
}
