import Foundation
import NianbaoModel
import Cleaning

/// Title, region, covered year, issuer and publication month, read from the cover and the preface (in
/// simplified script: traditional covers are read through their matching text)
/// (never from the file name).
struct FrontMatterReader {
    /// The title, issuer and date words (`rules/documents.yaml`).
    let words: DocumentWords

    /// `cover` holds the blocks before the TOC or the first chapter; `body` the rest, searched for a preface year.
    func read(cover: ArraySlice<Block>, body: ArraySlice<Block>, metadataTitle: String?, metadataDate: String? = nil) -> FrontMatter {
        let titleWords = words.titleWords, issuerSuffixes = words.issuerSuffixes
        let publicationMonth = { (line: String) in Self.publicationMonth(line, labels: self.words.dateLabels) }
        var front = FrontMatter()
        let lines = cover.map { $0.matchingText.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }

        // Title: the cover lines around the first one naming a report, joined (`浦东新区中等职业教育` + `质量年度报告`).
        if let t = lines.firstIndex(where: { line in titleWords.contains { line.contains($0) } && line.count <= 60 }) {
            var parts = [lines[t]]
            if t > 0, isTitleFragment(lines[t - 1]) { parts.insert(lines[t - 1], at: 0) }
            var title = parts.joined()
            // A notice that issues a document: the document's own name is the title (`关于印发《…》的通知`).
            if let open = title.firstIndex(of: "《"), let close = title.lastIndex(of: "》"), title.contains("印发"), open < close {
                title = String(title[title.index(after: open)..<close])
            }
            front.title = Self.collapseSpaces(title)
        } else if let meta = metadataTitle, !meta.isEmpty {
            front.title = meta
        } else if let quoted = firstQuotedReportTitle(in: body.prefix(40)) {
            front.title = quoted
        }

        // Covered year: `(2024 年度)`, `2023 年度…报告`, `ANNUAL REPORT 2023`; else the preface's own year.
        let yearSources = (front.title.map { [$0] } ?? []) + lines
        front.reportYear = yearSources.lazy.compactMap(Self.coveredYear).first
            ?? body.prefix(40).lazy.compactMap { Self.coveredYear($0.matchingText) }.first

        front.region = front.title.flatMap(region)
            ?? lines.lazy.filter { line in titleWords.contains { line.contains($0) } || issuerSuffixes.contains { line.hasSuffix($0) } }
                .compactMap(region).first
        front.issuer = lines.first(where: { line in
            line.count <= 30 && issuerSuffixes.contains { line.hasSuffix($0) } && !titleWords.contains { line.contains($0) }
        }) ?? lines.lazy.compactMap { line -> String? in
            guard line.count <= 30, let ending = self.words.issuerLineEndings.first(where: { line.hasSuffix($0) }) else { return nil }
            return String(line.dropLast(ending.count))
        }.first
        front.published = lines.reversed().lazy.compactMap(publicationMonth).first
            // A page without a cover (news, profiles): a date stamp among its first short lines.
            ?? body.prefix(4).lazy.map(\.matchingText).filter { $0.count <= 80 }.compactMap(publicationMonth).first
        if front.published == nil, let date = metadataDate, date.count >= 7, let y = Int(date.prefix(4)),
           let m = Int(date.dropFirst(5).prefix(2)), (1990...2099).contains(y), (1...12).contains(m) {
            front.published = String(format: "%04d-%02d", y, m)
        }
        // A web page has no cover: the preface's opening year (`2025 年，静安教育…`) is the year covered,
        // when it fits a report published the year after (a plan's `2020 年…` baseline does not).
        let publishedYear = front.published.flatMap { Int($0.prefix(4)) }
        if front.reportYear == nil {
            front.reportYear = body.prefix(6).lazy.compactMap { block -> Int? in
                let t = block.matchingText.withoutSpaces
                guard t.count > 20, let y = Self.fourDigitYears(String(t.prefix(8))).first, t.dropFirst(4).hasPrefix("年") else { return nil }
                return y
            }.first
            if let y = front.reportYear, let p = publishedYear, y < p - 1 { front.reportYear = nil }
        }
        // A title that names its year without 年度 (`2020年教育质量报告`) covers that year, whenever it was published.
        if front.reportYear == nil, let title = front.title, let year = Self.fourDigitYears(title).first,
           title.withoutSpaces.contains("\(year)年") {
            front.reportYear = year
        }
        if front.reportYear == nil, let published = front.published { front.reportYear = Int(published.prefix(4)) }
        front.dataYear = Self.dataYear(body: body, reportYear: front.reportYear)
        if front.title == nil, let quoted = firstQuotedReportTitle(in: body.prefix(40)) { front.title = quoted }
        if front.region == nil, let title = front.title { front.region = region(title) }
        return front
    }

    /// Spaces between two CJK characters are typesetting, not text (`职业教育 年度质量报告`).
    static func collapseSpaces(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        for (i, c) in chars.enumerated() {
            if c == " ", i > 0, i + 1 < chars.count, !chars[i - 1].isASCII, !chars[i + 1].isASCII { continue }
            out.append(c)
        }
        return out
    }

    /// The year most of the body's figures describe: a "2023" report often reports on 2022.
    static func dataYear(body: ArraySlice<Block>, reportYear: Int?) -> Int? {
        guard let year = reportYear else { return nil }
        var counts: [Int: Int] = [:]
        for block in body where block.kind == .paragraph {
            let t = block.matchingText
            for candidate in [year - 1, year] {
                counts[candidate, default: 0] += Self.periodMentions(of: candidate, in: t)
            }
        }
        let previous = counts[year - 1] ?? 0, current = counts[year] ?? 0
        return previous > current * 2 ? year - 1 : year
    }

    /// `2015年` / `2015 年` in the text, a date's year aside (`2016年02月26日`, a dateline: when it was written,
    /// not what it reports on).
    static func periodMentions(of year: Int, in text: String) -> Int {
        // On bytes: Foundation's `range(of:)` goes through NSString, on every paragraph of every document.
        let bytes = Array(text.utf8)
        var count = 0
        for form in [Array("\(year)年".utf8), Array("\(year) 年".utf8)] where bytes.count >= form.count {
            var index = 0
            while index <= bytes.count - form.count {
                guard bytes[index] == form[0], bytes[index..<(index + form.count)].elementsEqual(form) else { index += 1; continue }
                index += form.count
                var next = index
                while next < bytes.count, bytes[next] == 0x20 { next += 1 }
                if next < bytes.count, (0x30...0x39).contains(bytes[next]) { continue }
                count += 1
            }
        }
        return count
    }

    func isTitleFragment(_ line: String) -> Bool {
        line.count <= 30 && (words.titleTopicWords.contains { line.contains($0) }
                             || (words.titleRegions.innerSuffixes + words.titleRegions.wholeSuffixes).contains { line.hasSuffix($0) })
            && !words.issuerSuffixes.contains { line.hasSuffix($0) }
    }

    static func isYearLine(_ line: String) -> Bool {
        let t = line.withoutSpaces
        return t.count <= 12 && t.contains("年度") && (t.hasPrefix("(") || t.hasPrefix("（"))
    }

    /// `2023—2024学年`, `2023-2024學年`, `2023~2024学年初`: the two years of a school year named in a line, and
    /// whether it is its start (`学年初`).
    static func schoolYearRange(_ text: String) -> (first: Int, last: Int, atStart: Bool)? {
        let characters = Array(text)
        var i = 0
        while i + 9 <= characters.count {
            defer { i += 1 }
            guard let first = Int(String(characters[i..<i + 4])),
                  "—–-~～至/".contains(characters[i + 4]), let last = Int(String(characters[i + 5..<i + 9])),
                  last == first + 1, characters[(i + 9)...].starts(with: "学年") || characters[(i + 9)...].starts(with: "學年")
            else { continue }
            let after = characters.dropFirst(i + 11).first
            return (first, last, after == "初")
        }
        return nil
    }

    /// The 4-digit year (1990–2099) a line says the report covers.
    static func coveredYear(_ line: String) -> Int? {
        let t = line.withoutSpaces
        let years = fourDigitYears(t)
        guard let first = years.first else { return nil }
        // `2023—2024学年质量年度报告`: a school year is the year it ends (README, Years); its census at the start
        // (`学年初`) the year it starts.
        if let range = schoolYearRange(t) { return range.atStart ? range.first : range.last }
        if t.contains("年度") {
            if let range = t.range(of: "年度") {
                let before = t[..<range.lowerBound]
                if let y = fourDigitYears(String(before.suffix(4))).first { return y }
            }
        }
        if t.uppercased().contains("ANNUAL") || t.uppercased().contains("REPORT") { return first }
        if t.hasPrefix("»") || t.allSatisfy({ $0.isNumber || "»«·-—".contains($0) }) { return first }
        return nil
    }

    static func fourDigitYears(_ text: String) -> [Int] {
        var years: [Int] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            if chars[i].isASCII && chars[i].isNumber {
                var j = i
                while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
                if j - i == 4, let y = Int(String(chars[i..<j])), (1990...2099).contains(y) { years.append(y) }
                i = j
            } else { i += 1 }
        }
        return years
    }

    /// `2025 年 2 月` → `2025-02`; a web page's `发布时间：2021-10-15`, `编辑日期:2021-02-19 09:20` too.
    static func publicationMonth(_ line: String, labels: [String]) -> String? {
        let t = line.withoutSpaces
        for label in labels {
            guard let found = t.range(of: label) else { continue }
            var rest = t[found.upperBound...]
            guard let colon = rest.first, colon == ":" || colon == "：" else { continue }
            rest = rest.dropFirst()
            let digits = rest.prefix(7)
            guard digits.count == 7, let year = Int(digits.prefix(4)), (1990...2099).contains(year),
                  "-/.".contains(digits.dropFirst(4).first ?? " "), let month = Int(digits.suffix(2)), (1...12).contains(month)
            else { continue }
            return String(format: "%04d-%02d", year, month)
        }
        // A web page's date stamp on a short line of its own (`来自:某某网 2015-09-02`, `2019-06-19 08:37`).
        if t.count <= 40, !t.contains("。"), let stamped = fullDate(in: t) { return stamped }
        guard t.count <= 14, let yearEnd = t.range(of: "年") else { return nil }
        guard let year = Int(t[..<yearEnd.lowerBound]), (1990...2099).contains(year) else { return nil }
        let rest = t[yearEnd.upperBound...]
        guard let monthEnd = rest.range(of: "月"), let month = Int(rest[..<monthEnd.lowerBound]), (1...12).contains(month) else { return nil }
        return String(format: "%04d-%02d", year, month)
    }

    /// What follows a full date's year, month and day: `2015-09-02` (or `/`, `.`) and `2016年02月26日`.
    static let dateSeparators: [(year: Unicode.Scalar, month: Unicode.Scalar, day: Unicode.Scalar?)] = [
        ("-", "-", nil), ("/", "/", nil), (".", ".", nil), ("年", "月", "日"),
    ]

    /// `2015-09-02` (or with `/` or `.`, or `2016年02月26日 10:42`) anywhere in the text → `2015-09`: a full date
    /// with its day, so that a range of years (`2019-2020`) or a period is never read as one.
    static func fullDate(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        func digits(_ from: Int, _ count: ClosedRange<Int>) -> (value: Int, end: Int)? {
            var end = from
            while end < scalars.count, end - from < count.upperBound, ("0"..."9").contains(scalars[end]) { end += 1 }
            guard count.contains(end - from), let value = Int(String(String.UnicodeScalarView(scalars[from..<end]))) else { return nil }
            return (value, end)
        }
        for start in scalars.indices where ("1"..."2").contains(scalars[start]) && (start == 0 || !("0"..."9").contains(scalars[start - 1])) {
            guard let year = digits(start, 4...4), (1990...2099).contains(year.value), year.end < scalars.count,
                  let separators = Self.dateSeparators.first(where: { $0.year == scalars[year.end] }),
                  let month = digits(year.end + 1, 1...2), (1...12).contains(month.value),
                  month.end < scalars.count, scalars[month.end] == separators.month, let day = digits(month.end + 1, 1...2),
                  (1...31).contains(day.value), separators.day.map({ day.end < scalars.count && scalars[day.end] == $0 }) ?? true
            else { continue }
            return String(format: "%04d-%02d", year.value, month.value)
        }
        return nil
    }

    /// The region a title names: `上海市静安区…` → 静安区, `浦东新区…` → 浦东新区, `上海中等职业…` → 上海市.
    func region(_ text: String) -> String? {
        var t = text.withoutSpaces
        for marker in words.titleTopicWords {
            if let r = t.range(of: marker) { t = String(t[..<r.lowerBound]); break }
        }
        t = t.replacingOccurrences(of: "《", with: "")
        if let r = t.range(of: "年度") { t = String(t[r.upperBound...]) }
        t = String(t.drop(while: { $0.isNumber || $0 == "年" }))
        guard !t.isEmpty, t.count <= 12 else { return nil }
        // A district inside a city: keep the innermost unit.
        let regions = words.titleRegions
        for suffix in regions.innerSuffixes where t.hasSuffix(suffix) {
            let suffixStart = t.index(t.endIndex, offsetBy: -suffix.count)
            let cityEnd = regions.cityEndings.compactMap { t.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
            let start = cityEnd.map { $0.upperBound } ?? t.startIndex
            if start < suffixStart { return String(t[start...]) }
        }
        if regions.wholeSuffixes.contains(where: { t.hasSuffix($0) }) { return t }
        if t.count >= 2 && t.count <= 4 && t.allSatisfy({ $0.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } ?? false }) {
            return t + regions.bareNameSuffix
        }
        return nil
    }

    /// A report's name quoted in its preface: `《2020 年度上海中等职业教育质量年度报告》`.
    func firstQuotedReportTitle(in blocks: ArraySlice<Block>) -> String? {
        for block in blocks {
            var search = block.matchingText[...]
            while let open = search.firstIndex(of: "《"), let close = search[open...].firstIndex(of: "》") {
                let inner = String(search[search.index(after: open)..<close])
                if words.reportNames.contains(where: { inner.contains($0) }) {
                    return inner.withoutSpaces
                }
                search = search[search.index(after: close)...]
            }
        }
        return nil
    }
}

extension StringProtocol {
    /// The text without its ASCII spaces; most lines have none, and are returned without a copy through
    /// NSString (`replacingOccurrences` made one for every line of every cover).
    var withoutSpaces: String {
        utf8.contains(0x20) ? String(filter { $0 != " " }) : String(self)
    }
}
