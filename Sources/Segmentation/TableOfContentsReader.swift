import Foundation
import NianbaoModel
import Cleaning

/// Finds the printed table of contents (and its lists of cases, figures and tables) and reads its entries.
/// Its blocks are reported so that no TOC line is ever taken for a body heading.
struct TableOfContentsReader {
    struct Result {
        var entries: [TocEntry]
        /// Blocks `start..<end` hold the TOC; nil when the report prints none.
        var blockRange: Range<Int>?
    }


    /// `图表目录`, `案例目录`, `图表与案例目录`, `表格目录`: the heading of a secondary list.
    /// The words are the contents titles (`目录`, `索引` ending the heading) and the caption labels of
    /// `DocumentWords.headingLabels`.
    static func listHeading(_ text: String, words: DocumentWords) -> TocEntry.List? {
        let t = text.replacingOccurrences(of: " ", with: "")
        guard t.count <= 12, words.contentsTitles.contains(where: { t.hasSuffix($0) }) else { return nil }
        let labels = words.headingLabels
        let namesCases = labels.cases.contains { t.contains($0) }
        let namesFigures = (labels.figures + labels.tables).contains { t.contains($0) }
        if namesCases && !namesFigures { return .cases }
        if namesFigures || namesCases { return .figures }
        return .contents
    }

    /// `titles`: the title lines of a table of contents (`documents.yaml` `contents_titles`).
    static func read(_ blocks: [Block], titles: Set<String>, words: DocumentWords) -> Result {
        guard let start = blocks.prefix(200).firstIndex(where: { titles.contains(compact($0.text)) }) else {
            return Result(entries: [], blockRange: nil)
        }
        var entries: [TocEntry] = []
        var list: TocEntry.List = .contents
        var index = start + 1
        var end = index
        while index < blocks.count {
            let block = blocks[index]
            let text = block.cells.map { $0.filter { !$0.isEmpty }.joined(separator: " ") } ?? block.text
            if let heading = listHeading(text, words: words) {
                list = heading
                index += 1
                end = index
                continue
            }
            guard let (title, page) = splitPage(text) else { break }
            let entry = makeEntry(list: list, title: title, page: page, location: block.start, words: words)
            entries.append(entry)
            index += 1
            end = index
        }
        return Result(entries: entries, blockRange: start..<end)
    }

    static func compact(_ text: String) -> String {
        text.filter { !$0.isWhitespace }
    }

    /// Splits `1.1 基本情况 .....\t2` into its title and printed page (`2`, `II`); nil when no page ends it.
    static func splitPage(_ text: String) -> (String, String)? {
        var t = Substring(text.trimmingCharacters(in: .whitespaces))
        let digits = t.reversed().prefix(while: { $0.isASCII && $0.isNumber })
        var page: String
        if !digits.isEmpty, digits.count <= 3 {
            page = String(digits.reversed())
            t = t.dropLast(digits.count)
        } else {
            let roman = t.reversed().prefix(while: { "IVXLivxl".contains($0) })
            guard !roman.isEmpty, roman.count <= 4, t.dropLast(roman.count).last.map({ !$0.isLetter }) ?? false else { return nil }
            page = String(roman.reversed())
            t = t.dropLast(roman.count)
        }
        let beforeLeader = t
        while let last = t.last, ".．…·•-_ \t\u{3000}".contains(last) { t = t.dropLast() }
        let hadLeader = t.count < beforeLeader.count
        let title = String(t)
        guard !title.isEmpty else { return nil }
        // Without a leader or tab, the digits may belong to the title (`近 3 年` never ends a title, but
        // a glued page `能力31` does): accept only when what precedes is not itself a number.
        if !hadLeader, let last = title.last, last.isNumber { return nil }
        if let n = Int(page), n > 999 { return nil }
        page = String(Int(page).map(String.init) ?? page)
        return (title, page)
    }

    static func makeEntry(list: TocEntry.List, title raw: String, page: String, location: SourceLocation,
                          words: DocumentWords) -> TocEntry {
        let shape = HeadingShape.parse(raw, words: words)
        var entryList = list
        var level = 1
        var number: String?
        var title = raw.replacingOccurrences(of: "\t", with: " ")
        if let shape {
            number = shape.number.isEmpty ? nil : shape.number
            title = shape.title.isEmpty ? title : shape.title
            switch shape.scheme {
            case .decimal: level = shape.components.count
            case .chineseComma: level = 1
            case .chineseParen: level = 2
            case .arabicComma, .arabicParen: level = 3
            case .caseLabel: entryList = .cases
            case .table: entryList = .tables
            case .figure: entryList = .figures
            case .appendix, .named, .ordinalPart: level = 1
            case .ordinalSection: level = 2
            }
        }
        return TocEntry(list: entryList, number: number, title: title.trimmingCharacters(in: .whitespaces),
                        printedPage: page, level: level, location: location)
    }
}
