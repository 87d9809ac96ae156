import NianbaoModel

/// A table flattened to one cell per line with the bars on lines of their own: a bar closes each cell,
/// a further bar after it is an empty cell or, the last of a run, the end of the row
/// (`label`, `|`, `(827)`, `|`, `—`, `|`, `|`, next label …).
struct BarSeparatedTableShape: TextTableShape {
    static let minimumBars = 4

    enum Token: Equatable {
        case bar(SourceLocation)
        case cell(String, SourceLocation)
    }

    func match(_ lines: [SourceLine], at start: Int) -> TextTableMatch? {
        guard start < lines.count, Self.isBar(lines[start]) else { return nil }
        var tokens: [Token] = []
        var j = start
        while j < lines.count, lines[j].isPlainText {
            let text = lines[j].trimmedText
            if Self.isBar(lines[j]) {
                tokens.append(.bar(lines[j].location))
            } else {
                // Two text lines in a row, a blank line or a line with bars inside end the table.
                guard !text.isEmpty, !text.contains("|"), case .bar? = tokens.last else { break }
                tokens.append(.cell(text, lines[j].location))
            }
            j += 1
        }
        let bars = tokens.filter { if case .bar = $0 { return true } else { return false } }.count
        guard bars >= Self.minimumBars, bars < tokens.count else { return nil }
        let width = Self.commonWidth(Self.rows(tokens, width: nil))
        let rows = Self.rows(tokens, width: width).filter { $0.cells.contains { !$0.isEmpty } }
        guard rows.count >= 2 else { return nil }
        return TextTableMatch(lines: start..<j, rows: rows)
    }

    static func isBar(_ line: SourceLine) -> Bool { line.isPlainText && line.trimmedText == "|" }

    /// Reads the tokens into rows. After a cell, a run of `k` bars is its closing bar and `k - 1` more:
    /// with two or more, the last ends the row and the others are empty cells; a single one is an empty
    /// cell while the row is narrower than `width`, else the row's end. Bars before the first cell: the
    /// first ends a row cut off above, the others are empty cells (a blank corner cell).
    static func rows(_ tokens: [Token], width: Int?) -> [TextTableRow] {
        var rows: [TextTableRow] = []
        var row = TextTableRow(cells: [], locations: [])
        func endRow() {
            if !row.cells.isEmpty { rows.append(row) }
            row = TextTableRow(cells: [], locations: [])
        }
        var i = 0
        var leading = true
        while i < tokens.count {
            guard case .cell(let text, let location) = tokens[i] else {
                // A run of bars.
                var run: [SourceLocation] = []
                while i < tokens.count, case .bar(let location) = tokens[i] { run.append(location); i += 1 }
                let extra = Array(run.dropFirst())
                if leading {
                    extra.forEach { row.append("", at: $0) }
                } else if extra.count >= 2 {
                    extra.dropLast().forEach { row.append("", at: $0) }
                    endRow()
                } else if extra.count == 1 {
                    if let width, row.cells.count < width { row.append("", at: extra[0]) } else { endRow() }
                }
                leading = false
                continue
            }
            row.append(text, at: location)
            leading = false
            i += 1
        }
        endRow()
        return rows
    }

    /// The most common row width, a tie going to the wider.
    static func commonWidth(_ rows: [TextTableRow]) -> Int? {
        var counts: [Int: Int] = [:]
        for row in rows where row.cells.count >= 2 { counts[row.cells.count, default: 0] += 1 }
        return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
    }
}
