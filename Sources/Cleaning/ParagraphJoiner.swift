import NianbaoModel

/// Finds the wrap width of a hard-wrapped export: most body lines end within a few columns of it.
enum WrapDetector {
    /// The wrap width in display columns, or nil when lines are not hard-wrapped.
    static func wrapWidth(of lines: [SourceLine]) -> Int? {
        let widths = lines.filter { $0.cells == nil }.map { LineShape.width($0.text) }
        guard widths.count >= 40 else { return nil }
        let sorted = widths.sorted()
        let p95 = sorted[Int(Double(sorted.count - 1) * 0.95)]
        guard p95 <= 140 else { return nil }
        let near = widths.filter { $0 >= p95 - p95 / 8 && $0 <= p95 + 6 }.count
        return Double(near) / Double(widths.count) >= 0.35 ? p95 : nil
    }
}

/// Rejoins lines into paragraphs: hard-wrapped lines, and paragraphs broken by a page break
/// (a line ending mid-sentence, blank lines or a page separator, then its continuation).
struct ParagraphJoiner {
    let wrapWidth: Int?
    /// PDF and HTML readers mark paragraph starts themselves (`startsBlock`).
    let layoutHints: Bool
    /// Lines that alone open an unnumbered part (`前言`): a heading, never a wrapped line's rest.
    let words: DocumentWords
    var blocks: [Block] = []
    var current: Block?
    /// `current.text.count`, kept as lines are appended.
    var currentCount = 0
    var currentLastLine: SourceLine?
    var blanksSinceCurrent = 0

    init(wrapWidth: Int?, words: DocumentWords, layoutHints: Bool) {
        self.wrapWidth = wrapWidth
        self.words = words
        self.layoutHints = layoutHints
    }

    mutating func blank() { blanksSinceCurrent += 1 }
    /// A footnote reference line inside a wrapped sentence: neither text nor a break.
    mutating func marker() {}

    mutating func add(_ line: SourceLine) {
        let location = SourceLocation(page: line.page, line: line.line)
        if let cells = line.cells {
            flush()
            let cellLocations = line.cellLocations ?? Array(repeating: location, count: cells.count)
            blocks.append(Block(kind: .tableRow, text: cells.joined(separator: "\t"),
                                spans: Self.rowSpans(cells: cells, locations: cellLocations, start: location), cells: cells,
                                fontSize: line.fontSize, isBold: line.isBold, cellLocations: cellLocations))
            return
        }
        if var paragraph = current, let previous = currentLastLine, continues(previous, with: line) {
            let glue = needsSpace(paragraph.text, line.text) ? " " : ""
            currentCount = paragraph.text.characterCount(appending: glue, count: currentCount)
            paragraph.text += glue
            paragraph.spans.append(LineSpan(offset: currentCount, location: location))
            currentCount = paragraph.text.characterCount(appending: line.text, count: currentCount)
            paragraph.text += line.text
            current = paragraph
            currentLastLine = line
            blanksSinceCurrent = 0
            return
        }
        flush()
        currentCount = line.text.count
        current = Block(kind: .paragraph, text: line.text, spans: [LineSpan(offset: 0, location: location)],
                        fontSize: line.fontSize, isBold: line.isBold, markupHeadingLevel: line.markupHeadingLevel)
        currentLastLine = line
        blanksSinceCurrent = 0
    }

    /// A row's spans: one where a cell starts on another line than the cell before it (a table printed one
    /// cell per line), so every character of the row's text maps to its line.
    static func rowSpans(cells: [String], locations: [SourceLocation], start: SourceLocation) -> [LineSpan] {
        var spans = [LineSpan(offset: 0, location: locations.first ?? start)]
        var offset = 0
        for (cell, location) in zip(cells, locations) {
            if location != spans[spans.count - 1].location { spans.append(LineSpan(offset: offset, location: location)) }
            offset += cell.count + 1
        }
        return spans
    }

    mutating func flush() {
        if let paragraph = current { blocks.append(paragraph) }
        current = nil
        currentLastLine = nil
    }

    mutating func finish() -> [Block] {
        flush()
        return blocks
    }

    func isHeadingLike(_ line: SourceLine) -> Bool {
        if line.markupHeadingLevel != nil { return true }
        let text = line.text
        // A heading never holds a full stop: `1. 坚持立德树人。全面贯彻…` opens a paragraph.
        guard text.hasAtMostCharacters(60), !LineShape.endsSentence(text), !text.containsLiteral("。") else { return false }
        guard let shape = HeadingShape.parse(text, words: words) else { return false }
        return shape.scheme != .named || text.hasAtMostCharacters(6)
    }

    /// `3.3 教师培养培训`, `案例 9 …`: shapes a wrapped body line practically never starts with.
    func isStrongHeading(_ line: SourceLine) -> Bool {
        guard isHeadingLike(line), let shape = HeadingShape.parse(line.text, words: words) else { return false }
        switch shape.scheme {
        case .decimal: return shape.components.count >= 2
        case .caseLabel: return true
        default: return false
        }
    }

    func continues(_ previous: SourceLine, with next: SourceLine) -> Bool {
        guard let first = next.text.first else { return false }
        if LineShape.isDateline(previous.text) || LineShape.isDateline(next.text)
            || LineShape.endsWithBracketedYear(previous.text) || LineShape.isKeyValueLine(previous.text)
            || LineShape.opensWithKeyValue(next.text) { return false }
        if LineShape.continuationStarts.contains(first) && !isHeadingLike(previous) { return true }
        if layoutHints {
            return !next.startsBlock && !isHeadingLike(next) && !isHeadingLike(previous)
        }
        if isHeadingLike(previous) || previous.markupHeadingLevel != nil || next.markupHeadingLevel != nil { return false }
        let previousEnds = LineShape.endsSentence(previous.text)
        if let wrap = wrapWidth {
            // Digits and Latin letters are narrower in print than in columns: "full" is generous.
            let full = LineShape.width(previous.text) * 4 >= wrap * 3
            if isStrongHeading(next) { return false }
            if full && !previousEnds { return true }
            if isHeadingLike(next) { return false }
            // A fragment left by a footnote marker (`，2020 年，71 所全日制`) goes on; otherwise a short line
            // without a full stop ends its block: a caption, or a paragraph's last line.
            if let start = previous.text.first, LineShape.continuationStarts.contains(start), !previousEnds { return true }
            return false
        }
        // Not wrapped: one line is one paragraph, unless a page break cut a sentence.
        if previousEnds || isHeadingLike(next) { return false }
        if blanksSinceCurrent > 4 { return false }
        return LineShape.width(previous.text) >= 40 && !previous.text.hasSuffix("：") && !previous.text.hasSuffix(":")
    }

    func needsSpace(_ left: String, _ right: String) -> Bool {
        guard let a = left.last, let b = right.first else { return false }
        guard a.isASCII && b.isASCII && (a.isLetter || a.isNumber) && (b.isLetter || b.isNumber) else { return false }
        // A number cut by the wrap in Chinese text (`。202` / `1届`) is one number again.
        if a.isNumber && b.isNumber, let before = left.last(where: { !$0.isNumber && $0 != "." }), !before.isASCII {
            return false
        }
        return true
    }
}
