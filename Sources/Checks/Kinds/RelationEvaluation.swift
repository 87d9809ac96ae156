import Foundation
import NianbaoModel

/// What share, ratio and sum-by-relation rules have in common: `result = formula` evaluated
/// wherever a value of the result or of an operand exists for an entity and year.
struct RelationEvaluation {
    let rule: CheckRule
    let index: ObservationIndex

    func run() -> [Finding] {
        guard let relation = rule.relation else { return [] }
        let operands = relation.formula.indicators
        let involved = Set([relation.result] + operands)
        // Every entity/year with at least one of the values is a place the relation could apply.
        var places: [(String, Int?)] = []
        var seen = Set<ValueKey>()
        for observation in index.exact where involved.contains(observation.indicator) {
            let key = ValueKey(entity: observation.checkEntity, year: observation.year, indicator: "")
            if seen.insert(key).inserted { places.append((observation.checkEntity, observation.year)) }
        }
        var findings: [Finding] = []
        for (entity, year) in places {
            findings += evaluate(relation, operands: operands, entity: entity, year: year)
        }
        return findings
    }

    /// Whether a stated share falls under this rule. A rule with an explicit `base:` takes only
    /// statements that name that base; otherwise statements naming no base or its first divisor.
    private func fallsUnder(_ statement: Observation) -> Bool {
        guard rule.kind.rawValue == ShareCheck.id, let relation = rule.relation else { return true }
        if let explicit = rule.base { return statement.base == explicit }
        guard let named = statement.base else { return true }
        return named == relation.formula.divisors.first
    }

    private func evaluate(_ relation: Relation, operands: [String], entity: String, year: Int?) -> [Finding] {
        let stated = index.values(entity, year, relation.result).filter(fallsUnder)
        let anyOperand = operands.lazy.compactMap { index.values(entity, year, $0).first }.first
        if let other = rule.unlessStated.first(where: { !index.values(entity, year, $0).isEmpty }) {
            return [.skipped(rule, entity: entity, year: year, missing: ["none of \(other) (stated, so another rule applies)"],
                             anchor: stated.first ?? anyOperand)]
        }
        if stated.isEmpty {
            let missing = [relation.result] + operands.filter { index.values(entity, year, $0).isEmpty }
            return [.skipped(rule, entity: entity, year: year, missing: missing, anchor: anyOperand)]
        }
        var findings: [Finding] = []
        var judged = Set<String>()
        for statement in stated {
            // One verdict per distinct statement: a figure repeated on one line is one statement.
            let identity = "\(statement.docId)|\(statement.page)|\(statement.line)|\(statement.value)"
            guard judged.insert(identity).inserted else { continue }
            var chosen: [String: Observation] = [:]
            var missing: [String] = []
            for operand in operands {
                if let value = index.nearest(operand, entity: entity, year: year, to: statement) {
                    chosen[operand] = value
                } else {
                    missing.append(operand)
                }
            }
            if !missing.isEmpty {
                findings.append(.skipped(rule, entity: entity, year: year, missing: missing, anchor: statement))
                continue
            }
            var finding = judge(statement, relation: relation, operands: operands, chosen: chosen,
                                entity: entity, year: year)
            if finding.status == .flagged, statement.base == nil, let alternative = heldOnOtherBase(
                statement, relation: relation, operands: operands, chosen: chosen, entity: entity, year: year) {
                finding = alternative
            }
            findings.append(finding)
        }
        return findings
    }

    /// The share judged on one of the rule's `other_bases` in place of its divisor, when one holds: a report
    /// computing 对口就业率 over its directly employed graduates is not wrong for not using all of them.
    private func heldOnOtherBase(_ statement: Observation, relation: Relation, operands: [String],
                                 chosen: [String: Observation], entity: String, year: Int?) -> Finding? {
        guard let divisor = relation.formula.divisors.first else { return nil }
        for base in rule.otherBases {
            guard let value = index.nearest(base, entity: entity, year: year, to: statement) else { continue }
            var substituted = chosen
            substituted[divisor] = value
            let finding = judge(statement, relation: relation, operands: operands, chosen: substituted,
                                entity: entity, year: year)
            if finding.status == .holds { return finding }
        }
        return nil
    }

    private func judge(_ statement: Observation, relation: Relation, operands: [String],
                       chosen: [String: Observation], entity: String, year: Int?) -> Finding {
        let rounded = chosen.mapValues { PrintedPrecision(of: $0).rounding($0.value) }
        let truncated = chosen.mapValues { PrintedPrecision(of: $0).truncation($0.value) }
        let points = chosen.mapValues { ValueInterval(exactly: $0.value) }
        guard let expected = relation.formula.evaluate(rounded),
              let ifTruncated = relation.formula.evaluate(truncated),
              let point = relation.formula.evaluate(points)?.lower else {
            // A divisor of zero: nothing can be expected, so the relation is not evaluable.
            let zero = operands.filter { chosen[$0]?.value == 0 }
            return .skipped(rule, entity: entity, year: year, missing: zero.map { "\($0) (non-zero)" }, anchor: statement)
        }
        // A quotient is always a rounded figure, even when printed as a whole number (`校均 422 门`).
        let judgement = Judgement.judge(stated: statement, statedIsRounded: relation.formula.divisors.count > 0,
                                        expected: expected, expectedIfTruncated: ifTruncated, expectedPoint: point)
        if judgement.outcome == .holds { return .holds(rule, entity: entity, year: year, anchor: statement) }
        let computation = relation.formula.rendered { id in
            guard let value = chosen[id] else { return id }
            return "\(value.nameZh.isEmpty ? id : value.nameZh) \(value.raw)"
        }
        var message = "\(index.name(relation.result)) stated \(statement.raw) but \(computation) = \(Figure.like(statement, point))"
        if judgement.outcome == .truncationOnly { message += Judgement.truncationNote }
        return .flagged(rule, entity: entity, year: year, anchor: statement, severity: judgement.severity(rule),
                        indicators: [relation.result] + operands, stated: statement.value,
                        expected: DecimalText.rounded(point, places: Figure.places(statement)),
                        tolerance: DecimalText.interval(judgement.agreeing, places: Figure.places(statement)),
                        message: message, evidence: [statement] + operands.compactMap { chosen[$0] })
    }
}
