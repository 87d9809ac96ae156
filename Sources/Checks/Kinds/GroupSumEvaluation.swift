import Foundation
import NianbaoModel

/// sum rules over groups: a total (`合计` row, the head of a `其中` list) against its parts.
struct GroupSumEvaluation {
    let rule: CheckRule
    let index: ObservationIndex

    /// Units of shares and ratios: their `合计` row is an average over the rows, never the rows' sum.
    static let averagedUnits: Set<String> = ["%", "百分点", "ratio", "个/生"]

    func run() -> [Finding] {
        let members = index.all.filter {
            $0.group != nil && $0.qualifier != .target && $0.qualifier != .change && !Self.averagedUnits.contains($0.unit)
        }
        let groups = Dictionary(grouping: members) { ObservationIndex.groupKey($0)! }
        var findings: [Finding] = []
        // A group with a remainder (`其他 2 所…共 X`) is the `remainder` kind's: its total is the parts and the rest.
        for key in groups.keys.sorted() where !index.groupsWithRemainder.contains(key) {
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
