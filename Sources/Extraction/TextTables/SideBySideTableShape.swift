import NianbaoModel

/// A long, narrow table a yearbook prints in two halves side by side, its header repeated over each half:
///
///     地  区      学校数    在校生数        地  区      学校数    在校生数
///     长沙市        45       60213         岳阳市        20       30012
///
/// Each line is cut where the second half's header starts; the left halves are read as a space-aligned table,
/// then the right halves' rows follow, under the one header.
struct SideBySideTableShape: TextTableShape {
    /// Header cells in each half, at least.
    static let minimumHalfWidth = 2
    /// Lines a table of halves takes at most.
    static let maximumLines = 400
    let inner: SpaceAlignedTableShape

    func match(_ lines: [SourceLine], at start: Int) -> TextTableMatch? {
        guard lines[start].isPlainText, let cut = Self.secondHalfColumn(lines[start].text) else { return nil }
        // The lines the halves may take: plain text, up to a limit; the halves' own tables say where they end.
        var end = start
        while end < lines.count, end - start < Self.maximumLines, lines[end].isPlainText { end += 1 }
        let halves = lines[start..<end].map { Self.split($0, at: cut) }
        guard let left = inner.match(halves.map(\.left), at: 0), let right = inner.match(halves.map(\.right), at: 0),
              left.lines == right.lines, let leftHeader = left.rows.first, let rightHeader = right.rows.first,
              leftHeader.cells == rightHeader.cells else { return nil }
        return TextTableMatch(lines: start..<(start + left.lines.upperBound), rows: left.rows + right.rows.dropFirst())
    }

    /// The display column where a header line's words start to repeat (`地区 学校数 在校生数 地区 学校数 在校生数`).
    static func secondHalfColumn(_ text: String) -> Int? {
        let spans = TableCellText.headerSpans(text)
        guard spans.count >= 2 * minimumHalfWidth, spans.count % 2 == 0,
              spans.allSatisfy({ $0.text.contains(where: TableCellText.isIdeograph) }) else { return nil }
        let half = spans.count / 2
        guard spans[..<half].map(\.text) == spans[half...].map(\.text) else { return nil }
        return spans[half].start
    }

    /// The line cut at a display column: a word straddling it goes right.
    static func split(_ line: SourceLine, at column: Int) -> (left: SourceLine, right: SourceLine) {
        let characters = Array(line.text)
        var position = 0, index = 0
        while index < characters.count, position + TableCellText.width(characters[index]) <= column {
            position += TableCellText.width(characters[index])
            index += 1
        }
        while index > 0, index < characters.count, !SpacedRow.isSpace(characters[index - 1]), !SpacedRow.isSpace(characters[index]) {
            index -= 1
        }
        var left = line, right = line
        left.text = String(characters[..<index])
        right.text = String(characters[index...])
        return (left, right)
    }
}
