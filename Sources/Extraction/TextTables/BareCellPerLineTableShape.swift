import NianbaoModel

/// A table copied from a web page as plain text, one cell per line with nothing marking the cells: the header's
/// cells (`学校类型` / `学校数` / `招生数` …), then each row's label and values on lines of their own. Nothing but the
/// cells' shapes tells it from a list of short lines, so the reading is strict: short lines without sentence
/// punctuation, three columns or more, two rows or more, every row a label then values, and the cells filling
/// whole rows (`ColumnCount` finds the width where the values start).
struct BareCellPerLineTableShape: TextTableShape {
    static let minimumWidth = 3
    static let minimumRows = 2
    static let maximumCellLength = 24
    /// A longer run of short lines is no table copied whole (a poem, a list of names).
    static let maximumCells = 600
    /// Openings of a caption, unit line or note (`DocumentWords.tableCaptionOpeners`), never a cell.
    let captionOpeners: [String]

    func match(_ lines: [SourceLine], at start: Int) -> TextTableMatch? {
        // A table opens with its header's first cell: a word, not a value.
        guard lines[start].isPlainText, isCell(lines[start].trimmedText),
              !TableCellText.isValue(lines[start].trimmedText) else { return nil }
        var cells: [(text: String, location: SourceLocation)] = []
        var j = start
        while j < lines.count, cells.count < Self.maximumCells, lines[j].isPlainText {
            let text = lines[j].trimmedText
            guard !text.isEmpty, isCell(text) else { break }
            cells.append((text, lines[j].location))
            j += 1
        }
        let texts = cells.map(\.text)
        guard cells.count >= Self.minimumWidth * (Self.minimumRows + 1), let width = ColumnCount.infer(texts),
              width >= Self.minimumWidth, cells.count % width == 0, cells.count / width > Self.minimumRows else { return nil }
        // Every row past the header: a label, then values only.
        for from in stride(from: width, to: cells.count, by: width) {
            guard !TableCellText.isValue(texts[from]),
                  texts[(from + 1)..<(from + width)].allSatisfy(TableCellText.isValue) else { return nil }
        }
        let rows = stride(from: 0, to: cells.count, by: width).map { from in
            TextTableRow(cells: Array(texts[from..<(from + width)]), locations: cells[from..<(from + width)].map(\.location))
        }
        return TextTableMatch(lines: start..<j, rows: rows)
    }

    /// A short line that may be one cell: no sentence punctuation, no run of spaces (a space-aligned row), no
    /// caption or note.
    func isCell(_ text: String) -> Bool {
        !text.isEmpty && text.count <= Self.maximumCellLength && !text.contains("  ") && !text.contains("\t")
            && !TableCellText.hasSentencePunctuation(text) && !TableCaption.matches(text, openers: captionOpeners)
    }
}
