import NianbaoModel

/// Pipe tables: Markdown (`| a | b |` over `|---|---|`), rows one per line with or without outer bars
/// (`1 | 机械类 | 1172 | 1065 |`), uneven cell counts and empty cells (`| 5.27 | ||||`), and a whole
/// table on one line (`| a | b | |---|---| | 1 | 2 |`). Two pipe lines, or one with a separator row, make a table.
struct PipeTableShape: TextTableShape {
    func match(_ lines: [SourceLine], at start: Int) -> TextTableMatch? {
        var rows: [TextTableRow] = []
        var sawSeparator = false
        var j = start
        while j < lines.count, lines[j].isPlainText {
            if Self.isASCIIRule(lines[j].text), j > start || (j + 1 < lines.count && Self.segments(of: lines[j + 1].text) != nil) {
                sawSeparator = true
                j += 1
                continue
            }
            guard let segments = Self.segments(of: lines[j].text) else { break }
            if Self.isSeparator(segments) {
                sawSeparator = true
            } else if let table = Self.oneLineTable(segments) {
                sawSeparator = true
                rows += table.map { TextTableRow(cells: $0, line: lines[j]) }
            } else {
                rows.append(TextTableRow(cells: segments.map(Self.trimmed), line: lines[j]))
            }
            j += 1
        }
        guard !rows.isEmpty, j - start >= 2 || sawSeparator else { return nil }
        return TextTableMatch(lines: start..<j, rows: rows)
    }

    /// The text between bars, outer bars dropped; nil when the line is not a pipe row. A row has bars at
    /// its ends or bars with spaces around them (`a | b`), so `简体版|繁体版` in running text is not one.
    static func segments(of text: String) -> [String]? {
        let line = text.trimmingCharacters(in: .whitespaces)
        guard line.contains("|") else { return nil }
        let opens = line.hasPrefix("|"), closes = line.hasSuffix("|")
        guard opens || closes || line.contains(" | ") else { return nil }
        var parts = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        if opens { parts.removeFirst() }
        if closes, !parts.isEmpty { parts.removeLast() }
        // A single cell is a row only between outer bars (`| x |`); `年级 |` is one cell of a one-per-line table.
        guard parts.count >= 2 || (opens && closes && parts.count == 1) else { return nil }
        return parts
    }

    /// `+------+-----+`: the rules of a table drawn in ASCII, around pipe rows.
    static func isASCIIRule(_ text: String) -> Bool {
        let line = text.trimmingCharacters(in: .whitespaces)
        return line.count >= 3 && line.hasPrefix("+") && line.hasSuffix("+") && line.contains("-")
            && line.allSatisfy { "+-=:".contains($0) }
    }

    static func trimmed(_ cell: String) -> String {
        cell.trimmingCharacters(in: .whitespaces)
    }

    /// `---`, `:--`, `:-:`: three hyphens or an alignment colon, so a `-` placeholder cell is not one.
    static func isSeparatorCell(_ cell: String) -> Bool {
        var text = Substring(trimmed(cell))
        let full = text.count
        if text.hasPrefix(":") { text = text.dropFirst() }
        if text.hasSuffix(":") { text = text.dropLast() }
        return !text.isEmpty && text.allSatisfy { $0 == "-" } && (text.count >= 3 || text.count < full)
    }

    static func isSeparator(_ segments: [String]) -> Bool {
        segments.allSatisfy(isSeparatorCell)
    }

    /// A Markdown table written on one line: the header's cells, the separator run, then rows of as many
    /// cells, each row set off by the empty cell that `| |` between two rows leaves.
    static func oneLineTable(_ segments: [String]) -> [[String]]? {
        guard let first = segments.firstIndex(where: isSeparatorCell), first > 0 else { return nil }
        var end = first
        while end < segments.count, isSeparatorCell(segments[end]) { end += 1 }
        let width = end - first
        var headerEnd = first
        if trimmed(segments[headerEnd - 1]).isEmpty { headerEnd -= 1 }
        guard headerEnd >= width else { return nil }
        var rows = [Array(segments[(headerEnd - width)..<headerEnd]).map(trimmed)]
        let rest = Array(segments[end...])
        guard !rest.isEmpty else { return rows }
        // Rows set off by a blank cell when every (width + 1)-th cell is blank, else packed.
        let setOff = stride(from: 0, to: rest.count, by: width + 1).allSatisfy { trimmed(rest[$0]).isEmpty }
        let stride = setOff ? width + 1 : width
        var k = 0
        while k < rest.count {
            let from = setOff ? k + 1 : k
            let to = min(k + stride, rest.count)
            if from < to { rows.append(rest[from..<to].map(trimmed)) }
            k += stride
        }
        return rows
    }
}
