import Foundation
import NianbaoModel

/// `inequality`: a part can be no larger than what it is part of (`further_study <= graduates`,
/// `dual_qualified_teachers <= specialty_teachers`, `a + b <= total`). Evaluated wherever a value of
/// the left-hand side is stated for an entity and year, against the nearest values of the right.
struct InequalityCheck: CheckKind {
    static let id = "inequality"
    static let flagKind = FlagKind.sumMismatch
    static let fields: Set<String> = ["relation"]

    static func problem(with rule: CheckRule) -> RuleProblem? {
        guard let relation = rule.relation else {
            return RuleProblem(field: nil, detail: "an inequality check needs `relation: part <= whole` (or `>=`)")
        }
        if relation.comparison == .equal {
            return RuleProblem(field: "relation", detail: "an inequality relation uses `<=` or `>=`, not `=`")
        }
        return nil
    }

    let rule: CheckRule

    func evaluate(_ index: ObservationIndex) -> [Finding] {
        guard let relation = rule.relation else { return [] }
        let operands = relation.formula.indicators
        var findings: [Finding] = []
        var seenPlaces = Set<ValueKey>()
        for observation in index.exact where ([relation.result] + operands).contains(observation.indicator) {
            let place = ValueKey(entity: observation.checkEntity, year: observation.year, indicator: "")
            guard seenPlaces.insert(place).inserted else { continue }
            findings += evaluate(relation, operands: operands, entity: observation.checkEntity, year: observation.year,
                                 anyValue: observation, index: index)
        }
        return findings
    }

    private func evaluate(_ relation: Relation, operands: [String], entity: String, year: Int?,
                          anyValue: Observation, index: ObservationIndex) -> [Finding] {
        let stated = index.values(entity, year, relation.result)
        guard !stated.isEmpty else {
            return [.skipped(rule, entity: entity, year: year, missing: [relation.result], anchor: anyValue)]
        }
        var findings: [Finding] = []
        var judged = Set<String>()
        for statement in stated {
            guard judged.insert("\(statement.docId)|\(statement.line)|\(statement.value)").inserted else { continue }
            var chosen: [String: Observation] = [:]
            for operand in operands {
                chosen[operand] = index.nearest(operand, entity: entity, year: year, to: statement)
            }
            let missing = operands.filter { chosen[$0] == nil }
            if !missing.isEmpty {
                findings.append(.skipped(rule, entity: entity, year: year, missing: missing, anchor: statement))
                continue
            }
            findings.append(judge(statement, relation: relation, operands: operands, chosen: chosen, index: index))
        }
        return findings
    }

    private func judge(_ statement: Observation, relation: Relation, operands: [String],
                       chosen: [String: Observation], index: ObservationIndex) -> Finding {
        let bound = relation.formula.evaluate(chosen.mapValues { PrintedPrecision(of: $0).rounding($0.value) })
        let point = relation.formula.evaluate(chosen.mapValues { ValueInterval(exactly: $0.value) })?.lower
        let own = PrintedPrecision(of: statement).rounding(statement.value)
        guard let bound, let point else {
            return .skipped(rule, entity: statement.checkEntity, year: statement.year, missing: operands, anchor: statement)
        }
        let holds = relation.comparison == .atMost ? own.lower <= bound.upper : own.upper >= bound.lower
        if holds { return .holds(rule, entity: statement.checkEntity, year: statement.year, anchor: statement) }
        let whole = relation.formula.rendered { id in
            guard let value = chosen[id] else { return id }
            return "\(value.nameZh.isEmpty ? id : value.nameZh) \(value.raw)"
        }
        let verb = relation.comparison == .atMost ? "exceeds" : "falls short of"
        let message = "\(index.name(relation.result)) \(statement.raw) \(verb) \(whole), which it cannot"
            + (relation.comparison == .atMost ? " be larger than" : " be smaller than")
        let tolerance = relation.comparison == .atMost
            ? "(-∞, \(DecimalText.string(bound.upper, places: Figure.places(statement)))]"
            : "[\(DecimalText.string(bound.lower, places: Figure.places(statement))), ∞)"
        return .flagged(rule, entity: statement.checkEntity, year: statement.year, anchor: statement,
                        severity: rule.severity ?? .error, indicators: [relation.result] + operands,
                        stated: statement.value, expected: point, tolerance: tolerance, message: message,
                        evidence: [statement] + operands.compactMap { chosen[$0] })
    }
}
