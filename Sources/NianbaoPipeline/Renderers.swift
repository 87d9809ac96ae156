import Foundation
import NianbaoModel

/// What `nianbao extract --format text` prints: the cleaned text, pages separated by a form feed.
/// A paragraph that runs across a page break is printed on the page where each piece stands.
public enum CleanTextRenderer {
    public static func render(_ clean: CleanDocument) -> String {
        var pages: [Int: [String]] = [:]
        for block in clean.blocks where !block.text.isEmpty {
            // A block printed on one page from its start is printed whole, without splitting it into Characters.
            if let first = block.spans.first, first.offset == 0,
               block.spans.allSatisfy({ $0.location.page == first.location.page }) {
                pages[first.location.page, default: []].append(block.text)
                continue
            }
            let chars = Array(block.text)
            var spanIndex = 0
            while spanIndex < block.spans.count {
                let page = block.spans[spanIndex].location.page
                var next = spanIndex + 1
                while next < block.spans.count, block.spans[next].location.page == page { next += 1 }
                let from = min(block.spans[spanIndex].offset, chars.count)
                let to = next < block.spans.count ? min(block.spans[next].offset, chars.count) : chars.count
                if from < to { pages[page, default: []].append(String(chars[from..<to])) }
                spanIndex = next
            }
        }
        for note in clean.footnotes { pages[note.start.page, default: []].append(note.text) }
        let count = max(clean.source.pages.count, pages.keys.max() ?? 1)
        return (1...max(1, count)).map { (pages[$0] ?? []).joined(separator: "\n") }.joined(separator: "\n\u{0C}")
    }
}

/// What `nianbao outline` prints: front matter, TOC summary, then the section tree with pages and lines.
public enum OutlineRenderer {
    public static func render(_ doc: SegmentedDocument) -> String {
        var out: [String] = []
        let f = doc.frontMatter
        out.append("\(doc.docId) [\(doc.clean.source.format.rawValue), \(doc.clean.source.pages.count) page(s)]")
        out.append("  title:     \(f.title ?? "–")")
        out.append("  region:    \(f.region ?? "–")    year covered: \(f.reportYear.map(String.init) ?? "–")")
        out.append("  issuer:    \(f.issuer ?? "–")    published: \(f.published ?? "–")")
        if !doc.toc.isEmpty {
            let byList = Dictionary(grouping: doc.toc, by: \.list).mapValues(\.count)
            let summary = TocEntry.List.allCasesInOrder.compactMap { list in byList[list].map { "\(list.rawValue) \($0)" } }
            out.append("  TOC:       \(doc.toc.count) entries (\(summary.joined(separator: ", ")))")
        } else {
            out.append("  TOC:       none printed")
        }
        out.append("")
        for section in doc.sections where section.kind != .frontMatter && section.kind != .toc {
            let indent = String(repeating: "  ", count: max(0, section.level - 1))
            let label: String
            switch section.kind {
            case .case: label = "[案例 \(section.number ?? "")] "
            case .table: label = section.number.map { "[表 \($0)] " } ?? "[表] "
            case .figure: label = "[图 \(section.number ?? "")] "
            case .appendix: label = "[附 \(section.number ?? "")] "
            case .preface: label = ""
            default: label = section.number.map { "\($0) " } ?? ""
            }
            let title = section.title.isEmpty ? "(untitled)" : section.title
            let pages = section.pageStart == section.pageEnd ? "p\(section.pageStart)" : "p\(section.pageStart)-\(section.pageEnd)"
            let lines = section.lineStart == section.lineEnd ? "L\(section.lineStart)" : "L\(section.lineStart)-\(section.lineEnd)"
            out.append("\(indent)\(label)\(title)    \(pages) \(lines)")
        }
        if !doc.warnings.isEmpty {
            out.append("")
            out.append("warnings:")
            out += doc.warnings.map { "  - \($0)" }
        }
        return out.joined(separator: "\n")
    }
}

extension TocEntry.List {
    static let allCasesInOrder: [TocEntry.List] = [.contents, .cases, .figures, .tables]
}

/// The JSON form of `nianbao extract --format json`: the document model.
public struct DocumentModelExport: Encodable {
    public var docId: String
    public var format: SourceFormat
    public var script: Script?
    public var frontMatter: FrontMatter
    public var pages: [SourcePage]
    public var blocks: [Block]
    public var footnotes: [Block]
    public var toc: [TocEntry]
    public var sections: [Section]
    public var tables: [TableData]
    public var warnings: [String]

    public init(_ doc: SegmentedDocument) {
        docId = doc.docId
        format = doc.clean.source.format
        script = doc.clean.script
        frontMatter = doc.frontMatter
        pages = doc.clean.source.pages
        blocks = doc.clean.blocks
        footnotes = doc.clean.footnotes
        toc = doc.toc
        sections = doc.sections
        tables = doc.tables
        warnings = doc.warnings
    }
}
