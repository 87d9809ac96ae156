import Foundation
import NianbaoModel

/// A number being read at one position, phase by phase (`NumberScanner.match(at:)`): what each phase has
/// settled so far, for the next to build on.
struct NumberDraft {
    /// Where the match began (the first numeral, or 数/几 before a spoken round number).
    var start: Int
    var core: NumeralCore
    /// `%` when the figure opened with 百分之 / 千分之 / 万分之, which divide it by `percentDivisor`.
    var percentPrefix: String?
    var percentDivisor: Decimal = 1
    /// A leading 米 reading (`leadingMetre`), which gives the unit when no other does.
    var metre: NumeralCore?
    /// 300多万元: "more than" inside the figure.
    var moreThanInside = false
    /// The upper bound of a spoken approximate range (八九亿, 数十万, 十几), from the lower bound.
    var fuzzyUpper: ((Decimal) -> Decimal)?
    var value: Decimal
    var unit = ""
    var end: Int
    var qualifier: Qualifier?
    var upper: Decimal?
    var denominator: Decimal?
    var decimals: Int
    /// A unit, fraction or ratio that makes a Chinese-only numeral a number (see `acceptsChineseNumeral`).
    var acceptedByUnit = false
    var unitWordForAcceptance: UnitWord?
    var fractionNumerator: Decimal?
    var isRatio = false
    var suffix: NumberScanner.Suffix
    /// 两到三万: the scale the lower bound of a range borrowed from the upper one.
    var borrowedScale: Decimal?
}

extension NumberScanner {
    /// A complete match at `i`: prefix words, the number, its unit, range or ratio, suffix words.
    func match(at i: Int) -> ParsedNumber? {
        // Ordinals (第一, 第2章) are not quantities.
        if i > 0, s[skipSpacesBack(i) - (skipSpacesBack(i) > 0 ? 1 : 0)] == "第", skipSpacesBack(i) > lastEnd { return nil }
        if i > 0, NumberScanner.isASCIIDigit(s[i]) || s[i] == ".", NumberScanner.isASCIILetter(s[i - 1]) { return nil }
        if s[i] == "半" { return half(at: i) }

        guard var draft = readFigure(at: i) else { return nil }
        attachFraction(&draft, at: i)
        attachRatio(&draft)
        guard attachUnit(&draft) else { return nil }
        if let f = draft.fuzzyUpper {
            // The upper bound scales with the unit like the lower one (几十万 → 10万–100万; 三成五成 is not read).
            draft.upper = f(draft.value)
            draft.qualifier = .range
        }
        attachRange(&draft)
        // Suffix qualifiers: 以上, 以下, 左右…
        if draft.qualifier == nil || draft.qualifier == .moreThan, let (q, qEnd) = suffixQualifier(at: draft.end) {
            if draft.qualifier == nil { draft.qualifier = q }
            draft.end = qEnd
        }
        let code = draft.core.digitByDigit && isCodeReading(draft.core)
        guard acceptsChineseNumeral(draft, at: i, code: code) else { return nil }
        attachPrefixWords(&draft)
        if draft.percentDivisor != 1 {
            draft.value /= draft.percentDivisor
            draft.upper = draft.upper.map { $0 / draft.percentDivisor }
            draft.decimals += draft.percentDivisor == 10 ? 1 : 2
        }
        let d = draft
        let scale = d.percentPrefix == nil ? (d.borrowedScale ?? d.core.bigScale) : 1
        return ParsedNumber(text: sourceText(d.start..<d.end), value: d.value, upper: d.upper, unit: d.unit,
                            start: d.start, end: d.end, qualifier: d.qualifier, decimals: d.decimals, scale: scale,
                            denominator: d.denominator,
                            digits: (code || d.core.hasArabic) && d.qualifier == nil && d.upper == nil
                                && d.denominator == nil && d.unit != "ratio" ? printedDigits(d.core) : nil)
    }

    /// The figure itself: a percent word before it, its numerals (with 多/余 before 万/亿, a spoken range,
    /// a half, a counting word); nil when there is none or it is an outline number (3.3.2).
    func readFigure(at i: Int) -> NumberDraft? {
        var percentPrefix: String? = nil
        var coreStart = i
        // 千分之三 = 0.3 %, 万分之五 = 0.05 %: shares are percent points whatever their base.
        var percentDivisor: Decimal = 1
        if matches(Self.percentWord, at: i) { percentPrefix = "%"; coreStart = skipSpaces(i + 3) }
        else if matches(Self.permilleWord, at: i) { percentPrefix = "%"; percentDivisor = 10; coreStart = skipSpaces(i + 3) }
        else if matches(Self.perTenThousandWord, at: i) {
            percentPrefix = "%"; percentDivisor = 100; coreStart = skipSpaces(i + 3)
        }
        let metre = percentPrefix == nil ? leadingMetre(at: i) : nil
        guard coreStart < n, var core = metre ?? readCore(at: coreStart) else { return nil }
        // 300多万元, 三十余万人: "more than" inside the figure, before its 万/亿, which still scale it.
        var moreThanInside = false
        let markerAt = skipNumeralGaps(core.end)
        if percentPrefix == nil, metre == nil, let marker = at(markerAt), marker == "多" || marker == "余",
           let next = at(markerAt + 1), let exponent = ChineseNumeral.unitExponent(next), exponent >= 4 {
            var k = markerAt + 1
            var factor: Decimal = 1
            while let u = at(k), let e = ChineseNumeral.unitExponent(u), e >= 4 {
                factor *= ChineseNumeral.power(e)
                k += 1
            }
            core.value *= factor
            core.bigScale *= factor
            core.allScale *= factor
            core.hasUnitToken = true
            core.end = k
            moreThanInside = true
        }
        var fuzzyStart = i
        let fuzzyUpper = spokenRange(at: i, core: &core, fuzzyStart: &fuzzyStart, percentPrefix: percentPrefix)

        // 3.3.2 and 1.2.1: outline numbers, not quantities.
        if core.hasArabic, core.decimals > 0, at(core.end) == ".", at(core.end + 1).map(NumberScanner.isASCIIDigit) == true {
            return nil
        }
        // 一半, 1半 = one half; 切成两半 = two halves.
        if core.value == 1, core.end - core.start == 1, at(core.end) == "半" {
            core.value = Decimal(string: "0.5")!
            core.decimals = 1
            core.end += 1
            core.hasUnitToken = true  // a number in its own right, like 二十
        } else if !core.hasArabic, core.end - core.start == 1, core.value >= 2, at(core.end) == "半",
                  at(core.end + 1).map({ !NumberScanner.isCJK($0) }) ?? true {
            core.end += 1
            core.hasUnitToken = true
        }
        // 五打 = 60, 一双 = 2: a counting word standing as the number (对 counts pairs: 5对 is five pairs).
        if core.decimals == 0, let c = at(core.end), let multiple = Self.countingWordValue(c),
           at(core.end + 1).map({ !NumberScanner.isCJK($0) }) ?? true {
            core.value *= multiple
            core.end += 1
            core.hasUnitToken = true
        }
        return NumberDraft(start: metre?.start ?? fuzzyStart, core: core, percentPrefix: percentPrefix,
                           percentDivisor: percentDivisor, metre: metre, moreThanInside: moreThanInside,
                           fuzzyUpper: fuzzyUpper, value: core.value, end: core.end, decimals: core.decimals,
                           suffix: Suffix(end: core.end))
    }

    /// Spoken approximate ranges: 八九亿 = 8亿–9亿, 三五百 = 300–500; 数十亿 / 几十万 = 10×–100×; 十几 = 10–20.
    /// Returns the upper bound as a function of the lower one, and rewrites `core` to the lower bound.
    func spokenRange(at i: Int, core: inout NumeralCore, fuzzyStart: inout Int,
                     percentPrefix: String?) -> ((Decimal) -> Decimal)? {
        if percentPrefix == nil, !core.hasArabic,
           let d1 = ChineseNumeral.digit(s[i]), d1 > 0, !NumberScanner.isFinancialDigit(s[i]),
           let c2 = at(i + 1), let d2 = ChineseNumeral.digit(c2), d2 > d1, at(i + 2).flatMap(ChineseNumeral.unitExponent) != nil,
           var upperCore = readCore(at: i + 1), !upperCore.hasArabic {
            let step = upperCore.value / Decimal(d2)
            if step * Decimal(d2) == upperCore.value {
                upperCore.start = i
                upperCore.value = step * Decimal(d1)
                upperCore.leadingBigUnit = false
                core = upperCore
                return { lower in lower / Decimal(d1) * Decimal(d2) }
            }
        }
        if percentPrefix == nil, !core.hasArabic, i > lastEnd, let p = at(i - 1), p == "数" || p == "几",
           ChineseNumeral.unitExponent(s[i]) != nil {
            core.leadingBigUnit = false
            fuzzyStart = i - 1
            return { lower in lower * 10 }
        }
        if !core.hasArabic, at(core.end) == "几", core.allScale > 1 || at(core.end - 1) == "零" {
            // 十几 = 10…20, 一千零几 = 1000…1010; a 万/亿 after 几 scales both (四十几亿, 一千零几万).
            var step = at(core.end - 1) == "零" ? Decimal(1) : core.allScale
            core.end += 1
            var factor: Decimal = 1
            while let u = at(core.end), let e = ChineseNumeral.unitExponent(u), e >= 4 {
                factor *= ChineseNumeral.power(e)
                core.end += 1
            }
            if factor != 1 {
                core.value *= factor; step *= factor
                core.bigScale *= factor; core.allScale *= factor
            }
            core.hasUnitToken = true
            let width = step
            return { lower in lower + width }
        }
        return nil
    }

    /// The figure as a fraction: 二分之一, 四分一, 1/2, 二又三分之一; or the percent word's unit.
    func attachFraction(_ draft: inout NumberDraft, at i: Int) {
        let core = draft.core
        // A fraction written whole: spoken without 之 (四分一 = 四分之一, 十份十一), or with a slash (1/2, 3/4; not a
        // date: at most three digits each, no second slash).
        let standaloneFraction: (value: Decimal, denominator: Decimal?, decimals: Int, end: Int, numerator: Decimal)? = {
            if !core.hasArabic, at(core.end) == "分" || at(core.end) == "份", let fraction = readFraction(at: core.start),
               fraction.end > core.end + 1 {
                return fraction
            }
            if at(core.end) == "/", core.hasArabic, !core.hasUnitToken, core.decimals == 0, core.end - core.start <= 3,
               !(i > 0 && (s[i - 1] == "/" || NumberScanner.isASCIIDigit(s[i - 1]))),
               let fraction = readFraction(at: core.start), fraction.end > core.end {
                return fraction
            }
            return nil
        }()
        if let p = draft.percentPrefix {
            draft.unit = p
            draft.acceptedByUnit = true
        } else if matches(Self.fractionWord, at: core.end), core.end + 2 < n,
                  let numerator = readCore(at: core.end + 2), core.value != 0 {
            // 二分之一 → 0.5
            let (q, exact) = NumberScanner.quotient(numerator.value, core.value)
            draft.value = q
            draft.fractionNumerator = numerator.value
            draft.denominator = exact ? nil : core.value
            draft.decimals = exact ? 0 : 4
            draft.end = numerator.end
            draft.acceptedByUnit = true
            draft.core.end = numerator.end
        } else if let fraction = standaloneFraction {
            draft.value = fraction.value
            draft.fractionNumerator = fraction.numerator
            draft.denominator = fraction.denominator
            draft.decimals = fraction.decimals
            draft.end = fraction.end
            draft.acceptedByUnit = true
            draft.core.end = fraction.end
        } else if at(core.end) == "又", let fraction = readFraction(at: core.end + 1), core.decimals == 0 {
            // 二又三分之一, 1又1/2: a whole number and a fraction.
            draft.value = core.value + fraction.value
            draft.denominator = fraction.denominator
            draft.decimals = fraction.denominator == nil ? fraction.decimals : 4
            draft.end = fraction.end
            draft.acceptedByUnit = true
            draft.core.end = fraction.end
        }
    }

    /// A ratio `a:b` of Arabic numbers.
    func attachRatio(_ draft: inout NumberDraft) {
        guard draft.percentPrefix == nil, draft.denominator == nil, draft.core.hasArabic else { return }
        let k = skipSpaces(draft.core.end)
        guard let c = at(k), c == ":" else { return }
        let m = skipSpaces(k + 1)
        if let d = at(m), NumberScanner.isASCIIDigit(d), let second = readCore(at: m, allowSign: false),
           second.hasArabic, second.value != 0,
           !(at(second.end).map { NumberScanner.isASCIIDigit($0) || $0 == ":" } ?? false) {
            let (q, exact) = NumberScanner.quotient(draft.core.value, second.value)
            draft.value = q
            draft.denominator = exact ? nil : second.value
            if !exact { draft.decimals = 4 }
            draft.unit = "ratio"
            draft.end = second.end
            draft.isRatio = true
            draft.acceptedByUnit = true
        }
    }

    /// The unit after the figure (scaling it, adding coins, a half unit more) and the suffix qualifier the
    /// unit reading found; false when a Latin letter glued to the digits makes the figure a name (5G, 3D,
    /// 1+X).
    func attachUnit(_ draft: inout NumberDraft) -> Bool {
        guard !draft.isRatio && draft.percentPrefix == nil else { return true }
        let core = draft.core
        let suffix = readUnit(after: draft.end, core: core)
        draft.suffix = suffix
        if suffix.unitWord == nil, core.hasArabic, let c = at(core.end),
           NumberScanner.isASCIILetter(c) || c == "+" && at(core.end + 1).map(NumberScanner.isASCIILetter) == true {
            return false   // also `1+X` (证书): a name with a plus
        }
        if !suffix.unit.isEmpty {
            draft.unit = suffix.unit
            // Most units neither scale nor add coins: spare the Decimal arithmetic.
            if let d = draft.denominator, let numerator = draft.fractionNumerator, suffix.factor != 1 {
                // 三分一湯匙 = 5 毫升: the unit scales the exact fraction before it is divided.
                let (q, exact) = NumberScanner.quotient(numerator * suffix.factor, d)
                draft.value = q + suffix.extraValue
                if exact { draft.denominator = nil; draft.decimals = 0 }
            } else if suffix.factor != 1 || !suffix.extraValue.isZero {
                draft.value = draft.value * suffix.factor + suffix.extraValue
            }
            // 壹分: after cheque numerals 分 is a cent, not a point or a minute.
            if draft.unit == "分", !core.hasArabic, isChequeNumeral(core) {
                draft.unit = "元"
                draft.value *= Decimal(string: "0.01")!
            }
            draft.end = suffix.end
            // 一个半, 三斤半, 两年半: half a unit more.
            if at(draft.end) == "半", !(suffix.unitWord?.isMoney ?? true) || suffix.unitWord?.unit == "个",
               suffix.extraValue == 0, draft.unit != "%" {
                draft.value += Decimal(string: "0.5")! * suffix.factor  // 三斤半 = 3.5 斤 = 1750 克
                draft.end += 1
                if draft.decimals == 0 { draft.decimals = 1 }
            }
            draft.acceptedByUnit = suffix.unitWord?.afterChineseNumeral ?? true
            draft.unitWordForAcceptance = suffix.unitWord
        } else if suffix.qualifier != nil {
            draft.end = suffix.end
        }
        draft.qualifier = suffix.qualifier
        if draft.moreThanInside && draft.qualifier == nil { draft.qualifier = .moreThan }
        if draft.metre != nil, draft.unit.isEmpty { draft.unit = "米"; draft.acceptedByUnit = true }
        return true
    }

    /// A range: lower [unit] separator upper [unit] (`10至20人`, `两到三万`, `10和20之间`).
    func attachRange(_ draft: inout NumberDraft) {
        guard !draft.isRatio, draft.denominator == nil, draft.fuzzyUpper == nil else { return }
        let core = draft.core
        var k = skipSpaces(draft.end)
        if matches(Self.inclusiveWord, at: k) { k = skipSpaces(k + 3) }
        let separators = at(k).map { NumberVocabulary.separatorFirsts.contains($0) } ?? false
            ? NumberVocabulary.rangeSeparators + NumberVocabulary.betweenSeparators : []
        for sep in separators where matches(sep, at: k) {
            // `10和20之间`: 和/与 join a range only when 之间 closes it.
            let needsBetween = NumberVocabulary.betweenSeparators.contains(sep)
            var m = skipSpaces(k + sep.count)
            // 百分之十到百分之二十: the upper bound repeats the percent word.
            if draft.percentPrefix != nil,
               matches(Self.percentWord, at: m) || matches(Self.permilleWord, at: m) || matches(Self.perTenThousandWord, at: m) {
                m = skipSpaces(m + 3)
            }
            guard m < n, let second = readCore(at: m, allowSign: false) else { break }
            var secondValue = second.value
            var secondEnd = second.end
            var secondUnit = ""
            if draft.percentPrefix != nil {
                // 百分之十到百分之二十 is rare; 百分之十至二十 reads the upper as percent too.
                secondUnit = draft.unit
            } else {
                let su = readUnit(after: second.end, core: second)
                if !su.unit.isEmpty {
                    secondUnit = su.unit
                    secondValue = secondValue * su.factor + su.extraValue
                    secondEnd = su.end
                }
            }
            if needsBetween {
                let between = skipSpaces(secondEnd)
                guard matches(Self.betweenWord, at: between) else { break }
                secondEnd = between + Self.betweenWord.count
            }
            guard second.hasArabic || second.hasUnitToken || !secondUnit.isEmpty else { break }
            if !draft.unit.isEmpty && !secondUnit.isEmpty && draft.unit != secondUnit { break }
            // 三百至四百五十 is a range; 一到十 (steps, chapters) is not.
            if draft.unit.isEmpty && secondUnit.isEmpty && !(core.hasArabic && second.hasArabic)
                && !(core.hasUnitToken && second.hasUnitToken) { break }
            var lower = draft.value
            if core.bigScale == 1 && draft.unit.isEmpty {
                // 两到三万 → 2万; 两到三仟 → 2千 (only a bare lower digit borrows a small unit: 一到十 stays 1).
                var scales = [second.bigScale]
                if !core.hasUnitToken && !core.hasArabic && second.startsWithDigit { scales.append(second.allScale) }
                for scale in scales where scale != 1 {
                    if lower * scale <= secondValue { lower *= scale; draft.borrowedScale = scale; break }
                }
            }
            guard lower <= secondValue else { break }
            draft.value = lower
            draft.upper = secondValue
            if draft.unit.isEmpty { draft.unit = secondUnit }
            draft.end = secondEnd
            draft.qualifier = .range
            draft.acceptedByUnit = draft.acceptedByUnit || !secondUnit.isEmpty || second.hasArabic
            break
        }
    }

    /// Chinese-only numerals need a reason to be a number: a unit that admits them, a code read digit by
    /// digit, a numeral of several characters, a cheque form. `零件`, `队伍`, `三五年` are words.
    func acceptsChineseNumeral(_ draft: NumberDraft, at i: Int, code: Bool) -> Bool {
        let core = draft.core
        let isWhole = i <= trimmedStart && draft.end >= trimmedEnd
        // 零件, 队伍, 陆续: a lone 零 or a lone financial digit (伍, 陆) before more text is a word, not a number.
        if !core.hasArabic, core.end - core.start == 1, !isWhole, let c = at(core.start),
           c == "零" || c == "〇" || NumberScanner.isFinancialDigit(c), !(draft.unitWordForAcceptance?.isMoney ?? false),
           !isDatePart(unit: draft.unit, numeralStart: core.start, unitEnd: draft.end) {
            return false
        }
        guard !core.hasArabic && !isWhole else { return true }
        if core.leadingBigUnit { return false }
        // 二〇二三年 is a digit-by-digit year; 三五年 ("three to five years") is not 35; 零零三 is a code.
        if core.digitByDigit && !code && !draft.suffix.percentFromDiscount
            && (!draft.acceptedByUnit || core.end - core.start < 3) {
            return false
        }
        let reason = draft.acceptedByUnit || code || (core.hasUnitToken && core.end - core.start >= 2)
            || (draft.unitWordForAcceptance != nil && isChequeNumeral(core))
        if !reason { return false }
        // Cheque forms (壹角) are numbers whatever unit follows; 三角(形) is no money.
        let financial = isChequeNumeral(core)
        if let w = draft.unitWordForAcceptance, !w.afterChineseNumeral, !financial,
           !(core.hasUnitToken && core.end - core.start >= 2) {
            return false
        }
        return true
    }

    /// Words before the figure: a comparison (`比…多`), qualifiers and change verbs (`约`, `增加`, `下降` with
    /// its sign), currency names (`人民币`).
    func attachPrefixWords(_ draft: inout NumberDraft) {
        var prefixQualifier: Qualifier? = nil
        var sign: Decimal = 1
        var changeSeen = false
        if let (q, from, newEnd) = comparedWith(start: draft.start, end: draft.end, qualifier: draft.qualifier,
                                                unit: draft.unit) {
            draft.qualifier = q
            draft.start = from
            draft.end = newEnd
        } else if let (q, from) = spacedComparison(before: draft.start) {
            prefixQualifier = q
            draft.start = from
        }
        for _ in 0..<2 {
            let b = skipSpacesBack(draft.start)
            var matched = false
            let candidates = b > 0 ? NumberVocabulary.prefixQualifiersByLastScalar[s[b - 1].value] ?? [] : []
            for k in candidates {
                let (w, q, sg) = NumberVocabulary.prefixQualifiers[k]
                let from = b - w.count
                guard from >= lastEnd, matches(w, at: from) else { continue }
                if w.count == 1, w[0] == "增", from > 0, s[from - 1] == "新" { continue } // 新增 = newly added
                if q == .approx, w.last == "近", ["年", "学年", "月", "日", "天", "周", "届"].contains(draft.unit) { continue }
                if q == .change { changeSeen = true; if sg < 0 { sign = -1 } }
                if prefixQualifier == nil || q == .change { prefixQualifier = q }
                draft.start = from
                matched = true
                break
            }
            if !matched {
                let currencies = b > 0 ? NumberVocabulary.currencyPrefixesByLastScalar[s[b - 1].value] ?? [] : []
                for k in currencies {
                    let (w, cu) = NumberVocabulary.currencyPrefixes[k]
                    let from = b - w.count
                    guard from >= lastEnd, matches(w, at: from) else { continue }
                    if draft.unit.isEmpty || draft.unit == "元" { draft.unit = cu }
                    draft.start = from
                    matched = true
                    break
                }
            }
            if !matched { break }
        }
        if changeSeen {
            draft.qualifier = .change
        } else if let pq = prefixQualifier, draft.qualifier == nil || draft.qualifier == .moreThan && pq != .approx {
            draft.qualifier = pq
        }
        // 下降 -3.8%: a decrease printed with its own minus sign is signed already.
        if sign < 0, draft.core.value >= 0 {
            draft.value = -draft.value
            if let u = draft.upper { draft.upper = -u }
        }
    }
}
