import NianbaoModel

/// MediaWiki tables, as encyclopedia pages are exported: `{|` opens, `|-` starts a row, `|+` is the
/// caption, cells are lines opening with `|` (data) or `!` (header), several to a line when joined by
/// `||` or `!!`, and `|}` closes. A cell's attributes (`style="…" | 920`) are layout, not text.
struct WikiTableShape: TextTableShape {
    func match(_ lines: [SourceLine], at start: Int) -> TextTableMatch? {
        guard lines[start].trimmedText.hasPrefix("{|") else { return nil }
        var rows: [TextTableRow] = []
        var current = TextTableRow(cells: [], locations: [])
        func endRow() {
            if !current.cells.isEmpty { rows.append(current) }
            current = TextTableRow(cells: [], locations: [])
        }
        var j = start + 1
        while j < lines.count, lines[j].isPlainText {
            let text = lines[j].trimmedText
            let location = lines[j].location
            j += 1
            if text.hasPrefix("|}") { break }
            if text.hasPrefix("|-") { endRow(); continue }
            if text.hasPrefix("|+") {
                endRow()
                rows.append(TextTableRow(cells: [Self.withoutAttributes(String(text.dropFirst(2)))], locations: [location]))
                continue
            }
            guard let first = text.first, first == "|" || first == "!" else {
                // A cell's text running on over the next line.
                if !current.cells.isEmpty, !text.isEmpty { current.cells[current.cells.count - 1] += text }
                continue
            }
            for cell in Self.cells(of: String(text.dropFirst()), header: first == "!") {
                current.append(cell, at: location)
            }
        }
        endRow()
        guard rows.contains(where: { $0.cells.count >= 2 }) else { return nil }
        return TextTableMatch(lines: start..<j, rows: rows)
    }

    /// The cells of one line after its opening mark: split at `||` (and `!!` on a header line).
    static func cells(of text: String, header: Bool) -> [String] {
        var parts = text.components(separatedBy: "||")
        if header { parts = parts.flatMap { $0.components(separatedBy: "!!") } }
        return parts.map(withoutAttributes)
    }

    /// `style="text-align:right" | 920` → `920`: what stands before a single bar is the cell's attributes
    /// when it looks like them (`name=value`).
    static func withoutAttributes(_ cell: String) -> String {
        if let bar = cell.firstIndex(of: "|"), cell[..<bar].contains("=") {
            return String(cell[cell.index(after: bar)...]).trimmingCharacters(in: .whitespaces)
        }
        return cell.trimmingCharacters(in: .whitespaces)
    }
}
