import NianbaoModel

/// Columns separated by spaces (statistical tables captured as text): rows of a label followed by values
/// (two or more in most rows), possibly under header lines that hold no values (`学校数 招生数 毕业生数 在  校`).
/// The label keeps everything left of the values, an English translation included
/// (`在校学生数 Enrollment  123  456` → `在校学生数 Enrollment`, `123`, `456`).
///
/// Empty cells are read in one of two ways, whichever the whole table agrees with:
/// - padded: values one space apart, an empty cell printed as one more space and its separator, so a gap
///   of `2k + 1` spaces holds `k` empty cells (and `2k` trailing spaces `k` at the end);
/// - aligned: values padded into columns; a row with fewer values puts each under the column its end is
///   nearest to.
struct SpaceAlignedTableShape: TextTableShape {
    /// Header lines above the rows, at most.
    static let maximumHeaderLines = 12
    static let minimumRows = 2
    static let maximumLabelLength = 80
    /// Openings of a caption, unit line or note (`DocumentWords.tableCaptionOpeners`), never a row.
    let captionOpeners: [String]
    /// Words of column names, for a header wrapped over lines (`DocumentWords.tableHeaders`).
    let headerWords: TableHeaderWords

    func match(_ lines: [SourceLine], at start: Int) -> TextTableMatch? {
        var j = start
        var headerLines: [SourceLine] = []
        // Rules drawn above, under and below the header (`────`, `=====`) are part of the table's frame.
        while j < lines.count, headerLines.count < Self.maximumHeaderLines, lines[j].isPlainText {
            if Self.isRule(lines[j].text) || (!headerLines.isEmpty && Self.isTranslation(lines[j].text)) {
                j += 1
            } else if !headerLines.isEmpty, blankBeforeRow(lines, at: j) {
                // A layout export leaves a blank line between the header and the rows.
                j += 1
                break
            } else if SpacedRow(lines[j].text, captionOpeners: captionOpeners) == nil,
                      isHeaderLine(lines[j].text, continuing: !headerLines.isEmpty) {
                headerLines.append(lines[j])
                j += 1
            } else {
                break
            }
        }
        var rows: [(line: SourceLine, row: SpacedRow)] = []
        var widestLabel = 0
        while j < lines.count, lines[j].isPlainText {
            // A bilingual table's English label may wrap onto a line of its own (`  Education`).
            if !rows.isEmpty, Self.isRule(lines[j].text) || Self.isTranslation(lines[j].text) {
                j += 1
                continue
            }
            if !rows.isEmpty, blankBeforeRow(lines, at: j) {
                j += 1
                continue
            }
            // A label wrapped onto a line of its own under it (`桂林市…专业学` / `校`) finishes the row above.
            if let last = rows.last, let continued = continuedLabel(lines, at: j, after: last.row, widestLabel: widestLabel) {
                rows[rows.count - 1].row = continued
                j += 1
                continue
            }
            guard let row = SpacedRow(lines[j].text, captionOpeners: captionOpeners) else { break }
            rows.append((lines[j], row))
            widestLabel = max(widestLabel, row.labelWidth)
            j += 1
        }
        // Yearbooks group thousands by a space (`287 654`): one number, when the table's columns stand further apart.
        // (unless the header names as many columns as the values are without joining, and fewer with it)
        if SpacedRow.groupsThousandsBySpace(rows.map(\.row)) {
            let joined = rows.map { ($0.line, $0.row.joiningSpacedThousands()) }
            let named = headerLines.last.map { TableCellText.headerCells($0.text).count } ?? 0
            func names(_ width: Int) -> Bool { named == width || named == width + 1 }
            if !names(rows.map(\.row.values.count).max() ?? 0) || names(joined.map(\.1.values.count).max() ?? 0) {
                rows = joined
            }
        }
        // Rows of one value belong to a table of wider rows, never make one (a list of page numbers).
        let wide = rows.filter { $0.row.values.count >= 2 }.count
        // (but a header of two words over labelled rows of one value each is a table of one column: `项目  数值`)
        let oneColumn = rows.count > Self.minimumRows && rows.allSatisfy { $0.row.values.count == 1 && !$0.row.label.isEmpty }
            && headerLines.last.map { TableCellText.headerCells($0.text).count == 2 } == true
        guard rows.count >= Self.minimumRows, oneColumn || (wide >= Self.minimumRows && wide * 2 >= rows.count) else { return nil }
        let values = Self.valueCells(of: rows)
        let width = values.map(\.count).max() ?? 0
        // A header wrapped over lines that do not line up with the values becomes one row of column names
        // (a header whose last line names every column is a heading row over its sub-columns instead).
        // Letter-spaced header words (`指    标      单  位`) are split where the rows' second label part starts.
        let spacedRows = rows.map(\.row)
        let labelSplit = Self.secondLabelPartColumn(spacedRows)
        func headerCells(_ line: SourceLine) -> [String] { TableCellText.headerCells(line.text, splittingAt: labelSplit) }
        let lastHeader = headerLines.last.map(headerCells)?.count ?? 0
        // (the label column's own header word, `项    目`, names no value column of a wrapped header)
        let valueStart = Self.firstValueStart(spacedRows) - Self.headerReach
        let header = headerLines.count >= 2 && lastHeader != width
            ? (lastHeader > width ? Self.stackedOverLastLine(headerLines, splittingAt: labelSplit)
                : (WrappedHeader(words: headerWords).merge(headerLines, valueRows: values, width: width)
                    // (else without the label column's own header word, `项    目`, standing left of every value)
                    ?? WrappedHeader(words: headerWords).merge(headerLines.map { Self.blankingLabelArea($0, before: valueStart) },
                                                               valueRows: values, width: width)).map { [$0] })
            : nil
        // A header naming one text column more than the label (`指标  单位  2022年  2023年`): each row's label
        // splits at its wide gap into the name and that column (`在校生数      人`).
        let labelColumns = headerLines.last.map { headerCells($0).count - width } ?? 1
        // Header lines naming only some columns (`招 生 数` over `绝对数  比上年增长`) are placed over the columns they
        // stand above when rules are drawn under the spanning words, or when the last line stands one word over each
        // value column (`合计  其中：女 …`). Otherwise a header that does not add up is kept as printed: where its
        // words stand is no evidence.
        let misaligned = header == nil && headerLines.count >= 2
            && headerLines.contains { !(width...(width + 2)).contains(headerCells($0).count) }
            && (headerLines.contains { line in TableCellText.headerSpans(line.text).contains { Self.isRule($0.text) } }
                || Self.standsOverEachColumn(headerLines[headerLines.count - 1], rows: spacedRows, width: width,
                                             splittingAt: labelSplit)
                || Self.namesEveryColumnByPosition(headerLines, rows: spacedRows, width: width, splittingAt: labelSplit))
        let namingCells = headerLines.map { headerCells($0).count }.max() ?? 0
        let headerRows = header
            ?? (misaligned ? Self.placedOverColumns(headerLines, rows: spacedRows, width: width, labelColumns: max(1, labelColumns),
                                                   splittingAt: labelSplit) : nil)
            ?? headerLines.map { line in
                // A header line naming the value columns only (`（人）  （人）  （%）` under the names) leaves the
                // label's column empty.
                let cells = headerCells(line)
                // So does a header of the value columns alone over labels that have none (`2022年  2023年  增减`).
                // (a header as wide as the values whose first word is a measure's name, `学校数`, or a year, names no label)
                let firstIsMeasure = cells.first.map { headerWords.namesMeasureOrYear($0) } ?? false
                let labelless = cells.count == width
                    && ((TableCellText.headerSpans(line.text).first?.start ?? 0) >= valueStart || firstIsMeasure && namingCells == width)
                    && (namingCells > width && headerLines.count >= 2 || namingCells == width && valueStart > 0)
                let labelCells = max(namingCells - width, 1)
                return TextTableRow(cells: labelless ? Array(repeating: "", count: labelCells) + cells : cells, line: line)
            }
        let body = rows.indices.map { r in
            let row = rows[r].row
            let labelSpans = row.labelPartSpans
            let labelParts = labelSpans.map(\.text)
            if labelColumns == 2, labelParts.count <= 2, !row.label.isEmpty {
                // (a label of one part standing where the others' second part starts is in that column: `合    计`)
                let inSecond = labelSplit.map { split in labelSpans.first.map { $0.start >= split - Self.headerReach } ?? false } ?? false
                let parts = labelParts.count == 2 ? labelParts : (inSecond ? ["", labelParts[0]] : [row.label, ""])
                return TextTableRow(cells: parts + values[r], line: rows[r].line)
            }
            // The same when a value (`—`) fills that column in some row: a label of two parts over an empty first
            // column is the name and that column's text, when that is short and no English gloss (`人`, `个/生`).
            if labelParts.count == 2, values[r].count >= 2, values[r][0].isEmpty, let unit = labelParts.last,
               unit.count <= 6, !unit.contains(where: { $0.isASCII && $0.isLetter }) {
                return TextTableRow(cells: labelParts + values[r].dropFirst(), line: rows[r].line)
            }
            return TextTableRow(cells: row.label.isEmpty ? values[r] : [row.label] + values[r], line: rows[r].line)
        }
        return TextTableMatch(lines: start..<j, rows: headerRows + body)
    }

    /// A line of column headers: Chinese words without sentence punctuation, two or more of them or
    /// indented (`     学生数`); under a first such line, a single short word too (a header wrapped over
    /// lines: `教职工数 占地面积` / `建筑面积`). Never a caption (`表 1 …`, `10-15 …`, `单位：人`).
    func isHeaderLine(_ text: String, continuing: Bool) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.contains(where: TableCellText.isIdeograph),
              !TableCellText.hasSentencePunctuation(trimmed), !TableCaption.matches(trimmed, openers: captionOpeners) else { return false }
        let cells = TableCellText.headerCells(trimmed)
        return cells.count >= 2 || text.first == " " || text.first == "\u{3000}"
            || (continuing && trimmed.count <= Self.maximumHeaderWordLength)
    }

    static let maximumHeaderWordLength = 12

    /// A header whose last line names every column (`指标  单位  2019年 … 增长(%)`) under words standing over some of
    /// them (`比上年` over `增长(%)`): each word above goes before the name it stands over (`比上年增长(%)`).
    static func stackedOverLastLine(_ lines: [SourceLine], splittingAt split: Int?) -> [TextTableRow]? {
        guard let last = lines.last else { return nil }
        var cells = TableCellText.headerSpans(last.text, splittingAt: split)
        for line in lines.dropLast() {
            for word in TableCellText.headerSpans(line.text, splittingAt: split) {
                // The cell nearest the word's middle, within reach; else none: the word is then no part of this header.
                let middle = (word.start + word.end) / 2
                func distance(_ cell: (text: String, start: Int, end: Int)) -> Int {
                    middle < cell.start ? cell.start - middle : middle > cell.end ? middle - cell.end : 0
                }
                guard let k = cells.indices.min(by: { distance(cells[$0]) < distance(cells[$1]) }),
                      distance(cells[k]) <= headerReach else { return nil }
                cells[k].text = word.text + cells[k].text
            }
        }
        return [TextTableRow(cells: cells.map(\.text), line: last)]
    }

    /// Each header line as a row of the label column and the value columns, every word under the column it stands
    /// over (the first whose middle lies within the word's reach, else the nearest); a rule drawn under a spanning
    /// word is no word. Nil when the rows give no full set of columns.
    static func placedOverColumns(_ lines: [SourceLine], rows: [SpacedRow], width: Int, labelColumns: Int,
                                  splittingAt split: Int?) -> [TextTableRow]? {
        let full = rows.filter { $0.values.count == width }
        let middles = columnMiddles(rows, width: width)
        let extents = columnExtents(rows, width: width)
        guard !full.isEmpty, !middles.isEmpty, extents.count == middles.count else { return nil }
        let firstValueStart = Self.firstValueStart(full)
        return lines.map { line in
            var cells = Array(repeating: "", count: width + labelColumns)
            let words = TableCellText.headerSpans(line.text, splittingAt: split).filter { !isRule($0.text) }
            // A line of fewer words than columns spans them: each word heads the first column it reaches.
            let spans = words.filter { $0.end > firstValueStart }.count < width
            var labelSlot = 0
            for word in words {
                let slot: Int
                if word.end <= firstValueStart {
                    // (`指标  单位`: the label's columns in order)
                    slot = min(labelSlot, labelColumns - 1)
                    labelSlot += 1
                } else {
                    let reach = (word.start - Self.headerReach)...(word.end + Self.headerReach)
                    let middle = (word.start + word.end) / 2
                    let nearest = middles.indices.min { abs(middles[$0] - middle) < abs(middles[$1] - middle) } ?? 0
                    // (a word standing over a column's printed figures is that column's, spanning or not)
                    let over = extents.indices.first { word.start < extents[$0].end && extents[$0].start < word.end
                        && word.end - word.start <= 2 * (extents[$0].end - extents[$0].start) }
                    slot = (over ?? (spans ? middles.firstIndex { reach.contains($0) } ?? nearest : nearest)) + labelColumns
                }
                cells[slot] += word.text
            }
            return TextTableRow(cells: cells, line: line)
        }
    }

    /// The line with its words left of a display column blanked.
    static func blankingLabelArea(_ line: SourceLine, before column: Int) -> SourceLine {
        guard column > 0 else { return line }
        var blanked = line
        var position = 0
        blanked.text = String(line.text.map { c -> Character in
            defer { position += TableCellText.width(c) }
            return position < column ? " " : c
        })
        return blanked
    }

    /// The display column where the leftmost value of the rows filling every column starts.
    static func firstValueStart(_ rows: [SpacedRow]) -> Int {
        let width = rows.map(\.values.count).max() ?? 0
        return rows.filter { $0.values.count == width && width > 0 }
            .map { $0.values[0].endColumn - $0.values[0].text.reduce(0) { $0 + TableCellText.width($1) } }.min() ?? 0
    }

    /// Whether a header line's words right of the labels stand one over each value column: as many as the columns,
    /// each within reach of a different column's middle, in order.
    static func standsOverEachColumn(_ line: SourceLine, rows: [SpacedRow], width: Int, splittingAt split: Int?) -> Bool {
        let middles = columnMiddles(rows, width: width)
        let start = firstValueStart(rows) - headerReach
        let words = TableCellText.headerSpans(line.text, splittingAt: split).filter { $0.end > start && !isRule($0.text) }
        guard words.count == width, middles.count == width else { return false }
        return zip(words, middles).allSatisfy { word, middle in
            word.start - headerReach <= middle && middle <= word.end + headerReach
        }
    }

    /// Whether the header lines name the value columns by where their words stand: every word right of the labels
    /// stands over one column or a run of them (within reach of their printed extent), the words of a line in
    /// order over different columns, and every column has a word over it on some line. A layout export centres a
    /// spanning word over its columns and a sub-column's word over its own (`招生数` over `计  其中:女`).
    static func namesEveryColumnByPosition(_ lines: [SourceLine], rows: [SpacedRow], width: Int, splittingAt split: Int?) -> Bool {
        let extents = columnExtents(rows, width: width)
        guard extents.count == width, width >= 2 else { return false }
        let start = firstValueStart(rows) - headerReach
        var named = Array(repeating: false, count: width)
        for line in lines {
            var next = 0
            for word in TableCellText.headerSpans(line.text, splittingAt: split) where word.end > start && !isRule(word.text) {
                // The columns the word overlaps, else the one whose edge it stands within reach of.
                let over = extents.indices.filter { word.start < extents[$0].end && extents[$0].start < word.end }
                let near = extents.indices.filter {
                    word.start - headerReach < extents[$0].end && extents[$0].start < word.end + headerReach
                }
                let under = over.isEmpty ? (near.count == 1 ? near : []) : over
                guard let first = under.first, first >= next else { return false }
                under.forEach { named[$0] = true }
                next = under.last! + 1
            }
        }
        return named.allSatisfy { $0 }
    }

    /// Each value column's printed extent (first to last display column), over the rows filling every column.
    static func columnExtents(_ rows: [SpacedRow], width: Int) -> [(start: Int, end: Int)] {
        let full = rows.filter { $0.values.count == width }
        guard !full.isEmpty, width > 0 else { return [] }
        return (0..<width).map { c in
            let spans = full.map { row -> (Int, Int) in
                let value = row.values[c]
                return (value.endColumn - value.text.reduce(0) { $0 + TableCellText.width($1) }, value.endColumn)
            }
            return (spans.map(\.0).min()!, spans.map(\.1).max()!)
        }
    }

    /// Each value column's middle display column, from the rows filling every column (the median).
    static func columnMiddles(_ rows: [SpacedRow], width: Int) -> [Int] {
        let full = rows.filter { $0.values.count == width }
        guard !full.isEmpty, width > 0 else { return [] }
        return (0..<width).map { c -> Int in
            let spans = full.map { row -> Int in
                let value = row.values[c]
                let start = value.endColumn - value.text.reduce(0) { $0 + TableCellText.width($1) }
                return (start + value.endColumn) / 2
            }.sorted()
            return spans[spans.count / 2]
        }
    }

    /// Display columns a header word may stand off the middle of the column it names.
    static let headerReach = 4

    /// The display column where most rows' labels have a second part (`学校数          所`), if they do.
    static func secondLabelPartColumn(_ rows: [SpacedRow]) -> Int? {
        let starts = rows.compactMap { $0.secondLabelPartColumn }.sorted()
        guard starts.count * 2 > rows.count else { return nil }
        return starts[starts.count / 2]
    }

    /// Characters a wrapped label's rest may have on its own line.
    static let maximumLabelRest = 8

    /// The row with its label finished by line `index`: a few Chinese characters and nothing else, standing within
    /// the label's last part (never left of it: a heading over the rows below), under a label filling the labels'
    /// width, with another row or the table's end after it.
    func continuedLabel(_ lines: [SourceLine], at index: Int, after row: SpacedRow, widestLabel: Int) -> SpacedRow? {
        let text = lines[index].text
        let rest = text.trimmingCharacters(in: .whitespaces)
        guard !rest.isEmpty, rest.count <= Self.maximumLabelRest, rest.allSatisfy(TableCellText.isIdeograph),
              let last = row.printedLabel.lastIndex(where: { !SpacedRow.isSpace($0) }) else { return nil }
        // Where the label's last part starts and where the rest stands (display columns).
        let lastPart = row.printedLabel[..<row.printedLabel.index(after: last)]
        let partStart = (lastPart.range(of: "  ", options: .backwards).map { lastPart[$0.upperBound...] } ?? lastPart)
            .drop(while: SpacedRow.isSpace)
        let partColumn = lastPart[..<partStart.startIndex].reduce(0) { $0 + TableCellText.width($1) }
        let restColumn = text.prefix { SpacedRow.isSpace($0) }.reduce(0) { $0 + TableCellText.width($1) }
        let labelEnd = lastPart.reduce(0) { $0 + TableCellText.width($1) }
        guard restColumn >= partColumn, restColumn < labelEnd, labelEnd >= widestLabel - 2 else { return nil }
        let next = index + 1
        guard next >= lines.count || lines[next].trimmedText.isEmpty
                || SpacedRow(lines[next].text, captionOpeners: captionOpeners) != nil else { return nil }
        var continued = row
        continued.printedLabel = String(lastPart) + rest + row.printedLabel[row.printedLabel.index(after: last)...]
        continued.label = TableCellText.label(continued.printedLabel)
        return continued
    }

    /// A blank line with a row right after it.
    func blankBeforeRow(_ lines: [SourceLine], at index: Int) -> Bool {
        guard lines[index].trimmedText.isEmpty, index + 1 < lines.count, lines[index + 1].isPlainText else { return false }
        return SpacedRow(lines[index + 1].text, captionOpeners: captionOpeners) != nil
    }

    /// A line of a bilingual table's English: the translation of a header (`Item`, `Growth Rate over`,
    /// `(person)`) or the wrapped rest of a row's label. Latin letters, spaces and brackets, no digits.
    static func isTranslation(_ text: String) -> Bool {
        var letters = 0
        for c in text {
            if c.isASCII && c.isLetter { letters += 1; continue }
            guard SpacedRow.isSpace(c) || "()（）%,.'&-/".contains(c) else { return false }
        }
        return letters >= 2
    }

    /// A line drawn as a rule: three or more of `─━-—=＝_` and nothing else but spaces.
    static func isRule(_ text: String) -> Bool {
        var count = 0
        for c in text where !SpacedRow.isSpace(c) {
            guard "─━-—–=＝_＿┄┈".contains(c) else { return false }
            count += 1
        }
        return count >= 3
    }

    /// Each row's value cells, empty ones included, read in the way the whole table agrees with.
    static func valueCells(of rows: [(line: SourceLine, row: SpacedRow)]) -> [[String]] {
        let width = rows.map(\.row.values.count).max() ?? 0
        let padded = rows.map { $0.row.paddedCells() }
        let usesPadding = padded.allSatisfy { $0.count <= width } && padded.contains { $0.contains("") }
        let anchors = usesPadding ? [] : columnEnds(rows.map(\.row), width: width)
        return rows.indices.map { r in usesPadding ? padded[r] : rows[r].row.alignedCells(to: anchors) }
    }

    /// Each column's end, from the rows that fill every column (the median, so one odd row does not move it).
    static func columnEnds(_ rows: [SpacedRow], width: Int) -> [Int] {
        let full = rows.filter { $0.values.count == width }
        return (0..<width).map { c in
            let ends = full.map { $0.values[c].endColumn }.sorted()
            return ends.isEmpty ? 0 : ends[ends.count / 2]
        }
    }
}

/// A line read as a label and the values right of it, with the spaces around each value.
struct SpacedRow: Equatable {
    struct Value: Equatable {
        var text: String
        /// Spaces between this value and what precedes it (0 for a value opening the line).
        var gapBefore: Int
        /// Display column just past the value's last character.
        var endColumn: Int
    }
    var label: String
    /// The label as printed, its spacing kept.
    var printedLabel = ""
    /// The label's parts between runs of two spaces or more (`在校生数`, `人` of `在校生数      人   3,812`); asked
    /// only of a matched table's rows, so not split for every line tried.
    var labelParts: [String] { labelPartSpans.map(\.text) }

    /// The display columns the printed label takes, its trailing spaces left out.
    var labelWidth: Int {
        printedLabel.reversed().drop(while: Self.isSpace).reduce(0) { $0 + TableCellText.width($1) }
    }

    /// The label's parts with the display column each starts at. Letter-spaced single characters (`合    计`) are
    /// one part.
    var labelPartSpans: [(text: String, start: Int)] {
        var parts: [(text: String, start: Int, end: Int)] = []
        var lastIsLetterRun = false
        var column = 0, spaces = 0, current = "", start = 0
        func close() {
            guard !current.isEmpty else { return }
            let text = TableCellText.label(current)
            let letter = text.count == 1 && text.allSatisfy(TableCellText.isIdeograph)
            if letter, lastIsLetterRun, let last = parts.last, start - last.end <= TableCellText.maximumLetterSpacing {
                parts[parts.count - 1] = (last.text + text, last.start, column - spaces)
            } else {
                parts.append((text, start, column - spaces))
                lastIsLetterRun = letter
            }
            current = ""
        }
        for c in printedLabel {
            if Self.isSpace(c) {
                spaces += 1
            } else {
                if spaces >= 2 { close() }
                if current.isEmpty { start = column } else if spaces == 1 { current.append(" ") }
                spaces = 0
                current.append(c)
            }
            column += TableCellText.width(c)
        }
        close()
        return parts.map { ($0.text, $0.start) }
    }
    /// The display column where the label's second part starts, after a run of two spaces or more.
    var secondLabelPartColumn: Int? {
        var column = 0, spaces = 0, sawText = false
        for c in printedLabel {
            if Self.isSpace(c) {
                spaces += 1
            } else {
                if sawText, spaces >= 2 { return column }
                sawText = true
                spaces = 0
            }
            column += TableCellText.width(c)
        }
        return nil
    }
    var values: [Value]
    var trailingSpaces: Int

    static let minimumValues = 1

    /// Nil unless the line ends in a value after a label without sentence punctuation that is not a
    /// caption or a note (`单位：人`, `数据来源 …`).
    init?(_ text: String, captionOpeners: [String]) {
        var tokens: [(text: String, gapBefore: Int, startIndex: Int, endColumn: Int)] = []
        let characters = Array(text)
        var column = 0, gap = 0, i = 0
        var sawToken = false
        while i < characters.count {
            let c = characters[i]
            if Self.isSpace(c) {
                gap += 1
                column += TableCellText.width(c)
                i += 1
                continue
            }
            var token = ""
            let startIndex = i
            while i < characters.count, !Self.isSpace(characters[i]) {
                token.append(characters[i])
                column += TableCellText.width(characters[i])
                i += 1
            }
            tokens.append((token, sawToken ? gap : 0, startIndex, column))
            sawToken = true
            gap = 0
        }
        var firstValue = tokens.count
        while firstValue > 0, TableCellText.isValue(tokens[firstValue - 1].text) { firstValue -= 1 }
        guard tokens.count - firstValue >= Self.minimumValues else { return nil }
        let labelText = firstValue == 0 ? "" : String(characters[..<tokens[firstValue].startIndex])
        let label = TableCellText.label(labelText)
        guard !TableCellText.hasSentencePunctuation(label), label.count <= SpaceAlignedTableShape.maximumLabelLength,
              !TableCaption.matches(label, openers: captionOpeners) else {
            return nil
        }
        self.label = label
        printedLabel = labelText
        values = tokens[firstValue...].enumerated().map { offset, token in
            // The gap before a row's first value counts only after a label; before it is indentation.
            Value(text: token.text, gapBefore: offset == 0 && label.isEmpty ? 1 : token.gapBefore, endColumn: token.endColumn)
        }
        trailingSpaces = gap
    }

    static func isSpace(_ c: Character) -> Bool { c == " " || c == "\u{3000}" || c == "\u{00A0}" }

    // MARK: Thousands grouped by a space

    /// Whether the rows print thousands apart by one space (`98 765   287 654`): every one-space gap between two
    /// values has a group of three digits after it and a whole number of at most three digits (or such groups)
    /// before it, at least one gap does, and some values stand two spaces or more apart (columns one space apart
    /// are the padded layout instead).
    static func groupsThousandsBySpace(_ rows: [SpacedRow]) -> Bool {
        var grouped = false, wideGap = false
        for row in rows {
            for k in row.values.indices.dropFirst() {
                let gap = row.values[k].gapBefore
                if gap >= 2 { wideGap = true; continue }
                guard gap == 1, isDigitGroup(row.values[k].text), isLeadingGroup(row.values[k - 1].text) else { return false }
                grouped = true
            }
        }
        return grouped && wideGap
    }

    /// The row with each value continued by groups of three digits one space after it joined into one number.
    func joiningSpacedThousands() -> SpacedRow {
        var joined = self
        joined.values = []
        for value in values {
            if value.gapBefore == 1, let last = joined.values.last, Self.isDigitGroup(value.text),
               Self.isLeadingGroup(last.text, joined: true) {
                joined.values[joined.values.count - 1].text += value.text
                joined.values[joined.values.count - 1].endColumn = value.endColumn
            } else {
                joined.values.append(value)
            }
        }
        return joined
    }

    /// `765`, `654.3`: three digits, a decimal part allowed.
    static func isDigitGroup(_ text: String) -> Bool {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return parts[0].count == 3 && parts[0].allSatisfy(\.isASCII) && parts[0].allSatisfy(\.isNumber)
            && (parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && $0.isNumber }))
    }

    /// `98`, `-1`: a whole number of at most three digits, what a group can follow (of any length once joined).
    static func isLeadingGroup(_ text: String, joined: Bool = false) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && (joined || digits.count <= 3) && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The value cells when an empty cell is printed as a space and its separator.
    func paddedCells() -> [String] {
        var cells: [String] = []
        for value in values {
            cells += Array(repeating: "", count: max(0, value.gapBefore - 1) / 2)
            cells.append(value.text)
        }
        cells += Array(repeating: "", count: trailingSpaces / 2)
        return cells
    }

    /// The value cells placed under the columns whose ends are `anchors`, in order, each at the nearest
    /// column that leaves room for the values after it.
    func alignedCells(to anchors: [Int]) -> [String] {
        guard values.count < anchors.count else { return values.map(\.text) }
        var cells = Array(repeating: "", count: anchors.count)
        var next = 0
        for (k, value) in values.enumerated() {
            let last = anchors.count - (values.count - k)
            let best = (next...last).min { abs(anchors[$0] - value.endColumn) < abs(anchors[$1] - value.endColumn) } ?? next
            cells[best] = value.text
            next = best + 1
        }
        return cells
    }
}

/// A table's caption or a note beside it, which never belongs to its rows.
enum TableCaption {
    static func matches(_ text: String, openers: [String]) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        for prefix in openers where t.hasPrefix(prefix) {
            let rest = t.dropFirst(prefix.count).first
            if rest == nil || rest!.isNumber || rest == " " || rest == ":" || rest == "：" || rest == "（" || rest == "(" {
                return true
            }
        }
        // Yearbook numbering: `10-15 市区教育事业基本情况`, `18-1 主要年份…`.
        let number = t.prefix { $0.isASCII && ($0.isNumber || $0 == "-") }
        return number.contains("-") && number.first?.isNumber == true && number.last?.isNumber == true
            && t.dropFirst(number.count).first == " "
    }
}
