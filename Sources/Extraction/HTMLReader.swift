import Foundation
import NianbaoModel

/// HTML article pages (government-website reports) through libxml2.
///
/// The charset is decided in Swift (BOM, `<meta charset>`, `http-equiv`, else UTF-8 / GB18030 by the bytes)
/// and libxml2 only parses UTF-8. The article is found by where the prose is, not by the site's class names;
/// the output is one page of lines, one per block, with the site's navigation, share bars and footer gone.
public struct HTMLReader: ReportReader {
    public static let formats: [SourceFormat] = [.html]
    public init() {}

    public func read(path: String, data: Data, options: ReadOptions) throws(ReadError) -> SourceDocument {
        guard !data.isEmpty else { throw .empty(path: path) }
        let decoded: HTMLCharset.Decoded
        switch HTMLCharset.decode(data) {
        case .success(let d): decoded = d
        case .failure(.binary): throw .notHTML(path: path)
        case .failure(.undecodable(let detail)): throw .undecodable(path: path, detail: detail)
        }
        guard Self.hasMarkup(decoded.text) else { throw .notHTML(path: path) }
        guard let dom = HTMLDOM.parse(utf8: decoded.text) else { throw .notHTML(path: path) }

        let article = HTMLArticle(dom: dom)
        let root = article.articleRoot()
        var writer = HTMLBlockWriter(article: article)
        if let title = article.titleOutside(root: root) { writer.write(title) }
        writer.write(root, isRoot: true)

        var lines: [SourceLine] = []
        var infoLines: [String] = []
        for line in writer.lines {
            if line.markupHeadingLevel == nil, line.cells == nil, HTMLMetadata.isInfoLine(line.text, words: options.words) {
                infoLines.append(line.text)
                continue
            }
            var numbered = line
            numbered.line = lines.count + 1
            lines.append(numbered)
        }
        var articleChars = 0
        for line in lines where line.markupHeadingLevel == nil && articleChars < HTMLMetadata.minimumArticleCharacters {
            articleChars += HTMLText.visibleCount(line.text)
        }
        guard articleChars >= HTMLMetadata.minimumArticleCharacters else { throw .noArticle(path: path) }

        let title = HTMLMetadata.title(dom: dom, lines: lines)
        let date = HTMLMetadata.date(dom: dom, article: article, infoLines: infoLines, labels: options.words.dateLabels)
        return SourceDocument(path: path, format: .html, pages: [SourcePage(number: 1, lines: lines)],
                              metadataTitle: title, metadataDate: date, warnings: decoded.warnings, headersRemoved: true,
                              stated: StatedFacts(address: HTMLMetadata.address(dom: dom, text: decoded.text)))
    }

    /// Tag names that make a file HTML; a text file or binary named .html has none of them.
    static let markupTags: Set<String> = ["html", "head", "body", "title", "meta", "p", "div", "br", "table", "span",
                                          "h1", "h2", "h3", "h4", "h5", "h6", "a", "ul", "li", "section", "article",
                                          "!doctype", "font", "td", "tr", "img", "strong", "b"]

    static func hasMarkup(_ text: String) -> Bool {
        let bytes = text.utf8
        var iterator = bytes.makeIterator()
        var inTag = false
        var name: [UInt8] = []
        while let b = iterator.next() {
            if b == UInt8(ascii: "<") { inTag = true; name.removeAll(keepingCapacity: true); continue }
            guard inTag else { continue }
            let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) || (lower == UInt8(ascii: "!") && name.isEmpty) {
                name.append(lower)
                if name.count > 10 { inTag = false }
                continue
            }
            if !name.isEmpty, markupTags.contains(String(decoding: name, as: UTF8.self)),
               lower == 0x20 || lower == UInt8(ascii: ">") || lower == UInt8(ascii: "/") || lower == 0x0A || lower == 0x09 || lower == 0x0D {
                return true
            }
            inTag = false
        }
        return false
    }
}
