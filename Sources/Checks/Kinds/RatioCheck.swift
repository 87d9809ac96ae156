import Foundation
import NianbaoModel

/// `ratio`: a stated quotient (生师比, per-student and per-school figures) against its terms.
struct RatioCheck: CheckKind {
    static let id = "ratio"
    static let flagKind = FlagKind.ratioMismatch
    static let fields: Set<String> = ["relation"]

    static func problem(with rule: CheckRule) -> RuleProblem? { divisionProblem(rule, kind: id) }

    /// Shares and ratios need a relation that divides.
    static func divisionProblem(_ rule: CheckRule, kind: String) -> RuleProblem? {
        guard let relation = rule.relation else {
            return RuleProblem(field: nil, detail: "a \(kind) check needs `relation: result = formula`")
        }
        if relation.comparison != .equal {
            return RuleProblem(field: "relation", detail: "a \(kind) relation is an equation (`=`); use an inequality check for `<=`/`>=`")
        }
        if relation.formula.divisors.isEmpty {
            return RuleProblem(field: "relation", detail: "a \(kind) relation must divide by something")
        }
        return nil
    }

    let rule: CheckRule

    func evaluate(_ index: ObservationIndex) -> [Finding] {
        RelationEvaluation(rule: rule, index: index).run()
    }
}
