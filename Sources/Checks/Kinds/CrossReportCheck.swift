import Foundation
import NianbaoModel

/// `cross_report`: the same indicator, entity and year stated by two reports.
struct CrossReportCheck: CheckKind {
    static let id = "cross_report"
    static let flagKind = FlagKind.crossReport
    static let fields: Set<String> = ["indicators", "min_factor"]

    let rule: CheckRule

    /// Same indicator, entity and year stated by two reports. Applies wherever two or more reports
    /// cover the entity and year; a report that is silent on the indicator leaves it skipped.
    func evaluate(_ index: ObservationIndex) -> [Finding] {
        var coverage: [String: Set<String>] = [:]
        for observation in index.exact {
            coverage["\(observation.checkEntity)\u{1}\(observation.year.map(String.init) ?? "")", default: []].insert(observation.docId)
        }
        let candidates = index.exact.filter(rule.admits)
        var findings: [Finding] = []
        for (key, statements) in ValueKey.grouped(candidates) {
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
            var compared = false
            for i in perDoc.indices {
                for j in perDoc.indices where j > i && !rule.leavesToDefinitionCheck(perDoc[i], perDoc[j]) {
                    compared = true
                    let judgement = Judgement.compare(perDoc[i], with: perDoc[j])
                    if judgement.outcome == .holds { continue }
                    if worst == nil || judgement.rank > worst!.2.rank { worst = (perDoc[i], perDoc[j], judgement) }
                }
            }
            guard compared else {
                findings.append(.skipped(rule, entity: key.entity, year: key.year,
                                         missing: ["\(key.indicator) (in a second report, of the same magnitude)"], anchor: perDoc[0]))
                continue
            }
            guard let (first, second, judgement) = worst else {
                findings.append(.holds(rule, entity: key.entity, year: key.year, anchor: perDoc[0]))
                continue
            }
            findings.append(.disagreement(rule, stated: first, expected: second, judgement: judgement, message:
                "\(index.name(key.indicator)) of \(key.entity) in \(key.year.map(String.init) ?? "?"): \(first.docId) states \(first.raw) but \(second.docId) states \(second.raw)"))
        }
        return findings
    }
}
