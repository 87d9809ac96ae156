import Foundation
import NianbaoModel

/// MediaWiki markup, as encyclopedia entries are exported (a Markdown-like text, read by `MarkdownReader`):
/// `== 办学规模 ==` headings give their depth as a hint; links keep their label; bold and italic quotes,
/// footnote references (`<ref>…</ref>`, whose dates and page numbers are no figures of the text), templates,
/// files, categories, comments and tags go; an infobox's `| 在校生 = 2860人` lines become `在校生：2860人`.
/// Tables (`{| … |}`) are read by `WikiTableShape` before this.
enum WikiMarkup {
    /// Lines that mark a text as wiki markup (headings, bold quotes, links, references, templates, tables).
    static let minimumSignals = 3

    static func looksLikeWikitext(_ file: TextFile) -> Bool {
        var signals = 0
        for page in file.pages {
            for line in page {
                let text = line.text.trimmingCharacters(in: .whitespaces)
                if heading(text) != nil || text.contains("'''") || text.contains("[[") || text.contains("<ref")
                    || text.hasPrefix("{{") || text.hasPrefix("{|") {
                    signals += 1
                    if signals >= minimumSignals { return true }
                }
            }
        }
        return false
    }

    /// The lines of one page, read: markup removed, headings and list items marked, template parameters
    /// turned into labelled lines, the lines inside a multi-line reference or comment dropped.
    static func read(_ lines: [SourceLine]) -> [SourceLine] {
        var out: [SourceLine] = []
        var skippingUntil: String?
        var templateDepth = 0
        for line in lines {
            if line.cells != nil {
                var row = line
                row.cells = line.cells.map { $0.map { inline($0).trimmingCharacters(in: .whitespaces) } }
                out.append(row)
                continue
            }
            var text = line.text
            if let end = skippingUntil {
                guard let close = text.range(of: end) else { continue }
                text = String(text[close.upperBound...])
                skippingUntil = nil
            }
            // A reference or comment left open runs on to the line that closes it.
            if let open = unclosedOpening(in: text) {
                skippingUntil = open.closer
                text = String(text[..<open.start])
            }
            var trimmed = text.trimmingCharacters(in: .whitespaces)
            var result = line
            result.startsBlock = line.startsBlock
            // An infobox: `{{学校信息框` … `| 在校生 = 2860人` … `}}`.
            if trimmed.hasPrefix("{{"), !trimmed.contains("}}") { templateDepth += 1; continue }
            if templateDepth > 0 {
                if trimmed.hasPrefix("}}") { templateDepth -= 1; continue }
                guard trimmed.hasPrefix("|"), let equals = trimmed.firstIndex(of: "=") else { continue }
                let key = trimmed[trimmed.index(after: trimmed.startIndex)..<equals].trimmingCharacters(in: .whitespaces)
                let value = inline(String(trimmed[trimmed.index(after: equals)...])).trimmingCharacters(in: .whitespaces)
                guard !key.isEmpty, !value.isEmpty else { continue }
                result.text = "\(key)：\(value)"
                result.startsBlock = true
                out.append(result)
                continue
            }
            if trimmed.hasPrefix("----") || trimmed.hasPrefix("__") && trimmed.hasSuffix("__") { trimmed = "" }
            if let (level, title) = heading(trimmed) {
                result.markupHeadingLevel = level
                trimmed = title
            } else if let marker = trimmed.first, "*#:;".contains(marker) {
                trimmed = String(trimmed.drop { "*#:;".contains($0) }).trimmingCharacters(in: .whitespaces)
                result.startsBlock = true
            }
            result.text = inline(trimmed).trimmingCharacters(in: .whitespaces)
            out.append(result)
        }
        return out
    }

    /// `== 办学规模 ==` → (1, `办学规模`): `==` is a page's top section level.
    static func heading(_ text: String) -> (Int, String)? {
        let opening = text.prefix { $0 == "=" }.count
        let closing = String(text.reversed()).prefix { $0 == "=" }.count
        guard (2...6).contains(opening), opening == closing, text.count > opening * 2 else { return nil }
        let title = text.dropFirst(opening).dropLast(closing).trimmingCharacters(in: .whitespaces)
        return title.isEmpty ? nil : (opening - 1, title)
    }

    /// Where a reference or comment opens on the line without closing there, and what closes it.
    static func unclosedOpening(in text: String) -> (start: String.Index, closer: String)? {
        if let comment = text.range(of: "<!--", options: .backwards), text[comment.upperBound...].range(of: "-->") == nil {
            return (comment.lowerBound, "-->")
        }
        // The last `<ref` opening a reference (`<references>` is another tag).
        var open: Range<String.Index>?
        var from = text.startIndex
        while let found = text.range(of: "<ref", range: from..<text.endIndex) {
            if found.upperBound < text.endIndex, " >".contains(text[found.upperBound]) { open = found }
            from = found.upperBound
        }
        if let open, let end = text[open.lowerBound...].firstIndex(of: ">"), text[text.index(before: end)] != "/",
           text[end...].range(of: "</ref>") == nil {
            return (open.lowerBound, "</ref>")
        }
        return nil
    }

    private static let replacements: [(NSRegularExpression, String)] = [
        (#"<!--.*?-->"#, ""),
        (#"<ref(?:\s[^>]*)?/>"#, ""),
        (#"<ref(?:\s[^>]*)?>.*?</ref>"#, ""),
        // files and categories are no text; a link keeps its label
        (#"\[\[(?:File|Image|文件|图像|圖像|Category|分类|分類):[^\]]*\]\]"#, ""),
        (#"\[\[[^\]|]*\|([^\]]*)\]\]"#, "$1"),
        (#"\[\[([^\]]*)\]\]"#, "$1"),
        (#"\[(?:https?|ftp)://[^\s\]]+\s+([^\]]*)\]"#, "$1"),
        (#"\[(?:https?|ftp)://[^\]]*\]"#, ""),
        (#"'{2,5}"#, ""),
        (#"</?[A-Za-z][^>]*>"#, ""),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    /// `{{…}}` templates inline, innermost first.
    private static let template = try! NSRegularExpression(pattern: #"\{\{[^{}]*\}\}"#)

    /// The text of a line without inline markup.
    static func inline(_ text: String) -> String {
        guard text.contains(where: { "[<'{".contains($0) }) else { return text }
        var out = text
        for _ in 0..<4 where out.contains("{{") {
            out = template.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: "")
        }
        for (pattern, template) in replacements {
            out = pattern.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: template)
        }
        return out
    }
}
