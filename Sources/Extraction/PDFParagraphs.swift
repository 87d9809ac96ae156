import Foundation
import NianbaoModel

/// Marks where paragraphs start and turns layout lines into `SourceLine`s.
///
/// A line starts a block after a wider-than-usual vertical gap, when it is indented from its column's left
/// edge (first-line indent, centred captions), when the line before it ended short of the right edge (a
/// paragraph's last line), at a change of font size or weight, and around table rows. The test runs across
/// page breaks (the first line of a page is compared with the last body line of the page before), so a
/// paragraph continued on the next page is not split.
enum PDFParagraphs {
    static func sourcePages(from pageLines: [[PDFLayoutLine]], boldFonts: Set<Int>) -> [SourcePage] {
        let usualGap = usualLineGap(pageLines)
        var pages: [SourcePage] = []
        var previous: PDFLayoutLine?
        var previousPage = 0
        for (index, lines) in pageLines.enumerated() {
            let number = index + 1
            var sourceLines: [SourceLine] = []
            sourceLines.reserveCapacity(lines.count)
            for line in lines {
                let isBold = boldFonts.contains(line.fontIndex)
                let starts = startsBlock(line, isBold: isBold, after: previous,
                                         previousIsBold: previous.map { boldFonts.contains($0.fontIndex) } ?? false,
                                         samePage: previousPage == number, usualGap: usualGap)
                sourceLines.append(SourceLine(text: line.text, page: number, line: sourceLines.count + 1,
                                              fontSize: (line.fontSize * 100).rounded() / 100, isBold: isBold,
                                              x: (line.minX * 10).rounded() / 10, y: (line.minY * 10).rounded() / 10,
                                              cells: line.cells, startsBlock: starts))
                previous = line
                previousPage = number
            }
            pages.append(SourcePage(number: number, lines: sourceLines))
        }
        return pages
    }

    static func startsBlock(_ line: PDFLayoutLine, isBold: Bool, after previous: PDFLayoutLine?, previousIsBold: Bool,
                            samePage: Bool, usualGap: Double) -> Bool {
        guard let previous else { return true }
        let em = max(line.fontSize, 1)
        if line.cells != nil || previous.cells != nil { return true }
        if abs(line.fontSize - previous.fontSize) > 0.1 * em || isBold != previousIsBold { return true }
        if line.minX > line.columnLeft + 1.0 * em { return true }
        if previous.maxX < previous.columnRight - 1.5 * em { return true }
        if samePage && line.columnIndex == previous.columnIndex {
            let gap = line.minY - previous.maxY
            if gap > usualGap + 0.5 * em { return true }
        }
        return false
    }

    /// The most common gap between consecutive lines of one column (rounded to half a point).
    static func usualLineGap(_ pageLines: [[PDFLayoutLine]]) -> Double {
        var counts: [Int: Int] = [:]
        for lines in pageLines {
            for (before, after) in zip(lines, lines.dropFirst()) where before.columnIndex == after.columnIndex {
                let gap = after.minY - before.maxY
                guard gap >= 0, gap < 3 * max(after.fontSize, 1) else { continue }
                counts[Int((gap * 2).rounded()), default: 0] += 1
            }
        }
        guard let mode = counts.max(by: { $0.value < $1.value }) else { return 0 }
        return Double(mode.key) / 2
    }
}
