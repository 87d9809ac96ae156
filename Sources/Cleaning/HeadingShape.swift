import Foundation
import NianbaoModel

/// The numbering a line starts with (`1.2`, `一、`, `（三）`, `案例 3`, `表 1`, `图表 2`, `附表 1`),
/// recognised by shape alone. Whether it really is a heading is decided later, with context.
public struct HeadingShape: Sendable, Hashable {
    public enum Scheme: String, Sendable, Hashable {
        /// `1`, `1.1`, `1.1.1` (with or without a trailing dot)
        case decimal
        /// `一、`
        case chineseComma
        /// `（一）`
        case chineseParen
        /// `（1）`, `(1)`
        case arabicParen
        /// `1、`
        case arabicComma
        /// `案例 3`, `【案例3】`
        case caseLabel
        /// `表 1`
        case table
        /// `图 1`, `图表 1`
        case figure
        /// `附表 1`, `附件`, `附录`
        case appendix
        /// `前言`, `编制说明`, `结语` … standing alone
        case named
        /// `第一章`, `第二部分`, `第三篇`: a part above the numbered headings
        case ordinalPart
        /// `第一节`: a division of an `ordinalPart`
        case ordinalSection
    }

    public var scheme: Scheme
    /// The number as printed, without trailing dot or brackets (`1.2`, `三`, `3`).
    public var number: String
    /// Numeric components (`1.2.3` → [1, 2, 3]; `（三）` → [3]).
    public var components: [Int]
    public var hasTrailingDot: Bool
    public var title: String
    /// The number touches the title with no space or dot (`7特色创新`): weak evidence of a heading.
    public var isGlued: Bool = false

    static let chineseDigits: [Character: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                                                   "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]

    /// The shape of a line's numbering, or of a whole line that is one of the words' named parts (`前言`,
    /// `结语`, `附录`), which opens an unnumbered top-level part. Labels and ordinal units are the words'
    /// `headingLabels`; `readsNamedParts` false for a line that goes on after its number (a run-in heading).
    public static func parse(_ raw: String, words: DocumentWords, readsNamedParts: Bool = true) -> HeadingShape? {
        let text = raw.trimmingSpaces()
        guard let first = text.first else { return nil }
        let labels = words.headingLabels
        if readsNamedParts, words.namedParts.contains(text) {
            return HeadingShape(scheme: labels.opensAppendix(text) ? .appendix : .named, number: "", components: [],
                                hasTrailingDot: false, title: text.replacingOccurrences(of: " ", with: ""))
        }
        if first == "【" || labels.cases.contains(where: { text.hasPrefix($0) }) { return parseCase(text, labels: labels.cases) }
        // Each list is longest first (`图表` before `图`); no word of one list begins a word of a later one.
        for (words, scheme) in [(labels.appendixTables, Scheme.appendix), (labels.appendices, .appendix), (labels.figures, .figure),
                                (labels.tables, .table)] {
            if let label = words.first(where: { text.hasPrefix($0) }) {
                return parseLabelled(text, prefixLength: label.count, scheme: scheme)
            }
        }
        if let marker = labels.ordinalMarkers.first(where: { text.hasPrefix($0) }) {
            return parseOrdinal(text.dropFirst(marker.count), labels: labels)
        }
        if first == "（" || first == "(" { return parseParen(text) }
        if first.isASCII && first.isNumber { return parseArabic(text, numbers: words.headingNumbers) }
        if chineseDigits[first] != nil { return parseChineseComma(text) }
        return nil
    }

    static func chineseValue(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.count <= 3 else { return nil }
        var total = 0, current = 0
        for ch in s {
            guard let d = chineseDigits[ch] else { return nil }
            if d == 10 { total += (current == 0 ? 1 : current) * 10; current = 0 } else { current = d }
        }
        return total + current
    }

    static func title(after rest: Substring) -> String {
        var t = rest.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == ":" || $0 == "：" })
        while let last = t.last, last == " " || last == "\t" { t = t.dropLast() }
        return String(t)
    }

    static func parseArabic(_ text: String, numbers: HeadingNumberWords) -> HeadingShape? {
        var components: [Int] = []
        var index = text.startIndex
        var trailingDot = false
        while index < text.endIndex {
            let digits = text[index...].prefix(while: { $0.isASCII && $0.isNumber })
            guard !digits.isEmpty, digits.count <= 2, let value = Int(digits) else { return nil }
            components.append(value)
            index = digits.endIndex
            guard index < text.endIndex else { break }
            let c = text[index]
            if c == "." || c == "．" {
                let next = text.index(after: index)
                if next < text.endIndex, text[next].isASCII, text[next].isNumber {
                    index = next
                    continue
                }
                trailingDot = true
                index = next
            }
            break
        }
        guard !components.isEmpty, components.count <= 4 else { return nil }
        var rest = text[index...]
        var scheme: Scheme = .decimal
        if !trailingDot, let c = rest.first, c == "、" {
            scheme = .arabicComma
            rest = rest.dropFirst()
        }
        let hadSpace = rest.first == " " || rest.first == "\t" || rest.first == "\u{3000}"
        let title = Self.title(after: rest)
        guard let t0 = title.first else { return nil }
        // `2所是民办学校` is a quantity; `7特色创新` may be a chapter, which the outline must confirm.
        let glued = !trailingDot && !hadSpace && scheme == .decimal && components.count == 1
        if numbers.quantityFollowers.contains(t0) || (t0.isASCII && (t0.isNumber || t0.isLetter && !hadSpace)) { return nil }
        if !hadSpace && numbers.gluedQuantityFollowers.contains(t0) { return nil }
        let number = components.map(String.init).joined(separator: ".")
        return HeadingShape(scheme: scheme, number: number, components: components, hasTrailingDot: trailingDot, title: title,
                            isGlued: glued)
    }

    static func parseChineseComma(_ text: String) -> HeadingShape? {
        guard let comma = text.firstIndex(where: { $0 == "、" || $0 == "是" && false }), text.distance(from: text.startIndex, to: comma) <= 3,
              let value = chineseValue(text[..<comma]) else { return nil }
        let title = Self.title(after: text[text.index(after: comma)...])
        guard !title.isEmpty else { return nil }
        return HeadingShape(scheme: .chineseComma, number: String(text[..<comma]), components: [value], hasTrailingDot: false, title: title)
    }

    static func parseParen(_ text: String) -> HeadingShape? {
        let inner = text.dropFirst()
        guard let close = inner.firstIndex(where: { $0 == "）" || $0 == ")" }) else { return nil }
        let body = inner[..<close]
        let title = Self.title(after: inner[inner.index(after: close)...])
        guard !title.isEmpty else { return nil }
        if let value = chineseValue(body) {
            return HeadingShape(scheme: .chineseParen, number: String(text[..<inner.index(after: close)]), components: [value], hasTrailingDot: false, title: title)
        }
        if body.count <= 2, let value = Int(body) {
            return HeadingShape(scheme: .arabicParen, number: String(text[..<inner.index(after: close)]), components: [value], hasTrailingDot: false, title: title)
        }
        return nil
    }

    static func parseCase(_ text: String, labels: [String]) -> HeadingShape? {
        var rest = Substring(text)
        let bracketed = rest.first == "【"
        if bracketed { rest = rest.dropFirst() }
        guard let label = labels.first(where: { rest.hasPrefix($0) }) else { return nil }
        rest = rest.dropFirst(label.count).drop(while: { $0 == " " })
        let digits = rest.prefix(while: { ($0.isASCII && $0.isNumber) || chineseDigits[$0] != nil })
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let value = Int(digits) ?? chineseValue(digits) ?? 0
        rest = rest[digits.endIndex...].drop(while: { $0 == " " })
        if bracketed {
            guard rest.first == "】" else { return nil }
            rest = rest.dropFirst()
        } else if rest.first == "】" {
            rest = rest.dropFirst()
        }
        let title = Self.title(after: rest.drop(while: { $0 == "." || $0 == "．" || $0 == "、" }))
        return HeadingShape(scheme: .caseLabel, number: String(digits), components: [value], hasTrailingDot: false, title: title)
    }

    /// `第一章 总则`, `第二部分 主要任务`, `第3节 …`; the number is the numeral between 第 and the unit.
    /// `第一` alone (`第一，…`) and ordinals of other things (`第3名`) are not headings.
    static func parseOrdinal(_ rest: Substring, labels: HeadingLabels) -> HeadingShape? {
        let numeral = rest.prefix { ($0.isASCII && $0.isNumber) || (chineseDigits[$0] != nil && $0 != "两") }
        guard !numeral.isEmpty, numeral.count <= 3, let value = Int(numeral) ?? chineseValue(numeral), value > 0 else { return nil }
        let afterNumeral = rest[numeral.endIndex...]
        let unit: String, scheme: Scheme
        if let part = labels.partUnits.first(where: { afterNumeral.hasPrefix($0) }) {
            (unit, scheme) = (part, .ordinalPart)
        } else if let section = labels.sectionUnits.first(where: { afterNumeral.hasPrefix($0) }) {
            (unit, scheme) = (section, .ordinalSection)
        } else {
            return nil
        }
        let title = Self.title(after: afterNumeral.dropFirst(unit.count).drop(while: { $0 == "、" || $0 == "." || $0 == "．" }))
        return HeadingShape(scheme: scheme, number: String(numeral), components: [value], hasTrailingDot: false, title: title)
    }

    /// `表 1 …`, `表1-2 …`, `图表 3 …`, `附表 1 …`, `附件 2 …`.
    static func parseLabelled(_ text: String, prefixLength: Int, scheme: Scheme) -> HeadingShape? {
        var rest = text.dropFirst(prefixLength).drop(while: { $0 == " " })
        let digits = rest.prefix(while: { ($0.isASCII && $0.isNumber) || $0 == "-" || $0 == "." || $0 == "．" || chineseDigits[$0] != nil })
        let number = String(digits).trimmingCharacters(in: CharacterSet(charactersIn: ".．-"))
        if number.isEmpty && scheme != .appendix { return nil }
        rest = rest[digits.endIndex...]
        let title = Self.title(after: rest.drop(while: { $0 == "." || $0 == "．" || $0 == "、" || $0 == ":" || $0 == "：" }))
        if scheme != .appendix && title.isEmpty { return nil }
        let first = number.split(whereSeparator: { $0 == "-" || $0 == "." }).first.map(String.init) ?? ""
        let value = Int(first) ?? chineseValue(Substring(first)) ?? 0
        return HeadingShape(scheme: scheme, number: number, components: [value], hasTrailingDot: false, title: title)
    }
}

/// Facts about a line's ending and beginning that decide joins.
public enum LineShape {
    /// Punctuation that ends a sentence or a paragraph.
    public static let terminal: Set<Character> = Set("。！？；!?…")
    /// Characters a continuation line may start with but a new paragraph never does.
    public static let continuationStarts: Set<Character> = Set("，。、；：）》」』”’%％,;:)")

    public static func endsSentence(_ text: String) -> Bool {
        var t = Substring(text)
        while let last = t.last, "”’」』）)\"".contains(last) { t = t.dropLast() }
        guard let last = t.last else { return false }
        // An English sentence (a bilingual table's note) ends in a full stop after a word, not after a number.
        if last == ".", let before = t.dropLast().last { return before.isASCII && before.isLetter }
        return terminal.contains(last)
    }

    /// `在校生数：5,630人`, a list item or a profile's line: a name, a colon and a value, complete without a stop,
    /// so never the first part of a sentence the next line goes on with.
    public static func isKeyValueLine(_ text: String) -> Bool {
        guard text.hasAtMostCharacters(40), let colon = text.lastIndex(where: { $0 == "：" || $0 == ":" }),
              colon > text.startIndex,
              // A name, not a ratio (`13.5:1`): its last character before the colon is no digit.
              let keyEnd = text[..<colon].last(where: { $0 != " " && $0 != "*" }), !keyEnd.isNumber else { return false }
        let value = text[text.index(after: colon)...].drop { $0 == " " || $0 == "\u{3000}" }
        return value.first.map { $0.isASCII && $0.isNumber } == true && !value.contains { "，。；;".contains($0) }
    }

    /// Whether a line opens with a name, a colon and a value (`直接就业：595人（直接就业率33.8%）`): a list item
    /// opens so, and the line before it does not go on into it.
    public static func opensWithKeyValue(_ text: String) -> Bool {
        // Scalars, not Characters: this runs on every pair of paragraphs, most of them long and colon-free.
        let scalars = text.unicodeScalars
        guard let colon = scalars.firstIndex(where: { $0.value == 0xFF1A || $0.value == 0x3A }),
              let keyEnd = text[..<colon].last, !keyEnd.isNumber else { return false }
        let rest = scalars[scalars.index(after: colon)...]
        let end = rest.firstIndex(where: { keyValueEnds.contains($0.value) }) ?? rest.endIndex
        return isKeyValueLine(String(text[..<end]))
    }

    /// `，。；（(`: where a list item's value ends.
    static let keyValueEnds: Set<UInt32> = [0xFF0C, 0x3002, 0xFF1B, 0xFF08, 0x28]

    /// A web page's dateline: a short line that ends with a full date stamp, given a time of day
    /// (`2010-03-22 09:15`) or a label before it (`来源：某报 发布时间：2010-03-22`). It is a block of its own,
    /// never the first line of the article's paragraph, so the front matter can read the date from it.
    public static func isDateline(_ text: String) -> Bool {
        // Either form holds a colon (a time of day, or a label): most lines are refused before the regex runs.
        guard text.hasAtMostCharacters(60), text.contains(where: { $0 == ":" || $0 == "：" }),
              !endsSentence(text), !text.contains("，") else { return false }
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let match = datelineStamp.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)),
              let stamp = Range(match.range, in: t) else { return false }
        // (`2021-03-18 10:26:35 来源：江西日报`: the stamp first, its source after it)
        let hasTime = t[stamp].contains(":")
        let labelledBefore = t[..<stamp.lowerBound].contains { $0 == "：" || $0 == ":" }
        return hasTime || (labelledBefore && stamp.upperBound == t.endIndex)
    }

    /// A title line closed by its year in brackets (`…质量年度报告（2022年度）`, `(2021-2022学年)`): the line
    /// after it (the issuer, a date) is never its continuation.
    public static func endsWithBracketedYear(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let last = t.last, last == "）" || last == ")", t.hasAtMostCharacters(80) else { return false }
        return bracketedYearEnd.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)) != nil
    }

    // Compiled once: `range(of:options: .regularExpression)` compiles its pattern on every call, and these
    // run on every line the paragraph joiner weighs.
    private static let bracketedYearEnd = try! NSRegularExpression(pattern: #"[（(]\s*(19|20)\d\d[^（）()]{0,12}[）)]\s*$"#)

    private static let datelineStamp = try! NSRegularExpression(pattern:
        #"(?<!\d)(19|20)\d\d(-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|\.\d{1,2}\.\d{1,2}|年\d{1,2}月\d{1,2}日)(\s*\d{1,2}:\d{2}(:\d{2})?)?\s*"#)

    /// Display width: CJK and full-width characters count two columns.
    public static func width(_ text: String) -> Int {
        var w = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD: w += 2
            default: w += 1
            }
        }
        return w
    }
}
