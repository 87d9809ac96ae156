import Foundation

/// Rebuilds table rows whose cells wrap onto several lines.
///
/// A wrapped cell gives one physical line per text line, and its single-line neighbours sit vertically
/// centred between them, so a row shows as a tight stack of lines (gaps well under the row padding of a
/// ruled table). Such a stack that contains a multi-cell line becomes one row: fragments are assigned to
/// columns by horizontal overlap and each column's fragments are joined top to bottom.
enum PDFTableRows {
    /// A stack of lines closer than this (in font sizes) belongs to one row.
    static let rowGapInEms = 0.45

    static func mergeWrappedCells(_ lines: [PDFLayoutLine]) -> [PDFLayoutLine] {
        guard lines.contains(where: { $0.cells != nil }) else { return lines }
        var result: [PDFLayoutLine] = []
        var index = 0
        while index < lines.count {
            var stack = [lines[index]]
            var bottom = lines[index].maxY
            var next = index + 1
            while next < lines.count {
                let line = lines[next]
                let em = max(min(line.fontSize, stack[0].fontSize), 1)
                guard abs(line.fontSize - stack[0].fontSize) <= 0.15 * em, line.minY - bottom < rowGapInEms * em else { break }
                stack.append(line)
                bottom = max(bottom, line.maxY)
                next += 1
            }
            for group in rowGroups(stack) {
                if group.count > 1, group.contains(where: { $0.cells != nil }) {
                    result.append(mergeRow(group))
                } else {
                    result.append(contentsOf: group)
                }
            }
            index = next
        }
        return result
    }

    /// A stack cut into its rows where it holds several rows of figures (a table printed with little padding):
    /// each line of figures is a row of its own, with a line of words under it that only continues its label;
    /// lines of words stay together (a header wrapped over lines). A stack with one row of figures or none is one
    /// group, as before.
    static func rowGroups(_ stack: [PDFLayoutLine]) -> [[PDFLayoutLine]] {
        let figures = stack.map(isRowOfFigures)
        guard figures.filter({ $0 }).count >= 2 else { return [stack] }
        var groups: [[PDFLayoutLine]] = []
        var lastIsFigures = false
        for (line, isFigures) in zip(stack, figures) {
            if isFigures {
                groups.append([line])
            } else if lastIsFigures, line.cells == nil, let row = groups.last?.first, line.minX <= row.minX + 1 {
                groups[groups.count - 1].append(line)
                continue
            } else if !lastIsFigures, !groups.isEmpty {
                groups[groups.count - 1].append(line)
            } else {
                groups.append([line])
            }
            lastIsFigures = isFigures
        }
        return groups
    }

    /// A line of two or more cells of figures after its label.
    static func isRowOfFigures(_ line: PDFLayoutLine) -> Bool {
        guard let cells = line.cells else { return false }
        return cells.dropFirst().filter { cell in !cell.isEmpty && cell.allSatisfy { "0123456789.,%- ".contains($0) } }.count >= 2
    }

    static func overlap(_ a: (minX: Double, maxX: Double), _ b: (minX: Double, maxX: Double)) -> Double {
        max(0, min(a.maxX, b.maxX) - max(a.minX, b.minX))
    }

    /// Puts the cells of a table's rows into the columns of its fullest row, so that a merged cell
    /// (`合计` across three columns, a spanning header) leaves empty cells where the text export has them.
    static func alignColumns(_ lines: [PDFLayoutLine]) -> [PDFLayoutLine] {
        var result = lines
        var start = 0
        while start < result.count {
            guard result[start].cellBounds != nil else { start += 1; continue }
            var end = start
            while end + 1 < result.count, result[end + 1].cellBounds != nil { end += 1 }
            let grid = result[start...end].max { ($0.cellBounds?.count ?? 0) < ($1.cellBounds?.count ?? 0) }!.cellBounds!
            if grid.count >= 3 {
                for k in start...end { if let aligned = align(result[k], to: grid) { result[k] = aligned } }
            }
            start = end + 1
        }
        return result
    }

    /// Each cell goes to the first grid column it covers most of; nil when the row does not fit the grid.
    static func align(_ line: PDFLayoutLine, to grid: [(minX: Double, maxX: Double)]) -> PDFLayoutLine? {
        guard let cells = line.cells, let bounds = line.cellBounds, cells.count < grid.count else { return nil }
        // A label over merged cells then figures (`合计  58 29 7 8116 1087`): the figures keep the right-hand columns.
        if cells.count >= 2, cells.dropFirst().allSatisfy({ cell in !cell.isEmpty && cell.allSatisfy { "0123456789.,%-".contains($0) } }) {
            var slots = [String](repeating: "", count: grid.count)
            slots[0] = cells[0]
            for (k, cell) in cells.dropFirst().reversed().enumerated() { slots[grid.count - 1 - k] = cell }
            var out = line
            out.cells = slots
            out.text = slots.joined(separator: "\t")
            return out
        }
        var slots = [String](repeating: "", count: grid.count)
        let isHeader = !cells.contains { cell in !cell.isEmpty && cell.allSatisfy { "0123456789.,%-".contains($0) } }
        var lastColumn = -1
        for (text, bound) in zip(cells, bounds) {
            // The grid column nearest the cell's centre, right of the cells placed so far.
            let centre = (bound.minX + bound.maxX) / 2
            let open = grid.indices.filter { $0 > lastColumn }
            let firstCovered = open.first { bound.minX <= (grid[$0].minX + grid[$0].maxX) / 2 && (grid[$0].minX + grid[$0].maxX) / 2 <= bound.maxX }
            // A header word centred over the gap between two columns (`招生数` over `2022年 | 2023年`) spans them: it
            // goes to the first. (Only in a row of words: a body row's long label may stand between narrow headers.)
            let spanStart = isHeader ? open.first { c in
                guard c + 1 < grid.count, grid[c].maxX <= centre, centre <= grid[c + 1].minX else { return false }
                return abs(centre - (grid[c].maxX + grid[c + 1].minX) / 2) < 0.25 * (bound.maxX - bound.minX)
            } : nil
            guard let column = firstCovered ?? spanStart ?? open
                .min(by: { abs((grid[$0].minX + grid[$0].maxX) / 2 - centre) < abs((grid[$1].minX + grid[$1].maxX) / 2 - centre) })
            else { return nil }
            slots[column] = text
            // A cell spanning several columns claims them all.
            var covered = column
            while covered + 1 < grid.count, overlap(bound, grid[covered + 1]) > 0.5 * (grid[covered + 1].maxX - grid[covered + 1].minX) { covered += 1 }
            lastColumn = covered
        }
        var out = line
        out.cells = slots
        out.text = slots.joined(separator: "\t")
        return out
    }

    private struct Fragment { var text: String; var minX: Double; var maxX: Double; var top: Double }

    private static func mergeRow(_ stack: [PDFLayoutLine]) -> PDFLayoutLine {
        var fragments: [Fragment] = []
        for line in stack {
            let texts = line.cells ?? [line.text]
            let bounds = line.cellBounds ?? [(line.minX, line.maxX)]
            for (text, bound) in zip(texts, bounds) {
                fragments.append(Fragment(text: text, minX: bound.minX, maxX: bound.maxX, top: line.minY))
            }
        }
        // Columns: unions of horizontally overlapping fragments.
        fragments.sort { $0.minX < $1.minX }
        var columns: [[Fragment]] = []
        var columnRight = -Double.infinity
        for fragment in fragments {
            if fragment.minX < columnRight, !columns.isEmpty {
                columns[columns.count - 1].append(fragment)
                columnRight = max(columnRight, fragment.maxX)
            } else {
                columns.append([fragment])
                columnRight = fragment.maxX
            }
        }
        let cells = columns.map { column in
            column.sorted { $0.top < $1.top }.map(\.text).reduce("") { joined, next in
                guard let last = joined.unicodeScalars.last, let first = next.unicodeScalars.first else { return joined + next }
                let glue = PDFLineBuilder.isCJK(last) || PDFLineBuilder.isCJK(first) ? "" : " "
                return joined + glue + next
            }
        }
        var row = stack[0]
        row.cells = cells.count > 1 ? cells : nil
        row.text = cells.joined(separator: "\t")
        row.cellBounds = columns.map { column in (column.map(\.minX).min()!, column.map(\.maxX).max()!) }
        row.minX = stack.map(\.minX).min()!
        row.maxX = stack.map(\.maxX).max()!
        row.minY = stack.map(\.minY).min()!
        row.maxY = stack.map(\.maxY).max()!
        row.glyphCount = stack.reduce(0) { $0 + $1.glyphCount }
        return row
    }
}
