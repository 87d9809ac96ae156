import Foundation
import NianbaoModel

/// `share`: a stated percentage against its numerator and base (`a = b / c * 100`).
struct ShareCheck: CheckKind {
    static let id = "share"
    static let flagKind = FlagKind.percentMismatch
    static let fields: Set<String> = ["relation", "base", "other_bases"]

    static func problem(with rule: CheckRule) -> RuleProblem? {
        if let problem = RatioCheck.divisionProblem(rule, kind: id) { return problem }
        if let base = rule.base, let relation = rule.relation, !relation.formula.divisors.contains(base) {
            return RuleProblem(field: "base", detail: "base `\(base)` is not a divisor in the relation")
        }
        if !rule.otherBases.isEmpty, rule.base != nil {
            return RuleProblem(field: "other_bases", detail: "`other_bases` is for a rule without `base` (statements naming none)")
        }
        return nil
    }

    let rule: CheckRule

    func evaluate(_ index: ObservationIndex) -> [Finding] {
        RelationEvaluation(rule: rule, index: index).run()
    }
}
