import Foundation
import NianbaoModel

/// Markdown (and Markdown-like exports): `#` headings give their depth as a hint, emphasis, links, list
/// bullets and quote marks are removed from the text, and tables (pipe tables, also written on one line,
/// and every other shape `TextTables` knows) become rows with a location per cell. Pages are split at
/// `---` lines and form feeds, as the project's exports do. MediaWiki markup (an encyclopedia entry's
/// export) is the other dialect read here (`WikiMarkup`).
public struct MarkdownReader: ReportReader {
    public static let formats: [SourceFormat] = [.markdown]
    public init() {}

    /// Lines that mark a text as Markdown: `#` headings, `**` emphasis, `---` page rules, `|---|` table rules.
    static let minimumSignals = 3

    public func read(path: String, data: Data, options: ReadOptions) throws(ReadError) -> SourceDocument {
        document(from: try TextFile(path: path, data: data, words: options.words), path: path, words: options.words)
    }

    func document(from file: TextFile, path: String, words: DocumentWords) -> SourceDocument {
        var file = file
        let wiki = WikiMarkup.looksLikeWikitext(file)
        for p in file.pages.indices {
            // Tables first, on the lines as printed; then the markup of what is left.
            let lines = TextTables.structure(file.pages[p].map(TextReader.tabCells), words: words)
            file.pages[p] = wiki ? WikiMarkup.read(lines) : lines.map(MarkdownLine.read)
        }
        return file.document(path: path, format: .markdown)
    }

    static func looksLikeMarkdown(_ file: TextFile) -> Bool {
        var signals = file.ruleLines
        for page in file.pages {
            for line in page {
                let trimmed = line.text.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("#") || trimmed.contains("**") { signals += 1 }
                if trimmed.contains("|"), let segments = PipeTableShape.segments(of: trimmed),
                   PipeTableShape.isSeparator(segments) || PipeTableShape.oneLineTable(segments) != nil { signals += 1 }
                if signals >= minimumSignals { return true }
            }
        }
        return false
    }
}

/// One line of Markdown read into text and layout hints.
enum MarkdownLine {
    static func read(_ line: SourceLine) -> SourceLine {
        var out = line
        if let cells = line.cells {
            out.cells = cells.map(stripInline)
            return out
        }
        var text = line.text.trimmingCharacters(in: .whitespaces)
        if let (level, title) = heading(text) {
            out.markupHeadingLevel = level
            text = title
        }
        if text.hasPrefix(">") { text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces) }
        if let item = listItem(text) {
            text = item
            out.startsBlock = true
        }
        if text.hasPrefix("**") || text.hasPrefix("__") { out.isBold = true }
        out.text = stripInline(text)
        return out
    }

    /// `## 2. 学生发展 ##` → (2, `2. 学生发展`); a `#` glued to a word (`#普通中专`) is not a heading.
    static func heading(_ text: String) -> (Int, String)? {
        let hashes = text.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = text.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var title = rest.trimmingCharacters(in: .whitespaces)
        // A closing run of hashes after a space is decoration.
        if let closing = title.range(of: #"\s+#+$"#, options: .regularExpression) { title.removeSubrange(closing) }
        return (hashes, title)
    }

    /// The text of a bulleted list item (`- `, `* `, `+ `); numbered items keep their number, which may be
    /// a heading's.
    static func listItem(_ text: String) -> String? {
        guard let first = text.first, "-*+".contains(first), text.dropFirst().first == " " else { return nil }
        let item = text.dropFirst(2).trimmingCharacters(in: .whitespaces)
        return item.isEmpty ? nil : item
    }

    private static let images = try! NSRegularExpression(pattern: #"!\[([^\]]*)\]\([^)]*\)"#)
    private static let links = try! NSRegularExpression(pattern: #"\[([^\]]+)\]\([^)]*\)"#)
    private static let singleEmphasis = try! NSRegularExpression(pattern: #"(?<![*\w])[*_](?![\s*_])([^*_]+?)(?<!\s)[*_](?![*\w])"#)

    /// Text without inline markup: images and links keep their text, `**`/`__` and paired `*`/`_` go,
    /// code backticks and escaping backslashes go. A lone `*` (a masked word, `*教育部`) stays.
    static func stripInline(_ text: String) -> String {
        guard text.contains(where: { "*_[`\\".contains($0) }) else { return text }
        var out = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        out = replace(images, in: out, with: "$1")
        out = replace(links, in: out, with: "$1")
        out = replace(singleEmphasis, in: out, with: "$1")
        out = out.replacingOccurrences(of: "`", with: "")
        out = out.replacingOccurrences(of: #"\\([\\`*_\[\]()#+\-.!|])"#, with: "$1", options: .regularExpression)
        return out.trimmingCharacters(in: .whitespaces)
    }

    private static func replace(_ pattern: NSRegularExpression, in text: String, with template: String) -> String {
        let range = NSRange(text.startIndex..., in: text)
        return pattern.stringByReplacingMatches(in: text, range: range, withTemplate: template)
    }
}
