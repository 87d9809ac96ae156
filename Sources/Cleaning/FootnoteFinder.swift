import Foundation
import NianbaoModel

/// Footnotes in text exports: reference numbers standing alone on a line (`2`), and footnote bodies,
/// a number line followed at once by the note (`1` / `数据来源：…`) or a line opening with `注：`.
enum FootnoteFinder {
    enum Kind { case blank, marker, footnote, text }

    struct Item {
        var kind: Kind
        var line: SourceLine
        /// The footnote number a body carries.
        var footnoteNumber: Int?
    }

    static func classify(_ lines: [SourceLine], words: DocumentWords) -> [Item] {
        var items: [Item] = []
        items.reserveCapacity(lines.count)
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let text = line.text
            if text.isEmpty && line.cells == nil {
                items.append(Item(kind: .blank, line: line))
                i += 1
                continue
            }
            if line.cells == nil, let number = standaloneNumber(text) {
                // A number line directly followed by a note body is that note's label.
                if i + 1 < lines.count, !lines[i + 1].text.isEmpty, lines[i + 1].cells == nil,
                   isFootnoteBody(lines[i + 1].text, words: words), lines[i + 1].line == line.line + 1 {
                    var body = lines[i + 1]
                    body.text = "\(number) \(body.text)"
                    items.append(Item(kind: .footnote, line: body, footnoteNumber: number))
                    i += 2
                    continue
                }
                items.append(Item(kind: .marker, line: line))
                i += 1
                continue
            }
            if line.cells == nil, text.hasPrefix("注：") || text.hasPrefix("注:") {
                if text.contains("参见") || text.contains("来源") {
                    items.append(Item(kind: .footnote, line: line))
                    i += 1
                    continue
                }
            }
            items.append(Item(kind: .text, line: line))
            i += 1
        }
        return items
    }

    /// `2`, `12`, `①`: a footnote reference or a stray page number.
    static func standaloneNumber(_ text: String) -> Int? {
        if text.hasAtMostCharacters(3), text.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(text) { return n }
        if text.hasAtMostCharacters(1), !text.isEmpty, let scalar = text.unicodeScalars.first, (0x2460...0x2473).contains(scalar.value) {
            return Int(scalar.value - 0x2460 + 1)
        }
        return nil
    }

    /// A note's body: one of `words.noteOpeners` opens it, or it is a complete sentence or citation.
    static func isFootnoteBody(_ text: String, words: DocumentWords) -> Bool {
        guard let first = text.first, !LineShape.continuationStarts.contains(first) else { return false }
        if words.noteOpeners.contains(where: { text.hasPrefix($0) }) { return true }
        // A complete sentence (or a source citation) rather than the rest of a wrapped line.
        return text.count >= 12 && (LineShape.endsSentence(text) || text.hasSuffix("）") || text.hasSuffix("》"))
            && HeadingShape.parse(text, words: words) == nil
    }

    /// Removes reference numbers glued into the text (`数据显示1，2019 年`) for notes that exist.
    static func removeInlineMarkers(in block: inout Block, numbers: Set<Int>) {
        let chars = Array(block.text)
        var removals: [Range<Int>] = []
        var i = 1
        while i < chars.count {
            if chars[i].isASCII, chars[i].isNumber, isIdeograph(chars[i - 1]) {
                var j = i
                while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
                if j - i <= 2, j < chars.count, "，。；、：".contains(chars[j]),
                   let n = Int(String(chars[i..<j])), numbers.contains(n) {
                    removals.append(i..<j)
                }
                i = j
            } else {
                i += 1
            }
        }
        guard !removals.isEmpty else { return }
        var text = chars
        var spans = block.spans
        for range in removals.reversed() {
            text.removeSubrange(range)
            for k in spans.indices where spans[k].offset >= range.upperBound { spans[k].offset -= range.count }
        }
        block.text = String(text)
        block.spans = spans
    }

    static func isIdeograph(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return (0x4E00...0x9FFF).contains(s.value)
    }
}
