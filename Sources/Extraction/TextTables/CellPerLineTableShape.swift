import NianbaoModel

/// A table flattened to one cell per line, each cell ending in ` |` (web captures of HTML tables):
/// the header's cells, then each row's cells. When nothing marks where a row ends, the number of columns
/// is read from where the values start (see `ColumnCount`); when a row's first cell opens with a bar
/// (`| 一.中职学生计 |`), each such cell starts a row. Blank lines between cells are layout.
struct CellPerLineTableShape: TextTableShape {
    /// Fewer lines than this are a list with bars, not a table.
    static let minimumLines = 4

    struct Cell {
        var text: String
        var location: SourceLocation
        var opensRow: Bool
    }

    func match(_ lines: [SourceLine], at start: Int) -> TextTableMatch? {
        var cells: [Cell] = []
        var j = start
        var end = start
        while j < lines.count, lines[j].isPlainText {
            if lines[j].trimmedText.isEmpty, !cells.isEmpty { j += 1; continue }
            guard let (text, opens) = Self.cell(lines[j].text) else { break }
            cells.append(Cell(text: text, location: lines[j].location, opensRow: opens))
            j += 1
            end = j
        }
        guard cells.count >= Self.minimumLines, let rows = Self.rows(cells) else { return nil }
        return TextTableMatch(lines: start..<end, rows: rows)
    }

    static func rows(_ cells: [Cell]) -> [TextTableRow]? {
        if cells.dropFirst().contains(where: \.opensRow) {
            var rows: [TextTableRow] = []
            for cell in cells {
                if cell.opensRow || rows.isEmpty { rows.append(TextTableRow(cells: [], locations: [])) }
                rows[rows.count - 1].append(cell.text, at: cell.location)
            }
            return rows
        }
        guard let width = ColumnCount.infer(cells.map(\.text)) else { return nil }
        return stride(from: 0, to: cells.count, by: width).map { from in
            let chunk = cells[from..<min(from + width, cells.count)]
            return TextTableRow(cells: chunk.map(\.text), locations: chunk.map(\.location))
        }
    }

    /// `电子 商务 |` → (`电子 商务`, false), `| 一.中职学生计 |` → (`一.中职学生计`, true); nil unless the
    /// line is one cell closed by a bar.
    static func cell(_ text: String) -> (String, Bool)? {
        var line = Substring(text.trimmingCharacters(in: .whitespaces))
        guard line.count >= 2, line.hasSuffix("|") else { return nil }
        line = line.dropLast()
        let opens = line.hasPrefix("|")
        if opens { line = line.dropFirst() }
        let content = line.trimmingCharacters(in: .whitespaces)
        guard !content.isEmpty, !content.contains("|") else { return nil }
        return (content, opens)
    }
}

/// The number of columns of a table whose cells come as one flat sequence, header first.
/// The header is the leading run of cells that are not values; when every row starts with a text label
/// (`2016级`, `文化课合格率(%)`), that label is the last cell of the run and the header is one shorter.
enum ColumnCount {
    /// Share of a data row's value cells (past its label) that must be values.
    static let valueShare = 0.75

    static func infer(_ cells: [String]) -> Int? {
        let values = cells.map(TableCellText.isValue)
        let leading = values.firstIndex(of: true) ?? cells.count
        if leading - 1 >= 2, fits(values, width: leading - 1, labelled: true) { return leading - 1 }
        if leading >= 2, fits(values, width: leading, labelled: false) { return leading }
        // A header with year columns (`项目 | 2019 | 2020 |`): the values start inside the header.
        let years = cells.map(TableCellText.isYear)
        for width in 2...max(2, min(40, cells.count / 2)) where cells.count >= 2 * width {
            let headerValues = (0..<width).filter { values[$0] && !years[$0] }
            if headerValues.isEmpty, (0..<width).contains(where: { years[$0] }),
               fits(values, width: width, labelled: true) { return width }
        }
        return nil
    }

    /// Whether the cells past the header split into rows of `width` whose cells past the first are values
    /// (and, for `labelled`, whose first cell is not). The last row may be cut short.
    static func fits(_ values: [Bool], width: Int, labelled: Bool) -> Bool {
        guard values.count > width else { return false }
        var valueCells = 0, dataCells = 0
        for from in stride(from: width, to: values.count, by: width) {
            let row = values[from..<min(from + width, values.count)]
            if labelled, row.first == true { return false }
            for value in row.dropFirst() {
                dataCells += 1
                if value { valueCells += 1 }
            }
        }
        return dataCells > 0 && Double(valueCells) >= valueShare * Double(dataCells)
    }
}
