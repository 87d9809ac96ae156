import Foundation
import NianbaoModel

/// `target_gap`: a plan target against what is reported for the same entity.
struct TargetGapCheck: CheckKind {
    static let id = "target_gap"
    static let flagKind = FlagKind.targetGap
    static let fields: Set<String> = ["indicators", "lower_is_better"]

    let rule: CheckRule

    /// Each plan target against a value reported for the same entity in the target's year, or failing that
    /// the first later year stated. A value from before the target year (the baseline of the plan that
    /// sets the target, last year's figure) is no gap: the target has not fallen due.
    func evaluate(_ index: ObservationIndex) -> [Finding] {
        let targets = index.all.filter { $0.qualifier == .target && rule.admits($0) }
        // The figure stated beside a target in a sentence that sets or restates it is the baseline, whatever
        // year the sentence's target year lent it: never the outcome a target is judged by.
        let targetPlaces = Set(targets.map { "\($0.docId)|\($0.page)|\($0.line)|\($0.checkEntity)|\($0.indicator)" })
        guard !targets.isEmpty else { return [] }
        // Reported values by entity and indicator, grouped once: scanning every value for every target was
        // most of a thousand-report import.
        let reportedBySeries = Dictionary(grouping: index.exact) { "\($0.checkEntity)|\($0.indicator)" }
        var findings: [Finding] = []
        for target in targets {
            let reported = (reportedBySeries["\(target.checkEntity)|\(target.indicator)"] ?? []).filter {
                (target.year == nil || $0.year! >= target.year!)
                    && !targetPlaces.contains("\($0.docId)|\($0.page)|\($0.line)|\($0.checkEntity)|\($0.indicator)")
            }
            // Without a target year (`the plan period`), the latest value says most; with one, its own year.
            let preferLater = target.year == nil
            guard let latest = reported.max(by: { a, b in
                if a.year! != b.year! { return preferLater ? a.year! < b.year! : a.year! > b.year! }
                if (a.docId == target.docId) != (b.docId == target.docId) { return b.docId == target.docId }
                return ObservationIndex.sourceOrder(b, a)
            }) else {
                let due = target.year.map { " (\($0) or later)" } ?? " (reported value)"
                findings.append(.skipped(rule, entity: target.checkEntity, year: target.year,
                                         missing: ["\(target.indicator)\(due)"], anchor: target))
                continue
            }
            let lowerIsBetter = rule.lowerIsBetter.contains(target.indicator)
            let reach = PrintedPrecision(of: latest).rounding(latest.value)
            let meets = lowerIsBetter ? reach.lower <= target.value : reach.upper >= target.value
            if meets {
                findings.append(.holds(rule, entity: target.checkEntity, year: target.year, anchor: target))
                continue
            }
            let gap = abs(target.value - latest.value)
            let unit = latest.unit == "%" ? " points" : " \(latest.unit)"
            let message = "\(index.name(target.indicator)) target \(target.raw) for \(target.year.map(String.init) ?? "the plan period"); the value reported for \(latest.year!), \(latest.raw), is \(DecimalText.string(gap))\(unit) short"
            findings.append(.flagged(rule, entity: target.checkEntity, year: target.year, anchor: target,
                                     severity: rule.severity ?? .info, indicators: [target.indicator],
                                     stated: latest.value, expected: target.value,
                                     tolerance: lowerIsBetter ? "(-∞, \(DecimalText.string(target.value))]"
                                                              : "[\(DecimalText.string(target.value)), ∞)",
                                     message: message, evidence: [target, latest]))
        }
        return findings
    }
}
