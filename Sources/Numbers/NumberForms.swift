import Foundation
import NianbaoModel

/// Forms beyond a plain figure and unit: ordinals, numerals broken by spaces, scientific notation, codes
/// with leading zeros, spoken fractions and measures (四分一, 三米九, 三斤八两), halves (半百, 个半), dates
/// in cheque numerals, and bounds joined into one interval (高于15且不超过40).
extension NumberScanner {
    /// Whitespace that PDF and OCR text put between a numeral's characters (a tab still ends a cell).
    static func isNumeralGap(_ u: Unicode.Scalar) -> Bool { u == " " || u == "\u{2009}" || u == "\n" || u == "\r" }

    static func isDigitToken(_ t: NumeralToken) -> Bool {
        switch t { case .digit, .arabic: return true; default: return false }
    }

    /// Words after 兆 that make it the prefix mega (兆瓦, 兆字节, 100兆带宽), not 10¹².
    static let megaFollowers: Set<Unicode.Scalar> = Set("瓦字赫帕比位带宽网光".unicodeScalars)

    /// Words that join a lower and an upper bound into one interval (200以上、500以下, 高于15且不超过40).
    static let boundJoiners: [[Unicode.Scalar]] = ["并且", "而且", "但是", "且", "但", "而", "并", "、"]
        .map { Array($0.unicodeScalars) }

    static let yearUnits: Set<String> = ["年", "学年", "届", "月", "日"]

    /// 五打 = 60, 一双 = 2: counting words that stand for a number.
    static func countingWordValue(_ u: Unicode.Scalar) -> Decimal? {
        switch u {
        case "打": return 12
        case "双", "雙": return 2
        default: return nil
        }
    }

    /// The end of a whitespace gap at `j` inside a numeral, when the characters around it belong to one
    /// numeral: after a unit or 零 (两千 三, 百 零 五) or before a unit (6 万, 2 千); never between two digit
    /// runs (`3 5`, `2023 12`), nor before 百分/十分. Arabic digits take a 十/百/千 across a gap only inside a
    /// numeral that has a unit already (`6 万 2 千`; `案例 1 百年历史` is no 100).
    func numeralGapEnd(at j: Int, hasUnit: Bool) -> Int? {
        guard j > 0, j < n, NumberScanner.isNumeralGap(s[j]) else { return nil }
        var k = j
        while k < n, NumberScanner.isNumeralGap(s[k]) { k += 1 }
        guard k < n else { return nil }
        let before = s[j - 1], after = s[k]
        let afterUnit = ChineseNumeral.unitExponent(after).map { $0 >= 4 || hasUnit || !NumberScanner.isASCIIDigit(before) } == true
            && at(k + 1) != "分"
        let beforeOpens = ChineseNumeral.unitExponent(before) != nil || before == "零" || before == "〇"
        let afterNumeral = afterUnit || ChineseNumeral.digit(after) != nil || NumberScanner.isASCIIDigit(after)
        let beforeNumeral = ChineseNumeral.isNumeralScalar(before) || NumberScanner.isASCIIDigit(before)
        return (beforeOpens && afterNumeral) || (beforeNumeral && afterUnit) ? k : nil
    }

    /// Past whitespace gaps only (一百 五十 多亿: the 多 after a gap still belongs to the numeral).
    func skipNumeralGaps(_ i: Int) -> Int {
        var k = i
        while k < n, NumberScanner.isNumeralGap(s[k]) { k += 1 }
        return k
    }

    /// 3e4, 1.2E-3: the factor and the end of an exponent at `j`.
    func exponent(at j: Int) -> (Decimal, Int)? {
        guard let e = at(j), e == "e" || e == "E" else { return nil }
        var k = j + 1
        var negative = false
        if let sign = at(k), sign == "+" || sign == "-" { negative = sign == "-"; k += 1 }
        var value = 0, digits = 0
        while let d = at(k), NumberScanner.isASCIIDigit(d), digits < 3 {
            value = value * 10 + Int(d.value - 48); k += 1; digits += 1
        }
        guard digits > 0, value > 0, !(at(k).map { NumberScanner.isASCIILetter($0) || NumberScanner.isASCIIDigit($0) } ?? false)
        else { return nil }
        return (ChineseNumeral.power(negative ? -value : value), k)
    }

    /// 第七, 第2章: an ordinal, with unit `ordinal` (a position, not a quantity).
    func ordinal(at i: Int) -> ParsedNumber? {
        guard i - 1 >= lastEnd, let core = readCore(at: i, allowSign: false), core.decimals == 0 else { return nil }
        return ParsedNumber(text: sourceText((i - 1)..<core.end), value: core.value, unit: NumberParser.ordinalUnit,
                            start: i - 1, end: core.end)
    }

    /// 米九 = 1.9 米, 米六到三米九: a height said as 米 and its tenths, the leading 一 left out.
    func leadingMetre(at i: Int) -> NumeralCore? {
        guard i > 0, s[i - 1] == "米", i - 1 >= lastEnd, let d = ChineseNumeral.digit(s[i]), d > 0,
              !NumberScanner.isFinancialDigit(s[i]), s[i] != "两",
              !(i >= 2 && (NumberScanner.isCJK(s[i - 2]) || NumberScanner.isASCIIDigit(s[i - 2]))),
              !(at(i + 1).map { ChineseNumeral.isNumeralScalar($0) || NumberScanner.isASCIIDigit($0) } ?? false),
              unitWord(at: i + 1) == nil else { return nil }
        return NumeralCore(start: i - 1, end: i + 1, value: 1 + Decimal(d) / 10, decimals: 1, bigScale: 1, allScale: 1,
                           hasArabic: false, hasUnitToken: true, leadingBigUnit: false, digitByDigit: false)
    }

    /// 三米九 = 3.9 米: a lone digit after 米 is its tenths, as 一块二 is 1.2 元.
    func readTenthsTail(_ suffix: inout Suffix) {
        let k = suffix.end
        guard let c = at(k), let d = ChineseNumeral.digit(c), d > 0, !NumberScanner.isFinancialDigit(c), c != "两", c != "兩",
              !(at(k + 1).map { ChineseNumeral.isNumeralScalar($0) || NumberScanner.isASCIIDigit($0) } ?? false),
              unitWord(at: k + 1) == nil else { return }
        suffix.extraValue += Decimal(d) / 10
        suffix.end = k + 1
    }

    /// 三斤八两, 六斤8兩: 两 after 斤 adds 50 克 each.
    func readLiangTail(_ suffix: inout Suffix) {
        let k = suffix.end
        guard let c = at(k), let m = at(k + 1), m == "两" || m == "兩" else { return }
        let digit: Int
        if let d = ChineseNumeral.digit(c), c != "两", c != "兩" { digit = d }
        else if NumberScanner.isASCIIDigit(c) { digit = Int(c.value - 48) }
        else { return }
        suffix.extraValue += Decimal(digit) * 50
        suffix.end = k + 2
    }

    /// Whether a currency name ends right before `start` (港幣三個: 個 is then a dollar).
    func currencyBefore(_ start: Int) -> Bool {
        let b = skipSpacesBack(start)
        guard b > 0, let candidates = NumberVocabulary.currencyPrefixesByLastScalar[s[b - 1].value] else { return false }
        return candidates.contains {
            let word = NumberVocabulary.currencyPrefixes[$0].surface
            return matches(word, at: b - word.count)
        }
    }

    /// 半百 = 50: half of 百/千/万 standing alone (年过半百), not the start of a word (半百姓).
    func halfOfPower(at i: Int) -> ParsedNumber? {
        guard let u = at(i + 1), let e = ChineseNumeral.unitExponent(u), e >= 2 else { return nil }
        var end = i + 2
        if let next = at(end), ChineseNumeral.isNumeralScalar(next) || NumberScanner.isASCIIDigit(next) { return nil }
        var value = ChineseNumeral.power(e) / 2
        var unit = ""
        if let w = unitWord(at: end), w.afterChineseNumeral {
            unit = w.unit
            value *= w.factor
            end += w.surface.count
        } else if let next = at(end), NumberScanner.isCJK(next), next != "之" {
            return nil
        }
        return ParsedNumber(text: sourceText(i..<end), value: value, unit: unit, start: i, end: end)
    }

    /// 個半 = 一個半 = 1.5: the 一 left out before a classifier and its half.
    func halfPastOne(at i: Int) -> ParsedNumber? {
        guard i > 0, s[i - 1] == "个" || s[i - 1] == "個", i - 1 >= lastEnd,
              !(i >= 2 && (NumberScanner.isCJK(s[i - 2]) || NumberScanner.isASCIIDigit(s[i - 2]))) else { return nil }
        return ParsedNumber(text: sourceText((i - 1)..<(i + 1)), value: Decimal(string: "1.5")!, unit: "个",
                            start: i - 1, end: i + 1, decimals: 1)
    }

    /// Whether a lone 零 or cheque digit before 年/月/日 is part of a date (零年零月, 零年貳月), not a word (零件).
    func isDatePart(unit: String, numeralStart: Int, unitEnd: Int) -> Bool {
        let before: Unicode.Scalar = numeralStart > 0 ? s[numeralStart - 1] : " "
        func numeralThen(_ mark: Unicode.Scalar) -> Bool {
            var k = unitEnd
            while k < n, k < unitEnd + 4, ChineseNumeral.isNumeralScalar(s[k]) || NumberScanner.isASCIIDigit(s[k]) { k += 1 }
            return k > unitEnd && at(k) == mark
        }
        switch unit {
        case "年": return numeralThen("月")
        case "月": return before == "年" || numeralThen("日")
        case "日": return before == "月"
        default: return false
        }
    }

    /// A digit-by-digit reading that is a code or a decimal, a number without a unit: 零零三, 负零一,
    /// 一二点三零 (not 零零, which is no figure).
    func isCodeReading(_ core: NumeralCore) -> Bool {
        var first = core.start
        while first < core.end, ChineseNumeral.digit(s[first]) == nil { first += 1 }
        guard first < core.end else { return false }
        var hasPoint = false, nonZero = false
        for k in first..<core.end {
            if ChineseNumeral.isPoint(s[k]) { hasPoint = true } else if let d = ChineseNumeral.digit(s[k]), d != 0 { nonZero = true }
        }
        return nonZero && (hasPoint || ChineseNumeral.digit(s[first]) == 0)
    }

    /// The digits as printed when they say more than the value (零零三 → "003", 012, 一二点三零 → "12.30").
    func printedDigits(_ core: NumeralCore) -> String? {
        var k = core.start
        while k < core.end, ChineseNumeral.digit(s[k]) == nil, !NumberScanner.isASCIIDigit(s[k]) { k += 1 }
        guard k < core.end else { return nil }
        // Arabic figures only with a leading zero (012, 007); 0.5 is plain.
        if core.hasArabic, !(s[k] == "0" && at(k + 1).map(NumberScanner.isASCIIDigit) == true) { return nil }
        var text = core.value < 0 ? "-" : ""
        for j in k..<core.end {
            let c = s[j]
            if NumberScanner.isASCIIDigit(c) { text.unicodeScalars.append(c) }
            else if let d = ChineseNumeral.digit(c) { text += String(d) }
            else if c == "." || ChineseNumeral.isPoint(c) { text += "." }
            else if c != "," { return nil }  // units, letters: no plain digit string
        }
        return text == NumberParser.decimalString(core.value) ? nil : text
    }

    /// 比二十多, 比 20 少: more or less than the figure compared with; the qualifier and the new span.
    /// (比2022年少 compares with a year, not a figure.)
    func comparedWith(start: Int, end: Int, qualifier: Qualifier?, unit: String) -> (Qualifier, Int, Int)? {
        let b = skipSpacesBack(start)
        guard b > 0, s[b - 1] == "比", b - 1 >= lastEnd, !NumberScanner.yearUnits.contains(unit) else { return nil }
        if qualifier == .moreThan, at(end - 1) == "多" { return (.moreThan, b - 1, end) }
        let k = skipSpaces(end)
        if qualifier == nil, at(k) == "少" { return (.lessThan, b - 1, k + 1) }
        return nil
    }

    /// `> = 60`, `< = 5`: a comparison sign and its = printed apart.
    func spacedComparison(before start: Int) -> (Qualifier, Int)? {
        let b = skipSpacesBack(start)
        guard b > 0, s[b - 1] == "=" else { return nil }
        let c = skipSpacesBack(b - 1)
        guard c > 0, c - 1 >= lastEnd else { return nil }
        switch s[c - 1] {
        case ">", "＞": return (.atLeast, c - 1)
        case "<", "＜": return (.atMost, c - 1)
        default: return nil
        }
    }

    /// Appends a number, or joins it with the number before into one interval when the two are a lower
    /// and an upper bound of the same unit with at most a joining word between them (最少30最多60,
    /// 200以上、500以下). A comma never joins: `就业率90%以上，对口率不超过95%` are two statements.
    mutating func appendJoiningBounds(_ number: ParsedNumber) {
        if let last = found.last, let joined = joinedBounds(last, number) {
            found[found.count - 1] = joined
        } else {
            found.append(number)
        }
    }

    func joinedBounds(_ a: ParsedNumber, _ b: ParsedNumber) -> ParsedNumber? {
        guard let qa = a.qualifier, let qb = b.qualifier, qa != qb, a.unit == b.unit else { return nil }
        let aLower = qa == .atLeast || qa == .moreThan, aUpper = qa == .atMost || qa == .lessThan
        let bLower = qb == .atLeast || qb == .moreThan, bUpper = qb == .atMost || qb == .lessThan
        guard (aLower && bUpper) || (aUpper && bLower), boundJoiner(from: a.end, to: b.start) else { return nil }
        let (low, high) = aLower ? (a, b) : (b, a)
        guard low.value <= high.value else { return nil }
        return ParsedNumber(text: sourceText(a.start..<b.end), value: low.value, upper: high.value, unit: a.unit,
                            start: a.start, end: b.end, qualifier: .range, decimals: max(a.decimals, b.decimals),
                            scale: low.scale, lowerExclusive: low.qualifier == .moreThan,
                            upperExclusive: high.qualifier == .lessThan)
    }

    func boundJoiner(from aEnd: Int, to bStart: Int) -> Bool {
        let from = skipSpaces(aEnd), to = skipSpacesBack(bStart)
        if from >= to { return true }
        return NumberScanner.boundJoiners.contains { to - from == $0.count && matches($0, at: from) }
    }
}
