import Foundation
import Numbers
import NianbaoModel

/// The year a document's values default to: the year its body mostly describes when the cover or title
/// states one (a "2023" report may describe 2022), else the publication date's year, else the year the body
/// names most often; nil with the reason when the text names none.
struct DocumentYear: Sendable {
    var year: Int?
    /// `front_matter` (title, cover, preface), `title`, `first_lines`, `published`, `stated` (the analyst's
    /// source list), `address_yearbook`, `address_year`, `address_date` (the web address), `body_years`.
    var source: String?
    var reason: String?

    /// A document dated only by its publication: that year, or for a statistics page (`cues.statistics_page` in its
    /// title or first lines: `统计信息`, `统计公报`) the year before, whose figures it publishes.
    static func published(_ year: Int, _ document: SegmentedDocument, statisticsWords: [String]) -> DocumentYear {
        guard !statisticsWords.isEmpty else { return DocumentYear(year: year, source: "published") }
        let opening = ([document.frontMatter.title, document.clean.source.metadataTitle].compactMap { $0 }
            + document.clean.source.pages.prefix(1).flatMap(\.lines).prefix(6).map(\.text)).joined(separator: "\n")
        return statisticsWords.contains(where: { opening.contains($0) })
            ? DocumentYear(year: year - 1, source: "published_statistics") : DocumentYear(year: year, source: "published")
    }

    static func resolve(_ document: SegmentedDocument, yearbookWords: [String] = [], periods: [PlanPeriod] = [],
                        statisticsWords: [String] = []) -> DocumentYear {
        let front = document.frontMatter
        // A year the front matter took only from the publication date gives way to one the first lines name.
        let fromPublication = front.reportYear != nil && front.published.flatMap { Int($0.prefix(4)) } == front.reportYear
        let linesYear = firstLinesYear(document, periods: periods)
        if let year = front.dataYear ?? front.reportYear, !fromPublication || linesYear == nil {
            return fromPublication ? published(year, document, statisticsWords: statisticsWords)
                : DocumentYear(year: year, source: "front_matter")
        }
        if let title = front.title, let year = ExtractionRun.titleYear(title, periods: periods) {
            return DocumentYear(year: year, source: "title")
        }
        if let linesYear { return DocumentYear(year: linesYear, source: "first_lines") }
        if let published = front.published, let year = Int(published.prefix(4)) {
            return Self.published(year, document, statisticsWords: statisticsWords)
        }
        let stated = document.clean.source.stated
        if let year = stated.year { return DocumentYear(year: year, source: "stated") }
        if let address = stated.address.flatMap(SourceAddress.init) {
            // The yearbook of a year gives the figures of the year before.
            if let edition = address.yearbookYear(words: yearbookWords) {
                return DocumentYear(year: edition - 1, source: "address_yearbook")
            }
            if let year = address.namedYear { return DocumentYear(year: year, source: "address_year") }
            // Dated like the text's own publication date: the year it was published.
            if let date = address.date { return DocumentYear(year: date.year, source: "address_date") }
        }
        if let year = mostNamedYear(document.clean.blocks) {
            return DocumentYear(year: year, source: "body_years")
        }
        // A bulletin's extract naming its year only in its table's title (`表3  2023年合肥市…基本情况`).
        let captionYears = Set(document.tables.compactMap { ExtractionRun.captionYear($0.caption) })
        if captionYears.count == 1, let year = captionYears.first {
            return DocumentYear(year: year, source: "table_captions")
        }
        return DocumentYear(reason: "neither the cover, the title, a publication date, the text nor the web address names a year")
    }

    /// A page without a recognised title: the year its first short lines name (`2021~2022学年初惠州市教育统计
    /// 基本情况`), read as printed (the cleaner may have joined a title line to the line before it).
    static func firstLinesYear(_ document: SegmentedDocument, periods: [PlanPeriod]) -> Int? {
        let lines = document.clean.source.pages.prefix(2).flatMap(\.lines).prefix(8).map(\.text)
        for line in lines where line.trimmingCharacters(in: .whitespaces).count <= 40 && !isDateStamp(line) {
            if let year = ExtractionRun.titleYear(line, periods: periods) { return year }
        }
        return nil
    }

    /// A line holding a date with its month (`2016年02月26日 10:42`, `2021-10-15`): when the page was written,
    /// not the year it is about.
    static func isDateStamp(_ line: String) -> Bool {
        let scalars = Array(line.unicodeScalars)
        var k = 0
        while k + 5 < scalars.count {
            if scalars[k...].prefix(4).allSatisfy({ ("0"..."9").contains($0) }),
               k == 0 || !("0"..."9").contains(scalars[k - 1]),
               ["年", "-", "/", "."].contains(scalars[k + 4]) {
                var m = k + 5
                while m < scalars.count, scalars[m] == " " { m += 1 }
                if m < scalars.count, ("0"..."9").contains(scalars[m]) { return true }
            }
            k += 1
        }
        return false
    }

    /// The year written most often as `YYYY年`/`YYYY学年`/`YYYY届` in the body, when it is named at least
    /// twice.
    static func mostNamedYear(_ blocks: [Block]) -> Int? {
        var counts: [Int: Int] = [:]
        for block in blocks.prefix(400) {
            let scalars = Array(block.text.unicodeScalars)
            var index = 0
            while index + 4 < scalars.count {
                let digits = scalars[index..<(index + 4)]
                let before = index > 0 ? scalars[index - 1] : " "
                if digits.allSatisfy({ $0.properties.numericType == .decimal && $0.isASCII }),
                   !(before.isASCII && before.properties.numericType == .decimal) {
                    var next = index + 4
                    while next < scalars.count, scalars[next] == " " { next += 1 }
                    if next < scalars.count, "年届学".unicodeScalars.contains(scalars[next]),
                       let year = Int(String(String.UnicodeScalarView(digits))), (1949...2100).contains(year) {
                        counts[year, default: 0] += 1
                    }
                    index += 4
                } else {
                    index += 1
                }
            }
        }
        // A profile names years of its history once each (founded 1989, rated 2004): no year of the data.
        // On a tie the latest: a report compares its year with the one before (`2018 年…与 2017 年相比`).
        let ranked = counts.sorted { ($0.value, $0.key) > ($1.value, $1.key) }
        guard let top = ranked.first, top.value >= 2 else { return nil }
        return top.key
    }
}

/// How a value's year is decided, nearest first: a target cue (`到 2025 年`), a year in its clause, its
/// sentence (before, then after the number), the paragraph (before, then after), the section title, else
/// the document's year. Each answer says where it came from (`year_source`).
extension ExtractionRun {
    func resolveYear(at offset: Int, text: AnalysedText, sentence: Range<Int>, clause: Range<Int>, matches: BlockMatches,
                     blockIndex: Int) -> (year: Int?, target: Bool, fromContext: Bool, source: String) {
        if let target = matches.cues.last(where: { $0.cue == .target && $0.year != nil && $0.start >= sentence.lowerBound && $0.end <= offset }),
           let year = target.year {
            // `到 2020 年` in a report on 2020 is a date reached, not a target, unless the sentence says the
            // value was set as one (`《计划》提出，到 2024 年…`, `力争到 2024 年…`).
            let announced = matches.cues.contains {
                $0.cue == .target && $0.year == nil && $0.start >= sentence.lowerBound && $0.end <= offset
            }
            return (year, year > (defaultYear ?? year - 1) || announced, true, "target")
        }
        let years = matches.years.filter { !$0.comparison }
        if let year = years.last(where: { $0.start >= clause.lowerBound && $0.end <= offset }) { return (year.year, false, true, "clause") }
        // In a news item dated only by its publication, a figure said to be current (`目前，全省共有中职学校168所`,
        // `该市现有…`) since the sentence's last year is of the year it was published.
        if let published = publicationYear {
            let since = years.last(where: { $0.start >= sentence.lowerBound && $0.end <= offset && !$0.history })?.end ?? sentence.lowerBound
            if sentenceSays(compiled.presentScalars, text: text, sentence: since..<offset) {
                return (published, false, true, "published_present")
            }
        }
        // Another clause's year, unless it tells history (`1994 年易名为…，现有教职工 191 人`).
        if let year = years.last(where: { $0.start >= sentence.lowerBound && $0.end <= offset && !$0.history }) {
            return (year.year, false, true, "sentence")
        }
        if let year = years.first(where: { $0.start >= offset && $0.end <= sentence.upperBound && !$0.history }) {
            return (year.year, false, true, "sentence")
        }
        // `与 2017 年相比，招生人数增加 58 人`: the sentence speaks of a year after the one it compares with —
        // the last later year the paragraph named before it, else the document's when later, else the next one.
        if let compared = matches.years.last(where: { $0.comparison && $0.start >= sentence.lowerBound && $0.end <= offset }) {
            if let later = years.last(where: { $0.end <= sentence.lowerBound && $0.year > compared.year }) {
                return (later.year, false, true, "paragraph")
            }
            if let year = defaultYear, year > compared.year { return (year, false, false, documentYear.source ?? "document") }
            return (compared.year + 1, false, true, "after_compared_year")
        }
        // Another sentence's year, unless this one says its figure is current or that sentence tells history.
        if !sentenceSays(compiled.presentScalars, text: text, sentence: sentence) {
            let dating = years.filter { !$0.history }
            if let year = dating.last(where: { $0.end <= sentence.lowerBound }) { return (year.year, false, true, "paragraph") }
            if let year = dating.first(where: { $0.start >= sentence.upperBound }) { return (year.year, false, true, "paragraph") }
        }
        if let year = sectionYear(forBlock: blockIndex) { return (year, false, true, "section") }
        return (defaultYear, false, false, documentYear.source ?? "none")
    }

    /// Whether the sentence holds one of the words (given as scalars).
    func sentenceSays(_ words: [[UInt32]], text: AnalysedText, sentence: Range<Int>) -> Bool {
        guard !words.isEmpty else { return false }
        let scalars = text.scalars[max(0, sentence.lowerBound)..<min(sentence.upperBound, text.scalars.count)]
        return words.contains { scalarsContain(scalars, $0) }
    }
}

/// Years listed together before a value (`2024年、2025年招生规模稳定在 300 人左右`, `2023 年和 2024 年分别招生
/// 300 人、320 人`): with `分别`, the values take the years in order; a single value is each year's.
extension ExtractionRun {
    /// The last run of two or more years in `clause` before `offset` joined only by 、/和/与/及/commas/spaces.
    func yearList(in clause: Range<Int>, before offset: Int, text: AnalysedText,
                  matches: BlockMatches) -> [BlockMatches.YearHit]? {
        let hits = matches.years.filter { (hit: BlockMatches.YearHit) in
            !hit.comparison && !hit.history && hit.start >= clause.lowerBound && hit.end <= offset
        }
        guard var run = hits.last.map({ [$0] }), hits.count >= 2 else { return nil }
        for hit in hits.dropLast().reversed() {
            guard hit.end < run[0].start,
                  text.text(hit.end..<run[0].start).allSatisfy({ "、和与及,， ".contains($0) }) else { break }
            run.insert(hit, at: 0)
        }
        return run.count >= 2 ? run : nil
    }

    /// The years a value at `number` describes when its clause lists years before it; nil when it lists
    /// none (the year is then decided as usual). `numbers` are the sentence's values, in order.
    func listedYears(for number: ParsedNumber, numbers: [ParsedNumber], clause: Range<Int>, text: AnalysedText,
                     matches: BlockMatches) -> [Int]? {
        guard let list = yearList(in: clause, before: number.start, text: text, matches: matches) else { return nil }
        let listEnd = list.last!.end
        func isValue(_ other: ParsedNumber) -> Bool {
            !matches.years.contains { (hit: BlockMatches.YearHit) in hit.start < other.end && other.start < hit.end }
        }
        if let listStart = respectivelyStart(after: listEnd, before: number.start, text: text, matches: matches) {
            let index = numbers.filter { (other: ParsedNumber) in
                other.start >= listStart && other.start < number.start && isValue(other)
            }.count
            return index < list.count ? [list[index].year] : nil
        }
        // A single value after the list in its clause belongs to every year listed.
        let valuesAfterList = numbers.filter { (other: ParsedNumber) in
            other.start >= listEnd && other.start < clause.upperBound && isValue(other)
        }
        guard valuesAfterList.count == 1 else { return nil }
        return list.map { (hit: BlockMatches.YearHit) in hit.year }
    }

    /// Where the values a `respectively` cue (`分别为`, or a bare `分别` before the indicator: `分别招生 1200 人、
    /// 1350 人`) gives out begin, when one stands between `from` and `to`.
    func respectivelyStart(after from: Int, before to: Int, text: AnalysedText, matches: BlockMatches) -> Int? {
        matches.cues.last(where: { $0.cue == .respectively && $0.start >= from && $0.end <= to })?.end
    }

    /// `2023 年、2024 年在校生分别为 3000 人、3100 人`: after the first, each value of a year list given out
    /// with 分别 is the same indicator's, though only a list mark stands before it.
    func continuesYearList(_ number: ParsedNumber, numbers: [ParsedNumber], clause: Range<Int>, windowStart: Int,
                           text: AnalysedText, matches: BlockMatches) -> Bool {
        // One listed year for this value means the list was given out with 分别 (a shared value takes them all).
        guard windowStart < number.start,
              listedYears(for: number, numbers: numbers, clause: clause, text: text, matches: matches)?.count == 1
        else { return false }
        return text.text(windowStart..<number.start).allSatisfy { "、和与及,， ".contains($0) }
    }
}
