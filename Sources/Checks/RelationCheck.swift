import Foundation
import NianbaoModel

/// share, ratio and sum-by-relation rules: `result = formula` wherever a value of the result or
/// of an operand exists for an entity and year.
struct RelationCheck {
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
        guard rule.kind == .share, let relation = rule.relation else { return true }
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
            findings.append(judge(statement, relation: relation, operands: operands, chosen: chosen,
                                  entity: entity, year: year))
        }
        return findings
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

/// sum rules over groups: a total (`合计` row, the head of a `其中` list) against its parts.
struct GroupSumCheck {
    let rule: CheckRule
    let index: ObservationIndex

    /// Units of shares and ratios: their `合计` row is an average over the rows, never the rows' sum.
    static let averagedUnits: Set<String> = ["%", "百分点", "ratio", "个/生"]

    func run() -> [Finding] {
        let members = index.all.filter {
            $0.group != nil && $0.qualifier != .target && $0.qualifier != .change && !Self.averagedUnits.contains($0.unit)
        }
        let groups = Dictionary(grouping: members) { "\($0.docId)\u{1}\($0.group!)" }
        var findings: [Finding] = []
        for key in groups.keys.sorted() {
            let group = groups[key]!
            let totals = group.filter { $0.role == .total }
            let allParts = group.filter { $0.role == .part }
            guard !totals.isEmpty else {
                let first = allParts.first ?? group[0]
                findings.append(.skipped(rule, entity: first.checkEntity, year: first.year,
                                         missing: ["\(first.indicator) (total)"], anchor: first))
                continue
            }
            for total in totals {
                let parts = allParts.filter { $0.unit == total.unit }
                if parts.isEmpty {
                    findings.append(.skipped(rule, entity: total.checkEntity, year: total.year,
                                             missing: ["\(total.indicator) (parts)"], anchor: total))
                    continue
                }
                let inexact = ([total] + parts).filter { $0.qualifier != nil }
                if !inexact.isEmpty {
                    // `近400人` cannot be summed exactly; the relation is not checked.
                    findings.append(.skipped(rule, entity: total.checkEntity, year: total.year,
                                             missing: inexact.map { "\($0.indicator) (exact value)" }, anchor: total))
                    continue
                }
                findings.append(judge(total, parts: parts))
            }
        }
        return findings
    }

    private func judge(_ total: Observation, parts: [Observation]) -> Finding {
        var expected = ValueInterval(exactly: 0)
        var ifTruncated = ValueInterval(exactly: 0)
        var point = Decimal(0)
        for part in parts {
            let precision = PrintedPrecision(of: part)
            expected = expected + precision.rounding(part.value)
            ifTruncated = ifTruncated + precision.truncation(part.value)
            point += part.value
        }
        let judgement = Judgement.judge(stated: total, expected: expected, expectedIfTruncated: ifTruncated,
                                        expectedPoint: point)
        if judgement.outcome == .holds { return .holds(rule, entity: total.checkEntity, year: total.year, anchor: total) }
        let partsText = parts.map(\.raw).joined(separator: " + ")
        var message = "\(total.nameZh.isEmpty ? total.indicator : total.nameZh) total \(total.raw) but its parts add up to \(Figure.like(total, point, extraPlaces: 0)) (\(partsText))"
        var severity = judgement.severity(rule)
        if judgement.outcome == .truncationOnly { message += Judgement.truncationNote }
        if rule.proseListsMayBeIncomplete && !total.fromTable && point < total.value
            && judgement.outcome != .truncationOnly {
            // `其中` in prose often names only some of the parts: short of the total is not proof.
            severity = .info
            message += "; the list in the text may name only some of the parts"
        }
        var indicators = [total.indicator]
        for part in parts where !indicators.contains(part.indicator) { indicators.append(part.indicator) }
        return .flagged(rule, entity: total.checkEntity, year: total.year, anchor: total, severity: severity,
                        indicators: indicators, stated: total.value, expected: point,
                        tolerance: DecimalText.interval(judgement.agreeing, places: Figure.places(total)),
                        message: message, evidence: [total] + parts)
    }
}
