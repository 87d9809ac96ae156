import Foundation
import NianbaoModel

/// Finds the numbers in one line of report text and normalises them per the data contract:
/// money to 元 (8,471.36 万元 → 84713600 元), 万人 to persons, percentages in percent points, `12.3:1`
/// as ratio 12.3, with qualifiers (approx, at_least, …, range, change) kept apart from the value.
///
/// Conventions (documented in the tests, `NumberParserTests`):
/// - Arithmetic is exact (`Decimal`); no binary floating point anywhere.
/// - `start`/`end` are `Character` offsets; `text` includes qualifier words printed next to the number
///   (`超1007项`, `增加 15.7%`), so `start` may be before the first digit.
/// - Ranges (`15.4-18.5 万元`, `3至5年`): `value` = lower bound, `upper` = upper bound, qualifier `range`.
///   A bare lower bound borrows the upper's 万/亿 (两到三万 → 20000…30000) when that keeps lower ≤ upper.
/// - Changes (`增加 15.7%`, `减少 0.3 万人`): qualifier `change`, value signed (negative for decreases;
///   a figure printed with its own minus keeps it: 下降 -3.8% → −3.8).
///   A change word wins over a bound word next to it (增长超过 10% → change).
/// - A lower and an upper bound side by side, or joined by 且/、/而 (not a comma), are one range
///   (高于15且不超过40 → 15…40, lower end open; 200以上、500以下; 最少30最多60). 比二十多 → more_than 20.
/// - `N余人`, `N多人` → more_than; `N以上` → at_least; `以下/以内` → at_most; `左右/上下/约/近` → approx
///   (but `近3年` is "the last three years", so 近 does not qualify years, months and days).
/// - Ratios `a:b` → unit `ratio`, value a/b when that division terminates (12.3:1 → 12.3, 3:2 → 1.5),
///   otherwise a/b rounded to 4 places (4:6 → 0.6667) with `denominator` = b so the exact terms survive.
/// - `X分之Y` fractions use the same rule (so does the spoken 四分一); `百分之Y` → Y %; per-mille and
///   smaller shares are percent points too (`千分之三`, `3‰` → 0.3 %, `万分之五` → 0.05 %); `三成` → 30 %,
///   `三成半` → 35 %, `七五折` → 75 %.
/// - Mass is normalised to 克 (3斤5两 → 1750), money to 元; other measures keep their unit.
/// - 万万 = 亿, 亿万 = 万亿 = 兆 = 10¹² (but 兆 before 瓦/字节/带宽 is mega, no numeral); 3e4 = 30000;
///   五打 = 60, 一双 = 2 (对 counts pairs); 半百 = 50.
/// - Spoken approximate ranges are ranges: 八九亿 → 8亿…9亿, 三五百 → 300…500, 数十亿/几十万 → 1×…10×,
///   十几个 → 10…20, 四十几亿 → 40亿…50亿; `3000多` stays more_than (三十多万 → more than 300000).
///   半 counts only before a unit or after one (半个, 两年半, 一半).
/// - Years print as numbers with unit 年/学年/届 (`2023年`) so the rule engine can ignore them.
/// - Chinese numerals count only when followed by a unit, when they contain 十/百/千/万/亿 (二十三, 两千零五),
///   or when they are the whole input; idioms (统一, 一流, 十四五, 千方百计…), outline numbers (3.3.2),
///   names glued to Latin letters (5G, 3D), and lone 零/伍/陆 inside words (零件, 队伍, 陆续; but 零年零月
///   is a date) are skipped. Digit-by-digit readings need three digits and a unit (二〇二三年), unless they
///   are a code or decimal (零零三, 一二点三零), whose printed digits are kept in `digits`.
/// - Ordinals (第一, 第2章) are read with unit `ordinal`: positions, which the indicators stage ignores.
/// - Spaces and line breaks inside a Chinese numeral, as PDF and OCR text give them, are skipped
///   (两千 三 百 零 五, 6 万 2 千); two digit runs never join (`3 5`).
/// - A tab ends a number phrase: table cells never lend each other units or qualifier words.
public struct NumberParser: Sendable {
    public init() {}

    /// The unit of an ordinal (第七 → 7 `ordinal`): a position, which indicator rules never take as a value.
    public static let ordinalUnit = "ordinal"

    public func parse(_ line: String) -> [ParsedNumber] {
        var scanner = NumberScanner(line)
        return scanner.scan()
    }

    /// The numbers of a range of text given as Unicode scalar values, one scalar per `Character` (the
    /// caller checks that), offsets relative to the range's start: the same as parsing the range's String,
    /// without building and re-splitting one.
    public func parse(scalars: [UInt32], range: Range<Int>) -> [ParsedNumber] {
        var scanner = NumberScanner(scalars: scalars, range: range)
        return scanner.scan()
    }

    /// Plain decimal notation: never an exponent, never binary-float noise (`1.57`, `84713600`, `-0.1`).
    public static func decimalString(_ d: Decimal) -> String {
        if d.isNaN { return "NaN" }
        if d.isZero { return "0" }
        let negative = d.sign == .minus
        var digits = d.significand.magnitude.description
        if digits.hasPrefix("-") { digits.removeFirst() }
        var exponent = d.exponent
        // Drop trailing zeros of the significand into the exponent (82225.00 → 82225).
        while exponent < 0, digits.count > 1, digits.last == "0" { digits.removeLast(); exponent += 1 }
        var out: String
        if exponent >= 0 {
            out = digits + String(repeating: "0", count: exponent)
        } else {
            let pointAt = digits.count + exponent
            if pointAt > 0 {
                let idx = digits.index(digits.startIndex, offsetBy: pointAt)
                out = String(digits[..<idx]) + "." + String(digits[idx...])
            } else {
                out = "0." + String(repeating: "0", count: -pointAt) + digits
            }
        }
        return negative ? "-" + out : out
    }
}

/// The numeral part of a match: sign, Arabic and/or Chinese numerals, 万/亿 scale, before any unit.
struct NumeralCore {
    var start: Int
    var end: Int
    var value: Decimal
    var decimals: Int
    var bigScale: Decimal
    var allScale: Decimal
    var hasArabic: Bool
    var hasUnitToken: Bool
    var leadingBigUnit: Bool
    var digitByDigit: Bool
    var startsWithDigit: Bool = false
}

/// One pass over a line. Works on the first Unicode scalar of each `Character`, with full-width
/// digits and punctuation folded to ASCII, so offsets stay `Character` offsets.
struct NumberScanner {
    /// The Characters a number's `text` is cut from; empty when `scalarSource` stands in for them.
    let chars: [Character]
    /// Analysed text whose Characters are single scalars: a number's `text` is built from these scalars
    /// (the same String as from the Characters) without making an array of Characters first.
    let scalarSource: [UInt32]
    let s: [Unicode.Scalar]
    let n: Int
    let trimmedStart: Int
    let trimmedEnd: Int
    var found: [ParsedNumber] = []
    var lastEnd = 0

    /// Offset of `s[0]` in `chars` (a sentence scanned in place inside its block's Characters).
    let charBase: Int

    init(_ line: String) {
        chars = Array(line)
        scalarSource = []
        charBase = 0
        s = chars.map { NumberScanner.fold($0.unicodeScalars.first ?? " ") }
        n = chars.count
        var a = 0, b = chars.count
        while a < b, NumberScanner.isSpace(s[a]) || s[a] == "\t" { a += 1 }
        while b > a, NumberScanner.isSpace(s[b - 1]) || s[b - 1] == "\t" { b -= 1 }
        trimmedStart = a
        trimmedEnd = b
    }

    /// A range of already analysed text whose Characters are single scalars: its scalars are folded in
    /// place of re-splitting a String into Characters (the same Characters, so the same numbers at the
    /// same offsets).
    init(scalars: [UInt32], range: Range<Int>) {
        let firstScalars = scalars[range]
        chars = []
        scalarSource = scalars
        charBase = firstScalars.startIndex
        // The values come from valid scalars: rebuilt without the failable initializer's checks.
        s = firstScalars.map { value in
            NumberScanner.fold(unsafeBitCast(value, to: Unicode.Scalar.self))
        }
        n = s.count
        var a = 0, b = n
        while a < b, NumberScanner.isSpace(s[a]) || s[a] == "\t" { a += 1 }
        while b > a, NumberScanner.isSpace(s[b - 1]) || s[b - 1] == "\t" { b -= 1 }
        trimmedStart = a
        trimmedEnd = b
    }

    /// The source text of a range of `s` (offsets relative to `s`).
    func sourceText(_ range: Range<Int>) -> String {
        let lower = charBase + range.lowerBound, upper = charBase + range.upperBound
        guard chars.isEmpty && !scalarSource.isEmpty else { return String(chars[lower..<upper]) }
        return utf8String(scalarSource[lower..<upper])
    }

    @inline(__always) static func fold(_ u: Unicode.Scalar) -> Unicode.Scalar {
        let v = u.value
        // CJK ideographs, the bulk of the text, fold to themselves.
        if v >= 0x4E00 && v <= 0x9FFF { return u }
        if v >= 0xFF01 && v <= 0xFF5E { return Unicode.Scalar(v - 0xFEE0)! }
        if v == 0x3000 || v == 0xA0 { return " " }
        if v == 0x2212 || v == 0xFE63 { return "-" }  // minus sign, small hyphen-minus
        return u
    }

    /// Scalars a number can start with (digits, Chinese numerals, signs, `.`, 百/千 of 百分之/千分之, 半),
    /// one bit each over the BMP: most scalars of a sentence start nothing.
    static let mayStartBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for value in UInt32(0)..<0x10000 {
            guard let c = Unicode.Scalar(value) else { continue }
            if isASCIIDigit(c) || ChineseNumeral.isNumeralScalar(c) || c == "-" || c == "负" || c == "負" || c == "."
                || c == "百" || c == "千" || c == "半" {
                bits[Int(value >> 6)] |= 1 << UInt64(value & 63)
            }
        }
        return bits
    }()

    /// Spaces inside a number phrase (8,471.36 万元). Tabs are not: they separate table cells, and a word
    /// in one cell must not qualify a number in the next.
    static func isSpace(_ u: Unicode.Scalar) -> Bool { u == " " || u == "\u{2009}" }
    static func isASCIIDigit(_ u: Unicode.Scalar) -> Bool { u.value >= 48 && u.value <= 57 }
    static func isASCIILetter(_ u: Unicode.Scalar) -> Bool {
        (u.value >= 65 && u.value <= 90) || (u.value >= 97 && u.value <= 122)
    }
    static func isCJK(_ u: Unicode.Scalar) -> Bool { u.value >= 0x3400 && u.value <= 0x9FFF }

    func at(_ i: Int) -> Unicode.Scalar? { i >= 0 && i < n ? s[i] : nil }

    func matches(_ word: [Unicode.Scalar], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= n else { return false }
        for k in 0..<word.count where s[i + k] != word[k] { return false }
        return true
    }

    func skipSpaces(_ i: Int) -> Int {
        var j = i
        while j < n, NumberScanner.isSpace(s[j]) { j += 1 }
        return j
    }

    func skipSpacesBack(_ i: Int) -> Int {
        var j = i
        while j > 0, NumberScanner.isSpace(s[j - 1]) { j -= 1 }
        return j
    }

    mutating func scan() -> [ParsedNumber] {
        var i = 0
        let mayStartBits = NumberScanner.mayStartBits
        while i < n {
            let value = s[i].value
            guard value < 0x10000, mayStartBits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 else { i += 1; continue }
            if let skip = idiomEnd(at: i) { i = skip; continue }
            // Ordinals (第一, 第九十一, 第2章) are positions, not quantities: read with unit `ordinal`.
            if i > 0, s[i - 1] == "第" {
                if let ordinal = ordinal(at: i) {
                    found.append(ordinal)
                    lastEnd = ordinal.end
                    i = ordinal.end
                    continue
                }
                var j = i
                while j < n, NumberScanner.isASCIIDigit(s[j]) || ChineseNumeral.isNumeralScalar(s[j]) { j += 1 }
                if j > i { i = j; continue }
            }
            if let number = match(at: i) {
                appendJoiningBounds(number)
                lastEnd = number.end
                i = max(number.end, i + 1)
            } else {
                i = skipRun(from: i)
            }
        }
        return found
    }

    /// After a failed match on digits, skip the whole digit run so its tail is not re-read as a new
    /// number (5G, 3.3.2). A Chinese run restarts at the next character (队伍三年 → 三年).
    func skipRun(from i: Int) -> Int {
        var j = i + 1
        if NumberScanner.isASCIIDigit(s[i]) {
            while j < n, NumberScanner.isASCIIDigit(s[j]) || s[j] == "." || s[j] == "," { j += 1 }
        }
        return j
    }

    func idiomEnd(at i: Int) -> Int? {
        guard let candidates = NumberVocabulary.idiomsByFirstScalar[s[i].value] else { return nil }
        for k in candidates where matches(NumberVocabulary.idioms[k], at: i) { return i + NumberVocabulary.idioms[k].count }
        return nil
    }

    // MARK: numeral core

    /// Reads an optional sign and a numeral run at `i` (Arabic, Chinese or mixed).
    func readCore(at i: Int, allowSign: Bool = true) -> NumeralCore? {
        var j = i
        var negative = false
        if allowSign {
            if s[j] == "-" {
                let prev = skipSpacesBack(j)
                if prev > 0, let p = at(prev - 1),
                   NumberScanner.isASCIIDigit(p) || ChineseNumeral.isNumeralScalar(p) || NumberScanner.isASCIILetter(p)
                    || p == ")" || p == "]" || p == "." || p == "%" {
                    return nil
                }
                var k = j + 1
                if j == trimmedStart { k = skipSpaces(k) }  // "- 1,200,000" as a whole input
                guard let d = at(k), NumberScanner.isASCIIDigit(d) || d == "." else { return nil }
                negative = true
                j = k
            } else if s[j] == "负" || s[j] == "負" {
                let k = skipSpaces(j + 1)
                guard let d = at(k), NumberScanner.isASCIIDigit(d) || ChineseNumeral.isNumeralScalar(d) else { return nil }
                negative = true
                j = k
            } else if s[j] == "零", at(j + 1) == "下" {
                let k = j + 2
                guard let d = at(k), NumberScanner.isASCIIDigit(d) || ChineseNumeral.isNumeralScalar(d) else { return nil }
                negative = true
                j = k
            }
        }
        var tokens: [NumeralToken] = []
        var tokenEnds: [Int] = []
        var letterFactor: Decimal = 1
        var letterEnd: Int? = nil
        while j < n {
            let c = s[j]
            if NumberScanner.isASCIIDigit(c) || (c == "." && tokens.isEmpty && at(j + 1).map(NumberScanner.isASCIIDigit) == true
                                                  && !(at(j - 1).map { NumberScanner.isASCIIDigit($0) || $0 == "." } ?? false)) {
                if case .arabic = tokens.last { break }
                guard let (digits, fraction, end) = readArabic(at: j) else { break }
                tokens.append(.arabic(digits: digits, fractionDigits: fraction))
                tokenEnds.append(end)
                j = end
                // 3e4, 1.2E-3: scientific notation.
                if tokens.count == 1, let (factor, exponentEnd) = exponent(at: j) {
                    letterFactor = factor
                    letterEnd = exponentEnd
                    break
                }
                // 100K, 3M, 30w: Latin multipliers directly after digits, not followed by another letter
                // (G only after a fraction, .0012G: 5G is a name).
                if let m = at(j), let factor = NumberScanner.letterMultiplier(m), m != "G" || fraction > 0,
                   !(at(j + 1).map(NumberScanner.isASCIILetter) ?? false), tokens.count == 1 {
                    letterFactor = factor
                    letterEnd = j + 1
                    break
                }
                // 8,471.36 万元: a space may separate the figure from its 万/亿.
                let k = skipSpaces(j)
                if k > j, let u = at(k), u == "万" || u == "亿" || u == "萬" || u == "億" { j = k }
                continue
            }
            if let d = ChineseNumeral.digit(c) {
                // 九两, 9两: 两 right after a digit is the mass unit (no digit-by-digit reading uses 两).
                if c == "两" || c == "兩", let last = tokens.last, NumberScanner.isDigitToken(last) { break }
                tokens.append(.digit(d)); j += 1; tokenEnds.append(j); continue
            }
            if let e = ChineseNumeral.unitExponent(c) {
                // 1.5千米, 3千克: after Arabic digits a unit word beginning with 千/百 is the unit.
                if e < 4, case .arabic = tokens.last, unitWord(at: j) != nil { break }
                // 100兆带宽, 3兆瓦: before a measure 兆 is the prefix mega, no numeral.
                if e == 12, let next = at(j + 1), NumberScanner.isASCIILetter(next) || Self.megaFollowers.contains(next) { break }
                tokens.append(.unit(e)); j += 1; tokenEnds.append(j); continue
            }
            // 两个亿: a classifier between a digit and 亿/万 is spoken filler.
            if c == "个", case .digit = tokens.last, let u = at(j + 1), u == "亿" { j += 1; continue }
            if let t = ChineseNumeral.tens(c) { tokens.append(.tens(t)); j += 1; tokenEnds.append(j); continue }
            if ChineseNumeral.isPoint(c), !tokens.isEmpty, let next = at(j + 1),
               NumberScanner.isASCIIDigit(next) || ChineseNumeral.digit(next) != nil {
                tokens.append(.point); j += 1; tokenEnds.append(j); continue
            }
            // 两千 三 百 零 五, 6 万 2 千: PDF and OCR text put spaces or line breaks inside a numeral.
            if !tokens.isEmpty,
               let k = numeralGapEnd(at: j, hasUnit: tokens.contains { if case .unit = $0 { return true }; return false }) {
                j = k; continue
            }
            break
        }
        guard !tokens.isEmpty else { return nil }
        // Most numbers are one Arabic figure (`2,261`, `81.4`): what the general path below gives for
        // them, without its prefix arrays.
        if tokens.count == 1, case .arabic(_, let fraction) = tokens[0], let evaluated = ChineseNumeral.evaluate(tokens) {
            var value = evaluated.value
            var end = tokenEnds[0]
            var big: Decimal = 1, all: Decimal = 1
            if letterFactor != 1, let le = letterEnd {
                value *= letterFactor
                big = letterFactor; all = letterFactor
                end = le
            }
            return NumeralCore(start: i, end: end, value: negative ? -value : value, decimals: fraction,
                               bigScale: big, allScale: all, hasArabic: true, hasUnitToken: false,
                               leadingBigUnit: false, digitByDigit: false, startsWithDigit: true)
        }
        // Longest well-formed prefix of the run.
        var count = tokens.count
        while count > 0 {
            let prefix = Array(tokens[0..<count])
            if case .point = prefix.last { count -= 1; continue }
            if var evaluated = ChineseNumeral.evaluate(prefix) {
                var end = tokenEnds[count - 1]
                var (big, all) = ChineseNumeral.trailingScales(prefix)
                if letterFactor != 1, count == tokens.count, let le = letterEnd {
                    evaluated.value *= letterFactor
                    big = letterFactor; all = letterFactor
                    end = le
                }
                let arabicInPrefix = prefix.contains { if case .arabic = $0 { return true }; return false }
                let unitToken = prefix.contains {
                    switch $0 { case .unit, .tens: return true; default: return false }
                }
                let leadingBig: Bool = { if case .unit(let e) = prefix[0], e >= 2 { return true }; return false }()
                let digitByDigit = !unitToken && !arabicInPrefix
                    && prefix.filter({ if case .digit = $0 { return true }; return false }).count >= 2
                // 伍三 (from 队伍三年) is no digit-by-digit reading: those use ordinary digits only, or stand alone.
                if digitByDigit, (i..<tokenEnds[count - 1]).contains(where: { NumberScanner.isFinancialDigit(s[$0]) }),
                   !(i <= trimmedStart && tokenEnds[count - 1] >= trimmedEnd) {
                    count -= 1; continue
                }
                return NumeralCore(start: i, end: end, value: negative ? -evaluated.value : evaluated.value,
                                   decimals: evaluated.decimals, bigScale: big, allScale: all,
                                   hasArabic: arabicInPrefix,
                                   hasUnitToken: unitToken, leadingBigUnit: leadingBig, digitByDigit: digitByDigit,
                                   startsWithDigit: { if case .digit = prefix[0] { return true }; if case .arabic = prefix[0] { return true }; return false }())
            }
            count -= 1
        }
        return nil
    }

    /// 壹贰叁肆伍陆柒捌玖: cheque forms, also parts of words (队伍, 陆续, 肆意).
    static let percentWord = Array("百分之".unicodeScalars)
    static let permilleWord = Array("千分之".unicodeScalars)
    static let perTenThousandWord = Array("万分之".unicodeScalars)
    static let fractionWord = Array("分之".unicodeScalars)
    static let inclusiveWord = Array("(含)".unicodeScalars)
    static let betweenWord = Array("之间".unicodeScalars)

    static func isFinancialDigit(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "壹", "贰", "貳", "叁", "參", "叄", "肆", "伍", "陆", "陸", "柒", "捌", "玖": return true
        default: return false
        }
    }

    static func letterMultiplier(_ u: Unicode.Scalar) -> Decimal? {
        switch u {
        case "k", "K": return 1000
        case "w", "W": return 10000
        case "M": return 1_000_000
        case "G": return 1_000_000_000
        default: return nil
        }
    }

    /// Arabic digits with `,`/`，` thousands separators (groups of exactly three) and a decimal point.
    func readArabic(at i: Int) -> ([UInt8], Int, Int)? {
        var j = i
        var digits: [UInt8] = []
        var groupLength = 0
        var firstGroup = true
        while j < n {
            let c = s[j]
            if NumberScanner.isASCIIDigit(c) {
                digits.append(UInt8(c.value - 48)); groupLength += 1; j += 1; continue
            }
            if c == ",", groupLength > 0, (firstGroup ? groupLength <= 3 : groupLength == 3),
               j + 3 < n || j + 3 == n,
               (1...3).allSatisfy({ at(j + $0).map(NumberScanner.isASCIIDigit) == true }),
               !(at(j + 4).map(NumberScanner.isASCIIDigit) ?? false) {
                firstGroup = false; groupLength = 0; j += 1; continue
            }
            break
        }
        var fraction = 0
        if j < n, s[j] == ".", let d = at(j + 1), NumberScanner.isASCIIDigit(d) {
            j += 1
            while j < n, NumberScanner.isASCIIDigit(s[j]) {
                digits.append(UInt8(s[j].value - 48)); fraction += 1; j += 1
            }
        }
        guard !digits.isEmpty else { return nil }
        return (digits, fraction, j)
    }

    // MARK: whole match

    struct Suffix {
        var unit = ""
        var factor: Decimal = 1
        var end: Int
        var qualifier: Qualifier? = nil
        var unitWord: UnitWord? = nil
        var extraValue: Decimal = 0   // 角/分 after 元
        var percentFromCheng = false
        /// `八折`, `九五折`: a price as a share of the full one.
        var percentFromDiscount = false
    }

    /// The unit (and 余/多) after a core ending at `i`.
    func readUnit(after i: Int, core: NumeralCore) -> Suffix {
        var suffix = Suffix(end: i)
        var k = i
        // 1200余人, 3000多欧元: "more than" between the figure and its unit.
        if let c = at(skipSpaces(k)), c == "余" || c == "多" {
            let afterMarker = skipSpaces(k) + 1
            if unitWord(at: skipSpaces(afterMarker)) != nil {
                suffix.qualifier = .moreThan
                k = afterMarker
            } else if c == "余" || at(afterMarker).map({ !NumberScanner.isCJK($0) }) ?? true {
                // `1200余` anywhere; `三百多` only where no word follows (`多` also begins words).
                suffix.qualifier = .moreThan
                suffix.end = afterMarker
                return suffix
            }
        }
        // 三成 → 30 %
        if let c = at(k), c == "成" {
            let next = at(k + 1)
            // 九成五 = 95 %: a lone digit after 成 is the next place down.
            if let next, let d = ChineseNumeral.digit(next), d > 0,
               !(at(k + 2).map { ChineseNumeral.isNumeralScalar($0) || NumberScanner.isASCIIDigit($0) } ?? false),
               unitWord(at: k + 2) == nil {
                suffix.unit = "%"; suffix.factor = 10; suffix.extraValue = Decimal(d); suffix.end = k + 2
                suffix.percentFromCheng = true
                return suffix
            }
            // 三成半 = 35 %.
            if next == "半" {
                suffix.unit = "%"; suffix.factor = 10; suffix.extraValue = 5; suffix.end = k + 2
                suffix.percentFromCheng = true
                return suffix
            }
            let okNext = next == nil || !NumberScanner.isCJK(next!)
                || ["以", "左", "的", "多", "是", "和", "与", "及", "上", "。", "，"].contains(next!)
            if okNext {
                suffix.unit = "%"; suffix.factor = 10; suffix.end = k + 1; suffix.percentFromCheng = true
                return suffix
            }
        }
        // 八折 → 80 %, 九五折 → 95 %, 8.5折 → 85 % (not 折合/折算/折旧…, which convert or write off).
        if let c = at(k), c == "折", core.value > 0, core.value <= 100,
           !(at(k + 1).map { "合算旧射叠现价扣".unicodeScalars.contains($0) } ?? false) {
            suffix.unit = "%"; suffix.factor = core.value < 10 ? 10 : 1; suffix.end = k + 1
            suffix.percentFromDiscount = true
            return suffix
        }
        let u = skipSpaces(k)
        // 九两半, 9两: 两 after a figure is the mass unit when nothing but 半 or the phrase's end follows.
        if let c = at(u), c == "两" || c == "兩", at(u + 1) == "半" || (at(u + 1).map { !NumberScanner.isCJK($0) } ?? true) {
            let w = UnitWord(surface: [c], unit: "克", factor: 50, afterChineseNumeral: true, isMoney: false)
            suffix.unit = w.unit; suffix.factor = w.factor; suffix.unitWord = w; suffix.end = u + 1
            return suffix
        }
        if var w = unitWord(at: u) {
            // 六個加侖: a classifier before the real unit gives way to it.
            // Only physical measures: 3个人才基地 is 3 个, not 3 人.
            if w.unit == "个", let real = unitWord(at: u + w.surface.count),
               ["加仑", "升", "毫升", "公里", "米", "英里", "英尺", "英寸", "千克", "克", "斤", "吨", "亩", "平方米"]
                .contains(real.unit) {
                w = UnitWord(surface: Array(s[u..<(u + w.surface.count + real.surface.count)]), unit: real.unit,
                             factor: real.factor, afterChineseNumeral: true, isMoney: real.isMoney)
            }
            // 港幣三個一毫四: after a currency name, 個 is the currency's main unit.
            if w.unit == "个", currencyBefore(core.start) {
                w = UnitWord(surface: w.surface, unit: "元", factor: 1, afterChineseNumeral: true, isMoney: true)
            }
            suffix.unit = w.unit
            suffix.factor = w.factor
            suffix.unitWord = w
            suffix.end = u + w.surface.count
            // Coins after 元/块 (3元5角) or after a coin (壹角壹分).
            if w.isMoney { readMoneyTail(&suffix, surface: w.surface, afterCoin: w.factor != 1) }
            // 三斤八两 = 1900 克 (a 两 is 50 克); 三米九 = 3.9 米.
            if w.surface.first == "斤" { readLiangTail(&suffix) }
            if w.unit == "米", w.surface.count == 1 { readTenthsTail(&suffix) }
        }
        return suffix
    }

    func unitWord(at i: Int) -> UnitWord? {
        guard i < n, let candidates = NumberVocabulary.unitsByFirstScalar[s[i].value] else { return nil }
        for k in candidates {
            let w = NumberVocabulary.units[k]
            guard matches(w.surface, at: i) else { continue }
            if NumberScanner.isASCIILetter(w.surface.last!), let next = at(i + w.surface.count),
               NumberScanner.isASCIILetter(next) { continue }
            return w
        }
        return nil
    }

    /// Whether a numeral is written in cheque forms only (壹佰贰拾, 伍): a money amount whatever unit follows.
    func isChequeNumeral(_ core: NumeralCore) -> Bool {
        (core.start..<core.end).allSatisfy { NumberScanner.isFinancialDigit(s[$0]) || "拾佰仟萬億".unicodeScalars.contains(s[$0]) }
    }

    /// Coins after 元/块 and what one of each is worth.
    static let coinMarks: [(marks: [Unicode.Scalar], weight: Decimal)] = [
        (["角", "毛", "毫"], Decimal(string: "0.1")!), (["分"], Decimal(string: "0.01")!),
    ]

    /// 壹拾壹元壹角壹分, 123元1角1分, 十块三毛, 壹佰圆整.
    func readMoneyTail(_ suffix: inout Suffix, surface: [Unicode.Scalar], afterCoin: Bool = false) {
        let start = suffix.end
        var k = suffix.end
        var extra = Decimal(0)
        if let c = at(k), c == "整" || c == "正" { suffix.end = k + 1; return }
        if at(k) == "零" { k += 1 }
        for (marks, weight) in Self.coinMarks {
            guard let c = at(k) else { break }
            let digit: Int?
            if let d = ChineseNumeral.digit(c) { digit = d } else if NumberScanner.isASCIIDigit(c) { digit = Int(c.value - 48) } else { digit = nil }
            guard let d = digit, let m = at(k + 1), marks.contains(m) else { continue }
            extra += Decimal(d) * weight
            k += 2
            suffix.end = k
            if at(k) == "零" { k += 1 }
        }
        // 一块二 (= 1.2), 三块零四 (= 3.04), 七毛八 (= 0.78): a lone Chinese digit after 块/元/毛 is the next
        // smaller coin.
        let afterUnit = suffix.end == start
        let afterJiao = !afterUnit && extra != 0 && (at(suffix.end - 1) == "角" || at(suffix.end - 1) == "毛"
                                                     || at(suffix.end - 1) == "毫")
        // (Not after a coin unit: 五角二 is no 五角 + 0.2 元.)
        if (afterUnit || afterJiao) && !afterCoin {
            var k2 = suffix.end
            var weight = afterUnit ? Decimal(string: "0.1")! : Decimal(string: "0.01")!
            if afterUnit, at(k2) == "零" { k2 += 1; weight = Decimal(string: "0.01")! }
            if let c = at(k2), let d = ChineseNumeral.digit(c), d != 0, c != "两" || !afterUnit,
               !(at(k2 + 1).map { ChineseNumeral.isNumeralScalar($0) || NumberScanner.isASCIIDigit($0) } ?? false),
               unitWord(at: k2 + 1) == nil {
                extra += Decimal(d) * weight
                suffix.end = k2 + 1
            }
        }
        if at(suffix.end) == "钱" { suffix.end += 1 }
        suffix.extraValue = extra
    }

    func suffixQualifier(at i: Int) -> (Qualifier, Int)? {
        let k = skipSpaces(i)
        guard let first = at(k), NumberVocabulary.suffixQualifierFirsts.contains(first) else { return nil }
        for (w, q) in NumberVocabulary.suffixQualifiers where matches(w, at: k) { return (q, k + w.count) }
        return nil
    }

    /// 半个, 半公升: half of a unit (a bare 半 is a word: 半岛, 半数).
    func half(at i: Int) -> ParsedNumber? {
        let k = i + 1
        if i > 0, "上下前后多大".unicodeScalars.contains(s[i - 1]) { return nil }  // 上半年 is a period
        if let halved = halfOfPower(at: i) ?? halfPastOne(at: i) { return halved }
        guard let w = unitWord(at: k), w.afterChineseNumeral, !w.isMoney else { return nil }
        let end = k + w.surface.count
        return ParsedNumber(text: sourceText(i..<end), value: Decimal(string: "0.5")!, unit: w.unit, start: i,
                            end: end, decimals: 1)
    }

    /// A fraction at `k`: `三分之一` (denominator first) or `1/2` (at most three digits each, no second slash).
    func readFraction(at k: Int) -> (value: Decimal, denominator: Decimal?, decimals: Int, end: Int, numerator: Decimal)? {
        guard k < n, let first = readCore(at: k, allowSign: false), first.value != 0 || at(first.end) == "/" else { return nil }
        if matches(Self.fractionWord, at: first.end), first.end + 2 < n, let numerator = readCore(at: first.end + 2),
           first.value != 0 {
            let (q, exact) = NumberScanner.quotient(numerator.value, first.value)
            return (q, exact ? nil : first.value, exact ? numerator.decimals : 4, numerator.end, numerator.value)
        }
        // 四分一, 十份十一: the spoken fraction, denominator first, without 之.
        if !first.hasArabic, first.value != 0, let mark = at(first.end), mark == "分" || mark == "份",
           let numerator = readCore(at: first.end + 1, allowSign: false), !numerator.hasArabic, numerator.value != 0,
           at(numerator.end).map({ !NumberScanner.isCJK($0) || unitWord(at: numerator.end) != nil }) ?? true {
            let (q, exact) = NumberScanner.quotient(numerator.value, first.value)
            return (q, exact ? nil : first.value, exact ? numerator.decimals : 4, numerator.end, numerator.value)
        }
        guard first.hasArabic, !first.hasUnitToken, first.decimals == 0, first.end - first.start <= 3,
              at(first.end) == "/", let d = at(first.end + 1), NumberScanner.isASCIIDigit(d),
              let second = readCore(at: first.end + 1, allowSign: false), second.hasArabic, !second.hasUnitToken,
              second.decimals == 0, second.end - second.start <= 3, second.value != 0,
              !(at(second.end).map { $0 == "/" || $0 == "." || NumberScanner.isASCIIDigit($0) } ?? false) else { return nil }
        let (q, exact) = NumberScanner.quotient(first.value, second.value)
        return (q, exact ? nil : second.value, exact ? 0 : 4, second.end, first.value)
    }

    /// a / b, and whether the division terminates; a non-terminating quotient is rounded to 4 places.
    static func quotient(_ a: Decimal, _ b: Decimal) -> (Decimal, Bool) {
        var q = a / b
        if q * b == a { return (q, true) }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &q, 4, .plain)
        return (rounded, false)
    }
}
