import NianbaoModel

/// Statistics tables whose rows name kinds and levels of education (yearbooks, bulletins): `学校数 (所)`
/// followed by `普通高等学校 / 中等职业学校 / 技工学校 / 普通中学 …` rows under year columns, or
/// `中等职业学校 / #普通中专 / 职业高中` rows under indicator columns. A row of secondary vocational education
/// as a whole gives the entity's value; a kind of it (`普通中专`, `技工学校`) gives a value with that
/// `category`; other levels are not ours. A row naming only an indicator in a table of several levels is
/// the total over all of them, and is left out.
extension ExtractionRun {
    /// Reads the table when its labels name categories; false when it is not such a table.
    mutating func extractCategoryTable(_ table: TableData, rows: [[String]], title: String,
                                       entity: ResolvedEntity, year: (year: Int?, source: String)) -> Bool {
        let categories = rules.tableCategories
        let labels = rows.map { TableLabel($0.first ?? "") }
        // A school's name (`上海市市北职业高级中学`) is an entity row, not a kind of school.
        let classes = labels.map { label in isSchoolName(label.text) ? nil : categories.classify(label.text) }
        // Ours only when some label names secondary vocational education or a kind of it.
        guard classes.contains(where: { $0 != nil && $0 != TableCategory.otherLevel }) else { return false }
        let titleClass = categories.classify(TableLabel(title).text)
        let headerCount = Self.categoryHeaderCount(rows)
        guard headerCount < rows.count else { return false }
        let width = rows.map(\.count).max() ?? 0
        var yearOfColumn: [Int: Int] = [:]
        var indicatorOfColumn: [Int: (indicator: Int, unit: String?)] = [:]
        for c in 1..<max(1, width) {
            for r in 0..<headerCount where c < rows[r].count && !rows[r][c].isEmpty {
                if let year = Self.headerYear(rows[r][c]) {
                    yearOfColumn[c] = year
                } else {
                    let label = TableLabel(rows[r][c])
                    if let indicator = tableIndicator(label.text) { indicatorOfColumn[c] = (indicator, label.unit) }
                }
            }
        }
        // A table of several levels: a row naming no category sums over all of them.
        let severalLevels = classes.contains { $0 == TableCategory.otherLevel }
        var group: (indicator: Int, unit: String?)?
        var emitted = false
        for r in headerCount..<rows.count {
            let label = labels[r]
            let rowClass = classes[r]
            // `中等职业学校` names a kind of school and is a phrase of the school count too: in a category row
            // only what the label says beside its category names an indicator (`中等职业学校专任教师数`).
            let rowIndicator = tableIndicator(rowClass == nil ? label.text : categories.removingCategoryWords(label.text))
            if let rowIndicator, rowClass == nil || rowClass == TableCategory.whole { group = (rowIndicator, label.unit) }
            if rowClass == TableCategory.otherLevel { continue }
            let effective = rowClass ?? titleClass
            guard effective != nil || !severalLevels else { continue }
            let category: String? = {
                if case .part(let name)? = rowClass { return name }
                if rowClass == nil, case .part(let name)? = titleClass { return name }
                return nil
            }()
            if !yearOfColumn.isEmpty {
                guard let indicator = rowIndicator ?? (rowClass != nil ? group?.indicator : nil) else { continue }
                guard effective != nil || rowIndicator != nil else { continue }
                let unit = label.unit ?? group?.unit
                for (c, columnYear) in yearOfColumn.sorted(by: { $0.key < $1.key }) where c < rows[r].count {
                    emitted = emitCategoryCell(rows[r][c], row: rows[r], indicator: indicator, unit: unit, table: table,
                                               r: r, c: c, entity: entity, year: (columnYear, "table_header"),
                                               category: category) || emitted
                }
            } else {
                guard effective != nil else { continue }
                for (c, column) in indicatorOfColumn.sorted(by: { $0.key < $1.key }) where c < rows[r].count {
                    emitted = emitCategoryCell(rows[r][c], row: rows[r], indicator: column.indicator, unit: column.unit,
                                               table: table, r: r, c: c, entity: entity, year: year,
                                               category: category) || emitted
                }
            }
        }
        return emitted || !yearOfColumn.isEmpty || !indicatorOfColumn.isEmpty
    }

    /// Leading rows that hold no number but years (`项目 Item | 2020 | 2021`, `指标 | 2022年 | 2021年`).
    static func categoryHeaderCount(_ rows: [[String]]) -> Int {
        var count = 0
        while count < min(rows.count, 12),
              rows[count].dropFirst().allSatisfy({ $0.isEmpty || !isPlainNumber($0) || headerYear($0) != nil }) {
            count += 1
        }
        return count
    }

    func isSchoolName(_ label: String) -> Bool {
        if compiled.entityIndex[CompiledRules.tableKey(label)] != nil { return true }
        let scalars = AnalysedText(label).scalars
        return !rules.schoolFinder.find(in: scalars, regions: rules.gazetteer.matches(in: scalars)).isEmpty
    }

    /// The indicator a label names: exactly as a table name, else the longest indicator phrase inside it.
    func tableIndicator(_ label: String) -> Int? {
        guard !label.isEmpty else { return nil }
        if let targets = compiled.tableNames[CompiledRules.tableKey(label)], let first = targets.first { return first }
        let phrases = scan(AnalysedText(label)).phrases
        return phrases.max { ($0.end - $0.start) < ($1.end - $1.start) }?.targets.first
    }

    private mutating func emitCategoryCell(_ cell: String, row: [String], indicator: Int, unit: String?, table: TableData,
                                           r: Int, c: Int, entity: ResolvedEntity, year: (year: Int?, source: String),
                                           category: String?) -> Bool {
        let rule = rules.indicators[indicator]
        let converted = unit.flatMap(compiled.printedUnit)
        if let converted, !compiled.unitAccepted(converted.unit, by: rule.unit) { return false }
        let before = result.observations.count
        let location = table.cellLocations?[safe: r]?[safe: c] ?? table.rowLocations[safe: r]
        emitCell(cell, row: row, rule: rule, factor: converted?.factor ?? 1, entity: entity, year: year,
                 location: location, table: table, group: nil, role: nil, category: category)
        return result.observations.count > before
    }
}
