import Foundation
import NianbaoModel
import Numbers
import Cleaning

/// Indicator values in tables. Two shapes are understood:
/// - indicator rows × year columns (`指标 单位 2023年 2024年`), with `其中：` sub-rows and continuation rows
///   whose name cell is empty (a second unit for the row above);
/// - entity (or year) rows × indicator columns (`学校名称 … 学生人数 教职员工数`), with a `合计` row kept as
///   the total of the rows above it (shared `group`, role total/part).
extension ExtractionRun {
    private struct Column {
        var header: String
        var year: Int?
        /// `2021年比上年增长（%）`: the column of each row's change in that year.
        var changeYear: Int? = nil
        var indicator: Int?
        var unit: String?
        /// The year column holds planned figures (`2025年（目标）`, `tables.target_headers`).
        var isTarget = false
        /// Where the year came from when not from the header (`项目 | 数值` rows of indicators: the table's year).
        var yearSource = "table_header"
        /// `在校生数 | 比上年增减` without year columns: the column of the change of the indicator left of it, a growth
        /// rate when its header says % (`增长（%）`).
        var changeOf: (indicator: Int, percent: Bool)? = nil
    }

    mutating func extractTable(_ printed: TableData, index tableIndex: Int) {
        let table = mergingSpannedLabelColumns(printed)
        // Labels are matched in simplified script (numbers read the same in both).
        let rows = table.rows.map { $0.map { Self.trimmedWhitespace(simplifiedCell($0)) } }
        guard !rows.isEmpty else { return }
        // Quotes and raw values keep the script as printed.
        printedTableRows = document.clean.script == .traditional
            ? Dictionary(zip(rows, table.rows.map { $0.map(Self.trimmedWhitespace) }), uniquingKeysWith: { first, _ in first })
            : [:]
        let title = tableTitle(table)
        // A table whose title names a kind of school (`13-23 技工学校基本情况`) gives values of that kind.
        if case .part(let name)? = rules.tableCategories.classify(TableLabel(title).text) {
            tableCategory = name
        } else {
            tableCategory = nil
        }
        tableNotes = tableNoteScope(table, rowLabels: rows.compactMap(\.first))
        tableLevel = levelOfTitle(title)
        tableStatedUnits = statedUnits(of: table)
        enterSubject(ofSection: blockIndex(of: table).flatMap { $0 < sectionOfBlock.count ? sectionOfBlock[$0] : nil })
        // Rows of regions or schools (a few kinds among them, `市属`) are no table of kinds.
        let rowsNameEntities = rowsNameEntities(rows)
        if !rowsNameEntities, extractCategoryTable(table, rows: rows, title: title, entity: entityOfTable(table, title: title),
                                year: yearOfTable(table, title: title))
            || extractCrossTable(table, rows: rows, title: title, entity: entityOfTable(table, title: title),
                                 year: yearOfTable(table, title: title))
            || extractBreakdownByYear(table, rows: rows, title: title, entity: entityOfTable(table, title: title)) {
            return
        }
        // Header rows: leading rows without a plain number in any cell past the first, years aside
        // (`指标 | 2021 | 2022`).
        var headerCount = 0
        while headerCount < min(3, rows.count),
              !rows[headerCount].dropFirst().contains(where: { Self.isPlainNumber($0) && Self.headerYear($0) == nil }) {
            headerCount += 1
        }
        guard headerCount > 0, headerCount < rows.count else { return }
        let width = rows.map(\.count).max() ?? 0
        var columns: [Column] = []
        for c in 0..<width {
            // The lowest non-empty header cell names the column; a parent cell above gives the unit.
            var header = ""
            var namingRow = 0
            var unit: String?
            var isPartOfSpanning = false
            for r in 0..<headerCount where c < rows[r].count && !rows[r][c].isEmpty {
                // `招生数` › `计`: the whole of the header spanning it is that header's column.
                if r > 0, rules.tableWords.wholeSubHeaders.contains(Self.withoutSpaces(rows[r][c])),
                   let spanning = (0..<r).reversed().lazy.compactMap({ Self.spanningCell(rows[$0], at: c) }).first {
                    header = spanning
                    continue
                }
                if let stated = Self.parenthesisedUnit(rows[r][c]) { unit = stated }
                // A unit alone under a name (`在校生` over `（人）`) gives the unit, not the name.
                if !header.isEmpty, Self.withoutSpaces(Self.strippingUnit(rows[r][c])).isEmpty { continue }
                header = rows[r][c]
                namingRow = r
                // `招生数` › `其中：中高职贯通`: a part of the spanning header's count, no indicator of its own.
                isPartOfSpanning = r > 0 && TableLabel(rows[r][c]).isPart && Self.spanningCell(rows[r - 1], at: c) != nil
            }
            if header.isEmpty, c > 0 { unit = columns[c - 1].unit }
            var column = Column(header: header, year: nil, indicator: nil, unit: unit)
            let key = CompiledRules.tableKey(Self.strippingUnit(header))
            if let year = Self.headerYear(header) {
                column.year = year
                column.isTarget = rules.tableWords.targetHeaders.contains { header.contains($0) }
            }
            else if let year = changeYear(header) { column.changeYear = year }
            else if !isPartOfSpanning,
                    let targets = compiled.tableNames[key] ?? compiled.tableNames[CompiledRules.tableKey(TableLabel(header).text)] {
                // (the second: the name without its `#`/`其中` mark and spacing, `#专 任 教师数`)
                column.indicator = targets.first
                // `2022年` spanning `招生数 | 在校生数`: the year of every column under it.
                let spanning = (0..<namingRow).lazy.compactMap { Self.spanningCell(rows[$0], at: c) }
                if let year = spanning.compactMap(Self.headerYear).first {
                    column.year = year
                    column.isTarget = spanning.contains { cell in self.rules.tableWords.targetHeaders.contains { cell.contains($0) } }
                }
            } else if !isPartOfSpanning, let (year, rest) = Self.yearAndRest(header),
                      let targets = compiled.tableNames[CompiledRules.tableKey(Self.strippingUnit(rest))] {
                // `2022年在校生`: that year's column of the indicator.
                column.indicator = targets.first
                column.year = year
            }
            columns.append(column)
        }
        // In a plan, a year column after the year it starts from holds targets (`2025年`, `2027年（目标）`).
        if let base = rules.plans.baseYear(ofPlanTitled: document.frontMatter.title) {
            for c in columns.indices where (columns[c].year ?? 0) > base { columns[c].isTarget = true }
        }
        // `比上年增减（百分点）` beside year columns: the change of the latest of them.
        if let latest = columns.compactMap(\.year).max() {
            for c in columns.indices where columns[c].year == nil && columns[c].changeYear == nil && isChangeHeader(columns[c].header) {
                columns[c].changeYear = latest
            }
        }
        // `在校生数 | 比上年增减 | 招生数 | 比上年增减`, no year columns: each change column follows its indicator's.
        if !columns.contains(where: { $0.year != nil }) {
            for c in columns.indices.dropFirst() where columns[c].indicator == nil && columns[c].changeYear == nil
                && isChangeHeader(columns[c].header) {
                guard let indicator = columns[c - 1].indicator ?? columns[c - 1].changeOf?.indicator else { continue }
                let unit = Self.parenthesisedUnit(columns[c].header) ?? ""
                columns[c].changeOf = (indicator, unit == "%" || unit == "％" || columns[c].header.hasSuffix("%"))
            }
        }
        // Units stated only in a parent header apply to the sub-columns under it.
        if headerCount > 1 {
            for c in 0..<width where columns[c].unit == nil {
                var k = c
                while k > 0, columns[k].unit == nil, c < rows[0].count, rows[0][k].isEmpty { k -= 1 }
                if k != c, let unit = columns[k].unit, rows[0].indices.contains(k), !rows[0][k].isEmpty { columns[c].unit = unit }
            }
        }
        let entityRows = rowsNameEntities
            && (assignIndicatorsToYearColumns(&columns, rows: rows, headerCount: headerCount, title: title)
                || columns.contains { $0.year != nil && $0.indicator != nil })
        let blockIndex = blockIndex(of: table)
        let tableEntity: ResolvedEntity = entityOf(text: table.caption).map { ($0, "table_caption") } ?? documentSubjectEntity()
        let tableYear: (year: Int?, source: String) = Self.captionYear(table.caption).map { ($0, "table_caption") }
            ?? blockIndex.flatMap(sectionYear(forBlock:)).map { ($0, "section") }
            ?? (defaultYear, defaultYear == nil ? "unresolved: " + (documentYear.reason ?? "no year") : documentYear.source ?? "document")
        let dataRows = Array(headerCount..<rows.count)
        // Rows naming indicators beside one column of values under no year (`项目 | 数值`): the table's year's values.
        if !entityRows, !columns.contains(where: { $0.year != nil || $0.indicator != nil || $0.changeOf != nil }) {
            let valueColumns = (1..<max(1, width)).filter { c in dataRows.contains { Self.isPlainNumber(rows[$0][safe: c] ?? "") } }
            let namedRows = dataRows.filter { compiled.tableNames[CompiledRules.tableKey(TableLabel(rows[$0].first ?? "").text)] != nil }
            if valueColumns.count == 1, let c = valueColumns.first, namedRows.count >= 2 {
                columns[c].year = tableYear.year
                columns[c].yearSource = tableYear.source
            }
        }

        if entityRows {
            extractIndicatorColumns(table: table, rows: rows, columns: columns, dataRows: dataRows,
                                    entity: entityOfTable(table, title: title), year: tableYear, tableIndex: tableIndex)
        } else if columns.contains(where: { $0.year != nil }) {
            extractYearColumns(table: table, rows: rows, columns: columns, dataRows: dataRows, entity: tableEntity)
        } else if columns.contains(where: { $0.indicator != nil || $0.changeOf != nil }) {
            extractIndicatorColumns(table: table, rows: rows, columns: columns, dataRows: dataRows,
                                    entity: tableEntity, year: tableYear, tableIndex: tableIndex)
        }
    }

    /// `地区 | 招生数 (2022年 | 2023年) | 在校学生数 (…)`, or `地区 | 2022年 | 2023年` under a title naming one
    /// indicator (`…专任教师情况`), in a table whose rows name regions or schools (`rowsNameEntities`): columns of an
    /// indicator in a year. Each year column gets the indicator of the header cell spanning it (the nearest
    /// non-empty cell at or left of it in a row above), else the title's. True when some column got one.
    private mutating func assignIndicatorsToYearColumns(_ columns: inout [Column], rows: [[String]], headerCount: Int,
                                                        title: String) -> Bool {
        let yearColumns = columns.indices.filter { columns[$0].year != nil && columns[$0].indicator == nil }
        guard !yearColumns.isEmpty, headerCount < rows.count else { return false }
        // The one indicator the title names, the level's own name aside (`…中等职业学校专任教师情况`).
        var titleIndicator: Int?
        let titleText = AnalysedText(title)
        let found = Set(scan(titleText).phrases.filter { !rules.tableCategories.whole.contains(titleText.text($0.start..<$0.end)) }
            .compactMap(\.targets.first))
        if found.count == 1 { titleIndicator = found.first }
        var assigned = false
        for c in yearColumns {
            var spanning: Int?
            // The header rows above the column's year, nearest first.
            for r in stride(from: headerCount - 1, through: 0, by: -1) where Self.headerYear(rows[r][safe: c] ?? "") == nil {
                var k = c
                while k > 0, (rows[r][safe: k] ?? "").isEmpty { k -= 1 }
                guard k > 0, let cell = rows[r][safe: k], !cell.isEmpty else { continue }
                let key = CompiledRules.tableKey(Self.strippingUnit(cell))
                if let targets = compiled.tableNames[key] ?? compiled.tableNames[CompiledRules.tableKey(TableLabel(cell).text)] {
                    spanning = targets.first
                    if columns[c].unit == nil, let unit = Self.parenthesisedUnit(cell) { columns[c].unit = unit }
                    break
                }
            }
            if let indicator = spanning ?? titleIndicator {
                columns[c].indicator = indicator
                assigned = true
            }
        }
        return assigned
    }

    /// The header cell spanning column `c` of a header row: its own, else the nearest filled one to its left.
    static func spanningCell(_ row: [String], at c: Int) -> String? {
        var k = min(c, row.count - 1)
        while k > 0, row[k].isEmpty { k -= 1 }
        return k > 0 && !row[k].isEmpty ? row[k] : nil
    }

    /// The other level a table's title is about (`20-9 普通高中基本情况` → 普通高中), the longest word naming it.
    func levelOfTitle(_ title: String) -> String? {
        let label = TableLabel(title).text
        guard rules.tableCategories.classify(label) == TableCategory.otherLevel else { return nil }
        return rules.tableCategories.otherLevels.filter { label.contains($0) }.max { $0.count < $1.count }
    }

    /// Whether the rows holding numbers are named by regions or schools (or totals) more than half of them,
    /// none by an indicator's name.
    mutating func rowsNameEntities(_ rows: [[String]]) -> Bool {
        // (a header over the rows' names saying they are schools')
        let headerRows = rows.prefix { !$0.dropFirst().contains(where: Self.isPlainNumber) }
        if headerRows.contains(where: { $0.contains { rules.tableWords.schoolHeaders.contains(Self.withoutSpaces($0)) } }),
           rows.count - headerRows.count >= 2 {
            return true
        }
        let keys = rows.filter { $0.dropFirst().contains(where: Self.isPlainNumber) }
            .compactMap { $0.first.map(Self.withoutSpaces) }.filter { !$0.isEmpty }
        guard keys.count >= 2, !keys.contains(where: { compiled.tableNames[CompiledRules.tableKey($0)] != nil }) else { return false }
        let entities = keys.filter { key in
            rules.tableWords.totalLabels.contains(key) || (!rules.subjectWords.contains { $0.word == key } && entityOf(text: key) != nil)
        }.count
        return entities * 2 > keys.count
    }

    /// The table's caption, else the short line printed right above its first row (`10-15 市区教育事业基本
    /// 情况`, `13-23 技工学校基本情况`), which text exports of statistics tables leave as a paragraph.
    func tableTitle(_ table: TableData) -> String {
        if !table.caption.isEmpty { return simplifiedCell(table.caption) }
        guard let first = blockIndex(of: table), first > 0 else { return "" }
        // Up to three short lines above, past a unit line (`单位:人`) or a source note.
        for index in stride(from: first - 1, through: max(0, first - 3), by: -1) {
            let above = document.clean.blocks[index]
            guard above.kind == .paragraph else { return "" }
            let text = above.matchingText.trimmingCharacters(in: .whitespaces)
            // A paragraph introducing the table (`…各专业人数分布如下：`): its last clause names it.
            if above.text.count > 40 {
                return Self.introducedTitle(text, introductions: rules.tableWords.introductions) ?? ""
            }
            if rules.tableWords.notePrefixes.contains(where: { text.hasPrefix($0) }) { continue }
            // A sentence (`…是一所公办中等职业学校。`) is no title, and what it says is not the table's kind.
            if LineShape.endsSentence(text) {
                return Self.introducedTitle(text, introductions: rules.tableWords.introductions) ?? ""
            }
            return text
        }
        return ""
    }

    /// The units a table's unit line states (`单位：万人，%`, `单位：所、人`), in its caption or on a short line
    /// above its first row.
    func statedUnits(of table: TableData) -> [String] {
        var lines = [table.caption]
        if let first = blockIndex(of: table), first > 0 {
            for index in stride(from: first - 1, through: max(0, first - 3), by: -1) where document.clean.blocks[index].kind == .paragraph {
                lines.append(document.clean.blocks[index].matchingText)
            }
        }
        for line in lines {
            for word in rules.tableWords.unitHeaders {
                guard let found = line.range(of: word) else { continue }
                let rest = line[found.upperBound...].drop { $0 == ":" || $0 == "：" || $0 == " " || $0 == "\u{3000}" }
                guard rest.startIndex > found.upperBound else { continue }   // (a colon after the word)
                return rest.split(whereSeparator: { "，,、；; \u{3000}".contains($0) }).map(String.init).filter { !$0.isEmpty }
            }
        }
        return []
    }

    /// The scale a stated unit gives a cell of the rule's (`万人` for a count of 人), when no column or row prints one.
    func statedTableFactor(for rule: IndicatorRule) -> Decimal? {
        for unit in tableStatedUnits {
            if let converted = compiled.printedUnit(unit), converted.factor != 1,
               compiled.unitAccepted(converted.unit, by: rule.unit) {
                return converted.factor
            }
        }
        return nil
    }

    /// The last clause of a paragraph ending by announcing a table (`如下：`, `见下表`), without those words.
    static func introducedTitle(_ paragraph: String, introductions: [String]) -> String? {
        var text = paragraph
        while let last = text.last, "：:。 ".contains(last) { text.removeLast() }
        guard let cue = introductions.sorted(by: { $0.count > $1.count }).first(where: { text.hasSuffix($0) }) else { return nil }
        text.removeLast(cue.count)
        let clause = text.split(whereSeparator: { "，,。；;：:".contains($0) }).last.map(String.init) ?? text
        return clause.isEmpty ? nil : clause
    }

    mutating func entityOfTable(_ table: TableData, title: String) -> ResolvedEntity {
        if let urban = urbanArea(title: title) { return (urban, "table_caption") }
        return entityOf(text: title).map { ($0, "table_caption") } ?? documentSubjectEntity()
    }

    /// A title opening with an urban-area word (`10-15 市区教育事业基本情况`) in a document about a city, or
    /// about a place in one: the city's urban districts, `湖州市区`.
    func urbanArea(title: String) -> String? {
        let opening = title.drop { $0.isNumber || " -.—－\u{3000}".contains($0) }
        guard rules.urbanAreaWords.contains(where: { opening.hasPrefix($0) }),
              let city = entity(namedBy: .prefecture), city.hasSuffix("市") else { return nil }
        return city + "区"
    }

    func yearOfTable(_ table: TableData, title: String) -> (year: Int?, source: String) {
        Self.captionYear(title).map { ($0, "table_caption") }
            ?? blockIndex(of: table).flatMap(sectionYear(forBlock:)).map { ($0, "section") }
            ?? (defaultYear, defaultYear == nil ? "unresolved: " + (documentYear.reason ?? "no year") : documentYear.source ?? "document")
    }

    /// A cell in simplified script when the document is printed in traditional script.
    func simplifiedCell(_ cell: String) -> String {
        guard document.clean.script == .traditional, case .success(let converter) = ScriptConverter.traditionalToSimplified,
              let converted = try? converter.simplified(cell) else { return cell }
        return converted
    }

    /// The block index of a table's first row, for its section's year context.
    private func blockIndex(of table: TableData) -> Int? {
        guard let first = table.rowLocations.first else { return nil }
        return tableRowBlocks[first]
    }

    private mutating func entityOf(text: String) -> String? {
        guard !text.isEmpty else { return nil }
        let analysed = AnalysedText(text)
        var matches = BlockMatches()
        scanContext(analysed, into: &matches)
        return matches.mentions.last(where: { $0.entity != nil })?.entity
    }

    // MARK: Indicator rows × year columns

    private mutating func extractYearColumns(table: TableData, rows: [[String]], columns: [Column],
                                             dataRows: [Int], entity: ResolvedEntity) {
        let headerRow = rows[dataRows.first! - 1]
        let words = rules.tableWords
        let nameColumn = headerRow.firstIndex { words.nameHeaders.contains($0) }
            ?? columns.firstIndex { $0.year == nil && !(words.numberingHeaders + words.unitHeaders).contains($0.header) } ?? 0
        let unitColumn = headerRow.firstIndex { words.unitHeaders.contains($0) }
        let numberingColumn = headerRow.firstIndex { words.numberingHeaders.contains($0) }
        // The row a `其中：` list hangs from: a numbered row, or an unnumbered row outside a `其中` list.
        var parent: (indicators: [Int], matched: Bool)? = nil
        var inPartsList = false
        var lastIndicators: [Int] = []
        // The last numbered row: it qualifies the names under it (`专业教学资源库数 › 国家级数量`), and its values
        // are the totals of the rows under it that declare themselves parts of its indicator.
        var heading: (key: String, indicator: Int?, emitted: [Int: Int], groups: [Int: String])?
        for r in dataRows {
            var row = rows[r]
            // A row shifted one cell left (its name in the numbering column) is put back in place.
            if let numberingColumn, numberingColumn < nameColumn, row.count > nameColumn,
               !row[numberingColumn].isEmpty, !Self.isPlainNumber(row[numberingColumn]),
               unitColumn != nil, compiled.printedUnit(row[nameColumn]) != nil {
                row.insert("", at: numberingColumn)
            }
            guard row.count > nameColumn else { continue }
            var name = Self.trimmedWhitespace(TableLabel.withoutTranslation(row[nameColumn]))
            var printedUnit = unitColumn.flatMap { $0 < row.count ? row[$0] : nil } ?? ""
            // A dash in the unit column (`生师比 | — | 16.2:1`) says the value has no unit.
            if Self.emptyCellMarks.contains(printedUnit) { printedUnit = "" }
            // Without a unit column, a row's unit is printed after its name (`文化课合格率(%)`).
            if unitColumn == nil, let stated = Self.parenthesisedUnit(name) {
                printedUnit = stated
                name = Self.strippingUnit(name)
            }
            let isNumbered = numberingColumn.map { $0 < row.count && !row[$0].isEmpty } ?? true
            var indicators: [Int]
            if name.isEmpty {
                // Continuation row: the row above in a second unit; look for an indicator with that unit.
                indicators = lastIndicators
            } else {
                let key = CompiledRules.tableKey(name)
                if numberingColumn != nil && isNumbered { heading = (key, nil, [:], [:]) }
                // (`#专任教师`: a part of the row above, named by the rest)
                indicators = compiled.tableNames[key] ?? (TableLabel(name).isPart && !name.hasPrefix("其中")
                    ? compiled.tableNames[CompiledRules.tableKey(TableLabel(name).text)] : nil) ?? []
                if indicators.isEmpty, !isNumbered, let heading {
                    indicators = compiled.tableNames[heading.key + CompiledRules.tableKeySeparator + key] ?? []
                }
                let opensParts = name.hasPrefix("其中")
                if isNumbered && !opensParts { inPartsList = false }
                if opensParts { inPartsList = true }
                if !opensParts && (isNumbered || !inPartsList) {
                    parent = (indicators, !indicators.isEmpty)
                } else if let parent, !parent.matched {
                    // A count listed under a row no rule knows (`中外合作办学专业数` › `其中：在校生数`) is a
                    // count of that thing, not the indicator; a rate under it (`其中：学生体质测评合格率`) is fine.
                    indicators = indicators.filter { rules.indicators[$0].unit == "%" }
                }
                lastIndicators = indicators
            }
            // A table of another level (`20-9 普通高中基本情况`) gives only its counterparts of ours.
            if let level = tableLevel { indicators = indicators.compactMap { levelVariant(of: $0, in: level) } }
            // No unit printed is no unit (`accepts: [""]` of a bare ratio is for numbers in text).
            let converted = printedUnit.isEmpty ? nil : compiled.printedUnit(printedUnit)
            guard let indicator = indicators.first(where: { target in
                guard let converted else { return printedUnit.isEmpty }
                return compiled.unitAccepted(converted.unit, by: rules.indicators[target].unit)
            }) else { continue }
            let rule = rules.indicators[indicator]
            let isHeading = numberingColumn != nil && isNumbered && !name.isEmpty
            if isHeading { heading?.indicator = indicator }
            let isPart = !isHeading && heading?.indicator.map { rule.partOf.contains(rules.indicators[$0].id) } == true
            for (c, column) in columns.enumerated() {
                if let year = column.changeYear, c < row.count {
                    // A growth rate in percent, or a change in the row's own unit.
                    emitCell(row[c], row: row, rule: rule, factor: converted?.factor ?? 1, entity: entity, year: (year, "table_header"),
                             location: table.rowLocations[safe: r], table: table, group: nil, role: nil,
                             isChange: true, unit: ["%", Self.pointsUnit].contains(column.unit) ? column.unit : nil)
                    continue
                }
                guard let year = column.year, c < row.count else { continue }
                let emitted = result.observations.count
                emitCell(row[c], row: row, rule: rule, factor: converted?.factor ?? 1, entity: entity, year: (year, column.yearSource),
                         location: table.rowLocations[safe: r], table: table, group: nil, role: nil, isTarget: column.isTarget)
                guard result.observations.count > emitted else { continue }
                if isHeading {
                    heading?.emitted[c] = emitted
                } else if isPart, let total = heading?.emitted[c] {
                    let group = heading?.groups[c] ?? nextGroup("y")
                    heading?.groups[c] = group
                    result.observations[total].group = group
                    result.observations[total].role = .total
                    result.observations[emitted].group = group
                    result.observations[emitted].role = .part
                }
            }
        }
    }

    // MARK: Entity or year rows × indicator columns

    private mutating func extractIndicatorColumns(table: TableData, rows: [[String]], columns: [Column],
                                                  dataRows: [Int], entity: ResolvedEntity, year: (year: Int?, source: String),
                                                  tableIndex: Int) {
        let keyColumn = columns.firstIndex {
            $0.indicator == nil && $0.year == nil && !rules.tableWords.numberingHeaders.contains($0.header)
        } ?? 0
        // Rows named by a year or a school year (`2016学年`, its year as printed: README, Years).
        let rowYearColumn = columns.firstIndex { rules.tableWords.yearHeaders.contains($0.header) }
        var totalRow: Int?
        var partRows: [Int] = []
        var rowEntities: [Int: (entity: ResolvedEntity, year: (year: Int?, source: String))] = [:]
        // `其他学校` beside the schools' rows: the rest of the 合计 (`cues.remainder`).
        var remainderRows: [(row: Int, word: String)] = []
        // `变化情况`/`同比` under year rows: the change of the latest year (`13167↑`).
        var changeRows: [Int] = []
        // `专业名称 | 在校生（人）`: rows of the parts of the table's entity, each its own category.
        let breakdown = columns[safe: keyColumn].map { rules.tableWords.breakdownHeaders.contains(Self.withoutSpaces($0.header)) } ?? false
        // `学校名称 | 在校生数`: every row but a total is the school it names.
        let schools = !breakdown
            && (columns[safe: keyColumn].map { rules.tableWords.schoolHeaders.contains(Self.withoutSpaces($0.header)) } ?? false)
        var rowCategories: [Int: String] = [:]
        // `计划招生数(人) | 实际录取数(人) | 报到数(人)` over one row of numbers: no column names the row, which is
        // the table's entity in its year.
        if dataRows.count == 1, let only = dataRows.first,
           columns[safe: keyColumn]?.indicator != nil || rows[only][safe: keyColumn].map(Self.isPlainNumber) == true {
            rowEntities[only] = (entity, year)
            partRows.append(only)
        }
        for r in dataRows where rowEntities[r] == nil {
            let row = rows[r]
            let key = (rowYearColumn.flatMap { $0 < row.count ? row[$0] : nil }) ?? (keyColumn < row.count ? row[keyColumn] : "")
            let compact = Self.withoutSpaces(key)
            if rowYearColumn != nil, rules.tableWords.changeLabels.contains(compact) {
                changeRows.append(r)
                continue
            }
            if rules.tableWords.totalLabels.contains(compact) || row.first.map({ rules.tableWords.totalLabels.contains(Self.withoutSpaces($0)) }) == true {
                totalRow = r
                rowEntities[r] = (entity, rowYearColumn == nil ? year : (nil, "unresolved: a total over year rows"))
                continue
            }
            if rowYearColumn != nil, let rowYear = Int(compact.prefix(4)), (1949...2100).contains(rowYear) {
                rowEntities[r] = (entity, (rowYear, "table_row"))
            } else if schools, !compact.isEmpty, !Self.isPlainNumber(compact), isSchoolRow(compact) {
                let named = entityOf(text: key).flatMap { isSchoolName($0) ? $0 : nil }
                rowEntities[r] = ((named ?? TableLabel(key).text, "table_row"), year)
            } else if !breakdown, !isSchoolName(compact), case .part(let kind)? = rules.tableCategories.classify(compact) {
                // `市属` among regions' rows: the table's entity, of that kind.
                rowEntities[r] = (entity, year)
                rowCategories[r] = kind
            } else if breakdown, !compact.isEmpty, !Self.isPlainNumber(compact) {
                rowEntities[r] = (entity, year)
                rowCategories[r] = compact
            } else if let named = entityOf(text: key) {
                rowEntities[r] = ((named, "table_row"), year)
            } else {
                if rowYearColumn == nil, let word = rules.cues.remainder.first(where: { compact.hasPrefix($0) }) {
                    remainderRows.append((r, word))
                }
                continue
            }
            partRows.append(r)
        }
        for (c, column) in columns.enumerated() {
            if let change = column.changeOf {
                emitChangeColumn(c, change: change, rows: rows, partRows: partRows + (totalRow.map { [$0] } ?? []),
                                 rowEntities: rowEntities, rowCategories: rowCategories, table: table)
                continue
            }
            guard var indicator = column.indicator else { continue }
            if let level = tableLevel {
                guard let counterpart = levelVariant(of: indicator, in: level) else { continue }
                indicator = counterpart
            }
            let rule = rules.indicators[indicator]
            let converted = column.unit.flatMap(compiled.printedUnit)
            if let converted, !compiled.unitAccepted(converted.unit, by: rule.unit) { continue }
            let group = totalRow != nil && !partRows.isEmpty ? nextGroup("t\(tableIndex)c\(c)-") : nil
            for r in partRows + (totalRow.map { [$0] } ?? []) {
                guard c < rows[r].count, let context = rowEntities[r] else { continue }
                let isTotal = r == totalRow
                emitCell(rows[r][c], row: rows[r], rule: rule, factor: converted?.factor ?? 1,
                         entity: context.entity, year: column.year.map { ($0, "table_header") } ?? context.year,
                         location: table.rowLocations[safe: r],
                         table: table, group: group, role: group == nil ? nil : (isTotal ? .total : .part),
                         category: rowCategories[r])
            }
            let latestYear = partRows.compactMap { rowEntities[$0]?.year.year }.max()
            for r in changeRows where c < rows[r].count && latestYear != nil {
                emitCell(rows[r][c], row: rows[r], rule: rule, factor: converted?.factor ?? 1, entity: entity,
                         year: (latestYear, "table_row"), location: table.rowLocations[safe: r], table: table,
                         group: nil, role: nil, isChange: true)
            }
            // The rest's row is about the table's entity as a whole less its named rows: a remainder of the column's
            // group (the total's entity and year, the word as its category), never the entity's own value.
            if let group, let totalRow, let context = rowEntities[totalRow] {
                for (r, word) in remainderRows where c < rows[r].count {
                    emitCell(rows[r][c], row: rows[r], rule: rule, factor: converted?.factor ?? 1,
                             entity: context.entity, year: context.year, location: table.rowLocations[safe: r],
                             table: table, group: group, role: .remainder, category: word)
                }
            }
        }
    }

    /// Whether a row under a schools' header names a school: a school's name, or a name ending in a school suffix
    /// (`区职业中专`, `科左中旗职业高中`) that is more than a kind of school (`民办学校`, `职业高中`); never a part
    /// (`其中：民办`) nor the rest (`其他学校`).
    func isSchoolRow(_ label: String) -> Bool {
        guard !TableLabel(label).isPart, !rules.cues.remainder.contains(where: { label.hasPrefix($0) }) else { return false }
        if isSchoolName(label) { return true }
        guard rules.schoolNames.suffixes.contains(where: { label.hasSuffix($0) }) else { return false }
        return rules.tableCategories.classify(label) == nil
            || Self.namesMoreThanCategory(rules.tableCategories.removingCategoryWords(label))
    }

    /// A change column's cells: each row's change of the indicator, in the row's year, in the indicator's unit or %.
    private mutating func emitChangeColumn(_ c: Int, change: (indicator: Int, percent: Bool), rows: [[String]], partRows: [Int],
                                           rowEntities: [Int: (entity: ResolvedEntity, year: (year: Int?, source: String))],
                                           rowCategories: [Int: String], table: TableData) {
        var indicator = change.indicator
        if let level = tableLevel {
            guard let counterpart = levelVariant(of: indicator, in: level) else { return }
            indicator = counterpart
        }
        let rule = rules.indicators[indicator]
        for r in partRows {
            guard c < rows[r].count, let context = rowEntities[r] else { continue }
            emitCell(rows[r][c], row: rows[r], rule: rule, factor: 1, entity: context.entity, year: context.year,
                     location: table.rowLocations[safe: r], table: table, group: nil, role: nil, category: rowCategories[r],
                     isChange: true, unit: change.percent ? "%" : nil)
        }
    }

    // MARK: Cells

    mutating func emitCell(_ cell: String, row: [String], rule: IndicatorRule, factor: Decimal, entity: ResolvedEntity,
                           year: (year: Int?, source: String), location: SourceLocation?, table: TableData, group: String?,
                           role: ObservationRole?, category: String? = nil, isChange: Bool = false, unit printed: String? = nil,
                           isTarget: Bool = false) {
        var trimmed = Self.trimmedWhitespace(cell)
        guard !trimmed.isEmpty, !Self.emptyCellMarks.contains(trimmed) else { return }
        // A yearbook's thousands grouped by a space (`287 654`) are one number.
        if Self.groupsThousandsBySpace(trimmed) { trimmed = trimmed.filter { $0 != " " } }
        let printedRow = printedTableRows[row].flatMap { $0.count == row.count ? $0 : nil } ?? row
        let printedCell = row.firstIndex(of: cell).map { Self.trimmedWhitespace(printedRow[$0]) } ?? trimmed
        let normalized = AnalysedText.normalize(trimmed)
        guard let number = parser.quantities(in: normalized).first else { return }
        var value = number.value
        // A change printed with an arrow: `1738↑` up, `86↓` down.
        if isChange && trimmed.hasSuffix("↓") && value > 0 { value = -value }
        var unit = rule.unit
        if let printed {
            unit = printed   // a column's own unit (a growth rate in % beside counts)
        } else if number.unit.isEmpty || number.unit == "ratio" {
            // A table whose unit line alone gives the scale (`单位：万人，%`).
            value *= factor == 1 && !isChange ? statedTableFactor(for: rule) ?? 1 : factor
        } else if !compiled.unitAccepted(number.unit, by: rule.unit) {
            if let converted = compiled.printedUnit(number.unit), converted.unit == rule.unit {
                value = number.value  // the parser already scaled 万/亿
            } else {
                unit = number.unit
            }
        }
        let location = location ?? SourceLocation(page: 1, line: 0)
        let observation = Observation(
            docId: document.docId, indicator: rule.id, nameZh: rule.nameZh, entity: entity.entity, year: year.year,
            value: value, unit: unit, raw: printedCell, qualifier: isChange ? .change : isTarget ? .target : number.qualifier,
            page: location.page,
            line: location.line, sectionId: table.sectionId.isEmpty ? nil : table.sectionId,
            quote: printedRow.filter { !$0.isEmpty }.joined(separator: " | "), ruleId: "\(rule.id)/table",
            decimals: number.decimals, fromTable: true, group: group, role: role, entitySource: entity.source,
            yearSource: year.source,
            category: cellCategory(category, row: row, rule: rule, entity: entity))
        emit(observation)
    }

    /// `287 654`, `1 234 567.8`: digits grouped by threes with single spaces.
    static func groupsThousandsBySpace(_ cell: String) -> Bool {
        guard cell.contains(" ") else { return false }
        let groups = cell.split(separator: " ", omittingEmptySubsequences: false)
        guard groups.count >= 2, let first = groups.first, (1...4).contains(first.count),
              first.drop(while: { $0 == "-" }).allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return groups.dropFirst().enumerated().allSatisfy { k, group in
            let whole = k == groups.count - 2 ? group.split(separator: ".", maxSplits: 1).first ?? group : group
            return whole.count == 3 && whole.allSatisfy { $0.isASCII && $0.isNumber }
                && (group.count == 3 || (k == groups.count - 2 && group.dropFirst(4).allSatisfy { $0.isASCII && $0.isNumber }))
        }
    }

    /// A cell's kind: the row's, else the table's (its title), else what its notes leave out, else what the whole
    /// document does for its subject's figures (`本方案所称中等职业学校不含技工学校`). A row's attribute under a
    /// note's narrowing is a part of it (`不含技工学校/市属`).
    func cellCategory(_ category: String?, row: [String], rule: IndicatorRule, entity: ResolvedEntity) -> String? {
        let noted = tableNotes.category(forRow: row.first ?? "").flatMap { isSchoolName(entity.entity ?? "") ? nil : $0 }
        if let category, let noted, noted != category, rules.tableCategories.attributes.contains(category) {
            return noted + "/" + category
        }
        return category ?? tableCategory ?? noted
            ?? (rule.levels.isEmpty && entity.entity != nil && entity.entity == subject?.name ? documentExclusion : nil)
    }

    // MARK: Helpers

    /// What an empty cell prints.
    static let emptyCellMarks: Set<String> = ["-", "—", "－", "/", "——", "无"]

    // Built once: Foundation's `range(of:options: .regularExpression)` compiles its pattern on every call.
    static let plainNumberPattern = PCRE2Pattern(constant: #"^-?[\d,]+(\.\d+)?\s*(%|[^\d\s]{0,3})$"#)
    /// (`2022年（基期）`, `2025年（目标）`: a year with a word of what its column holds)
    static let headerYearPattern = PCRE2Pattern(constant: #"^(19|20)\d{2}(年|学年|年度|届)?([（(][^（()）]{1,6}[)）])?$"#)
    static let captionYearPattern = PCRE2Pattern(constant: #"(19|20)\d{2}\s*(年|学年)"#)
    static let parenthesisedUnitPattern = PCRE2Pattern(constant: #"[（(]\s*([^()（）]{1,4})\s*[)）]\s*$"#)
    static let trailingParenthesisPattern = PCRE2Pattern(constant: #"[（(][^()（）]{1,4}[)）]\s*$"#)

    /// The text without its spaces (U+0020).
    static func withoutSpaces(_ text: String) -> String {
        guard text.utf8.contains(0x20) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar != " " { scalars.append(scalar) }
        return String(scalars)
    }

    static func isPlainNumber(_ cell: String) -> Bool {
        let trimmed = Self.trimmedWhitespace(AnalysedText.normalize(cell))
        guard let first = trimmed.first, first.isASCII, first.isNumber || first == "-" && trimmed.count > 1 else { return false }
        if headerYear(trimmed) != nil && (trimmed.contains("年") || trimmed.contains("学年")) { return false }
        return plainNumberPattern.firstMatch(in: trimmed) != nil
    }

    /// `2021年比上年增长（%）`, `2022年增减`: a header naming a year and a change word (`tables.change_labels`).
    /// The unit of a change of a rate printed in points (`比上年增减（百分点）`).
    static let pointsUnit = "百分点"

    /// A header of a change column naming no year (`比上年增减（百分点）`, `增长（%）`).
    func isChangeHeader(_ header: String) -> Bool {
        let compact = Self.strippingUnit(Self.withoutSpaces(header))
        return !compact.isEmpty && rules.tableWords.changeLabels.contains { compact.contains($0) }
    }

    func changeYear(_ header: String) -> Int? {
        let compact = Self.strippingUnit(Self.withoutSpaces(header))
        guard rules.tableWords.changeLabels.contains(where: { compact.contains($0) }),
              let range = Self.captionYearPattern.firstMatch(in: compact), compact[range].count <= 6 else { return nil }
        return Int(compact[range].prefix(4))
    }

    /// `2023年`, `2024 年`, `2023学年`, `2023` alone in a header.
    static func headerYear(_ header: String) -> Int? {
        // Only a header whose first scalar other than a space is 1 or 2 can match: skip the regex otherwise.
        guard let lead = header.unicodeScalars.first(where: { $0 != " " }), lead == "1" || lead == "2" else { return nil }
        let compact = withoutSpaces(header)
        guard headerYearPattern.firstMatch(in: compact) != nil else { return nil }
        return Int(compact.prefix(4))
    }

    static func captionYear(_ caption: String) -> Int? {
        // A school year (`2023/2024学年初`: its first year; `2022—2023学年`: the year it ends), as a title's.
        if caption.contains("学年"), let year = titleYear(caption, periods: []) { return year }
        guard let range = captionYearPattern.firstMatch(in: caption) else { return nil }
        return Int(caption[range].prefix(4))
    }

    /// `开设专业情况 (个)` → `个`.
    static func parenthesisedUnit(_ header: String) -> String? {
        guard header.unicodeScalars.contains(where: { $0 == ")" || $0 == "）" }),
              let range = parenthesisedUnitPattern.firstMatch(in: header) else { return nil }
        return String(header[range]).trimmingCharacters(in: CharacterSet(charactersIn: "()（） "))
    }

    static func strippingUnit(_ header: String) -> String {
        // The pattern needs a closing parenthesis: skip the regex for the many headers without one.
        guard header.unicodeScalars.contains(where: { $0 == ")" || $0 == "）" }) else { return header }
        guard let range = trailingParenthesisPattern.firstMatch(in: header) else { return header }
        return String(header[..<range.lowerBound])
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
