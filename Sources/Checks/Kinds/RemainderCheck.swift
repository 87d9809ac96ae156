import Foundation
import NianbaoModel

/// `remainder`: `全区在校生 4,520 人，其中临湖职校 1,850 人、交通学校 1,500 人，其他 1 所学校共 1,170 人` — the rest of a
/// group (`Observation.role` `remainder`) is its total less the parts it names, within printed precision. A
/// group with a remainder is this kind's, not the `sum` kind's: its parts alone fall short of the total on
/// purpose.
struct RemainderCheck: CheckKind {
    static let id = "remainder"
    static let flagKind = FlagKind.sumMismatch
    static let fields: Set<String> = ["indicators"]

    let rule: CheckRule
    /// A group's parts are other entities (the schools of a district): the whole document is needed.
    var scope: CheckScope { .document }

    func evaluate(_ index: ObservationIndex) -> [Finding] {
        let members = Dictionary(grouping: index.all.filter {
            $0.group != nil && index.groupsWithRemainder.contains(ObservationIndex.groupKey($0)!)
        }) { ObservationIndex.groupKey($0)! }
        var findings: [Finding] = []
        // A rate's rest (a table's `其他学校` row of rates) is a group's rate, not a difference: weighted_average's.
        for remainder in index.remainders where rule.admits(remainder)
            && !GroupSumEvaluation.averagedUnits.contains(remainder.unit) {
            let group = members[ObservationIndex.groupKey(remainder)!] ?? []
            let totals = group.filter { $0.role == .total && $0.unit == remainder.unit }
            let parts = group.filter { $0.role == .part && $0.unit == remainder.unit }
            guard let total = totals.first else {
                findings.append(.skipped(rule, entity: remainder.checkEntity, year: remainder.year,
                                         missing: ["\(remainder.indicator) (total)"], anchor: remainder))
                continue
            }
            guard !parts.isEmpty else {
                findings.append(.skipped(rule, entity: remainder.checkEntity, year: remainder.year,
                                         missing: ["\(remainder.indicator) (parts)"], anchor: remainder))
                continue
            }
            let inexact = ([total, remainder] + parts).filter { $0.qualifier != nil }
            if !inexact.isEmpty {
                // `其他 5 所 5.49-6.12 万元`, `近 400 人`: no exact difference to compare.
                findings.append(.skipped(rule, entity: remainder.checkEntity, year: remainder.year,
                                         missing: inexact.map { "\($0.indicator) (exact value)" }, anchor: remainder))
                continue
            }
            findings.append(judge(remainder, total: total, parts: parts, index: index))
        }
        return findings
    }

    private func judge(_ remainder: Observation, total: Observation, parts: [Observation],
                       index: ObservationIndex) -> Finding {
        let totalPrecision = PrintedPrecision(of: total)
        var expected = totalPrecision.rounding(total.value)
        var ifTruncated = totalPrecision.truncation(total.value)
        var point = total.value
        for part in parts {
            let precision = PrintedPrecision(of: part)
            expected = expected - precision.rounding(part.value)
            ifTruncated = ifTruncated - precision.truncation(part.value)
            point -= part.value
        }
        let judgement = Judgement.judge(stated: remainder, expected: expected, expectedIfTruncated: ifTruncated,
                                        expectedPoint: point)
        if judgement.outcome == .holds {
            return .holds(rule, entity: remainder.checkEntity, year: remainder.year, anchor: remainder)
        }
        let name = index.name(total.indicator)
        var message = "\(name): the rest \(remainder.raw) but the total \(total.raw) less the parts named "
            + "(\(parts.map(\.raw).joined(separator: " + "))) leaves \(Figure.like(remainder, point, extraPlaces: 0))"
        if judgement.outcome == .truncationOnly { message += Judgement.truncationNote }
        var indicators = [total.indicator]
        for part in parts where !indicators.contains(part.indicator) { indicators.append(part.indicator) }
        return .flagged(rule, entity: remainder.checkEntity, year: remainder.year, anchor: remainder,
                        severity: judgement.severity(rule), indicators: indicators, stated: remainder.value,
                        expected: point, tolerance: DecimalText.interval(judgement.agreeing, places: Figure.places(remainder)),
                        message: message, evidence: [remainder, total] + parts)
    }
}
