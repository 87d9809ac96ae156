import NianbaoModel
import RuleFiles

/// Turns a reader's lines into blocks: Markdown markup stripped, footnote markers dropped, footnote bodies
/// moved out of the running text, hard-wrapped lines and paragraphs split by page breaks rejoined.
/// Every block keeps `LineSpan`s back to the source lines it came from.
public struct TextCleaner: Sendable {
    /// Named parts and note openers (`rules/documents.yaml`).
    public var words: DocumentWords

    public init(words: DocumentWords = .shipped) {
        self.words = words
    }

    public func clean(_ document: SourceDocument) -> CleanDocument {
        var lines = document.pages.flatMap(\.lines).parallelMap { PinyinResidue.removing(from: normalise($0)) }
        keepContinuationRows(&lines, original: document.pages.flatMap(\.lines))
        let classified = FootnoteFinder.classify(lines, words: words)
        let wrapWidth = WrapDetector.wrapWidth(of: classified.compactMap { $0.kind == .text ? $0.line : nil })
        var joiner = ParagraphJoiner(wrapWidth: wrapWidth, words: words, layoutHints: document.format == .pdf || document.format == .html)
        var footnotes: [Block] = []
        for item in classified {
            switch item.kind {
            case .blank: joiner.blank()
            case .marker: joiner.marker()
            case .footnote:
                footnotes.append(Block(kind: .footnote, text: item.line.text,
                                       spans: [LineSpan(offset: 0, location: location(item.line))]))
            case .text: joiner.add(item.line)
            }
        }
        var blocks = joiner.finish()
        let footnoteNumbers = Set(classified.compactMap(\.footnoteNumber))
        if !footnoteNumbers.isEmpty {
            for i in blocks.indices where blocks[i].kind == .paragraph {
                FootnoteFinder.removeInlineMarkers(in: &blocks[i], numbers: footnoteNumbers)
            }
        }
        var clean = CleanDocument(source: document, blocks: blocks, footnotes: footnotes)
        ScriptNormaliser().normalise(&clean)
        return clean
    }

    /// A row whose first cell is empty (`\t2 学校名\t`) continues the table above it, even with one filled cell.
    func keepContinuationRows(_ lines: inout [SourceLine], original: [SourceLine]) {
        var previousWasRow = false
        for i in lines.indices {
            if lines[i].text.isEmpty && lines[i].cells == nil { continue }
            if lines[i].cells == nil, previousWasRow, let cells = original[i].cells, cells.count >= 2,
               cells[0].trimmingCharacters(in: .whitespaces).isEmpty {
                var kept = cells.map { $0.trimmingCharacters(in: .whitespacesIncludingIdeographic) }
                while kept.last == "" { kept.removeLast() }
                lines[i].cells = kept
                lines[i].text = kept.joined(separator: "\t")
            }
            // A short line between two table rows is a row whose other cells are empty (`2 上海市群星职业技术学校`).
            // Never a caption or heading (`表 2 …` right after a table), and only between adjacent rows.
            if lines[i].cells == nil, previousWasRow, i > 0, lines[i - 1].cells != nil, i + 1 < lines.count,
               lines[i + 1].cells != nil, lines[i].text.count <= 40, !LineShape.endsSentence(lines[i].text),
               !isCaption(lines[i].text) {
                lines[i].cells = [lines[i].text]
            }
            previousWasRow = lines[i].cells != nil
        }
    }

    func isCaption(_ text: String) -> Bool {
        guard let shape = HeadingShape.parse(text, words: words) else { return false }
        return [.table, .figure, .caseLabel, .appendix, .named].contains(shape.scheme)
    }

    func location(_ line: SourceLine) -> SourceLocation { SourceLocation(page: line.page, line: line.line) }

    /// Trims surrounding whitespace. The Markdown reader removes markup itself; what a plain-text export
    /// still carries (a `# ` heading, `**` emphasis) goes here, a `#` heading's depth kept as a hint.
    func normalise(_ line: SourceLine) -> SourceLine {
        var out = line
        var text = line.text.trimmingWhitespaceIncludingIdeographic()
        if text.hasPrefix("#") || text.containsLiteral("**") {
            if text.hasPrefix("#") {
                let hashes = text.prefix(while: { $0 == "#" }).count
                if hashes <= 6 {
                    let rest = text.dropFirst(hashes)
                    if rest.isEmpty || rest.first == " " || rest.first == "\t" {
                        out.markupHeadingLevel = hashes
                        text = rest.trimmingWhitespaceIncludingIdeographic()
                    }
                }
            }
            if text.containsLiteral("**") {
                let stripped = text.replacingOccurrences(of: "**", with: "")
                if text.hasPrefix("**") { out.isBold = true }
                text = stripped.trimmingWhitespaceIncludingIdeographic()
            }
            if text.hasPrefix("> ") { text = String(text.dropFirst(2)) }
        }
        out.text = text
        if let cells = line.cells {
            // Every cell of every table row: the NSString bridge is asked only of a cell holding `**`.
            var cleaned = cells.map {
                ($0.containsLiteral("**") ? $0.replacingOccurrences(of: "**", with: "") : $0)
                    .trimmingWhitespaceIncludingIdeographic()
            }
            var locations = line.cellLocations
            while cleaned.last == "" { cleaned.removeLast(); locations?.removeLast() }
            // A row the reader recognised as part of a table stays one, even with a single filled cell
            // (a category row such as `一、高等教育`); a stray tab in running text does not make a row.
            let keep = line.cellLocations != nil ? !cleaned.isEmpty : cleaned.filter { !$0.isEmpty }.count >= 2
            out.cells = keep ? cleaned : nil
            out.cellLocations = keep ? locations : nil
            if out.cells == nil { out.text = cleaned.filter { !$0.isEmpty }.joined(separator: " ") }
        }
        return out
    }
}

extension CharacterSet {
    /// Whitespace plus the ideographic space U+3000 and the BOM, which exports leave at line starts.
    static let whitespacesIncludingIdeographic: CharacterSet = {
        var set = CharacterSet.whitespacesAndNewlines
        set.insert(charactersIn: "\u{3000}\u{FEFF}\u{00A0}")
        return set
    }()
}

import Foundation
