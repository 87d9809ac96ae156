import Foundation

/// A line rebuilt from glyph boxes, with the geometry later passes need (header bands, paragraph breaks).
struct PDFLayoutLine: Sendable {
    var text: String
    var cells: [String]?
    /// Horizontal extent of each cell, when the line is a table row.
    var cellBounds: [(minX: Double, maxX: Double)]?
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double
    /// Bottom of the line's main-size glyphs, standing in for the baseline.
    var baseline: Double
    /// Size and font of most glyphs on the line.
    var fontSize: Double
    var fontIndex: Int
    var glyphCount: Int
    /// Left and right edge of the text column the line sits in (for indents and short last lines).
    var columnLeft: Double
    var columnRight: Double
    /// Top of the column's first line sits higher than this line: used for the block gap test.
    var columnIndex: Int
}

/// Rebuilds lines from glyph boxes: groups glyphs by vertical position, orders them by x, rebuilds spaces
/// (none between CJK characters), splits table cells at wide gaps, drops raised footnote markers, and reads
/// two-column pages column by column.
struct PDFLineBuilder: Sendable {
    /// A horizontal gap this many font sizes wide separates table cells (ruled tables pad cells on both sides).
    var cellGapInEms = 1.0
    /// The widest gap between the single characters of a letter-spaced label (`合　　计`), in font sizes.
    var letterSpacingInEms = 2.2
    /// A gap this many font sizes wide becomes a space between non-CJK characters.
    var spaceGapInEms = 0.2
    /// Openings of a caption (`表`, `附表`): `表2　各市…` is a caption's number and title, not two cells.
    var captionOpeners: [String] = []

    func lines(of printed: PDFPageGlyphs) -> [PDFLayoutLine] {
        guard !printed.glyphs.isEmpty else { return [] }
        let page = printed.sizedByTheirWidths()
        let groups = columnGroups(of: page)
        var result: [PDFLayoutLine] = []
        for (index, group) in groups.enumerated() {
            var groupLines = clusterLines(group).map { buildLine(from: $0, column: index) }.map(joiningCaptionNumber)
            groupLines.sort { ($0.baseline, $0.minX) < ($1.baseline, $1.minX) }
            groupLines = PDFTableRows.alignColumns(PDFTableRows.mergeWrappedCells(groupLines))
            groupLines = Self.footnotesAfterBody(groupLines)
            assignColumnEdges(&groupLines)
            result.append(contentsOf: groupLines)
        }
        return result
    }

    /// A caption's number and its title apart by a wide space (`表2　各市（州）…`) are one line of text.
    func joiningCaptionNumber(_ line: PDFLayoutLine) -> PDFLayoutLine {
        guard let cells = line.cells, cells.count == 2, let number = cells.first,
              let opener = captionOpeners.first(where: { number.hasPrefix($0) }),
              !number.dropFirst(opener.count).isEmpty,
              number.dropFirst(opener.count).allSatisfy({ $0.isNumber || "-.．—－".contains($0) }) else { return line }
        var joined = line
        joined.cells = nil
        joined.cellBounds = nil
        joined.text = cells.joined(separator: " ")
        return joined
    }

    /// When body text runs into the page-bottom footnotes, lines sorted by position interleave the two;
    /// keep the body lines first and the footnote block after them, as they were written.
    static func footnotesAfterBody(_ lines: [PDFLayoutLine]) -> [PDFLayoutLine] {
        guard lines.count > 2 else { return lines }
        var glyphsBySize: [Double: Int] = [:]
        for line in lines { glyphsBySize[(line.fontSize * 2).rounded() / 2, default: 0] += line.glyphCount }
        guard let bodySize = glyphsBySize.max(by: { $0.value < $1.value })?.key else { return lines }
        let isSmall = { (line: PDFLayoutLine) in line.fontSize < bodySize * 0.9 }
        let pageMiddle = (lines.first!.minY + lines.map(\.maxY).max()!) / 2
        guard let start = lines.indices.first(where: { index in
            let line = lines[index]
            guard isSmall(line), line.minY > pageMiddle, let first = line.text.unicodeScalars.first else { return false }
            return PDFLineBuilder.isFootnoteMark(first) || first == "注" || (0x2460...0x2473).contains(first.value)
        }) else { return lines }
        var block: [PDFLayoutLine] = [lines[start]]
        var movedBody: [PDFLayoutLine] = []
        var pendingBody: [PDFLayoutLine] = []
        var blockBottom = lines[start].maxY
        var index = start + 1
        while index < lines.count {
            let line = lines[index]
            if isSmall(line) {
                guard line.minY - blockBottom < 1.5 * max(line.fontSize, 1) else { break }
                movedBody += pendingBody; pendingBody = []
                block.append(line)
                blockBottom = max(blockBottom, line.maxY)
            } else {
                // A body line inside the footnote block's span overlaps it: it belongs before the block.
                guard line.minY < blockBottom + 0.5 * bodySize else { break }
                pendingBody.append(line)
            }
            index += 1
        }
        guard !movedBody.isEmpty else { return lines }
        return Array(lines[..<start]) + movedBody + block + pendingBody + Array(lines[index...])
    }

    // MARK: Columns

    /// Splits a page into reading groups: one group for a one-column page; for a two-column page the lines
    /// above the columns, the left column, the right column, then the lines below.
    private func columnGroups(of page: PDFPageGlyphs) -> [[PDFGlyph]] {
        guard page.width > 0, let gutter = findGutter(page) else { return [page.glyphs] }
        // Glyphs that cross the gutter belong to full-width lines above or below the columns.
        let crossing = page.glyphs.filter { $0.minX < gutter.lower && $0.maxX > gutter.upper }
        let columnTop = crossing.filter { $0.midY < page.height / 2 }.map(\.maxY).max() ?? -1
        let columnBottom = crossing.filter { $0.midY >= page.height / 2 }.map(\.minY).min() ?? .infinity
        var above: [PDFGlyph] = [], left: [PDFGlyph] = [], right: [PDFGlyph] = [], below: [PDFGlyph] = []
        for glyph in page.glyphs {
            // Running headers and footers sit in the bands and stay whole even when no glyph crosses the gutter.
            if glyph.midY <= max(columnTop, page.height * 0.1) { above.append(glyph) }
            else if glyph.midY >= min(columnBottom, page.height * 0.9) { below.append(glyph) }
            else if glyph.maxX <= gutter.upper { left.append(glyph) }
            else { right.append(glyph) }
        }
        return [above, left, right, below].filter { !$0.isEmpty }
    }

    /// A vertical strip near the middle of the page that no body glyph crosses, with prose-like columns
    /// on both sides (most left-column lines run up to the gutter, unlike table cells).
    private func findGutter(_ page: PDFPageGlyphs) -> (lower: Double, upper: Double)? {
        let bandTop = page.height * 0.1, bandBottom = page.height * 0.9
        let body = page.glyphs.filter { $0.midY > bandTop && $0.midY < bandBottom }
        guard body.count > 200 else { return nil }
        let width = Int(page.width.rounded(.up)) + 1
        var coverage = [Int](repeating: 0, count: width)
        for glyph in body {
            let from = max(0, Int(glyph.minX)), to = min(width - 1, Int(glyph.maxX))
            if from <= to { for x in from...to { coverage[x] += 1 } }
        }
        let sizes = body.map(\.fontSize).sorted()
        let typicalSize = max(sizes[sizes.count / 2], 6)
        var best: (lower: Int, upper: Int)?
        var runStart: Int?
        let searchFrom = Int(page.width * 0.3), searchTo = Int(page.width * 0.7)
        for x in searchFrom...min(searchTo, width - 1) {
            if coverage[x] == 0 {
                if runStart == nil { runStart = x }
            } else if let start = runStart {
                if best == nil || x - start > best!.upper - best!.lower { best = (start, x) }
                runStart = nil
            }
        }
        if let start = runStart, best == nil || searchTo - start > best!.upper - best!.lower { best = (start, searchTo) }
        guard let strip = best, Double(strip.upper - strip.lower) >= typicalSize * 0.8 else { return nil }
        let lower = Double(strip.lower), upper = Double(strip.upper)
        let leftGlyphs = body.filter { $0.maxX <= lower + 1 }
        let rightGlyphs = body.filter { $0.minX >= upper - 1 }
        guard leftGlyphs.count > body.count / 5, rightGlyphs.count > body.count / 5 else { return nil }
        let leftLines = clusterLines(leftGlyphs).filter { $0.count >= 4 }
        let rightLines = clusterLines(rightGlyphs).filter { $0.count >= 4 }
        guard leftLines.count >= 5, rightLines.count >= 5 else { return nil }
        let filledToGutter = leftLines.filter { line in
            (line.map(\.maxX).max() ?? 0) > lower - 3 * typicalSize
        }.count
        guard filledToGutter * 2 >= leftLines.count else { return nil }
        // Prose columns are runs of text; a table split at a wide column gap has gaps inside its "lines" too.
        let proseLines = (leftLines + rightLines).filter { line in
            let sorted = line.sorted { $0.minX < $1.minX }
            let widestGap = zip(sorted, sorted.dropFirst()).map { $1.minX - $0.maxX }.max() ?? 0
            return widestGap < typicalSize * cellGapInEms && line.count >= 8
        }.count
        guard Double(proseLines) >= 0.7 * Double(leftLines.count + rightLines.count) else { return nil }
        return (lower, upper)
    }

    // MARK: Lines

    /// Groups glyphs into lines. Sorted by vertical centre, a glyph joins an open line of a similar font size
    /// when its centre lies within the line's vertical span or its own span covers the line's centre. Lines of
    /// different sizes may overlap (body text running into a footnote), so several lines stay open at once.
    /// A few small glyphs left on their own (raised footnote markers) then join the line they sit on.
    func clusterLines(_ glyphs: [PDFGlyph]) -> [[PDFGlyph]] {
        struct OpenLine { var glyphs: [PDFGlyph]; var top: Double; var bottom: Double; var size: Double }
        let sorted = glyphs.sorted { $0.midY < $1.midY }
        var open: [OpenLine] = []
        var closed: [OpenLine] = []
        for glyph in sorted {
            // Lines entirely above this glyph's centre can take no more glyphs.
            var index = 0
            while index < open.count {
                if open[index].bottom < glyph.minY { closed.append(open.remove(at: index)) } else { index += 1 }
            }
            let match = open.firstIndex { line in
                let centre = (line.top + line.bottom) / 2
                let sizeFits = abs(glyph.fontSize - line.size) <= 0.15 * max(glyph.fontSize, line.size)
                let overlaps = (glyph.midY >= line.top && glyph.midY <= line.bottom)
                    || (glyph.minY <= centre && glyph.maxY >= centre)
                return sizeFits && overlaps
            }
            if let match {
                open[match].glyphs.append(glyph)
                open[match].top = min(open[match].top, glyph.minY)
                open[match].bottom = max(open[match].bottom, glyph.maxY)
            } else {
                open.append(OpenLine(glyphs: [glyph], top: glyph.minY, bottom: glyph.maxY, size: glyph.fontSize))
            }
        }
        closed.append(contentsOf: open)
        // Markers: a short run of small glyphs inside the vertical span of a line of bigger text joins it.
        var lines = closed.filter { !$0.glyphs.isEmpty }
        var mergedAway = [Bool](repeating: false, count: lines.count)
        for small in lines.indices where lines[small].glyphs.count <= 3 {
            let marker = lines[small]
            let midY = (marker.top + marker.bottom) / 2
            // Of the lines it could sit on, the one with a glyph nearest to it horizontally.
            let candidates = lines.indices.filter { candidate in
                candidate != small && !mergedAway[candidate] && lines[candidate].size * 0.9 > marker.size
                    && ((midY >= lines[candidate].top && midY <= lines[candidate].bottom)
                        || (marker.bottom > lines[candidate].top && marker.bottom <= lines[candidate].bottom))
            }
            let markerLeft = marker.glyphs.map(\.minX).min() ?? 0
            let markerRight = marker.glyphs.map(\.maxX).max() ?? 0
            func distance(_ candidate: Int) -> Double {
                lines[candidate].glyphs.map { g in max(0, max(g.minX - markerRight, markerLeft - g.maxX)) }.min() ?? .infinity
            }
            let host = candidates.min { distance($0) < distance($1) }.flatMap { distance($0) <= 2 * max(marker.size, 1) ? $0 : nil }
            if let host {
                lines[host].glyphs.append(contentsOf: marker.glyphs)
                mergedAway[small] = true
            }
        }
        return lines.indices.filter { !mergedAway[$0] }.map { lines[$0].glyphs }
    }

    private func buildLine(from unsorted: [PDFGlyph], column: Int) -> PDFLayoutLine {
        let glyphs = unsorted.sorted { $0.minX < $1.minX }
        let (mainSize, mainFont) = dominantFont(glyphs)
        let mainGlyphBottoms = glyphs.filter { abs($0.fontSize - mainSize) < 0.01 }.map(\.maxY).sorted()
        let baseline = mainGlyphBottoms.isEmpty ? glyphs[0].maxY : mainGlyphBottoms[mainGlyphBottoms.count / 2]
        let em = max(mainSize, 1)

        var cells: [String] = []
        var bounds: [(minX: Double, maxX: Double)] = []
        var cellStart = glyphs[0].minX
        var cell = String.UnicodeScalarView()
        var previous: PDFGlyph?
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        var kept = 0
        for (position, glyph) in glyphs.enumerated() {
            // A small raised digit or mark after body text is a footnote reference, not text.
            if position > 0, glyph.fontSize < mainSize * 0.9, glyph.maxY < baseline - 0.2 * em,
               Self.isFootnoteMark(glyph.scalar) {
                continue
            }
            if let before = previous {
                let gap = glyph.minX - before.maxX
                // A label spaced out letter by letter (`总　计`, `项　目`) is one cell.
                let letterSpaced = cell.count == 1 && Self.isCJK(before.scalar) && Self.isCJK(glyph.scalar)
                    && gap <= letterSpacingInEms * em
                if gap > cellGapInEms * em && !letterSpaced {
                    cells.append(String(cell)); cell = String.UnicodeScalarView()
                    bounds.append((cellStart, before.maxX)); cellStart = glyph.minX
                } else if gap > spaceGapInEms * em && !(Self.isCJK(before.scalar) && Self.isCJK(glyph.scalar)) {
                    cell.append(" ")
                }
            }
            cell.append(glyph.scalar)
            previous = glyph
            kept += 1
            minX = min(minX, glyph.minX); maxX = max(maxX, glyph.maxX)
            minY = min(minY, glyph.minY); maxY = max(maxY, glyph.maxY)
        }
        cells.append(String(cell))
        bounds.append((cellStart, previous?.maxX ?? cellStart))
        let isRow = cells.count > 1
        return PDFLayoutLine(text: isRow ? cells.joined(separator: "\t") : cells[0], cells: isRow ? cells : nil,
                             cellBounds: isRow ? bounds : nil,
                             minX: minX, minY: minY, maxX: maxX, maxY: maxY, baseline: baseline,
                             fontSize: mainSize, fontIndex: mainFont, glyphCount: kept,
                             columnLeft: minX, columnRight: maxX, columnIndex: column)
    }

    /// Left and right edges of a column: where its longer lines start and end.
    private func assignColumnEdges(_ lines: inout [PDFLayoutLine]) {
        let long = lines.filter { $0.glyphCount >= 8 && $0.cells == nil }
        let source = long.isEmpty ? lines : long
        guard let left = source.map(\.minX).min(), let right = source.map(\.maxX).max() else { return }
        for index in lines.indices {
            lines[index].columnLeft = left
            lines[index].columnRight = right
        }
    }

    private func dominantFont(_ glyphs: [PDFGlyph]) -> (size: Double, font: Int) {
        var counts: [(size: Double, font: Int, count: Int)] = []
        for glyph in glyphs {
            if let index = counts.firstIndex(where: { abs($0.size - glyph.fontSize) < 0.01 && $0.font == glyph.fontIndex }) {
                counts[index].count += 1
            } else {
                counts.append((glyph.fontSize, glyph.fontIndex, 1))
            }
        }
        let best = counts.max { $0.count < $1.count }!
        return (best.size, best.font)
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x312F, 0x3190...0x31FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF,
             0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }

    static func isFootnoteMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0xFF10...0xFF19, 0x2A, 0x2020, 0x2021, 0x00B9, 0x00B2, 0x00B3, 0x2070...0x2079,
             0x2460...0x2473, 0x5B, 0x5D, 0x2C:
            return true
        default:
            return false
        }
    }
}

extension PDFPageGlyphs {
    /// Fewest ideographs on a page to measure its glyphs' size by.
    static let ideographsToMeasure = 5
    /// An ideograph is one em wide; a page whose ideographs are much narrower than their stated size states it
    /// before a scaling text matrix (browsers' print-to-PDF: size 24 drawn at half), and poppler makes its boxes
    /// as tall as the unscaled size, so that adjacent lines overlap.
    static let narrowestIdeographInEms = 0.75

    /// The page with every glyph's size and box height scaled to what its ideographs' widths say, when they say
    /// the stated sizes are too large; as it was otherwise.
    func sizedByTheirWidths() -> PDFPageGlyphs {
        var ratios: [Double] = []
        for glyph in glyphs where glyph.fontSize > 0 && (0x4E00...0x9FFF).contains(glyph.scalar.value) {
            ratios.append((glyph.maxX - glyph.minX) / glyph.fontSize)
        }
        guard ratios.count >= Self.ideographsToMeasure else { return self }
        ratios.sort()
        let scale = ratios[ratios.count / 2]
        guard scale > 0.2, scale < Self.narrowestIdeographInEms else { return self }
        var scaled = self
        for k in scaled.glyphs.indices {
            let middle = scaled.glyphs[k].midY
            let half = scaled.glyphs[k].height * scale / 2
            scaled.glyphs[k].minY = middle - half
            scaled.glyphs[k].maxY = middle + half
            scaled.glyphs[k].fontSize *= scale
        }
        return scaled
    }
}
