import Foundation
import NianbaoModel

/// Turns the article subtree into `SourceLine`s, one per block in reading order: headings with their level,
/// paragraphs (split at `<br>`), data-table rows with their cells, captions.
struct HTMLBlockWriter {
    let article: HTMLArticle
    private var dom: HTMLDOM { article.dom }

    private(set) var lines: [SourceLine] = []
    private var buffer = ""
    private var boldChars = 0
    private var plainChars = 0
    private var boldDepth = 0
    private var preDepth = 0
    private var figureCaptionDepth = 0
    private var headingLevel: Int?
    private var pendingBlockStart = true

    init(article: HTMLArticle) { self.article = article }

    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]
    /// Containers dropped when most of their text is link text (related links, attachment bars, pagers).
    static let linkCheckedContainers: Set<String> = ["div", "ul", "ol", "dl", "section", "table", "center", "form",
                                                     "nav", "aside", "menu"]
    /// Single blocks dropped only when they are (almost) nothing but a link; a paragraph citing a document
    /// by a link keeps its text. Inline elements are never dropped from inside a paragraph.
    static let linkCheckedBlocks: Set<String> = ["p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6"]
    static let boldTags: Set<String> = ["strong", "b"]

    private enum Step { case enter(Int), exit(Int, bold: Bool) }

    /// Writes the subtree of `root` (the whole subtree, including `root` itself).
    mutating func write(_ root: Int, isRoot: Bool = false) {
        var stack: [Step] = [.enter(root)]
        while let step = stack.popLast() {
            switch step {
            case .enter(let i):
                let node = dom.nodes[i]
                if node.kind == .text {
                    appendText(node.text, visible: article.chars[i])
                    continue
                }
                if !(isRoot && i == root), skip(i) { continue }
                let tag = node.tag
                switch tag {
                case "br":
                    flushLine()
                    continue
                case "img":
                    if figureCaptionDepth == 0, let alt = node.attributes["alt"], HTMLArticle.isCaption(alt) {
                        flushLine(); pendingBlockStart = true
                        appendText(alt)
                        flushLine(); pendingBlockStart = true
                    }
                    continue
                case "table" where !article.isLayoutTable(i):
                    flushLine(); pendingBlockStart = true
                    writeTable(i)
                    pendingBlockStart = true
                    continue
                default:
                    break
                }
                if Self.blockTags.contains(tag) { flushLine(); pendingBlockStart = true }
                if let level = Self.headingLevel(tag) { headingLevel = level }
                let bold = isBold(node)
                if bold { boldDepth += 1 }
                if tag == "pre" { preDepth += 1 }
                if tag == "figure", hasFigcaption(i) { figureCaptionDepth += 1 }
                stack.append(.exit(i, bold: bold))
                for child in node.children.reversed() { stack.append(.enter(child)) }
            case .exit(let i, let bold):
                let node = dom.nodes[i]
                let tag = node.tag
                if Self.blockTags.contains(tag) { flushLine(); pendingBlockStart = true }
                if Self.headingLevel(tag) != nil { headingLevel = nil }
                if bold { boldDepth -= 1 }
                if tag == "pre" { preDepth -= 1 }
                if tag == "figure", hasFigcaption(i) { figureCaptionDepth -= 1 }
            }
        }
        flushLine()
        pendingBlockStart = true
    }

    /// Furniture, and blocks that are mostly links, inside the article root.
    private func skip(_ i: Int) -> Bool {
        if article.isFurniture[i] { return true }
        let tag = dom.nodes[i].tag
        let chars = article.chars[i], links = article.linkChars[i]
        guard chars > 0 else { return false }
        if Self.linkCheckedContainers.contains(tag) { return links * 2 > chars }
        if Self.linkCheckedBlocks.contains(tag) { return links * 10 >= chars * 9 }
        return false
    }

    static func headingLevel(_ tag: String) -> Int? {
        guard tag.count == 2, tag.first == "h", let last = tag.last, let level = last.wholeNumberValue,
              (1...6).contains(level) else { return nil }
        return level
    }

    private func isBold(_ node: HTMLDOM.Node) -> Bool {
        if Self.boldTags.contains(node.tag) { return true }
        guard let style = node.attributes["style"], HTMLText.contains(style, "weight") else { return false }
        let compact = style.lowercased().filter { $0 != " " }
        return ["font-weight:bold", "font-weight:600", "font-weight:700", "font-weight:800", "font-weight:900"]
            .contains { HTMLText.contains(compact, $0) }
    }

    private func hasFigcaption(_ figure: Int) -> Bool {
        article.containsTag(figure, "figcaption")
    }

    /// `visible` is the text's non-space character count when already known.
    private mutating func appendText(_ text: String, visible: Int? = nil) {
        if preDepth > 0 {
            // Preformatted text keeps its own line breaks.
            var first = true
            for part in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if !first { flushLine() }
                first = false
                appendCounted(String(part))
            }
            return
        }
        appendCounted(text, visible: visible)
    }

    private mutating func appendCounted(_ text: String, visible: Int? = nil) {
        buffer += text
        let count = visible ?? HTMLText.visibleCount(text)
        if boldDepth > 0 { boldChars += count } else { plainChars += count }
    }

    private mutating func flushLine() {
        defer { buffer = ""; boldChars = 0; plainChars = 0 }
        let text = HTMLText.collapse(buffer)
        guard !text.isEmpty else { return }
        lines.append(SourceLine(text: text, page: 1, line: lines.count + 1,
                                isBold: boldChars > 0 && plainChars == 0,
                                markupHeadingLevel: headingLevel, startsBlock: pendingBlockStart))
        pendingBlockStart = false
    }

    // MARK: Tables

    /// One line per row; rowspan and colspan copy a cell into every position it covers, so each row has all
    /// its cells, and rows are padded to the widest row.
    private mutating func writeTable(_ table: Int) {
        var rows: [Int] = []
        for child in dom.nodes[table].children where dom.nodes[child].tag == "caption" {
            let caption = cellText(child)
            if !caption.isEmpty {
                lines.append(SourceLine(text: caption, page: 1, line: lines.count + 1, startsBlock: true))
            }
        }
        article.forEachElement(in: table) { i in
            switch dom.nodes[i].tag {
            case "tr": rows.append(i); return false
            case "thead", "tbody", "tfoot": return true
            default: return false
            }
        }
        var carried: [Int: (left: Int, text: String)] = [:]
        var grid: [[String]] = []
        for tr in rows {
            var row: [String] = []
            func takeCarried() {
                while let carry = carried[row.count] {
                    carried[row.count] = carry.left <= 1 ? nil : (carry.left - 1, carry.text)
                    row.append(carry.text)
                }
            }
            for cell in dom.nodes[tr].children where dom.nodes[cell].tag == "td" || dom.nodes[cell].tag == "th" {
                takeCarried()
                let text = cellText(cell)
                let attributes = dom.nodes[cell].attributes
                let colspan = min(max(attributes["colspan"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 1, 1), 100)
                let rowspan = min(max(attributes["rowspan"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 1, 1), 1000)
                for _ in 0..<colspan {
                    if rowspan > 1 { carried[row.count] = (rowspan - 1, text) }
                    row.append(text)
                }
            }
            if let last = carried.keys.max() {
                while row.count <= last {
                    if carried[row.count] != nil { takeCarried() } else { row.append("") }
                }
            }
            grid.append(row)
        }
        let width = grid.map(\.count).max() ?? 0
        for var row in grid where row.contains(where: { !$0.isEmpty }) {
            while row.count < width { row.append("") }
            lines.append(SourceLine(text: row.joined(separator: "\t"), page: 1, line: lines.count + 1,
                                    cells: row, startsBlock: true))
        }
    }

    /// A cell's text on one line; its own paragraphs and line breaks become soft breaks (a space, or nothing
    /// between Chinese characters).
    private func cellText(_ cell: Int) -> String {
        var text = ""
        var stack: [Int] = [cell]
        var first = true
        while let i = stack.popLast() {
            let node = dom.nodes[i]
            if node.kind == .text { text += node.text; continue }
            if !first {
                if node.tag == "br" || Self.blockTags.contains(node.tag) { text += "\n" }
                if node.tag == "img", let alt = node.attributes["alt"], HTMLArticle.isCaption(alt) { text += alt }
            }
            first = false
            stack.append(contentsOf: node.children.reversed())
        }
        return HTMLText.collapse(text)
    }
}
