import Foundation
import NianbaoModel

/// Rules that compare two statements of the same fact: a table and the prose of one report,
/// two reports, or one target stated against two bases.
struct ComparisonChecks {
    let rule: CheckRule
    let index: ObservationIndex

    private func applies(_ observation: Observation) -> Bool {
        rule.indicators.isEmpty || rule.indicators.contains(observation.indicator)
    }

    /// Whether two statements can stand for the same number, and how badly they differ if not.
    private func compare(_ stated: Observation, _ other: Observation) -> Judgement {
        let precision = PrintedPrecision(of: other)
        return Judgement.judge(stated: stated, expected: precision.rounding(other.value),
                               expectedIfTruncated: precision.truncation(other.value), expectedPoint: other.value)
    }

    /// For an indicator of several definitions, whether the sentence uses one of the table row's
    /// labels (a cell with no digit, of two or more characters), so both state the same definition.
    private func sameDefinition(_ text: Observation, _ table: Observation) -> Bool {
        guard rule.mixedDefinitions.contains(text.indicator) else { return true }
        let labels = table.quote.components(separatedBy: CharacterSet(charactersIn: "|\t"))
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.count >= 2 && !$0.contains(where: \.isNumber) }
        return labels.contains { text.quote.contains($0) }
    }

    /// Same indicator, entity and year in a table and in the prose of one report.
    func tableVsText() -> [Finding] {
        let candidates = index.exact.filter(applies)
        let byKey = Dictionary(grouping: candidates) { "\($0.docId)\u{1}\($0.checkEntity)\u{1}\($0.year.map(String.init) ?? "")\u{1}\($0.indicator)" }
        var findings: [Finding] = []
        for key in byKey.keys.sorted() {
            let statements = byKey[key]!
            let tables = statements.filter(\.fromTable)
            guard let firstTable = tables.first else { continue }
            let texts = statements.filter { !$0.fromTable }
            guard !texts.isEmpty else {
                findings.append(.skipped(rule, entity: firstTable.checkEntity, year: firstTable.year,
                                         missing: ["\(firstTable.indicator) (text)"], anchor: firstTable))
                continue
            }
            var worst: (Observation, Observation, Judgement)?
            var compared = false
            for text in texts {
                for table in tables where sameDefinition(text, table) {
                    compared = true
                    let judgement = compare(text, table)
                    if judgement.outcome == .holds { continue }
                    if worst == nil || rank(judgement) > rank(worst!.2) { worst = (text, table, judgement) }
                }
            }
            guard compared else {
                findings.append(.skipped(rule, entity: firstTable.checkEntity, year: firstTable.year,
                                         missing: ["\(firstTable.indicator) (text in the table's wording)"], anchor: firstTable))
                continue
            }
            guard let (text, table, judgement) = worst else {
                findings.append(.holds(rule, entity: firstTable.checkEntity, year: firstTable.year, anchor: texts[0]))
                continue
            }
            var message = "\(index.name(text.indicator)) \(text.year.map(String.init) ?? ""): the text states \(text.raw) (line \(text.line)) but the table gives \(table.raw) (line \(table.line))"
            if judgement.outcome == .truncationOnly { message += Judgement.truncationNote }
            findings.append(.flagged(rule, entity: text.checkEntity, year: text.year, anchor: text,
                                     severity: judgement.severity(rule), indicators: [text.indicator],
                                     stated: text.value, expected: table.value,
                                     tolerance: DecimalText.interval(judgement.agreeing, places: Figure.places(text)),
                                     message: message, evidence: [text, table]))
        }
        return findings
    }

    /// Same indicator, entity and year stated by two reports. Applies wherever two or more reports
    /// cover the entity and year; a report that is silent on the indicator leaves it skipped.
    func crossReport() -> [Finding] {
        var coverage: [String: Set<String>] = [:]
        for observation in index.exact {
            coverage["\(observation.checkEntity)\u{1}\(observation.year.map(String.init) ?? "")", default: []].insert(observation.docId)
        }
        let candidates = index.exact.filter(applies)
        let byKey = Dictionary(grouping: candidates) { ValueKey(entity: $0.checkEntity, year: $0.year, indicator: $0.indicator) }
        let keys = byKey.keys.sorted {
            ($0.entity, $0.year ?? Int.min, $0.indicator) < ($1.entity, $1.year ?? Int.min, $1.indicator)
        }
        var findings: [Finding] = []
        for key in keys {
            let statements = byKey[key]!
            let reports = coverage["\(key.entity)\u{1}\(key.year.map(String.init) ?? "")"] ?? []
            guard reports.count >= 2 else { continue }
            // One statement per report: its first in reading order (table/text differences are another check).
            var perDoc: [Observation] = []
            for statement in statements where !perDoc.contains(where: { $0.docId == statement.docId }) {
                perDoc.append(statement)
            }
            guard perDoc.count >= 2 else {
                findings.append(.skipped(rule, entity: key.entity, year: key.year,
                                         missing: ["\(key.indicator) (in a second report)"], anchor: perDoc.first))
                continue
            }
            var worst: (Observation, Observation, Judgement)?
            for i in perDoc.indices {
                for j in perDoc.indices where j > i {
                    let judgement = compare(perDoc[i], perDoc[j])
                    if judgement.outcome == .holds { continue }
                    if worst == nil || rank(judgement) > rank(worst!.2) { worst = (perDoc[i], perDoc[j], judgement) }
                }
            }
            guard let (first, second, judgement) = worst else {
                findings.append(.holds(rule, entity: key.entity, year: key.year, anchor: perDoc[0]))
                continue
            }
            var message = "\(index.name(key.indicator)) of \(key.entity) in \(key.year.map(String.init) ?? "?"): \(first.docId) states \(first.raw) but \(second.docId) states \(second.raw)"
            if judgement.outcome == .truncationOnly { message += Judgement.truncationNote }
            findings.append(.flagged(rule, entity: key.entity, year: key.year, anchor: first,
                                     severity: judgement.severity(rule), indicators: [key.indicator],
                                     stated: first.value, expected: second.value,
                                     tolerance: DecimalText.interval(judgement.agreeing, places: Figure.places(first)),
                                     message: message, evidence: [first, second]))
        }
        return findings
    }

    /// One document states the same share (or target) of two different bases. Applies where a
    /// document states it at least twice with a base named.
    func definitionConflict() -> [Finding] {
        let candidates = index.all.filter { $0.base != nil && applies($0) && $0.qualifier != .change }
        let byKey = Dictionary(grouping: candidates) {
            "\($0.docId)\u{1}\($0.checkEntity)\u{1}\($0.year.map(String.init) ?? "")\u{1}\($0.indicator)\u{1}\($0.qualifier == .target)"
        }
        var findings: [Finding] = []
        for key in byKey.keys.sorted() {
            let statements = byKey[key]!
            guard statements.count >= 2, let first = statements.first else { continue }
            guard let other = statements.first(where: { $0.base != first.base }) else {
                findings.append(.holds(rule, entity: first.checkEntity, year: first.year, anchor: first))
                continue
            }
            let what = first.qualifier == .target ? "target" : "share"
            let message = "\(index.name(first.indicator)) \(what) \(first.raw) is stated of \(index.name(first.base!)) (line \(first.line)) and \(other.raw) of \(index.name(other.base!)) (line \(other.line)) in \(first.docId)"
            findings.append(.flagged(rule, entity: first.checkEntity, year: first.year, anchor: first,
                                     severity: rule.severity ?? .warning,
                                     indicators: [first.indicator, first.base!, other.base!],
                                     stated: first.value, expected: other.value,
                                     tolerance: "same base (\(first.base!) or \(other.base!)), not both",
                                     message: message, evidence: [first, other]))
        }
        return findings
    }

    private func rank(_ judgement: Judgement) -> Int {
        switch judgement.outcome {
        case .holds: return 0
        case .truncationOnly: return 1
        case .nearMiss: return 2
        case .clearMiss: return 3
        }
    }
}
