import Foundation
import NianbaoModel
import Cleaning

/// Splits a cleaned report into front matter, printed TOC, chapters and sections at every level,
/// cases with their body spans, tables (rows and cells) and figures; then checks the TOC against the body.
public struct Segmenter: Sendable {
    /// The words of covers, datelines, contents and a notice's close (`rules/documents.yaml`).
    public let words: DocumentWords

    public init(words: DocumentWords) {
        self.words = words
    }

    public func segment(_ clean: CleanDocument, docId: String) -> SegmentedDocument {
        let blocks = clean.blocks
        let toc = TableOfContentsReader.read(blocks, titles: words.contentsTitles, words: words)
        let tocTitles = Set(toc.entries.map { HeadingDetector(blocks: [], tocTitles: [], closingWords: [], words: words).normalisedTitle($0.title) })
        let detector = HeadingDetector(blocks: blocks, tocTitles: tocTitles, closingWords: words.closingWords, words: words)

        // Body: after the TOC when there is one; otherwise from the first heading on.
        var bodyStart = toc.blockRange?.upperBound ?? 0
        var headings = detector.detect(in: bodyStart..<blocks.count)
        var coverEnd = toc.blockRange?.lowerBound ?? 0
        if toc.blockRange == nil, let first = headings.first(where: { $0.role == .part || $0.role == .appendix }) {
            coverEnd = first.blockIndex
            bodyStart = first.blockIndex
            headings = detector.detect(in: bodyStart..<blocks.count)
        }
        // Named parts before the TOC (`编制说明`) are prefaces, not cover text.
        var coverHeadings: [Heading] = []
        if let range = toc.blockRange {
            coverHeadings = detector.detect(in: 0..<range.lowerBound).filter { $0.kind == .preface }
            if let first = coverHeadings.first { coverEnd = first.blockIndex }
        }

        let front = FrontMatterReader(words: words).read(cover: blocks[0..<coverEnd], body: blocks[bodyStart...],
                                           metadataTitle: clean.source.metadataTitle,
                                           metadataDate: clean.source.format == .html ? clean.source.metadataDate : nil)
        var builder = SectionBuilder(docId: docId, blocks: blocks, words: words)
        if coverEnd > 0 {
            builder.add(kind: .frontMatter, id: "front", level: 0, number: nil, title: front.title ?? "",
                        parent: nil, blockStart: 0, blockEnd: coverEnd - 1)
        }
        if !coverHeadings.isEmpty, let range = toc.blockRange {
            builder.addParts(coverHeadings, endingAt: range.lowerBound)
        }
        if let range = toc.blockRange {
            builder.add(kind: .toc, id: "toc", level: 0, number: nil, title: "目录", parent: nil,
                        blockStart: range.lowerBound, blockEnd: max(range.lowerBound, range.upperBound - 1))
        }
        let bodyEnd = headings.first(where: { $0.role == .bodyEnd })?.blockIndex ?? blocks.count
        headings.removeAll { $0.role == .bodyEnd }
        builder.addBody(headings, bodyRange: bodyStart..<max(bodyStart, bodyEnd))
        builder.extendOverFootnotes(clean.footnotes)

        var warnings: [String] = []
        // A news item, a profile or a statistics table has no chapters; a report as long as a short one does.
        let bodyCharacters = blocks[bodyStart...].reduce(0) { $0 + $1.text.count }
        if !headings.contains(where: { $0.role == .part }), bodyCharacters >= Self.reportLength {
            warnings.append("no recognisable headings: found no numbered chapters or sections in the body")
        }
        warnings += TocCheck.compare(toc: toc.entries, sections: builder.sections, format: clean.source.format)
        return SegmentedDocument(docId: docId, clean: clean, frontMatter: front, toc: toc.entries,
                                 sections: builder.sections, tables: builder.tables, warnings: warnings)
    }

    /// Characters of body text from which a document without headings is reported (`no_headings`): the
    /// shortest quality reports run to some ten thousand; a web page's excerpt or a table to a few thousand.
    static let reportLength = 5000
}

/// Turns detected headings into `Section`s with ids, parents and spans, and collects table rows.
struct SectionBuilder {
    /// Lines that alone open an unnumbered part: never a unit line between a caption and its rows.
    let words: DocumentWords
    let docId: String
    let blocks: [Block]
    var sections: [Section] = []
    var tables: [TableData] = []
    var usedIds: Set<String> = []

    init(docId: String, blocks: [Block], words: DocumentWords) {
        self.words = words
        self.docId = docId
        self.blocks = blocks
    }

    mutating func uniqueId(_ base: String) -> String {
        var id = base
        var n = 2
        while usedIds.contains(id) { id = "\(base)-\(n)"; n += 1 }
        usedIds.insert(id)
        return id
    }

    @discardableResult
    mutating func add(kind: SectionKind, id: String, level: Int, number: String?, title: String, parent: String?,
                      blockStart: Int, blockEnd: Int, reserved: Bool = false) -> String {
        let id = reserved ? id : uniqueId(id)
        var end = max(blockStart, blockEnd)
        // Spans end on the last block with text, not on trailing separators.
        while end > blockStart, blocks[end].text.isEmpty { end -= 1 }
        let first = blocks[blockStart].start
        let last = blocks[end].end
        sections.append(Section(docId: docId, id: id, kind: kind, level: level, number: number, title: title, parent: parent,
                                pageStart: first.page, pageEnd: last.page, lineStart: first.line, lineEnd: last.line,
                                blockStart: blockStart, blockEnd: end))
        return id
    }

    mutating func addParts(_ headings: [Heading], endingAt end: Int) {
        for (k, heading) in headings.enumerated() {
            let next = k + 1 < headings.count ? headings[k + 1].blockIndex : end
            add(kind: heading.kind, id: heading.kind == .preface ? "preface" : "part", level: heading.level, number: heading.number,
                title: heading.title, parent: nil, blockStart: heading.blockIndex, blockEnd: next - 1)
        }
    }

    func partId(_ heading: Heading) -> String {
        switch heading.kind {
        case .preface: return "preface"
        case .appendix: return "appendix" + (heading.number ?? "")
        default: return "s" + heading.path.map(String.init).joined(separator: ".")
        }
    }

    mutating func addBody(_ headings: [Heading], bodyRange: Range<Int>) {
        let parts = headings.filter { $0.role == .part || $0.role == .appendix }
        // Each part runs to the block before the next part of the same or a higher level.
        var partIds: [Int: String] = [:]       // heading block → section id
        var partEnd: [Int: Int] = [:]
        var stack: [(level: Int, id: String, block: Int)] = []
        var partIndexForBlock: [(block: Int, id: String, level: Int)] = []
        for heading in parts {
            while let top = stack.last, top.level >= heading.level {
                partEnd[top.block] = heading.blockIndex - 1
                stack.removeLast()
            }
            let id = uniqueId(partId(heading))
            partIds[heading.blockIndex] = id
            stack.append((heading.level, id, heading.blockIndex))
            partIndexForBlock.append((heading.blockIndex, id, heading.level))
        }
        for top in stack { partEnd[top.block] = bodyRange.upperBound - 1 }

        // The innermost open part at a block, found from the part headings' spans.
        func container(of block: Int) -> (id: String, level: Int)? {
            var best: (id: String, level: Int)?
            for entry in partIndexForBlock where entry.block <= block && block <= (partEnd[entry.block] ?? entry.block) {
                if best == nil || entry.level >= best!.level { best = (entry.id, entry.level) }
            }
            return best
        }

        // Cases run to the next part, case, or appendix heading.
        let caseBoundaries = Set(headings.filter { $0.role != .tableCaption && $0.role != .figureCaption }.map(\.blockIndex))
        var caseSpans: [(start: Int, end: Int, id: String, level: Int)] = []
        var claimedRows = Set<Int>()

        for heading in headings {
            let i = heading.blockIndex
            switch heading.role {
            case .part, .appendix:
                let owner = stackParent(of: heading, parts: parts, partIds: partIds)
                add(kind: heading.kind, id: partIds[i]!, level: heading.level, number: heading.number, title: heading.title,
                    parent: owner, blockStart: i, blockEnd: partEnd[i] ?? i, reserved: true)
                if heading.kind == .appendix {
                    let rows = tableRows(after: i, limit: partEnd[i] ?? i)
                    if !rows.isEmpty {
                        rows.forEach { claimedRows.insert($0) }
                        tables.append(tableData(id: partIds[i]!, caption: heading.title, rows: rows))
                    }
                }
            case .bodyEnd:
                break
            case .caseStart:
                var end = bodyRange.upperBound - 1
                if let next = caseBoundaries.filter({ $0 > i }).min() { end = next - 1 }
                end = caseEnd(start: i, limit: end)
                let owner = container(of: i)
                let level = (owner?.level ?? 0) + 1
                let id = add(kind: .case, id: "case" + (heading.number ?? ""), level: level, number: heading.number,
                             title: heading.title, parent: owner?.id, blockStart: i, blockEnd: end)
                caseSpans.append((i, end, id, level))
            case .tableCaption, .figureCaption:
                // `图表 2` over tab-separated rows is a table, not a picture.
                let rowsBelow = heading.role == .figureCaption ? tableRows(after: i, limit: bodyRange.upperBound - 1) : []
                let isTable = heading.role == .tableCaption || !rowsBelow.isEmpty
                let owner = caseSpans.last(where: { $0.start < i && i <= $0.end }).map { (id: $0.id, level: $0.level) } ?? container(of: i)
                let level = (owner?.level ?? 0) + 1
                if isTable {
                    let rows = tableRows(after: i, limit: bodyRange.upperBound - 1)
                    rows.forEach { claimedRows.insert($0) }
                    let id = add(kind: .table, id: "table" + (heading.number ?? ""), level: level, number: heading.number,
                                 title: heading.title, parent: owner?.id, blockStart: i, blockEnd: rows.last ?? i)
                    if !rows.isEmpty { tables.append(tableData(id: id, caption: heading.title, rows: rows)) }
                } else {
                    add(kind: .figure, id: "fig" + (heading.number ?? ""), level: level, number: heading.number,
                        title: heading.title, parent: owner?.id, blockStart: i, blockEnd: i)
                }
            }
        }
        // Tables printed without a caption: runs of two or more rows nobody claimed.
        var i = bodyRange.lowerBound
        var uncaptioned = 0
        while i < bodyRange.upperBound {
            guard blocks[i].kind == .tableRow, !claimedRows.contains(i) else { i += 1; continue }
            var rows: [Int] = []
            var j = i
            while j < bodyRange.upperBound, blocks[j].kind == .tableRow, !claimedRows.contains(j) { rows.append(j); j += 1 }
            if rows.count >= 2 {
                uncaptioned += 1
                let owner = caseSpans.last(where: { $0.start < i && i <= $0.end }).map { (id: $0.id, level: $0.level) } ?? container(of: i)
                let id = add(kind: .table, id: "table-u\(uncaptioned)", level: (owner?.level ?? 0) + 1, number: nil,
                             title: "", parent: owner?.id, blockStart: rows[0], blockEnd: rows.last!)
                tables.append(tableData(id: id, caption: "", rows: rows))
            }
            i = j
        }
        sections.sort { ($0.blockStart, $0.level) < ($1.blockStart, $1.level) }
    }

    /// Footnote bodies were moved out of the running text; a section still spans the notes printed inside it.
    mutating func extendOverFootnotes(_ notes: [Block]) {
        guard !notes.isEmpty else { return }
        for k in sections.indices where sections[k].kind != .table && sections[k].kind != .figure
            && sections[k].kind != .frontMatter && sections[k].kind != .toc {
            let next = sections[k].blockEnd + 1
            let limit = next < blocks.count ? blocks[next].start.line : Int.max
            for note in notes where note.start.line > sections[k].lineEnd && note.end.line < limit {
                sections[k].lineEnd = note.end.line
                sections[k].pageEnd = max(sections[k].pageEnd, note.end.page)
            }
        }
    }

    /// A case runs until the report's own narrative resumes: a paragraph opening with a short lead
    /// sentence (`深入推进劳动教育。2020 年，…`), the way these reports start their topical paragraphs.
    func caseEnd(start: Int, limit: Int) -> Int {
        var bodyParagraphs = 0
        var j = start + 1
        while j <= limit {
            let block = blocks[j]
            if block.kind == .paragraph {
                if bodyParagraphs >= 1 && Self.opensWithLeadSentence(block.text) {
                    var end = j - 1
                    while end > start && blocks[end].text.isEmpty { end -= 1 }
                    return end
                }
                bodyParagraphs += 1
            }
            j += 1
        }
        return limit
    }

    static func opensWithLeadSentence(_ text: String) -> Bool {
        guard let stop = text.firstIndex(of: "。") else { return false }
        let lead = text[..<stop]
        guard (4...24).contains(lead.count), text.distance(from: text.startIndex, to: stop) + 1 < text.count else { return false }
        let commas = lead.filter { $0 == "，" || $0 == "," }.count
        return commas == 0 && !lead.contains("：")
            && !(lead.first.map { $0.isNumber } ?? false)
    }

    func stackParent(of heading: Heading, parts: [Heading], partIds: [Int: String]) -> String? {
        guard heading.level > 1, let index = parts.firstIndex(where: { $0.blockIndex == heading.blockIndex }) else { return nil }
        for candidate in parts[..<index].reversed() where candidate.level < heading.level {
            return partIds[candidate.blockIndex]
        }
        return nil
    }

    /// The table rows that follow a caption: allowing a unit line (`单位：人`) or a note in between.
    func tableRows(after caption: Int, limit: Int) -> [Int] {
        var rows: [Int] = []
        var j = caption + 1
        var skipped = 0
        while j <= limit, j < blocks.count {
            if blocks[j].kind == .tableRow {
                rows.append(j)
            } else if rows.isEmpty && skipped < 2 && blocks[j].text.count <= 30 && HeadingShape.parse(blocks[j].text, words: words) == nil {
                skipped += 1
            } else {
                break
            }
            j += 1
        }
        return rows
    }

    func tableData(id: String, caption: String, rows: [Int]) -> TableData {
        TableData(sectionId: id, caption: caption, rows: rows.map { blocks[$0].cells ?? [blocks[$0].text] },
                  rowLocations: rows.map { blocks[$0].start },
                  cellLocations: rows.map { blocks[$0].cellLocations ?? [blocks[$0].start] })
    }
}
