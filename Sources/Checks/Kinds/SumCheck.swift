import Foundation
import NianbaoModel

/// `sum`: a total against its parts, either named by a relation (`total = a + b`) or grouped by
/// the extractor (`合计` rows, the head of a `其中` list).
struct SumCheck: CheckKind {
    static let id = "sum"
    static let flagKind = FlagKind.sumMismatch
    static let fields: Set<String> = ["relation", "groups", "prose_lists_may_be_incomplete", "unless_stated"]

    static func problem(with rule: CheckRule) -> RuleProblem? {
        if rule.relation == nil && !rule.groups {
            return RuleProblem(field: nil, detail: "a sum check needs `relation: total = a + b` or `groups: true`")
        }
        if let relation = rule.relation, relation.comparison != .equal {
            return RuleProblem(field: "relation", detail: "a sum relation is an equation (`=`); use an inequality check for `<=`/`>=`")
        }
        if rule.relation != nil && rule.groups {
            return RuleProblem(field: "groups", detail: "use either `relation` or `groups: true`, not both")
        }
        return nil
    }

    let rule: CheckRule

    /// A `合计` row and the rows it sums are of one table, and of different entities.
    var scope: CheckScope { rule.groups ? .document : .entity }

    func evaluate(_ index: ObservationIndex) -> [Finding] {
        rule.groups ? GroupSumEvaluation(rule: rule, index: index).run()
                    : RelationEvaluation(rule: rule, index: index).run()
    }
}
