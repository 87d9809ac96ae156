import NianbaoModel

/// Cross-tabulations whose title names the indicator (`2016学年在校生情况汇总表`, `2017、2016届毕业生对比表`):
/// the rows and columns break it down (grades by specialty, or the years of its rows by specialty), with a
/// `总计`/`合计` row or column. A total row or column gives each category's value across it (its `category`:
/// the row's or the column's label) and the corner the whole; inner cells are combinations no category field
/// can hold and are left out. Rows named by a year (`2017届`, `2016学年`) give that year's value of every
/// column's category.
extension ExtractionRun {
    mutating func extractCrossTable(_ table: TableData, rows: [[String]], title: String, entity: ResolvedEntity,
                                    year: (year: Int?, source: String)) -> Bool {
        guard rows.count >= 3, let header = rows.first, header.count >= 3,
              let indicator = titleIndicator(title) else { return false }
        // A header naming indicators or years is another shape.
        guard header.dropFirst().allSatisfy({ !$0.isEmpty && tableIndicator(TableLabel($0).text) == nil && Self.headerYear($0) == nil })
        else { return false }
        let dataRows = rows.dropFirst().filter { !rules.tableWords.changeLabels.contains(Self.withoutSpaces($0.first ?? "")) }
        guard dataRows.allSatisfy({ $0.dropFirst().allSatisfy { $0.isEmpty || Self.isPlainNumber($0) } }) else { return false }
        let totalColumn = header.firstIndex { rules.tableWords.totalLabels.contains(Self.withoutSpaces($0)) }
        let rowYears = dataRows.map { Self.yearAndRest($0.first ?? "")?.year }
        let totalRow = dataRows.firstIndex { rules.tableWords.totalLabels.contains(Self.withoutSpaces($0.first ?? "")) }
        guard totalColumn != nil || totalRow != nil || rowYears.allSatisfy({ $0 != nil }) else { return false }
        func category(_ label: String) -> String { Self.withoutSpaces(label) }
        var emitted = false
        for (offset, row) in dataRows.enumerated() {
            let r = rows.firstIndex(of: row) ?? 0
            // `2017届毕业生` names its own indicator after its year; `2017届毕业率`, one no rule knows: not ours.
            var rowIndicator = indicator
            if let rest = Self.yearAndRest(row.first ?? "")?.rest, !rest.isEmpty {
                guard let named = tableIndicator(TableLabel(rest).text) else { continue }
                rowIndicator = named
            }
            let rule = rules.indicators[rowIndicator]
            var cells: [(column: Int, category: String?, year: (year: Int?, source: String))] = []
            // (a row wider than the header has no column names for its extra cells: they are left out)
            let named = 1..<max(1, min(row.count, header.count))
            if let rowYear = rowYears[offset] {
                for c in named { cells.append((c, c == totalColumn ? nil : category(header[c]), (rowYear, "table_row"))) }
            } else if offset == totalRow {
                for c in named { cells.append((c, c == totalColumn ? nil : category(header[c]), year)) }
            } else if let totalColumn, totalColumn < row.count {
                cells.append((totalColumn, category(row[0]), year))
            }
            for cell in cells where cell.column < row.count && cell.column < header.count {
                let before = result.observations.count
                let location = table.cellLocations?[safe: r]?[safe: cell.column] ?? table.rowLocations[safe: r]
                emitCell(row[cell.column], row: row, rule: rule, factor: 1, entity: entity, year: cell.year,
                         location: location, table: table, group: nil, role: nil, category: cell.category)
                emitted = emitted || result.observations.count > before
            }
        }
        return emitted
    }

    /// The indicator a table's title names (`在校生情况汇总表` → enrollment): its longest phrase.
    func titleIndicator(_ title: String) -> Int? {
        guard !title.isEmpty else { return nil }
        let phrases = scan(AnalysedText(title)).phrases
        return phrases.max { ($0.end - $0.start) < ($1.end - $1.start) }?.targets.first
    }

    /// `2017届`, `2016学年`, `2019年`, and what follows (`2017届毕业生` → 2017, `毕业生`): a row of a year (a
    /// grade `2016级` is a cohort, not a year of the value).
    static func yearAndRest(_ label: String) -> (year: Int, rest: String)? {
        let compact = withoutSpaces(label)
        for form in ["学年", "届", "年"] {
            guard compact.count >= 4 + form.count, let year = Int(compact.prefix(4)), (1949...2100).contains(year),
                  compact.dropFirst(4).hasPrefix(form) else { continue }
            return (year, String(compact.dropFirst(4 + form.count)))
        }
        return nil
    }

    /// Rows of one breakdown under year columns (`序号 | 专业类别 | 2019年度 | 2020年度`), the indicator named by the
    /// title (`各专业人数分布如下` → enrollment): each row's label is the category of its values, a total row the
    /// whole. Only when the header over the labels says it is a breakdown (`table_categories.breakdown_headers`).
    mutating func extractBreakdownByYear(_ table: TableData, rows: [[String]], title: String,
                                         entity: ResolvedEntity) -> Bool {
        guard rows.count >= 2, let header = rows.first, let indicator = titleIndicator(title),
              let firstYear = header.firstIndex(where: { Self.headerYear($0) != nil }), firstYear >= 1,
              rules.tableCategories.breakdownHeaders.contains(where: { header[firstYear - 1].contains($0) })
        else { return false }
        let labelColumn = firstYear - 1
        let yearColumns = header.indices.filter { Self.headerYear(header[$0]) != nil }
        let rule = rules.indicators[indicator]
        var emitted = false
        for r in 1..<rows.count where labelColumn < rows[r].count {
            let row = rows[r]
            let label = Self.withoutSpaces(row[labelColumn])
            guard !label.isEmpty, Self.headerYear(label) == nil else { continue }
            let category: String? = rules.tableWords.totalLabels.contains(label) ? nil : label
            for c in yearColumns where c < row.count {
                let before = result.observations.count
                let location = table.cellLocations?[safe: r]?[safe: c] ?? table.rowLocations[safe: r]
                emitCell(row[c], row: row, rule: rule, factor: 1, entity: entity, year: (Self.headerYear(header[c]), "table_header"),
                         location: location, table: table, group: nil, role: nil, category: category)
                emitted = emitted || result.observations.count > before
            }
        }
        return emitted
    }
}

