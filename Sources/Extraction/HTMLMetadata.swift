import Foundation
import NianbaoModel

/// Title and publication date of an article page, and the "发布时间：… 来源：… 字号" lines that carry them.
enum HTMLMetadata {
    /// Fewer visible characters of non-heading text than this means the page holds no article.
    static let minimumArticleCharacters = 30

    /// Meta names that hold the publication date, in order of trust.
    static let dateMetaNames = ["pubdate", "publishdate", "publish_date", "publishtime", "publish-date",
                                "article:published_time", "og:published_time", "datepublished", "firstpublishedtime",
                                "dc.date.issued", "dc.date", "dc.date.created", "dcterms.issued", "date", "releasedate"]
    static let titleMetaNames = ["articletitle", "og:title", "dc.title"]

    /// A short line that is the page's info bar (date, source, font size, print) rather than article text:
    /// one of `words.pageInfoMarkers`, or two of its `pageInfoHints` (one on a short line with a date).
    static func isInfoLine(_ text: String, words: DocumentWords) -> Bool {
        // Info bars are short; most article lines are ruled out by their byte length alone.
        guard text.utf8.count <= 360, text.unicodeScalars.count <= 120 else { return false }
        if words.pageInfoMarkers.contains(where: { HTMLText.contains(text, $0) }) { return true }
        let weak = words.pageInfoHints.filter { HTMLText.contains(text, $0) }.count
        if weak >= 2 { return true }
        return weak == 1 && text.count <= 40 && HTMLText.firstDate(in: text) != nil
    }

    static func title(dom: HTMLDOM, lines: [SourceLine]) -> String? {
        if let h1 = lines.first(where: { $0.markupHeadingLevel == 1 }) { return h1.text }
        for name in titleMetaNames {
            if let meta = dom.metas.first(where: { $0.name == name }) {
                let text = HTMLText.collapse(meta.content)
                if !text.isEmpty { return text }
            }
        }
        guard let title = dom.title else { return nil }
        // "Article title_Site name": keep the article part.
        for separator in ["_", " - ", " | ", "｜", "－", "—"] {
            if let range = title.range(of: separator, options: .backwards) {
                let head = title[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                if head.count >= 4 { return head }
            }
        }
        return title
    }

    /// The publication date as YYYY-MM-DD: from meta tags, else from a labelled date in the page text.
    static func date(dom: HTMLDOM, article: HTMLArticle, infoLines: [String], labels: [String]) -> String? {
        for name in dateMetaNames {
            for meta in dom.metas where meta.name == name {
                if let date = HTMLText.firstDate(in: meta.content) { return date }
            }
        }
        for line in infoLines {
            if let date = labelledDate(in: line, labels: labels) { return date }
        }
        // The info bar may sit outside the article root: look through the page's short text blocks.
        var pageText = ""
        for node in dom.nodes where node.kind == .text {
            let text = HTMLText.collapse(node.text)
            if !text.isEmpty, text.count <= 200 { pageText += text + " " }
        }
        return labelledDate(in: pageText, labels: labels)
    }

    /// A date within a few characters after one of the date labels (longest first).
    static func labelledDate(in text: String, labels: [String]) -> String? {
        let bytes = Array(text.utf8)
        for label in labels {
            var searchStart = 0
            while let offset = HTMLText.firstOffset(of: label, in: text, from: searchStart) {
                let after = offset + label.utf8.count
                let window = String(decoding: bytes[after..<min(bytes.count, after + 48)], as: UTF8.self)
                let afterLabel = window.drop(while: { $0 == "：" || $0 == ":" || $0 == " " })
                if let date = HTMLText.firstDate(in: String(afterLabel.prefix(16))),
                   afterLabel.count - afterLabel.drop(while: { !$0.isNumber }).count <= 1 {
                    return date
                }
                searchStart = after
            }
        }
        return nil
    }

    /// Meta names that hold the page's own address.
    static let addressMetaNames = ["og:url", "twitter:url", "url"]

    /// The web address the page was saved from: the comment browsers write when saving a page
    /// (`<!-- saved from url=(0061)http://… -->`), else the page's canonical link or `og:url`. Only absolute
    /// http(s) addresses count: a relative one names no site.
    static func address(dom: HTMLDOM, text: String) -> String? {
        let marker = "saved from url="
        let head = text.prefix(2048)
        if let range = head.range(of: marker) {
            var rest = head[range.upperBound...]
            if rest.hasPrefix("("), let close = rest.firstIndex(of: ")") { rest = rest[rest.index(after: close)...] }
            if let absolute = absoluteAddress(String(rest.prefix { !$0.isWhitespace })) { return absolute }
        }
        if let canonical = dom.canonical.flatMap(absoluteAddress) { return canonical }
        for name in addressMetaNames {
            if let meta = dom.metas.first(where: { $0.name == name }), let absolute = absoluteAddress(meta.content) {
                return absolute
            }
        }
        return nil
    }

    static func absoluteAddress(_ text: String) -> String? {
        var address = text.trimmingCharacters(in: .whitespaces)
        if let end = address.range(of: "-->") { address = String(address[..<end.lowerBound]) }
        let lower = address.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), address.count > 10 else { return nil }
        return address
    }
}
