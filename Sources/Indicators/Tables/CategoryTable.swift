import Foundation
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
        // A unit column (`指标 | 单位 | 2023年 …`): each row's unit, where its label prints none.
        let unitHeaders = rules.tableWords.unitHeaders
        let unitColumn = (0..<headerCount).compactMap { r in
            rows[r].firstIndex { unitHeaders.contains(Self.withoutSpaces($0)) }
        }.first
        guard headerCount < rows.count else { return false }
        let width = rows.map(\.count).max() ?? 0
        var yearOfColumn: [Int: Int] = [:]
        var changeYearOfColumn: [Int: (year: Int, percent: Bool)] = [:]
        var indicatorOfColumn: [Int: (indicator: Int, unit: String?)] = [:]
        for c in 1..<max(1, width) {
            for r in 0..<headerCount where c < rows[r].count && !rows[r][c].isEmpty {
                if let year = Self.headerYear(rows[r][c]) {
                    yearOfColumn[c] = year
                } else if let year = changeYear(rows[r][c]) {
                    changeYearOfColumn[c] = (year, Self.parenthesisedUnit(rows[r][c]).map { $0 == "%" || $0 == "％" } ?? false)
                } else {
                    let label = TableLabel(rows[r][c])
                    if let (year, rest) = Self.yearAndRest(rows[r][c]), let indicator = tableIndicator(TableLabel(rest).text) {
                        // `2022年招生数`: that year's column of the indicator.
                        yearOfColumn[c] = year
                        indicatorOfColumn[c] = (indicator, label.unit)
                    } else if let indicator = tableIndicator(label.text) {
                        indicatorOfColumn[c] = (indicator, label.unit)
                    }
                }
            }
        }
        // Two header rows of indicators and years, the upper one spanning (`招生数` over `2022年 | 2023年`, or `2022年`
        // over `招生数 | 在校生数`): a column left blank under the spanning cell takes it.
        if headerCount > 1, !yearOfColumn.isEmpty, !indicatorOfColumn.isEmpty {
            for c in 1..<max(1, width) where (yearOfColumn[c] == nil && changeYearOfColumn[c] == nil) != (indicatorOfColumn[c] == nil) {
                for r in 0..<headerCount - 1 {
                    guard let spanning = Self.spanningCell(rows[r], at: c) else { continue }
                    if yearOfColumn[c] == nil, let year = Self.headerYear(spanning) {
                        yearOfColumn[c] = year
                    } else if indicatorOfColumn[c] == nil, Self.headerYear(spanning) == nil, changeYear(spanning) == nil {
                        let label = TableLabel(spanning)
                        if let indicator = tableIndicator(label.text) { indicatorOfColumn[c] = (indicator, label.unit) }
                    }
                }
            }
        }
        // Year columns of planned figures: a target word in the header (`2027年（目标）`), or in a plan a year after
        // the one it starts from.
        let planBase = rules.plans.baseYear(ofPlanTitled: document.frontMatter.title)
        let targetColumns = Set(yearOfColumn.compactMap { c, year -> Int? in
            let header = (0..<headerCount).compactMap { rows[$0][safe: c] }.joined()
            return rules.tableWords.targetHeaders.contains(where: { header.contains($0) }) || planBase.map({ year > $0 }) == true
                ? c : nil
        })
        // A change column naming no year (`比上年增减（%）`) beside year columns is the latest year's change.
        if let latest = yearOfColumn.values.max() {
            for c in 1..<max(1, width) where yearOfColumn[c] == nil && changeYearOfColumn[c] == nil && indicatorOfColumn[c] == nil {
                guard let header = (0..<headerCount).reversed().lazy.compactMap({ r in c < rows[r].count && !rows[r][c].isEmpty ? rows[r][c] : nil }).first,
                      isChangeHeader(header) else { continue }
                changeYearOfColumn[c] = (latest, Self.parenthesisedUnit(header).map { $0 == "%" || $0 == "％" } ?? false)
            }
        }
        // `招生数` over `绝对数 | 比上年增长` and no year columns: the change column is its spanning indicator's change in
        // the table's year (a growth rate when the header or the table's unit line says %).
        var changeOfIndicatorColumn: [Int: (indicator: Int, percent: Bool)] = [:]
        if yearOfColumn.isEmpty {
            for c in 1..<max(1, width) where indicatorOfColumn[c] == nil && changeYearOfColumn[c] == nil {
                // (else, `学校数 | 比上年增减`, the indicator of the column left of it)
                guard let r = (0..<headerCount).reversed().first(where: { c < rows[$0].count && !rows[$0][c].isEmpty }),
                      isChangeHeader(rows[r][c]) else { continue }
                let spanning = (0..<r).reversed().lazy.compactMap({ Self.spanningCell(rows[$0], at: c) }).first
                guard let indicator = spanning.flatMap({ tableIndicator(TableLabel($0).text) })
                        ?? indicatorOfColumn[c - 1]?.indicator ?? changeOfIndicatorColumn[c - 1]?.indicator else { continue }
                let percent = Self.parenthesisedUnit(rows[r][c]).map { $0 == "%" || $0 == "％" } ?? tableStatedUnits.contains("%")
                changeOfIndicatorColumn[c] = (indicator, percent)
            }
        }
        // A table of several levels: a row naming no category sums over all of them.
        let severalLevels = classes.contains { $0 == TableCategory.otherLevel }
        var group: (indicator: Int, unit: String?)?
        var emitted = false
        let titleIsOurs = titleClass != nil && titleClass != TableCategory.otherLevel
        let firstFigures = rows.map { row in row.dropFirst().first(where: Self.isPlainNumber).flatMap { Decimal(string: $0.filter { $0 != "," }) } }
        let rowCategories = CategoryRows(labels: labels, classes: classes, from: headerCount, excluding: categories.excluding,
                                         titleIsOurs: titleIsOurs, firstFigures: firstFigures)
        for r in headerCount..<rows.count {
            let label = labels[r]
            let rowClass = classes[r]
            // `中等职业学校` names a kind of school and is a phrase of the school count too: in a category row
            // only what the label says beside its category names an indicator (`中等职业学校专任教师数`).
            let rowIndicator = tableIndicator(rowClass == nil ? label.text : categories.removingCategoryWords(label.text))
            if let rowIndicator, rowClass == nil || rowClass == TableCategory.whole { group = (rowIndicator, label.unit) }
            if rowClass == TableCategory.otherLevel {
                // Another level's row gives only the indicators declared for that level (`普通高中` › 招生数).
                if yearOfColumn.isEmpty && !label.isPart {
                    for (c, column) in indicatorOfColumn.sorted(by: { $0.key < $1.key }) where c < rows[r].count {
                        guard let variant = levelVariant(of: column.indicator, in: label.text) else { continue }
                        emitted = emitCategoryCell(rows[r][c], row: rows[r], indicator: variant, unit: column.unit,
                                                   table: table, r: r, c: c, entity: entity, year: year, category: nil) || emitted
                    }
                }
                // (and under year columns each naming an indicator, `招生数（人）` › `2023年`, each year's)
                if !yearOfColumn.isEmpty && !label.isPart {
                    for (c, year) in yearOfColumn.sorted(by: { $0.key < $1.key }) where c < rows[r].count {
                        guard let column = indicatorOfColumn[c], let variant = levelVariant(of: column.indicator, in: label.text)
                        else { continue }
                        emitted = emitCategoryCell(rows[r][c], row: rows[r], indicator: variant, unit: column.unit, table: table,
                                                   r: r, c: c, entity: entity, year: (year, "table_header"), category: nil,
                                                   isTarget: targetColumns.contains(c)) || emitted
                    }
                }
                if yearOfColumn.isEmpty && !label.isPart {
                    for (c, change) in changeOfIndicatorColumn.sorted(by: { $0.key < $1.key }) where c < rows[r].count {
                        guard let variant = levelVariant(of: change.indicator, in: label.text) else { continue }
                        emitted = emitCategoryCell(rows[r][c], row: rows[r], indicator: variant, unit: nil, table: table, r: r, c: c,
                                                   entity: entity, year: year, category: nil,
                                                   change: change.percent ? .percent : .ownUnit) || emitted
                    }
                }
                continue
            }
            guard case .value(let nestedCategory) = rowCategories.rows[r - headerCount] else { continue }
            let effective = rowClass ?? titleClass
            guard effective != nil || !severalLevels else { continue }
            let category: String? = {
                if let nestedCategory {
                    // `全日制在校生数（人）` standing alone, not under `其中`: the entity's enrollment, as in a
                    // sentence; an attribute opening a label is a breakdown only as a part (`其中：全日制`).
                    if categories.attributes.contains(nestedCategory), !label.isPart, label.text.hasPrefix(nestedCategory),
                       rowIndicator != nil {
                        return nil
                    }
                    return nestedCategory
                }
                if rowClass == nil, case .part(let name)? = titleClass { return name }
                return nil
            }()
            if !yearOfColumn.isEmpty {
                // A category row takes the indicator of the group above (`学校数 (所)` › `中等职业学校`) only when
                // its label names nothing besides the category: `中等职业学校校本部行政人员数` counts something
                // no rule knows, not the group's teachers.
                // A column naming an indicator over its year (`招生数` › `2023年`) gives it to a row naming none.
                let takesGroup = rowClass != nil && !Self.namesMoreThanCategory(categories.removingCategoryWords(label.text))
                let columnIndicators = indicatorOfColumn.filter { yearOfColumn[$0.key] != nil || changeYearOfColumn[$0.key] != nil }
                let rowsOwn = rowIndicator ?? (takesGroup && columnIndicators.isEmpty ? group?.indicator : nil)
                guard rowsOwn != nil || !columnIndicators.isEmpty else { continue }
                guard effective != nil || rowIndicator != nil else { continue }
                let printedUnit = unitColumn.flatMap { rows[r][safe: $0] }.flatMap { Self.emptyCellMarks.contains($0) || $0.isEmpty ? nil : $0 }
                let rowUnit = label.unit ?? printedUnit
                for (c, columnYear) in yearOfColumn.sorted(by: { $0.key < $1.key }) where c < rows[r].count {
                    guard let indicator = rowsOwn ?? columnIndicators[c]?.indicator else { continue }
                    let unit = rowUnit ?? (rowsOwn == nil ? columnIndicators[c]?.unit : group?.unit)
                    emitted = emitCategoryCell(rows[r][c], row: rows[r], indicator: indicator, unit: unit, table: table,
                                               r: r, c: c, entity: entity, year: (columnYear, "table_header"),
                                               category: category, isTarget: targetColumns.contains(c)) || emitted
                }
                // `2021年比上年增长（%）`: each row's change that year, a growth rate when the column says %.
                for (c, change) in changeYearOfColumn.sorted(by: { $0.key < $1.key }) where c < rows[r].count {
                    guard let indicator = rowsOwn ?? columnIndicators[c]?.indicator else { continue }
                    let unit = rowUnit ?? (rowsOwn == nil ? columnIndicators[c]?.unit : group?.unit)
                    emitted = emitCategoryCell(rows[r][c], row: rows[r], indicator: indicator, unit: unit, table: table,
                                               r: r, c: c, entity: entity, year: (change.year, "table_header"),
                                               category: category, change: change.percent ? .percent : .ownUnit) || emitted
                }
            } else {
                guard effective != nil else { continue }
                for (c, column) in indicatorOfColumn.sorted(by: { $0.key < $1.key }) where c < rows[r].count {
                    emitted = emitCategoryCell(rows[r][c], row: rows[r], indicator: column.indicator, unit: column.unit,
                                               table: table, r: r, c: c, entity: entity, year: year,
                                               category: category) || emitted
                }
                for (c, change) in changeOfIndicatorColumn.sorted(by: { $0.key < $1.key }) where c < rows[r].count {
                    emitted = emitCategoryCell(rows[r][c], row: rows[r], indicator: change.indicator, unit: nil, table: table,
                                               r: r, c: c, entity: entity, year: year, category: category,
                                               change: change.percent ? .percent : .ownUnit) || emitted
                }
            }
        }
        return emitted || !yearOfColumn.isEmpty || !indicatorOfColumn.isEmpty
    }

    /// Whether what is left of a category row's label once its category words are gone still names something:
    /// two or more Chinese characters outside brackets (`(机构)`, an English gloss and a `#` mark name nothing).
    static func namesMoreThanCategory(_ remainder: String) -> Bool {
        var depth = 0
        var han = 0
        for scalar in remainder.unicodeScalars {
            switch scalar {
            case "(", "（", "[", "【": depth += 1
            case ")", "）", "]", "】": depth = max(0, depth - 1)
            default:
                if depth == 0, scalar.properties.isIdeographic { han += 1 }
            }
        }
        return han >= 2
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

    /// The indicator of another level that `indicator` becomes in a row of that level: one declaring the
    /// level (`levels`) whose name ends in the indicator's (`普通高中招生数` for `招生数` in a `普通高中` row). The label
    /// must be the level itself: `高中阶段教育` is not `高中`.
    func levelVariant(of indicator: Int, in label: String) -> Int? {
        let name = rules.indicators[indicator].nameZh
        return rules.indicators.indices.first { k in
            k != indicator && rules.indicators[k].nameZh.hasSuffix(name)
                && rules.indicators[k].levels.contains(label)
        }
    }

    /// The indicator a label names: exactly as a table name, else the longest indicator phrase inside it.
    func tableIndicator(_ label: String) -> Int? {
        guard !label.isEmpty else { return nil }
        if let targets = compiled.tableNames[CompiledRules.tableKey(label)], let first = targets.first { return first }
        let phrases = scan(AnalysedText(label)).phrases
        return phrases.max { ($0.end - $0.start) < ($1.end - $1.start) }?.targets.first
    }

    /// How a change column prints its values: as a growth rate in percent, or in the row's own unit.
    enum ChangeColumn { case percent, ownUnit }

    private mutating func emitCategoryCell(_ cell: String, row: [String], indicator: Int, unit: String?, table: TableData,
                                           r: Int, c: Int, entity: ResolvedEntity, year: (year: Int?, source: String),
                                           category: String?, change: ChangeColumn? = nil, isTarget: Bool = false) -> Bool {
        let rule = rules.indicators[indicator]
        if change == .percent {
            let before = result.observations.count
            emitCell(cell, row: row, rule: rule, factor: 1, entity: entity, year: year,
                     location: table.cellLocations?[safe: r]?[safe: c] ?? table.rowLocations[safe: r], table: table,
                     group: nil, role: nil, category: category, isChange: true, unit: "%")
            return result.observations.count > before
        }
        var converted = unit.flatMap(compiled.printedUnit)
        if let unit, compiled.tableUnitAccepted(unit, by: rule.unit) { converted = (rule.unit, 1) }
        if let converted, !compiled.unitAccepted(converted.unit, by: rule.unit) { return false }
        let before = result.observations.count
        let location = table.cellLocations?[safe: r]?[safe: c] ?? table.rowLocations[safe: r]
        emitCell(cell, row: row, rule: rule, factor: converted?.factor ?? 1, entity: entity, year: year,
                 location: location, table: table, group: nil, role: nil, category: category, isChange: change != nil,
                 isTarget: isTarget && change == nil)
        return result.observations.count > before
    }
}

/// What each body row of a category table counts, from its label and the rows above it:
/// - a part row (`其中:市属`, `#普通中专`) is of its parent's category (`技工学校/市属`), and of no interest under
///   another level (`研究生教育` › `其中:市属`);
/// - a whole nested under a whole (`中等职业教育` › `中职学校`, beside `技工学校`) is the whole without the kinds
///   listed after it (`不含技工学校`).
struct CategoryRows {
    enum Row: Equatable {
        case skip
        /// A row of ours; its category (nil: the entity as a whole, or as its label alone says).
        case value(String?)
    }

    var rows: [Row] = []

    /// `titleIsOurs`: the table's title names secondary vocational education or a kind of it, so a part row
    /// under a row naming only an indicator (`学校数` › `其中：民办`) is of that kind, not of all levels.
    /// `firstFigures`: each row's first figure, by which the kinds under a nested whole are told from those beside
    /// it (`中等职业学校` 22 = 普通中专 9 + 成人中专 2 + 职业高中 11, beside 技工学校 6: it leaves out 技工学校 only).
    init(labels: [TableLabel], classes: [TableCategory?], from start: Int, excluding: String, titleIsOurs: Bool = false,
         firstFigures: [Decimal?] = []) {
        var parent: (category: TableCategory?, name: String?)?
        for r in start..<labels.count {
            let label = labels[r], rowClass = classes[r]
            if label.isPart, let parent {
                if parent.category == .otherLevel { rows.append(.skip); continue }
                if case .part(let name)? = rowClass {
                    // A kind under a row no category names (`总计`, `研究生教育` › `其中:市属`) is not ours.
                    guard parent.category != nil || titleIsOurs else { rows.append(.skip); continue }
                    rows.append(.value(parent.name.map { $0 + "/" + name } ?? name))
                    continue
                }
                rows.append(.value(nil))
                continue
            }
            var name: String?
            if case .part(let part)? = rowClass { name = part }
            if rowClass == .whole, let parent, parent.category == .whole, parent.name == nil {
                var kinds = Self.kindsListed(after: r, labels: labels, classes: classes)
                kinds = Self.kindsBeside(r, kinds: kinds, labels: labels, firstFigures: firstFigures)
                if !kinds.isEmpty { name = excluding + kinds.joined(separator: "、") }
            }
            rows.append(.value(name))
            parent = (rowClass, name)
        }
    }

    /// Of the kinds listed after the nested whole at `r`, those beside it, not under it: the ones after the first
    /// rows whose figures add up to its own. All of them when no run of rows adds up (as printed: no evidence).
    static func kindsBeside(_ r: Int, kinds: [String], labels: [TableLabel], firstFigures: [Decimal?]) -> [String] {
        guard kinds.count >= 2, r < firstFigures.count, let whole = firstFigures[r] else { return kinds }
        var sum: Decimal = 0
        var taken = 0
        for k in (r + 1)..<labels.count where !labels[k].isPart {
            guard taken < kinds.count - 1, k < firstFigures.count, let figure = firstFigures[k] else { break }
            sum += figure
            taken += 1
            if sum == whole { return Array(kinds[taken...]) }
            if sum > whole { break }
        }
        return kinds
    }

    /// The kinds printed as rows after `r` (past part rows), up to the next whole or other level.
    static func kindsListed(after r: Int, labels: [TableLabel], classes: [TableCategory?]) -> [String] {
        var kinds: [String] = []
        for k in (r + 1)..<labels.count where !labels[k].isPart {
            guard case .part(let name)? = classes[k] else { break }
            kinds.append(name)
        }
        return kinds
    }
}
