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
            if stack.count > 1, stack.contains(where: { $0.cells != nil }) {
                result.append(mergeRow(stack))
            } else {
                result.append(contentsOf: stack)
            }
            index = next
        }
        return result
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
