import NianbaoModel

/// The column names of a space-separated table whose header is wrapped over several lines that do not line
/// up with the values (text exports of yearbook tables):
///
///     机构数(个) 毕业生数 招生数 在校生数 毕业班          学校数 招生数 毕业生数 在  校 教职工
///          学生数                                    (所) (人) (人) 学生数 人  数 #专任
///     教职工数 占地面积                                        (人) (人)   教师
///          (万平方米)
///     …
///     其中:女 其中:女 其中:专任教师
///
/// Names are stacked: a word continues the leftmost column whose name is not finished yet (a name ends in a
/// measure word: `数`, `率`, `面积`, `资产` …), otherwise it opens the next column; a unit `(…)` goes to the
/// leftmost column of its kind (area, money, count) that has none. A line of `其中…` words only lists
/// sub-columns printed after their parents somewhere in the row: they are placed where the values allow (a
/// count column holds whole numbers, a part is no larger than the column it belongs to), and a column whose
/// place the values leave open gets no name rather than a guess.
struct WrappedHeader {
    /// The words of column names (`documents.yaml` `table_headers`).
    let words: TableHeaderWords

    struct Column: Equatable {
        var name: String
        var unit: String?
        var location: SourceLocation
        var isSub: Bool
    }

    /// One header row (an empty first cell over the row labels, then one name per value column), or nil when
    /// the lines cannot be read as exactly `width` columns.
    func merge(_ lines: [SourceLine], valueRows: [[String]], width: Int) -> TextTableRow? {
        guard lines.count >= 2, width >= 2 else { return nil }
        var columns: [Column] = []
        var floatingSubs: [Column] = []
        for line in lines {
            // A word continues a column begun on an earlier line, never one of its own line (`在  校 教职工`).
            let begunBefore = columns.count
            let cells = TableCellText.headerCells(line.text)
            let nonUnits = cells.filter { !Self.isUnit($0) }
            let onlySubs = !nonUnits.isEmpty && nonUnits.allSatisfy(isSubName)
            for word in cells {
                if Self.isUnit(word) {
                    attach(unit: word, to: &columns)
                } else if onlySubs && columns.count > 0 {
                    floatingSubs.append(Column(name: word, unit: nil, location: line.location, isSub: true))
                } else if !isSubName(word), let open = columns[..<begunBefore].firstIndex(where: { !isFinished($0.name) }) {
                    let (name, unit) = Self.splitUnit(word)
                    columns[open].name += name
                    if let unit, columns[open].unit == nil { columns[open].unit = unit }
                } else {
                    let (name, unit) = Self.splitUnit(word)
                    columns.append(Column(name: name, unit: unit, location: line.location, isSub: isSubName(word)))
                }
            }
        }
        guard columns.count + floatingSubs.count == width, columns.allSatisfy({ isFinished($0.name) }) else { return nil }
        let placed = floatingSubs.isEmpty ? columns.map(Optional.some) : place(floatingSubs, among: columns, rows: valueRows)
        guard let placed else { return nil }
        var cells = [""]
        var locations = [lines[0].location]
        for column in placed {
            cells.append(column.map { $0.name + ($0.unit ?? "") } ?? "")
            locations.append(column?.location ?? lines[0].location)
        }
        return TextTableRow(cells: cells, locations: locations)
    }

    // MARK: Names and units

    /// A finished column name ends in a measure (`学校数`, `就业率`, `占地面积`, `固定资产`, `专任教师`,
    /// `words.nameEndings`); `毕业班`, `在校`, `教职工` are the first half of a wrapped name.
    func isFinished(_ name: String) -> Bool {
        guard let last = name.last else { return false }
        return words.nameEndings.contains(last) || !TableCellText.isIdeograph(last)
    }

    static func isUnit(_ word: String) -> Bool {
        guard let first = word.first, let last = word.last, word.count >= 3 else { return false }
        return (first == "(" || first == "（") && (last == ")" || last == "）")
    }

    /// `其中:女`, `#专任`: a part of another column.
    func isSubName(_ word: String) -> Bool { words.partMarkers.contains { word.hasPrefix($0) } }

    /// `机构数(个)` → `机构数`, `(个)`.
    static func splitUnit(_ word: String) -> (String, String?) {
        guard word.last == ")" || word.last == "）", let open = word.lastIndex(where: { $0 == "(" || $0 == "（" }),
              open != word.startIndex else { return (word, nil) }
        return (String(word[..<open]), String(word[open...]))
    }

    enum Kind { case area, money, count }

    func kind(ofUnit unit: String) -> Kind {
        if words.areaUnits.contains(where: { unit.contains($0) }) { return .area }
        if words.moneyUnits.contains(where: { unit.contains($0) }) { return .money }
        return .count
    }

    func kind(ofName name: String) -> Kind {
        if words.areaWords.contains(where: { name.contains($0) }) { return .area }
        if let last = name.last, words.moneyEndings.contains(last) { return .money }
        return .count
    }

    /// A unit on a line of its own belongs to the leftmost column of its kind still without one.
    func attach(unit: String, to columns: inout [Column]) {
        let kind = kind(ofUnit: unit)
        if let k = columns.firstIndex(where: { $0.unit == nil && self.kind(ofName: $0.name) == kind })
            ?? columns.firstIndex(where: { $0.unit == nil }) {
            columns[k].unit = unit
        }
    }

    // MARK: Placing sub-columns

    /// Placements tried at most: sub-columns interleaved with the columns, in their printed order.
    static let maximumPlacements = 20_000

    /// Every order of `columns` and `subs` (each keeping its own order, a sub never first) that the value
    /// rows allow; a position filled by the same column in all of them gets it, any other position nil.
    func place(_ subs: [Column], among columns: [Column], rows: [[String]]) -> [Column?]? {
        let width = columns.count + subs.count
        let full = rows.filter { $0.count == width }
        var valid: [[Column]] = []
        var tried = 0
        func extend(_ order: [Column], _ c: Int, _ s: Int) -> Bool {
            tried += 1
            if tried > Self.maximumPlacements { return false }
            if c == columns.count && s == subs.count {
                if allows(order, rows: full) { valid.append(order) }
                return true
            }
            if c < columns.count, !extend(order + [columns[c]], c + 1, s) { return false }
            if s < subs.count, !order.isEmpty, !extend(order + [subs[s]], c, s + 1) { return false }
            return true
        }
        guard extend([], 0, 0), let first = valid.first else { return nil }
        return first.indices.map { i in valid.allSatisfy { $0[i] == first[i] } ? first[i] : nil }
    }

    /// Whether every row agrees with the order: whole numbers under count columns, each part no larger than
    /// the column it hangs from, and a part sharing a word with some column (`其中:专任教师`, `教职工数`) hangs from
    /// one it shares a word with.
    func allows(_ order: [Column], rows: [[String]]) -> Bool {
        let primaries = order.filter { !$0.isSub }
        var parentName: String?
        for column in order {
            guard column.isSub else { parentName = column.name; continue }
            if primaries.contains(where: { related(column.name, $0.name) }),
               !(parentName.map { related(column.name, $0) } ?? false) {
                return false
            }
        }
        for row in rows {
            var parent: Double?
            for (column, cell) in zip(order, row) {
                let value = Self.number(cell)
                if !column.isSub { parent = value }
                guard let value else { continue }
                let kind = column.unit.map(kind(ofUnit:)) ?? kind(ofName: column.name)
                if kind == .count && value != value.rounded() { return false }
                if column.isSub, let parent, value > parent { return false }
            }
        }
        return true
    }

    /// Characters a part's name shares with a column's, past the marks and measure words all names have.
    func related(_ sub: String, _ column: String) -> Bool {
        let markerCharacters = Set(words.partMarkers.joined())
        let own = Set(sub.filter { TableCellText.isIdeograph($0) && !words.nameEndings.contains($0) && !markerCharacters.contains($0) })
        return column.contains { own.contains($0) }
    }

    static func number(_ cell: String) -> Double? {
        Double(cell.filter { $0 != "," }.trimmingCharacters(in: .whitespaces))
    }
}

extension TableHeaderWords {
    /// Whether a header cell names a value column by its form: a measure's name (`学校数`, `在校生数（人）`) or a
    /// year (`2023年`, `2023`), never the label column's `项目`, `地区`.
    func namesMeasureOrYear(_ cell: String) -> Bool {
        let name = WrappedHeader.splitUnit(cell).0
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        if digits.count == 4, name.dropFirst(4).allSatisfy({ $0 == "年" }) { return true }
        guard let last = name.last, TableCellText.isIdeograph(last) else { return false }
        return nameEndings.contains(last)
    }
}
