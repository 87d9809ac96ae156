import Foundation
import NianbaoModel

/// The Chinese name and unit a panel row shows for an indicator (from the vocabulary or `rules/`).
public struct IndicatorLabel: Sendable, Hashable {
    public var nameZh: String
    public var unit: String
    public init(nameZh: String, unit: String) {
        self.nameZh = nameZh
        self.unit = unit
    }
}

/// One entity × indicator × year cell: the accepted value and every source stating a value for it.
public struct PanelCell: Sendable, Hashable {
    public var entity: String
    public var indicator: String
    public var year: Int
    public var accepted: Observation
    /// Accepted source first, then the others in preference order.
    public var sources: [Observation]
    /// True when some source does not agree with the accepted value (see `Panel` for what agreeing means).
    public var disagree: Bool
    /// Ids of the flags that dispute this cell: same entity and year, and the flag names this indicator.
    public var flags: [String] = []
    public var value: Decimal { accepted.value }
}

public struct PanelRow: Sendable, Hashable {
    public var entity: String
    public var indicator: String
    public var nameZh: String
    public var unit: String
    public var cells: [Int: PanelCell]
}

/// The cross-year dataset: one row per entity × indicator, one column per year.
///
/// Acceptance rule (which statement fills a cell; README "How a panel cell is chosen" states the same):
/// Rows: one per entity × indicator, and one per entity·category × indicator for values about a part of
/// the entity (`全国·普通中专`); a value without an entity is in no row.
/// 1. Eligible statements: the observation has an entity and a year, is no remainder (`role = remainder`),
///    comes from a publication's primary format (the one the checks use), and measures what the panel shows: for the level panel its qualifier is none or
///    `approx` (`target`, `change`, `range` and the bounds never fill a cell: they do not state the value of
///    that year); for the target panel it is a `target`. An observation whose unit differs from the unit most
///    of the row's statements use is not eligible either (a stray 万人 or % value would corrupt the row).
/// 2. Among eligible statements, in order of preference:
///    a. an exact statement over an `approx` one;
///    b. the report about that year (`report_year` = the cell's year) over a restatement in another report
///       (a later report's comparison column, a plan's baseline): the report about the year is the one
///       that is accountable for it; among restatements, the most recent report (higher `report_year`, then
///       later `published`);
///    c. a table cell over running text;
///    d. then document order (doc_id, page, line) so the choice is deterministic.
/// 3. Sources disagree when some eligible statement does not agree with the accepted one: an exact statement
///    must be equal (81.4 = 81.40); an `approx` one may be off by one unit of its last significant digit
///    (约1.2万人 agrees with 12001). The cell still holds the accepted value, and `panel_sources.csv` marks
///    every source of that cell `disagree=yes`.
/// A source repeated at the same doc_id/page/line with the same value is listed once.
/// 4. A cell is flagged when a flag names its row's entity, its year and its indicator (`panel_flags.csv`,
///    the `flagged` column of `panel_sources.csv`). The checks take an entity's category as an entity of its
///    own under the row's name (`全国·普通中专`), so a flag about 全国 marks 全国's cells, not its categories'.
public struct Panel: Sendable {
    /// What the panel's cells hold: the values of each year, or the targets announced for each year.
    public enum Content: Sendable { case levels, targets }

    public var years: [Int]
    public var rows: [PanelRow]

    static let eligibleQualifiers: Set<Qualifier?> = [nil, .approx]

    public init(observations: [Observation], documents: [DocumentRecord],
                labels: [String: IndicatorLabel] = [:], flags: [Flag] = [], content: Content = .levels) {
        self.init(observations: observations, documentByID: Panel.documentsByID(documents), labels: labels,
                  flagIndex: FlagIndex(flags), content: content)
    }

    static func documentsByID(_ documents: [DocumentRecord]) -> [String: DocumentRecord] {
        Dictionary(documents.map { ($0.docId, $0) }, uniquingKeysWith: { first, _ in first })
    }

    init(observations: [Observation], documentByID: [String: DocumentRecord], labels: [String: IndicatorLabel],
         flagIndex: FlagIndex, content: Content) {

        // `entity` is the row's name (`全国·普通中专` for a category), the entity the checks' flags name.
        struct RowKey: Hashable { var entity: String; var indicator: String }
        var byRow: [RowKey: [Observation]] = [:]
        // A value without an entity belongs to no row; a category of an entity (全国's 普通中专) is a row of
        // its own, so the whole and its part never share a cell.
        for observation in observations where observation.year != nil && observation.primary
            && Panel.isEligible(observation, for: content) {
            guard let entity = observation.entity else { continue }
            let row = observation.category.map { "\(entity)·\($0)" } ?? entity
            byRow[RowKey(entity: row, indicator: observation.indicator), default: []]
                .append(observation)
        }

        var rows: [PanelRow] = []
        var years = Set<Int>()
        for (key, statements) in byRow {
            // Eligibility follows the unit the statements use (so a vocabulary spelling such as `ratio` for
            // values extracted with unit `:` cannot empty the row); the label only decides what is displayed.
            let statedUnit = Panel.mostCommonUnit(statements)
            let unit = labels[key.indicator]?.unit ?? statedUnit
            let nameZh = labels[key.indicator]?.nameZh ?? statements[0].nameZh
            var byYear: [Int: [Observation]] = [:]
            for statement in statements where statement.unit == statedUnit {
                byYear[statement.year!, default: []].append(statement)
            }
            var cells: [Int: PanelCell] = [:]
            for (year, candidates) in byYear {
                let ranked = Panel.deduplicated(candidates.sorted {
                    Panel.prefers($0, over: $1, year: year, documents: documentByID)
                })
                let disagree = ranked.dropFirst().contains { !Panel.agrees($0, with: ranked[0]) }
                cells[year] = PanelCell(entity: key.entity, indicator: key.indicator, year: year,
                                        accepted: ranked[0], sources: ranked, disagree: disagree,
                                        flags: flagIndex.flags(entity: key.entity, indicator: key.indicator, year: year))
                years.insert(year)
            }
            if !cells.isEmpty {
                rows.append(PanelRow(entity: key.entity, indicator: key.indicator, nameZh: nameZh, unit: unit,
                                     cells: cells))
            }
        }
        self.years = years.sorted()
        self.rows = rows.sorted { ($0.entity, $0.indicator) < ($1.entity, $1.indicator) }
    }

    static func isEligible(_ observation: Observation, for content: Content) -> Bool {
        // A remainder (`其他 2 所共 1,170 人`) is the rest of a group's total, about no entity's own value.
        if observation.role == .remainder { return false }
        switch content {
        case .levels: return eligibleQualifiers.contains(observation.qualifier)
        case .targets: return observation.qualifier == .target
        }
    }

    /// The acceptance order of rule 2 above: true when `a` should fill the cell of `year` rather than `b`.
    static func prefers(_ a: Observation, over b: Observation, year: Int, documents: [String: DocumentRecord]) -> Bool {
        let aExact = a.qualifier != .approx, bExact = b.qualifier != .approx
        if aExact != bExact { return aExact }
        let aDoc = documents[a.docId], bDoc = documents[b.docId]
        let aAbout = aDoc?.reportYear == year, bAbout = bDoc?.reportYear == year
        if aAbout != bAbout { return aAbout }
        let aYear = aDoc?.reportYear ?? Int.min, bYear = bDoc?.reportYear ?? Int.min
        if aYear != bYear { return aYear > bYear }
        let aPublished = aDoc?.published ?? "", bPublished = bDoc?.published ?? ""
        if aPublished != bPublished { return aPublished > bPublished }
        if a.fromTable != b.fromTable { return a.fromTable }
        if a.docId != b.docId { return a.docId < b.docId }
        if a.page != b.page { return a.page < b.page }
        if a.line != b.line { return a.line < b.line }
        return plainDecimal(a.value) < plainDecimal(b.value)
    }

    /// Exact statements agree only when equal (81.4 = 81.40). An `approx` statement agrees when it is within
    /// one unit of its last significant digit: 约1.2万人 (12000) agrees with 12001, 97%左右 with 97.5.
    static func agrees(_ source: Observation, with accepted: Observation) -> Bool {
        if source.value == accepted.value { return true }
        guard source.qualifier == .approx else { return false }
        let difference = abs(source.value - accepted.value)
        return difference <= lastSignificantUnit(source.value)
    }

    /// 12000 → 1000, 97 → 1, 88.4 → 0.1, 0 → 1.
    static func lastSignificantUnit(_ value: Decimal) -> Decimal {
        let text = plainDecimal(abs(value))
        if let point = text.firstIndex(of: ".") {
            return Decimal(sign: .plus, exponent: -text[text.index(after: point)...].count, significand: 1)
        }
        guard text != "0" else { return 1 }
        let trailingZeros = text.reversed().prefix { $0 == "0" }.count
        return Decimal(sign: .plus, exponent: trailingZeros, significand: 1)
    }

    private static func deduplicated(_ ranked: [Observation]) -> [Observation] {
        struct SourceKey: Hashable { var docId: String; var page: Int; var line: Int; var value: String }
        var seen = Set<SourceKey>()
        return ranked.filter {
            seen.insert(SourceKey(docId: $0.docId, page: $0.page, line: $0.line, value: plainDecimal($0.value)))
                .inserted
        }
    }

    private static func mostCommonUnit(_ statements: [Observation]) -> String {
        var counts: [String: Int] = [:]
        for statement in statements { counts[statement.unit, default: 0] += 1 }
        // Ties go to the alphabetically first unit so the choice does not depend on input order.
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
    }

    /// The rows as the CSV files print them, without the observations behind them.
    var text: PanelText { PanelText(years: years, rows: rows.map(PanelText.Row.init)) }

    /// panel.csv: entity, indicator, name_zh, unit, then one column per year (ascending).
    public var csv: String { text.csv }

    /// panel_flags.csv: the shape of panel.csv; a cell holds the ids of the flags disputing that cell and
    /// `disagree` when its sources disagree, space-separated, or nothing. panel.csv stays all numbers.
    public var flagsCSV: String { text.flagsCSV }

    static func marker(_ cell: PanelCell) -> String {
        (cell.flags + (cell.disagree ? ["disagree"] : [])).joined(separator: " ")
    }

    public static let sourceColumns = ["entity", "indicator", "year", "value", "doc_id", "page", "line",
                                       "accepted", "disagree", "qualifier", "from_table", "raw", "quote",
                                       "flagged", "flags"]

    /// panel_sources.csv: every source of every cell, accepted one first.
    public var sourcesCSV: String { text.sourcesCSV }

    /// A row's lines of panel_sources.csv, its cells in year order.
    static func sourceLines(_ row: PanelRow) -> String {
        var out = ""
        for year in row.cells.keys.sorted() {
            let cell = row.cells[year]!
            for (index, source) in cell.sources.enumerated() {
                out += CSV.row([row.entity, row.indicator, String(year), plainDecimal(source.value),
                                source.docId, String(source.page), String(source.line),
                                index == 0 ? "yes" : "no", cell.disagree ? "yes" : "no",
                                source.qualifier?.rawValue ?? "", source.fromTable ? "true" : "false",
                                source.raw, source.quote, cell.flags.isEmpty ? "no" : "yes",
                                cell.flags.joined(separator: " ")])
            }
        }
        return out
    }
}

/// A panel as its three CSV files print it: per row the value and the marker of each cell and the row's
/// source lines, and no observation. Built whole from a `Panel`, or entity by entity (`PanelBuilder`).
struct PanelText: Sendable {
    struct Row: Sendable {
        var entity: String
        var indicator: String
        var nameZh: String
        var unit: String
        var values: [Int: String]
        var markers: [Int: String]
        var sources: String

        init(_ row: PanelRow) {
            entity = row.entity
            indicator = row.indicator
            nameZh = row.nameZh
            unit = row.unit
            values = row.cells.mapValues { plainDecimal($0.value) }
            markers = row.cells.mapValues(Panel.marker)
            sources = Panel.sourceLines(row)
        }
    }

    var years: [Int]
    var rows: [Row]

    var csv: String { table(\.values) }
    var flagsCSV: String { table(\.markers) }

    private func table(_ cells: KeyPath<Row, [Int: String]>) -> String {
        var out = CSV.row(["entity", "indicator", "name_zh", "unit"] + years.map(String.init))
        for row in rows {
            out += CSV.row([row.entity, row.indicator, row.nameZh, row.unit] + years.map { row[keyPath: cells][$0] ?? "" })
        }
        return out
    }

    var sourcesCSV: String {
        var out = CSV.row(Panel.sourceColumns)
        for row in rows { out += row.sources }
        return out
    }
}

/// The panels of a store built one entity at a time: each entity's rows are made into text as they are
/// made, so only the text is held, not the observations (the panel's rows are those of one entity each).
public struct PanelBuilder: Sendable {
    private let documentByID: [String: DocumentRecord]
    private let labels: [String: IndicatorLabel]
    private let flagIndex: FlagIndex
    private let content: Panel.Content
    private var years = Set<Int>()
    private var rows: [PanelText.Row] = []

    public init(documents: [DocumentRecord], labels: [String: IndicatorLabel], flags: [Flag], content: Panel.Content) {
        documentByID = Panel.documentsByID(documents)
        self.labels = labels
        flagIndex = FlagIndex(flags)
        self.content = content
    }

    /// The observations of one entity (all of them: `Panel` picks the primary, eligible ones), in doc_id
    /// and document order, as `Panel` is given them.
    public mutating func add(_ observations: [Observation]) {
        let panel = Panel(observations: observations, documentByID: documentByID, labels: labels,
                          flagIndex: flagIndex, content: content)
        years.formUnion(panel.years)
        rows += panel.rows.map(PanelText.Row.init)
    }

    var text: PanelText {
        PanelText(years: years.sorted(), rows: rows.sorted { ($0.entity, $0.indicator) < ($1.entity, $1.indicator) })
    }
}

/// Flags by the cells they dispute (entity, indicator, year), looked up once per cell.
struct FlagIndex: Sendable {
    private struct Key: Hashable { var entity: String; var indicator: String; var year: Int }
    private var ids: [Key: [String]] = [:]

    init(_ flags: [Flag]) {
        for flag in flags {
            guard let year = flag.year else { continue }
            for indicator in Set(flag.indicators) {
                ids[Key(entity: flag.entity, indicator: indicator, year: year), default: []].append(flag.id)
            }
        }
    }

    func flags(entity: String, indicator: String, year: Int) -> [String] {
        (ids[Key(entity: entity, indicator: indicator, year: year)] ?? []).sorted()
    }
}
