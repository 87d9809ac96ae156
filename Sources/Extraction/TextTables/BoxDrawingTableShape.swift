import NianbaoModel

/// Tables drawn with box-drawing characters (yearbooks typeset for the screen): rules of `─ ┬ ┼ ┴`,
/// cells between `│`. A header over several lines above the first inner rule (`┼`) is put together column
/// by column (`学校数` over `(所)` → `学校数(所)`) when every header line has the body's columns; a corner
/// that opens a sub-header (`┌────`) is a column boundary. The rules themselves are not rows.
struct BoxDrawingTableShape: TextTableShape {
    static let minimumRows = 2

    func match(_ lines: [SourceLine], at start: Int) -> TextTableMatch? {
        var j = start
        var header: [SourceLine] = []
        var body: [SourceLine] = []
        var sawInnerRule = false
        while j < lines.count, lines[j].isPlainText, Self.hasBoxCharacters(lines[j].text) {
            if Self.isRule(lines[j].text) {
                if Self.isInnerRule(lines[j].text), !header.isEmpty || !body.isEmpty, !sawInnerRule {
                    sawInnerRule = true
                    header = body
                    body = []
                }
            } else {
                body.append(lines[j])
            }
            j += 1
        }
        guard body.count >= Self.minimumRows || (body.count >= 1 && !header.isEmpty) else { return nil }
        let bodyRows = body.map { TextTableRow(cells: Self.cells($0.text), line: $0) }
        guard bodyRows.filter({ $0.cells.count >= 2 }).count >= max(1, bodyRows.count / 2) else { return nil }
        let headerRows = header.map { TextTableRow(cells: Self.cells($0.text), line: $0) }
        return TextTableMatch(lines: start..<j, rows: Self.composeHeader(headerRows, width: Self.commonWidth(bodyRows)) + bodyRows)
    }

    static let verticals: Set<Character> = ["│", "┃", "║", "┌", "┐", "└", "┘", "├", "┤", "┬", "┴", "┼", "╤", "╧", "╪", "╟", "╢", "╞", "╡"]

    static func isBoxCharacter(_ c: Character) -> Bool {
        guard let value = c.unicodeScalars.first?.value else { return false }
        return (0x2500...0x257F).contains(value)
    }

    static func hasBoxCharacters(_ text: String) -> Bool { text.contains(where: isBoxCharacter) }

    /// A line of nothing but drawing characters and spaces.
    static func isRule(_ text: String) -> Bool {
        let marks = text.filter { !$0.isWhitespace }
        return marks.count >= 3 && marks.allSatisfy(isBoxCharacter)
    }

    /// The rule between header and body: it crosses the column lines (`┼`, `╪`) or starts at a tee.
    static func isInnerRule(_ text: String) -> Bool {
        text.contains { "┼╪╫├┤╞╡".contains($0) }
    }

    /// The text between vertical lines, drawing characters removed.
    static func cells(_ text: String) -> [String] {
        var cells: [String] = []
        var current = ""
        for c in text {
            if verticals.contains(c) {
                cells.append(current)
                current = ""
            } else if !isBoxCharacter(c) {
                current.append(c)
            }
        }
        cells.append(current)
        return cells.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    static func commonWidth(_ rows: [TextTableRow]) -> Int {
        var counts: [Int: Int] = [:]
        for row in rows { counts[row.cells.count, default: 0] += 1 }
        return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0
    }

    /// One header row from header lines that all have `width` cells: each column's words from top to
    /// bottom; otherwise the lines as they are.
    static func composeHeader(_ rows: [TextTableRow], width: Int) -> [TextTableRow] {
        guard rows.count > 1, rows.allSatisfy({ $0.cells.count == width }) else { return rows.filter { $0.cells.contains { !$0.isEmpty } } }
        var composed = TextTableRow(cells: [], locations: [])
        for column in 0..<width {
            let parts = rows.filter { !$0.cells[column].isEmpty }
            let text = parts.map { $0.cells[column] }.reduce("") { joined, part in
                guard let last = joined.last, let first = part.first else { return joined + part }
                return joined + (last.isASCII && last.isLetter && first.isASCII && first.isLetter ? " " : "") + part
            }
            composed.append(text, at: (parts.first ?? rows[0]).locations[column])
        }
        return [composed]
    }
}
