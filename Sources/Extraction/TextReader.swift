import Foundation
import NianbaoModel

/// Plain-text exports. Tab-separated lines are table rows, and tables printed as text (pipes, one cell
/// per line, space-aligned columns) are recognised by `TextTables`. A `.txt` whose content is Markdown
/// (a saved web page or an export with `#` headings and `|---|` tables, or an encyclopedia entry in wiki
/// markup) is read by `MarkdownReader`.
public struct TextReader: ReportReader {
    public static let formats: [SourceFormat] = [.text]
    public init() {}

    public func read(path: String, data: Data, options: ReadOptions) throws(ReadError) -> SourceDocument {
        var file = try TextFile(path: path, data: data, words: options.words)
        if MarkdownReader.looksLikeMarkdown(file) || WikiMarkup.looksLikeWikitext(file) {
            return MarkdownReader().document(from: file, path: path, words: options.words)
        }
        for p in file.pages.indices {
            file.pages[p] = TextTables.structure(file.pages[p].map(Self.tabCells), words: options.words)
        }
        return file.document(path: path, format: .text)
    }

    /// A line with tabs has its cells; whether it is a table row the cleaner decides.
    static func tabCells(_ line: SourceLine) -> SourceLine {
        guard line.text.contains("\t") else { return line }
        var out = line
        out.cells = line.text.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        return out
    }
}
