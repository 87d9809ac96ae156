import NianbaoModel

/// One row of a table found in text, each cell with the line it was printed on.
struct TextTableRow: Equatable, Sendable {
    var cells: [String]
    var locations: [SourceLocation]

    init(cells: [String], locations: [SourceLocation]) {
        precondition(cells.count == locations.count, "a location per cell")
        self.cells = cells
        self.locations = locations
    }

    /// A row printed on one line.
    init(cells: [String], line: SourceLine) {
        self.init(cells: cells, locations: Array(repeating: SourceLocation(page: line.page, line: line.line), count: cells.count))
    }

    var filledCount: Int { cells.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count }

    mutating func append(_ cell: String, at location: SourceLocation) {
        cells.append(cell)
        locations.append(location)
    }

    /// The row as the reader hands it on: a line at its first cell's place, its cells tab-joined as text.
    /// Spaces inside a cell between two Chinese characters (`电子 商务`, `小    学`) are layout and go.
    var sourceLine: SourceLine {
        let cells = cells.map(TableCellText.label)
        let first = locations.first ?? SourceLocation(page: 1, line: 1)
        return SourceLine(text: cells.joined(separator: "\t"), page: first.page, line: first.line,
                          cells: cells, startsBlock: true, cellLocations: locations)
    }
}

/// A table found in a run of lines: the lines it takes and the rows they hold.
struct TextTableMatch: Sendable {
    var lines: Range<Int>
    var rows: [TextTableRow]
}

/// One way publications print a table as plain text. A shape looks at the lines from `start` and either
/// reads a table beginning there or declines; it never looks behind `start`.
protocol TextTableShape: Sendable {
    func match(_ lines: [SourceLine], at start: Int) -> TextTableMatch?
}

extension SourceLine {
    /// A line no reader has given cells yet (tab-separated lines already have them).
    var isPlainText: Bool { cells == nil }
    var trimmedText: String { text.trimmingCharacters(in: .whitespaces) }
    var location: SourceLocation { SourceLocation(page: page, line: line) }
}

/// Finds tables printed as text (Markdown pipes, pipe rows, one cell per line, cells between `|` lines,
/// box drawing, space-aligned columns) and replaces their lines by rows whose cells keep their locations.
/// Used by the text and Markdown readers alike, so a web capture saved as `.txt` gets the same tables.
public enum TextTables {
    /// In the order they are tried: the more specific a shape's marks, the earlier.
    static func shapes(_ words: DocumentWords) -> [any TextTableShape] {
        [WikiTableShape(), BarSeparatedTableShape(), CellPerLineTableShape(), PipeTableShape(), BoxDrawingTableShape(),
         SideBySideTableShape(inner: SpaceAlignedTableShape(captionOpeners: words.tableCaptionOpeners, headerWords: words.tableHeaders)),
         SpaceAlignedTableShape(captionOpeners: words.tableCaptionOpeners, headerWords: words.tableHeaders),
         BareCellPerLineTableShape(captionOpeners: words.tableCaptionOpeners)]
    }

    /// The lines of one page, with each table's lines replaced by its rows. Lines outside tables (captions
    /// such as `表1-1-4 …` or `单位：人` included) are returned as they were.
    public static func structure(_ lines: [SourceLine], words: DocumentWords) -> [SourceLine] {
        let shapes = shapes(words)
        var out: [SourceLine] = []
        out.reserveCapacity(lines.count)
        var i = 0
        while i < lines.count {
            if lines[i].isPlainText, let match = firstMatch(in: lines, at: i, shapes: shapes) {
                let (titles, rows) = peelTitles(match.rows)
                out += titles + rows.map(\.sourceLine)
                i = match.lines.upperBound
            } else {
                out.append(lines[i])
                i += 1
            }
        }
        return out
    }

    /// Rows at the top of a table with one filled cell (`| 17-8 各类学校数及在校学生数 | ||||`) are its title
    /// and notes, printed inside the frame: they become lines of text before the rows.
    static func peelTitles(_ rows: [TextTableRow]) -> ([SourceLine], [TextTableRow]) {
        guard rows.contains(where: { $0.filledCount >= 2 }) else { return ([], rows) }
        var titles: [SourceLine] = []
        var rest = rows[...]
        while let first = rest.first, first.filledCount == 1, let k = first.cells.firstIndex(where: { !$0.isEmpty }) {
            let location = first.locations[k]
            titles.append(SourceLine(text: first.cells[k], page: location.page, line: location.line, startsBlock: true))
            rest = rest.dropFirst()
        }
        return (titles, Array(rest))
    }

    static func firstMatch(in lines: [SourceLine], at start: Int, shapes: [any TextTableShape]) -> TextTableMatch? {
        for shape in shapes {
            if let match = shape.match(lines, at: start), !match.rows.isEmpty, match.lines.lowerBound == start {
                return match
            }
        }
        return nil
    }
}
