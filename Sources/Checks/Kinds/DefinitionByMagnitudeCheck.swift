import Foundation
import NianbaoModel

/// `definition_by_magnitude`: the same indicator, entity and year stated with values far apart (an
/// order of magnitude; less for indicators whose phrases cover several definitions) measure two different
/// things (在校学生人均经费 and 年生均财政拨款水平 both read as 生均经费): a definition conflict, not a typo.
/// Applies wherever an indicator, entity and year is stated at least twice, in one report or several.
struct DefinitionByMagnitudeCheck: CheckKind {
    static let id = "definition_by_magnitude"
    static let flagKind = FlagKind.definitionConflict
    static let fields: Set<String> = ["indicators", "min_factor", "mixed_definitions", "mixed_min_factor"]

    static func problem(with rule: CheckRule) -> RuleProblem? {
        guard let factor = rule.minFactor, factor > 1 else {
            return RuleProblem(field: rule.minFactor == nil ? nil : "min_factor",
                               detail: "a definition_by_magnitude check needs `min_factor` above 1 (10 = an order of magnitude)")
        }
        if let mixed = rule.mixedMinFactor, mixed <= 1 {
            return RuleProblem(field: "mixed_min_factor", detail: "`mixed_min_factor` must be above 1")
        }
        return nil
    }

    let rule: CheckRule

    /// How many times larger `a` is than `b` or the reverse; nil when either is not positive.
    static func factor(_ a: Observation, _ b: Observation) -> Decimal? {
        guard a.value > 0, b.value > 0 else { return nil }
        return max(a.value, b.value) / min(a.value, b.value)
    }

    func threshold(for indicator: String) -> Decimal {
        rule.mixedDefinitions.contains(indicator) ? (rule.mixedMinFactor ?? rule.minFactor!) : rule.minFactor!
    }

    func evaluate(_ index: ObservationIndex) -> [Finding] {
        let statements = index.exact.filter { rule.admits($0) && $0.value > 0 }
        var findings: [Finding] = []
        for (key, values) in ValueKey.grouped(statements) {
            guard values.count >= 2, let low = values.min(by: { $0.value < $1.value }),
                  let high = values.max(by: { $0.value < $1.value }), let factor = Self.factor(low, high) else { continue }
            let limit = threshold(for: key.indicator)
            guard factor >= limit else {
                findings.append(.holds(rule, entity: key.entity, year: key.year, anchor: values[0]))
                continue
            }
            let (first, second) = ObservationIndex.sourceOrder(low, high) ? (low, high) : (high, low)
            let message = "\(index.name(key.indicator)) of \(key.entity) in \(key.year.map(String.init) ?? "?") is stated as \(first.raw) (\(first.docId) line \(first.line)) and \(second.raw) (\(second.docId) line \(second.line)), \(DecimalText.string(factor, places: 1)) times apart: two definitions of the figure, not one mistyped"
            findings.append(.flagged(rule, entity: key.entity, year: key.year, anchor: first,
                                     severity: rule.severity ?? .warning, indicators: [key.indicator],
                                     stated: first.value, expected: second.value,
                                     tolerance: "within a factor \(DecimalText.string(limit))",
                                     message: message, evidence: [first, second]))
        }
        return findings
    }
}
