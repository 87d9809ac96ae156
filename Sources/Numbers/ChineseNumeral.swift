import Foundation

/// One piece of a numeral run: Arabic digits, a Chinese digit, a power-of-ten unit, or the decimal point.
enum NumeralToken: Equatable {
    /// Arabic digits as printed (separators removed); `fractionDigits` counts digits after the point.
    case arabic(digits: [UInt8], fractionDigits: Int)
    /// 零〇一…九, 两, 幺 and the financial forms 壹贰….
    case digit(Int)
    /// 十 百 千 万 亿 兆 as a power of ten (1, 2, 3, 4, 8, 12); 拾佰仟萬億 too.
    case unit(Int)
    /// 廿 卅 卌: a ready-made multiple of ten.
    case tens(Int)
    /// 点 / 點 between an integer part and its fraction digits.
    case point
}

/// Character tables for Chinese numerals. Lookups are on the first Unicode scalar of a `Character`.
enum ChineseNumeral {
    static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "零", "〇", "○": return 0
        case "一", "壹", "幺": return 1
        case "二", "两", "贰", "貳", "兩", "弍": return 2
        case "三", "叁", "參", "叄": return 3
        case "四", "肆": return 4
        case "五", "伍": return 5
        case "六", "陆", "陸": return 6
        case "七", "柒": return 7
        case "八", "捌": return 8
        case "九", "玖": return 9
        default: return nil
        }
    }

    static func unitExponent(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "十", "拾": return 1
        case "百", "佰": return 2
        case "千", "仟": return 3
        case "万", "萬": return 4
        case "亿", "億": return 8
        case "兆": return 12
        default: return nil
        }
    }

    static func tens(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "廿": return 20
        case "卅": return 30
        case "卌": return 40
        default: return nil
        }
    }

    static func isPoint(_ s: Unicode.Scalar) -> Bool { s == "点" || s == "點" }

    static func isNumeralScalar(_ s: Unicode.Scalar) -> Bool {
        digit(s) != nil || unitExponent(s) != nil || tens(s) != nil
    }

    static func power(_ e: Int) -> Decimal { Decimal(sign: .plus, exponent: e, significand: 1) }

    static func decimal(digits: [UInt8], fractionDigits: Int) -> Decimal {
        // Up to 18 digits fit a UInt64 exactly: one conversion instead of a Decimal multiply-add per digit.
        if digits.count <= 18 {
            var integer: UInt64 = 0
            for d in digits { integer = integer * 10 + UInt64(d) }
            return Decimal(sign: .plus, exponent: -fractionDigits, significand: Decimal(integer))
        }
        var significand = Decimal(0)
        for d in digits { significand = significand * 10 + Decimal(Int(d)) }
        return Decimal(sign: .plus, exponent: -fractionDigits, significand: significand)
    }

    /// The value of a token sequence, or nil if it is not one well-formed number.
    /// Handles 一千零一, 十万零一, 一亿五千万, 三万五 and 1万5 (= 35000, 15000: the spoken abbreviation), 1万600, 10.1万,
    /// 一百点123 and digit-by-digit readings (一七二零 = 1720, 二〇〇二 = 2002).
    static func evaluate(_ tokens: [NumeralToken]) -> Evaluated? {
        guard !tokens.isEmpty else { return nil }
        // One token (a lone digit or Arabic number, most numbers): the general path below reduces to
        // `total + section + pending` with both sums zero; the same additions, with `0 + 0` done once.
        if tokens.count == 1 {
            switch tokens[0] {
            case .digit(let d) where d > 0 && d < 10:
                return Evaluated(value: loneDigitValues[d], decimals: 0)
            case .arabic(let digits, let fraction):
                return Evaluated(value: zeroSum + decimal(digits: digits, fractionDigits: fraction), decimals: fraction)
            default:
                break
            }
        }
        if let direct = evaluateDigitByDigit(tokens) { return direct }
        var total = Decimal(0)        // everything above the current 万/亿 section
        var section = Decimal(0)      // the part below 万 being built
        var pending: Decimal? = nil   // a digit or Arabic number waiting for its unit
        var pendingIsChineseDigit = false
        var pendingFollowsUnit: Int? = nil // the unit directly before `pending` (for 三万五)
        var lastUnit: Int? = nil
        var lastSmallUnit = 99        // 十百千 must decrease within a section
        var afterZero = false
        var decimals = 0
        var index = 0

        func flushPending() -> Decimal {
            guard let p = pending else { return 0 }
            if pendingIsChineseDigit, let u = pendingFollowsUnit, u >= 1 {
                return p * power(u - 1)
            }
            return p
        }

        while index < tokens.count {
            let token = tokens[index]
            switch token {
            case .digit(let d):
                if pending != nil { return nil }
                if d == 0 {
                    afterZero = true
                    pendingFollowsUnit = nil
                    lastUnit = nil
                } else {
                    pending = Decimal(d)
                    pendingIsChineseDigit = true
                    pendingFollowsUnit = afterZero ? nil : lastUnit
                    afterZero = false
                }
            case .arabic(let digits, let fraction):
                if pending != nil { return nil }
                // A fractional Arabic number may only be scaled (10.1万), never continued (10.1万零100).
                if fraction > 0, index > 0 { return nil }
                pending = decimal(digits: digits, fractionDigits: fraction)
                decimals = fraction
                // 1万5 = 15000: one digit right after 万/亿 is the next place down, as in 两万五 (1万600 stays 10600).
                var abbreviates = false
                if digits.count == 1, fraction == 0, !afterZero, index > 0, case .unit(let e) = tokens[index - 1], e >= 4 {
                    abbreviates = true
                }
                pendingIsChineseDigit = abbreviates
                pendingFollowsUnit = abbreviates ? lastUnit : nil
                afterZero = false
            case .tens(let t):
                if pending != nil { return nil }
                section += Decimal(t)
                lastUnit = 1
                lastSmallUnit = 1
                afterZero = false
            case .unit(let e) where e < 4:
                if e >= lastSmallUnit { return nil }
                let multiplier: Decimal
                if let p = pending {
                    // 2.5千, 5.6百万: a fraction may be scaled by a last 百/千 (and 万/亿 after it), never
                    // continued (2.5千零3 is malformed).
                    if !pendingIsChineseDigit, decimals > 0,
                       tokens[(index + 1)...].contains(where: { if case .unit(let u) = $0, u >= 4 { return false }; return true }) {
                        return nil
                    }
                    multiplier = p
                } else {
                    multiplier = 1
                }
                section += multiplier * power(e)
                pending = nil
                lastUnit = e
                lastSmallUnit = e
                afterZero = false
            case .unit(let e):
                if case .arabic(_, let f) = tokens[max(0, index - 1)], f > 0, index > 0 {
                    // 10.1万 may be followed by nothing but another 万/亿 (10.1万零100 is malformed).
                    if tokens[(index + 1)...].contains(where: { if case .unit(let u) = $0, u >= 4 { return false }; return true }) {
                        return nil
                    }
                }
                // 万 or 亿 close a section. 万亿 and 千万亿 multiply what came before.
                let sectionValue = section + flushPending()
                let hadAnything = sectionValue != 0 || total != 0
                if index > 0, case .unit(let previous) = tokens[index - 1], previous >= 4, sectionValue == 0 {
                    // Stacked large units multiply: 万万 = 亿, 亿万 = 万亿 = 兆.
                    total *= power(e)
                } else if e >= 8 {
                    let base = total + sectionValue
                    total = (hadAnything ? base : 1) * power(e)
                } else {
                    // 万 after 亿 scales only its own section (一亿五千万); 十万亿 is handled by 亿 above.
                    total += (hadAnything ? sectionValue : 1) * power(4)
                }
                if !hadAnything && index != 0 { return nil }
                section = 0
                pending = nil
                lastUnit = e
                lastSmallUnit = 99
                afterZero = false
            case .point:
                // The fraction ends the numeral: everything after the point is read here, once.
                let integer = total + section + flushPending()
                guard index + 1 < tokens.count else { return nil }
                var fractionDigits: [UInt8] = []
                var j = index + 1
                while j < tokens.count {
                    if case .digit(let d) = tokens[j] { fractionDigits.append(UInt8(d)); j += 1; continue }
                    if case .arabic(let ds, let f) = tokens[j], f == 0, fractionDigits.isEmpty {
                        fractionDigits.append(contentsOf: ds); j += 1; continue
                    }
                    break
                }
                guard !fractionDigits.isEmpty else { return nil }
                var value = integer + decimal(digits: fractionDigits, fractionDigits: fractionDigits.count)
                // 三点五万: the fraction may still be scaled by 万/亿.
                while j < tokens.count, case .unit(let e) = tokens[j], e >= 4 {
                    value *= power(e); j += 1
                }
                guard j == tokens.count else { return nil }
                return Evaluated(value: value, decimals: fractionDigits.count)
            }
            index += 1
        }
        let value = total + section + flushPending()
        return Evaluated(value: value, decimals: decimals)
    }

    /// `total + section` of `evaluate` before any token: `Decimal(0) + Decimal(0)`.
    private static let zeroSum: Decimal = Decimal(0) + Decimal(0)
    /// What `evaluate` gives for a lone Chinese digit d (1-9) at index d: `0 + 0 + Decimal(d)`.
    private static let loneDigitValues: [Decimal] = (0..<10).map { zeroSum + Decimal($0) }

    struct Evaluated: Equatable {
        var value: Decimal
        var decimals: Int
    }

    /// The units a run ends with: `big` multiplies only trailing 万/亿 (九百亿 → 1e8, 一百五十万 → 1e4),
    /// `all` every trailing unit (三仟 → 1e3, 九百亿 → 1e10). A range's bare lower bound borrows one of them
    /// (两到三万 → 20000, 两到三仟 → 2000).
    static func trailingScales(_ tokens: [NumeralToken]) -> (big: Decimal, all: Decimal) {
        var big = Decimal(1), all = Decimal(1), sawSmall = false
        for t in tokens.reversed() {
            guard case .unit(let e) = t else { break }
            all *= power(e)
            if e >= 4 && !sawSmall { big *= power(e) } else { sawSmall = true }
        }
        return (big, all)
    }

    /// 一七二零, 二〇〇二, 一二点三零: Chinese digits read one by one, no units. Needs two or more digits.
    private static func evaluateDigitByDigit(_ tokens: [NumeralToken]) -> Evaluated? {
        var integer: [UInt8] = []
        var fraction: [UInt8] = []
        var inFraction = false
        for t in tokens {
            switch t {
            case .digit(let d): if inFraction { fraction.append(UInt8(d)) } else { integer.append(UInt8(d)) }
            case .point: if inFraction || integer.isEmpty { return nil }; inFraction = true
            default: return nil
            }
        }
        if inFraction && fraction.isEmpty { return nil }
        // A single digit, or 零点五 (read by the general path), is not a digit-by-digit reading.
        guard integer.count >= 2 else { return nil }
        let value = decimal(digits: integer + fraction, fractionDigits: fraction.count)
        return Evaluated(value: value, decimals: fraction.count)
    }
}
