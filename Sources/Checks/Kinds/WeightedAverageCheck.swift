import Foundation
import NianbaoModel

/// `weighted_average`: an overall rate stated with the rates of its groups (a per-school table's `合计`
/// row, a district rate with its schools') lies between the groups' rates, and where each group's size is
/// stated in the same row (`weights`), equals their weighted mean within printed precision.
/// Applies to every group of rates whose parts are the total's own indicator for other entities.
struct WeightedAverageCheck: CheckKind {
    static let id = "weighted_average"
    static let flagKind = FlagKind.percentMismatch
    static let fields: Set<String> = ["indicators", "weights"]

    let rule: CheckRule

    /// The rate of a group's total row and those of its member rows (other entities) are of one table.
    var scope: CheckScope { .document }

    func evaluate(_ index: ObservationIndex) -> [Finding] {
        // A remainder of rates (a table's `其他学校` row) is one more group: the rest of the schools, with its size.
        let members = (index.all + index.remainders).filter {
            $0.group != nil && $0.qualifier == nil && $0.year != nil && rule.admits($0)
                && GroupSumEvaluation.averagedUnits.contains($0.unit)
        }
        let groups = Dictionary(grouping: members) { "\($0.docId)\u{1}\($0.group!)" }
        var findings: [Finding] = []
        for key in groups.keys.sorted() {
            let group = groups[key]!
            for total in group where total.role == .total {
                let named = group.filter {
                    $0.role == .part && $0.indicator == total.indicator && $0.entity != total.entity && $0.year == total.year
                }
                guard named.count >= 2 else { continue }
                let rest = group.filter { $0.role == .remainder && $0.indicator == total.indicator && $0.year == total.year }
                let parts = named + rest
                findings.append(judge(total, parts: parts, index: index))
            }
        }
        return findings
    }

    /// The size of the group a rate is of, stated in the rate's own row or sentence.
    private func size(of rate: Observation, index: ObservationIndex) -> Observation? {
        guard let count = rule.weights[rate.indicator] else { return nil }
        let candidates = rate.role == .remainder
            ? index.remainders.filter { $0.indicator == count && $0.qualifier == nil }
            : index.values(rate.checkEntity, rate.year, count)
        return candidates.first { $0.docId == rate.docId && $0.line == rate.line && $0.page == rate.page }
    }

    private func judge(_ total: Observation, parts: [Observation], index: ObservationIndex) -> Finding {
        let ranges = parts.map { PrintedPrecision(of: $0).rounding($0.value) }
        let span = ValueInterval(ranges.map(\.lower).min()!, ranges.map(\.upper).max()!)
        let stated = PrintedPrecision(of: total).rounding(total.value)
        let name = index.name(total.indicator)
        let partsText = parts.map { part in
            "\(part.checkEntity)\(part.role == .remainder ? "·" + (part.category ?? "") : "") \(part.raw)"
        }.joined(separator: ", ")
        if !stated.overlaps(span) {
            let message = "\(name) overall \(total.raw) lies outside its groups' rates (\(partsText)): an average cannot"
            return .flagged(rule, entity: total.checkEntity, year: total.year, anchor: total, severity: rule.severity ?? .error,
                            indicators: [total.indicator], stated: total.value, expected: span.midpoint,
                            tolerance: DecimalText.interval(span, places: Figure.places(total)),
                            message: message, evidence: [total] + parts)
        }
        let sizes = parts.map { size(of: $0, index: index) }
        guard sizes.allSatisfy({ $0 != nil }) else {
            return .holds(rule, entity: total.checkEntity, year: total.year, anchor: total)
        }
        let weights = sizes.map { $0!.value }
        let weightSum = weights.reduce(0, +)
        guard weightSum > 0 else { return .holds(rule, entity: total.checkEntity, year: total.year, anchor: total) }
        func mean(_ intervals: [ValueInterval]) -> ValueInterval {
            var sum = ValueInterval(exactly: 0)
            for (interval, weight) in zip(intervals, weights) { sum = sum + interval * ValueInterval(exactly: weight) }
            return sum * ValueInterval(exactly: 1 / weightSum)
        }
        let expected = mean(ranges)
        let ifTruncated = mean(parts.map { PrintedPrecision(of: $0).truncation($0.value) })
        let point = mean(parts.map { ValueInterval(exactly: $0.value) }).lower
        let judgement = Judgement.judge(stated: total, statedIsRounded: true, expected: expected,
                                        expectedIfTruncated: ifTruncated, expectedPoint: point)
        if judgement.outcome == .holds { return .holds(rule, entity: total.checkEntity, year: total.year, anchor: total) }
        let weighted = zip(parts, sizes).map { "\($0.raw) × \($1!.raw)" }.joined(separator: " + ")
        var message = "\(name) overall \(total.raw) but the groups' rates weighted by their sizes give \(Figure.like(total, point)) ((\(weighted)) / \(DecimalText.string(weightSum)))"
        if judgement.outcome == .truncationOnly { message += Judgement.truncationNote }
        return .flagged(rule, entity: total.checkEntity, year: total.year, anchor: total, severity: judgement.severity(rule),
                        indicators: [total.indicator, rule.weights[total.indicator]!], stated: total.value,
                        expected: DecimalText.rounded(point, places: Figure.places(total)),
                        tolerance: DecimalText.interval(judgement.agreeing, places: Figure.places(total)),
                        message: message, evidence: [total] + parts + sizes.compactMap { $0 })
    }
}
