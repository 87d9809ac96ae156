import Foundation
import NianbaoModel

/// Plain-text and Markdown-like exports. Pages are counted by `---` separators and form feeds,
/// lines keep their 1-based line number in the file (the data contract's provenance for text inputs).
public struct TextReader: ReportReader {
    public static let formats: [SourceFormat] = [.text, .markdown]
    public init() {}

    public func read(path: String, data: Data, options: ReadOptions) throws(ReadError) -> SourceDocument {
        guard !data.isEmpty else { throw .empty(path: path) }
        let text: String
        switch TextDecoding.decode(data) {
        case .success(let (decoded, _)): text = decoded
        case .failure(.binary): throw .binaryContent(path: path)
        case .failure(.undecodable(let detail)): throw .undecodable(path: path, detail: detail)
        }
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        let rawLines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        var pages: [SourcePage] = []
        var current: [SourceLine] = []
        var markdownSignals = 0
        func flush() {
            pages.append(SourcePage(number: pages.count + 1, lines: TextTables.structure(current)))
            current = []
        }
        for (index, raw) in rawLines.enumerated() {
            var line = String(raw)
            let lineNumber = index + 1
            // A form feed starts a new page wherever it stands.
            while let ff = line.firstIndex(of: "\u{0C}") {
                let before = String(line[..<ff])
                if !before.trimmingCharacters(in: .whitespaces).isEmpty {
                    current.append(SourceLine(text: before, page: pages.count + 1, line: lineNumber))
                }
                flush()
                line = String(line[line.index(after: ff)...])
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "---" || trimmed == "***" || trimmed == "___" {
                markdownSignals += 1
                flush()
                continue
            }
            if trimmed.hasPrefix("#") || trimmed.contains("**") { markdownSignals += 1 }
            let cells = line.contains("\t") ? line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) } : nil
            current.append(SourceLine(text: line, page: pages.count + 1, line: lineNumber, cells: cells))
        }
        flush()
        let isMarkdown = ext == "md" || ext == "markdown" || markdownSignals >= 3
        let nonBlank = pages.reduce(0) { $0 + $1.lines.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }.count }
        if nonBlank == 0 { throw .noText(path: path, detail: "the file holds only whitespace") }
        return SourceDocument(path: path, format: isMarkdown ? .markdown : .text, pages: pages)
    }
}
