import Foundation
import NianbaoModel

/// `yoy_jump`: consecutive years of an entity's indicator whose change is beyond a plausible range.
struct YoyJumpCheck: CheckKind {
    static let id = "yoy_jump"
    static let flagKind = FlagKind.yoyJump
    static let fields: Set<String> = ["indicators", "units", "max_points", "max_relative", "min_value", "mixed_definitions"]

    static func problem(with rule: CheckRule) -> RuleProblem? {
        guard (rule.maxPoints == nil) == (rule.maxRelative == nil) else { return nil }
        return RuleProblem(field: nil, detail: "a yoy_jump check needs exactly one of `max_points` (rates) or `max_relative` (counts, money)")
    }

    let rule: CheckRule

    /// Consecutive years of an entity's indicator whose change exceeds the rule's plausible range.
    /// Applies to each pair of consecutive years between the first and last year stated.
    func evaluate(_ index: ObservationIndex) -> [Finding] {
        let candidates = index.exact.filter { rule.admits($0) && $0.year != nil }
        // An indicator of several definitions keeps its table series apart from its prose series.
        let series = Dictionary(grouping: candidates) { observation -> String in
            let source = rule.mixedDefinitions.contains(observation.indicator) ? (observation.fromTable ? "\u{1}table" : "\u{1}text") : ""
            return "\(observation.checkEntity)\u{1}\(observation.indicator)\(source)"
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
                    findings.append(.skipped(rule, entity: sample.checkEntity, year: year,
                                             missing: ["\(sample.indicator) (\(absent))"], anchor: anchor))
                    continue
                }
                findings.append(judgeJump(previous, current, index: index))
            }
        }
        return findings
    }

    private func judgeJump(_ previous: Observation, _ current: Observation, index: ObservationIndex) -> Finding {
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
                return .skipped(rule, entity: current.checkEntity, year: year,
                                missing: ["\(current.indicator) (\(year - 1), non-zero)"], anchor: current)
            }
            change = (current.value - previous.value) / abs(previous.value)
            let spread = abs(previous.value) * maxRelative
            allowed = ValueInterval(previous.value - spread, previous.value + spread)
            changeText = "\(change >= 0 ? "+" : "")\(DecimalText.string(change * 100, places: 1))%"
            limitText = "±\(DecimalText.string(maxRelative * 100))%"
        }
        if allowed.contains(current.value) {
            return .holds(rule, entity: current.checkEntity, year: year, anchor: current)
        }
        let message = "\(index.name(current.indicator)) went from \(previous.raw) in \(year - 1) to \(current.raw) in \(year) (\(changeText)), beyond the plausible \(limitText)"
        return .flagged(rule, entity: current.checkEntity, year: year, anchor: current, severity: rule.severity ?? .warning,
                        indicators: [current.indicator], stated: current.value, expected: previous.value,
                        tolerance: DecimalText.interval(allowed, places: Figure.places(current)),
                        message: message, evidence: [previous, current])
    }
}

/// An entity's series of one indicator.
private struct SeriesKey: Hashable {
    var entity: String
    var indicator: String
}
