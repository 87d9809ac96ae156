import Foundation
import NianbaoModel

/// `table_vs_text`: the same indicator, entity and year in a table and in the prose of one report.
struct TableVsTextCheck: CheckKind {
    static let id = "table_vs_text"
    static let flagKind = FlagKind.tableVsText
    static let fields: Set<String> = ["indicators", "mixed_definitions", "min_factor"]

    let rule: CheckRule

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
    func evaluate(_ index: ObservationIndex) -> [Finding] {
        let candidates = index.exact.filter(rule.admits)
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
                for table in tables where sameDefinition(text, table) && !rule.leavesToDefinitionCheck(text, table) {
                    compared = true
                    let judgement = Judgement.compare(text, with: table)
                    if judgement.outcome == .holds { continue }
                    if worst == nil || judgement.rank > worst!.2.rank { worst = (text, table, judgement) }
                }
            }
            guard compared else {
                findings.append(.skipped(rule, entity: firstTable.checkEntity, year: firstTable.year,
                                         missing: ["\(firstTable.indicator) (text in the table's wording, of the same magnitude)"], anchor: firstTable))
                continue
            }
            guard let (text, table, judgement) = worst else {
                findings.append(.holds(rule, entity: firstTable.checkEntity, year: firstTable.year, anchor: texts[0]))
                continue
            }
            findings.append(.disagreement(rule, stated: text, expected: table, judgement: judgement, message:
                "\(index.name(text.indicator)) \(text.year.map(String.init) ?? ""): the text states \(text.raw) (line \(text.line)) but the table gives \(table.raw) (line \(table.line))"))
        }
        return findings
    }
}
