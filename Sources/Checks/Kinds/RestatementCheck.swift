import Foundation
import NianbaoModel

/// `restatement`: one report giving the same figure twice in different units or roundings (`12,860 人次`
/// and `1.3 万人次`, `7,703.16 万元` and `0.77 亿元`): the coarser must be a rounding of the finer. Pairs of
/// one table and the prose are table_vs_text's, pairs far apart (`min_factor`) definition_by_magnitude's.
/// Applies wherever a report states an indicator, entity and year at two precisions.
struct RestatementCheck: CheckKind {
    static let id = "restatement"
    static let flagKind = FlagKind.unitMismatch
    static let fields: Set<String> = ["indicators", "min_factor"]

    let rule: CheckRule

    func evaluate(_ index: ObservationIndex) -> [Finding] {
        let candidates = index.exact.filter(rule.admits)
        let byKey = Dictionary(grouping: candidates) {
            "\($0.docId)\u{1}\($0.checkEntity)\u{1}\($0.year.map(String.init) ?? "")\u{1}\($0.indicator)\u{1}\($0.unit)"
        }
        var findings: [Finding] = []
        for key in byKey.keys.sorted() {
            let statements = byKey[key]!
            var worst: (coarse: Observation, fine: Observation, judgement: Judgement)?
            var compared = false
            for (i, a) in statements.enumerated() {
                for b in statements[(i + 1)...] where a.fromTable == b.fromTable && !rule.leavesToDefinitionCheck(a, b) {
                    let stepA = PrintedPrecision(of: a).step, stepB = PrintedPrecision(of: b).step
                    guard stepA != stepB else { continue }
                    compared = true
                    let (coarse, fine) = stepA > stepB ? (a, b) : (b, a)
                    let judgement = Judgement.compare(coarse, with: fine)
                    if judgement.outcome != .holds && (worst == nil || judgement.rank > worst!.judgement.rank) {
                        worst = (coarse, fine, judgement)
                    }
                }
            }
            guard compared, let first = statements.first else { continue }
            guard let (coarse, fine, judgement) = worst else {
                findings.append(.holds(rule, entity: first.checkEntity, year: first.year, anchor: first))
                continue
            }
            findings.append(.disagreement(rule, stated: coarse, expected: fine, judgement: judgement, message:
                "\(index.name(coarse.indicator)) \(coarse.year.map(String.init) ?? ""): \(coarse.raw) (line \(coarse.line)) is not a rounding of \(fine.raw) (line \(fine.line)), the same figure in the same report"))
        }
        return findings
    }
}
