import Foundation
import NianbaoModel

/// What the text and Markdown readers share: decoding the bytes and cutting the text into pages of lines.
/// Pages are separated by form feeds and by `---`, `***` or `___` alone on a line; each line keeps its
/// 1-based line number in the file (the data contract's provenance for text inputs).
struct TextFile {
    var pages: [[SourceLine]]
    /// Page separators seen (a Markdown export's `---` between pages).
    var ruleLines: Int

    init(path: String, data: Data, words: DocumentWords) throws(ReadError) {
        guard !data.isEmpty else { throw .empty(path: path) }
        let text: String
        switch TextDecoding.decode(data) {
        case .success(let (decoded, _)): text = decoded
        case .failure(.binary): throw .binaryContent(path: path)
        case .failure(.undecodable(let detail)): throw .undecodable(path: path, detail: detail)
        }
        let rawLines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        var pages: [[SourceLine]] = []
        var current: [SourceLine] = []
        var rules = 0
        for (index, raw) in rawLines.enumerated() {
            var line = String(raw)
            let lineNumber = index + 1
            // A form feed starts a new page wherever it stands.
            while let ff = line.firstIndex(of: "\u{0C}") {
                let before = String(line[..<ff])
                if !before.trimmingCharacters(in: .whitespaces).isEmpty {
                    current.append(SourceLine(text: before, page: pages.count + 1, line: lineNumber))
                }
                pages.append(current)
                current = []
                line = String(line[line.index(after: ff)...])
            }
            if Self.isPageRule(line) {
                rules += 1
                pages.append(current)
                current = []
                continue
            }
            current.append(SourceLine(text: line, page: pages.count + 1, line: lineNumber))
        }
        pages.append(current)
        let nonBlank = pages.reduce(0) { $0 + $1.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }.count }
        if nonBlank == 0 { throw .noText(path: path, detail: "the file holds only whitespace") }
        // Pages split by form feeds are a PDF's pages: their running headers and page numbers go.
        self.pages = pages.count >= TextPageFurniture.minimumPages && text.contains("\u{0C}")
            ? TextPageFurniture.removing(from: pages, pageNumberForms: words.pageNumberForms) : pages
        ruleLines = rules
    }

    static func isPageRule(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed == "---" || trimmed == "***" || trimmed == "___"
    }

    func document(path: String, format: SourceFormat) -> SourceDocument {
        SourceDocument(path: path, format: format,
                       pages: pages.enumerated().map { SourcePage(number: $0.offset + 1, lines: $0.element) })
    }
}
