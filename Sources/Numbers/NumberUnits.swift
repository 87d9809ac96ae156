import Foundation
import NianbaoModel

/// A unit word as printed after a number, with the unit it normalises to and the factor it applies.
struct UnitWord: Sendable {
    let surface: [Unicode.Scalar]
    let unit: String
    let factor: Decimal
    /// Whether a bare Chinese numeral before it counts as a number (三个, 两所) — false for words that
    /// form idioms with 一 (一流, 一线, 十分).
    let afterChineseNumeral: Bool
    let isMoney: Bool
}

/// Word lists the scanner matches, longest first. Plain data so they are easy to review and extend.
enum NumberVocabulary {
    /// Units after a number, one per line: surface, normalised unit, flags (`c`: counts after a bare
    /// Chinese numeral, so 三个 is a number but 一流/十分 are not; `$`: money), and a factor into the
    /// normalised unit when it is not 1 (5角 = 0.5 元). 万/亿 before a unit are read as
    /// part of the number, so 万元 is not listed. Mass is normalised to 克, like money to 元: its units
    /// compound (3斤5两 = 1750 克), and ‰/‱ are percent points like every other share.
    static let units: [UnitWord] = unitSpec.split(separator: "\n").map { line in
        let f = line.split(separator: " ").map(String.init)
        return UnitWord(surface: Array(f[0].unicodeScalars), unit: f[1],
                        factor: f.count > 3 ? Decimal(string: f[3])! : 1,
                        afterChineseNumeral: f[2].contains("c"), isMoney: f[2].contains("$"))
    }.sorted { $0.surface.count > $1.surface.count }

    /// First scalar → indices into `units`, in `units` order (longest first): the scanner tries only the
    /// words that can match where it stands.
    static let unitsByFirstScalar: [UInt32: [Int]] = index(units.map(\.surface), by: { $0.first })

    /// Last scalar → indices into `prefixQualifiers`, in order: a prefix word ends right before the number.
    static let prefixQualifiersByLastScalar: [UInt32: [Int]] = index(prefixQualifiers.map(\.surface), by: { $0.last })

    /// Last scalar → indices into `currencyPrefixes`, in order.
    static let currencyPrefixesByLastScalar: [UInt32: [Int]] = index(currencyPrefixes.map(\.surface), by: { $0.last })

    /// Scalars a suffix qualifier or a range separator can start with: most numbers are followed by neither.
    static let suffixQualifierFirsts: Set<Unicode.Scalar> = Set(suffixQualifiers.compactMap(\.surface.first))
    static let separatorFirsts: Set<Unicode.Scalar> = Set((rangeSeparators + betweenSeparators).compactMap(\.first))

    /// First scalar → indices into `idioms`, in order.
    static let idiomsByFirstScalar: [UInt32: [Int]] = index(idioms, by: { $0.first })

    private static func index(_ words: [[Unicode.Scalar]], by key: ([Unicode.Scalar]) -> Unicode.Scalar?) -> [UInt32: [Int]] {
        var result: [UInt32: [Int]] = [:]
        for (position, word) in words.enumerated() {
            if let scalar = key(word) { result[scalar.value, default: []].append(position) }
        }
        return result
    }

    private static let unitSpec = """
        元人民币 元 c$
        元 元 c$
        圆 元 c$
        块钱 元 c$
        块 元 c$
        蚊 元 c$
        人民币 元 c$
        角钱 元 c$ 0.1
        毛钱 元 c$ 0.1
        分钱 元 c$ 0.01
        角 元 -$ 0.1
        美元 美元 c$
        美金 美元 c$
        美刀 美元 c$
        港元 港元 c$
        港币 港元 c$
        港幣 港元 c$
        日元 日元 c$
        欧元 欧元 c$
        英镑 英镑 c$
        澳元 澳元 c$
        加元 加元 c$
        泰铢 泰铢 c$
        卢布 卢布 c$
        韩元 韩元 c$
        新台币 新台币 c$
        台币 新台币 c$
        个百分点 百分点 c
        百分点 百分点 c
        % % c
        ‰ % c 0.1
        ‱ % c 0.01
        人次 人次 c
        人 人 c
        名 名 c
        位 位 c
        户 户 c
        所 所 c
        个 个 c
        個 个 c
        项 项 c
        門 门 c
        门 门 c
        家 家 c
        件 件 c
        种 种 c
        类 类 c
        本 本 c
        册 册 c
        间 间 c
        座 座 c
        栋 栋 c
        张 张 c
        篇 篇 c
        部 部 c
        场 场 c
        期 期 c
        条 条 c
        处 处 c
        台套 台套 c
        台 台 c
        套 套 c
        辆 辆 c
        批 批 -
        支 支 c
        队 队 -
        份 份 c
        节 节 c
        班 班 -
        倍 倍 c
        次 次 c
        届 届 c
        学年 学年 c
        年 年 c
        学期 学期 c
        学时 学时 c
        课时 课时 c
        小时 小时 c
        学分 学分 c
        分钟 分钟 c
        天 天 c
        周 周 c
        个月 月 c
        月 月 c
        日 日 c
        岁 岁 c
        分 分 -
        平方米 平方米 c
        ㎡ 平方米 -
        m² 平方米 -
        平方公里 平方公里 c
        亩 亩 c
        公里 公里 c
        千米 公里 c
        厘米 厘米 c
        公分 厘米 c
        毫米 毫米 c
        公尺 米 c
        米 米 c
        英里 英里 c
        英裏 英里 c
        公裏 公里 c
        英尺 英尺 c
        英寸 英寸 c
        英吋 英寸 c
        吋 英寸 c
        呎 英尺 c
        吨 克 c 1000000
        公斤 克 c 1000
        千克 克 c 1000
        毫克 克 c 0.001
        克 克 c
        斤 克 c 500
        公升 升 c
        毫升 毫升 c
        茶匙 毫升 c 5
        汤匙 毫升 c 15
        湯匙 毫升 c 15
        升 升 c
        加侖 加仑 c
        加仑 加仑 c
        摄氏度 ℃ c
        攝氏度 ℃ c
        ℃ ℃ -
        °C ℃ -
        °F ℉ -
        度 度 -
        台币 新台币 c$
        USD 美元 -$
        CNY 元 -$
        RMB 元 -$
        EUR 欧元 -$
        HKD 港元 -$
        GBP 英镑 -$
        JPY 日元 -$
        kg 克 c 1000
        km 公里 c
        cm 厘米 c
        mm 毫米 c
        mg 克 c 0.001
        ml 毫升 c
        cc 毫升 c
        m 米 -
        g 克 -
        L 升 -
        """

    /// Currency names printed before the number (人民币 3.14, 港币两千九百六十元).
    static let currencyPrefixes: [(surface: [Unicode.Scalar], unit: String)] = {
        let pairs: [(String, String)] = [("人民币", "元"), ("人民幣", "元"), ("港币", "港元"), ("港幣", "港元"),
                                         ("新台币", "新台币"), ("美元", "美元"), ("欧元", "欧元"),
                                         ("US$", "美元"), ("HK$", "港元"), ("$", "美元"), ("￥", "元"), ("¥", "元"),
                                         ("€", "欧元"), ("£", "英镑"), ("RMB", "元"), ("CNY", "元"), ("USD", "美元"),
                                         ("EUR", "欧元"), ("HKD", "港元"), ("GBP", "英镑"), ("JPY", "日元")]
        return pairs.map { (Array($0.0.unicodeScalars), $0.1) }.sorted { $0.surface.count > $1.surface.count }
    }()

    /// Words before a number that qualify it; `sign` −1 marks a decrease.
    static let prefixQualifiers: [(surface: [Unicode.Scalar], qualifier: Qualifier, sign: Int)] =
        prefixSpec.split(separator: "\n").map { line in
            let f = line.split(separator: " ").map(String.init)
            return (Array(f[0].unicodeScalars), qualifier(f[1]), Int(f[2])!)
        }.sorted { $0.surface.count > $1.surface.count }

    /// Prefix words: surface, qualifier, sign (−1 marks a decrease: 减少 0.3 万人 → −3000).
    private static let prefixSpec = """
        大约 approx 1
        约为 approx 1
        约 approx 1
        大概 approx 1
        接近 approx 1
        将近 approx 1
        近 approx 1
        差不多 approx 1
        超过 moreThan 1
        超出 moreThan 1
        超 moreThan 1
        逾 moreThan 1
        多于 moreThan 1
        高于 moreThan 1
        大于 moreThan 1
        不足 lessThan 1
        低于 lessThan 1
        少于 lessThan 1
        小于 lessThan 1
        不到 lessThan 1
        未满 lessThan 1
        不满 lessThan 1
        至少 atLeast 1
        最少 atLeast 1
        起码 atLeast 1
        起碼 atLeast 1
        不少于 atLeast 1
        不低于 atLeast 1
        不小于 atLeast 1
        最多 atMost 1
        至多 atMost 1
        不超过 atMost 1
        不多于 atMost 1
        大于等于 atLeast 1
        大于或等于 atLeast 1
        高于或等于 atLeast 1
        小于等于 atMost 1
        小于或等于 atMost 1
        低于或等于 atMost 1
        ≥ atLeast 1
        >= atLeast 1
        ≧ atLeast 1
        ≤ atMost 1
        <= atMost 1
        ≦ atMost 1
        > moreThan 1
        < lessThan 1
        不高于 atMost 1
        不大于 atMost 1
        最高 atMost 1
        增加了 change 1
        增加 change 1
        增长了 change 1
        增长 change 1
        提高了 change 1
        提高 change 1
        提升了 change 1
        提升 change 1
        上升了 change 1
        上升 change 1
        上涨 change 1
        增幅 change 1
        扩大 change 1
        增 change 1
        涨 change 1
        减少了 change -1
        减少 change -1
        下降了 change -1
        下降 change -1
        降低了 change -1
        降低 change -1
        下滑 change -1
        回落 change -1
        缩减 change -1
        缩小 change -1
        减 change -1
        降 change -1
        低开 change -1
        降幅 change -1
        """

    private static func qualifier(_ name: String) -> Qualifier {
        switch name {
        case "approx": return .approx
        case "moreThan": return .moreThan
        case "lessThan": return .lessThan
        case "atLeast": return .atLeast
        case "atMost": return .atMost
        default: return .change
        }
    }

    /// Words after the unit that qualify the number.
    static let suffixQualifiers: [(surface: [Unicode.Scalar], qualifier: Qualifier)] =
        suffixSpec.split(separator: "\n").map { line in
            let f = line.split(separator: " ").map(String.init)
            return (Array(f[0].unicodeScalars), qualifier(f[1]))
        }.sorted { $0.surface.count > $1.surface.count }

    private static let suffixSpec = """
        （含）以上 atLeast
        (含)以上 atLeast
        或者以上 atLeast
        或以上 atLeast
        及以上 atLeast
        或者更多 atLeast
        或更多 atLeast
        或者更少 atMost
        或更少 atMost
        或者以下 atMost
        以上 atLeast
        或以下 atMost
        及以下 atMost
        以下 atMost
        以内 atMost
        左右 approx
        上下 approx
        """

    /// Names and idioms that start with a numeral but are not quantities; skipped whole.
    static let idioms: [[Unicode.Scalar]] = [
        "十四五", "十三五", "十二五", "十一五", "十五五", "十九大", "二十大", "十八大", "一带一路", "一成不变",
        "万一", "一五一十", "千方百计", "三百六十行", "一一对应", "一对一", "一心一意", "一揽子", "百分百",
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }

    /// Separators that join two numbers into a range only before 之间 (`10和20之间`).
    static let betweenSeparators: [[Unicode.Scalar]] = ["和", "与", "及", "跟"].map { Array($0.unicodeScalars) }

    /// Range separators between two numbers.
    static let rangeSeparators: [[Unicode.Scalar]] = [
        "——", "--", "-", "~", "〜", "—", "–", "至", "到",
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
}
