import Foundation
import NianbaoModel

/// Rules over one indicator's values across years: implausible year-on-year jumps and the gap
/// between a plan target and what is reported.
struct SeriesChecks {
    let rule: CheckRule
    let index: ObservationIndex

    private func applies(_ observation: Observation) -> Bool {
        (rule.indicators.isEmpty || rule.indicators.contains(observation.indicator))
            && (rule.units.isEmpty || rule.units.contains(observation.unit))
    }

    /// Consecutive years of an entity's indicator whose change exceeds the rule's plausible range.
    /// Applies to each pair of consecutive years between the first and last year stated.
    func yoyJump() -> [Finding] {
        let candidates = index.exact.filter { applies($0) && $0.year != nil }
        // An indicator of several definitions keeps its table series apart from its prose series.
        let series = Dictionary(grouping: candidates) { observation -> String in
            let source = rule.mixedDefinitions.contains(observation.indicator) ? (observation.fromTable ? "\u{1}table" : "\u{1}text") : ""
            return "\(observation.entity)\u{1}\(observation.indicator)\(source)"
        }
        var findings: [Finding] = []
        for key in series.keys.sorted() {
            let values = series[key]!
            if let floor = rule.minValue, values.allSatisfy({ abs($0.value) < floor }) { continue }
            // One value per year: the first in reading order (other checks compare duplicates).
            var byYear: [Int: Observation] = [:]
            for value in values where byYear[value.year!] == nil { byYear[value.year!] = value }
            let years = byYear.keys.sorted()
            guard let first = years.first, let last = years.last, last > first else { continue }
            for year in (first + 1)...last {
                let previous = byYear[year - 1], current = byYear[year]
                guard let previous, let current else {
                    let anchor = current ?? previous
                    let absent = current == nil ? year : year - 1
                    let sample = values[0]
                    findings.append(.skipped(rule, entity: sample.entity, year: year,
                                             missing: ["\(sample.indicator) (\(absent))"], anchor: anchor))
                    continue
                }
                findings.append(judgeJump(previous, current))
            }
        }
        return findings
    }

    private func judgeJump(_ previous: Observation, _ current: Observation) -> Finding {
        let year = current.year!
        let change: Decimal
        let allowed: ValueInterval
        let changeText: String
        let limitText: String
        if let maxPoints = rule.maxPoints {
            change = current.value - previous.value
            allowed = ValueInterval(previous.value - maxPoints, previous.value + maxPoints)
            changeText = "\(change >= 0 ? "+" : "")\(DecimalText.string(change, places: 2)) points"
            limitText = "±\(DecimalText.string(maxPoints)) points"
        } else {
            let maxRelative = rule.maxRelative ?? 0
            guard previous.value != 0 else {
                return .skipped(rule, entity: current.entity, year: year,
                                missing: ["\(current.indicator) (\(year - 1), non-zero)"], anchor: current)
            }
            change = (current.value - previous.value) / abs(previous.value)
            let spread = abs(previous.value) * maxRelative
            allowed = ValueInterval(previous.value - spread, previous.value + spread)
            changeText = "\(change >= 0 ? "+" : "")\(DecimalText.string(change * 100, places: 1))%"
            limitText = "±\(DecimalText.string(maxRelative * 100))%"
        }
        if allowed.contains(current.value) {
            return .holds(rule, entity: current.entity, year: year, anchor: current)
        }
        let message = "\(index.name(current.indicator)) went from \(previous.raw) in \(year - 1) to \(current.raw) in \(year) (\(changeText)), beyond the plausible \(limitText)"
        return .flagged(rule, entity: current.entity, year: year, anchor: current, severity: rule.severity ?? .warning,
                        indicators: [current.indicator], stated: current.value, expected: previous.value,
                        tolerance: DecimalText.interval(allowed, places: Figure.places(current)),
                        message: message, evidence: [previous, current])
    }

    /// Each plan target against the latest value reported for the same entity up to the target year.
    func targetGap() -> [Finding] {
        let targets = index.all.filter { $0.qualifier == .target && applies($0) }
        guard !targets.isEmpty else { return [] }
        // Reported values by entity and indicator, in index order: one pass instead of one per target,
        // which on a thousand reports was most of the import's time.
        let reportedBySeries = Dictionary(grouping: index.exact.filter { $0.year != nil }) {
            SeriesKey(entity: $0.entity, indicator: $0.indicator)
        }
        var findings: [Finding] = []
        for target in targets {
            let reported = (reportedBySeries[SeriesKey(entity: target.entity, indicator: target.indicator)] ?? []).filter {
                target.year == nil || $0.year! <= target.year!
            }
            guard let latest = reported.max(by: { a, b in
                if a.year! != b.year! { return a.year! < b.year! }
                if (a.docId == target.docId) != (b.docId == target.docId) { return b.docId == target.docId }
                return ObservationIndex.sourceOrder(b, a)
            }) else {
                findings.append(.skipped(rule, entity: target.entity, year: target.year,
                                         missing: ["\(target.indicator) (reported value)"], anchor: target))
                continue
            }
            let lowerIsBetter = rule.lowerIsBetter.contains(target.indicator)
            let reach = PrintedPrecision(of: latest).rounding(latest.value)
            let meets = lowerIsBetter ? reach.lower <= target.value : reach.upper >= target.value
            if meets {
                findings.append(.holds(rule, entity: target.entity, year: target.year, anchor: target))
                continue
            }
            let gap = abs(target.value - latest.value)
            let unit = latest.unit == "%" ? " points" : " \(latest.unit)"
            let message = "\(index.name(target.indicator)) target \(target.raw) for \(target.year.map(String.init) ?? "the plan period"); the latest reported value, \(latest.raw) (\(latest.year!)), is \(DecimalText.string(gap))\(unit) short"
            findings.append(.flagged(rule, entity: target.entity, year: target.year, anchor: target,
                                     severity: rule.severity ?? .info, indicators: [target.indicator],
                                     stated: latest.value, expected: target.value,
                                     tolerance: lowerIsBetter ? "(-∞, \(DecimalText.string(target.value))]"
                                                              : "[\(DecimalText.string(target.value)), ∞)",
                                     message: message, evidence: [target, latest]))
        }
        return findings
    }
}

/// An entity's series of one indicator.
private struct SeriesKey: Hashable {
    var entity: String
    var indicator: String
}
