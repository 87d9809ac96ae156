import Foundation
import NianbaoModel

/// growth rules: a stated change (`比 2019 年增长 5.73%`, `上升 2 个百分点`) against the values of
/// the two years, wherever they are stated (the earlier year may come from another report).
struct GrowthCheck: CheckKind {
    static let id = "growth"
    static let flagKind = FlagKind.growthMismatch
    static let fields: Set<String> = ["indicators"]

    let rule: CheckRule

    func evaluate(_ index: ObservationIndex) -> [Finding] {
        let changes = index.all.filter {
            $0.qualifier == .change && (rule.indicators.isEmpty || rule.indicators.contains($0.indicator))
        }
        return changes.map { evaluate($0, index: index) }
    }

    private func evaluate(_ change: Observation, index: ObservationIndex) -> Finding {
        let indicator = change.indicator
        guard let year = change.year else {
            return .skipped(rule, entity: change.checkEntity, year: nil, missing: ["\(indicator) (year of the change)"], anchor: change)
        }
        let current = index.nearest(indicator, entity: change.checkEntity, year: year, to: change)
        let previous = index.nearest(indicator, entity: change.checkEntity, year: year - 1, to: change)
        guard let current, let previous else {
            var missing: [String] = []
            if previous == nil { missing.append("\(indicator) (\(year - 1))") }
            if current == nil { missing.append("\(indicator) (\(year))") }
            return .skipped(rule, entity: change.checkEntity, year: year, missing: missing, anchor: change)
        }
        // `上升 2 个百分点` is a difference; `增长 5.73%` a relative change — but for a rate,
        // reports also write `提高 2%` meaning points, so both readings are tried there.
        let bothReadings = change.unit == "%" && current.unit == "%"
        // A change in the indicator's own unit (`增加 1 个`, `增加 0.02 个`) is a difference too.
        var finding = evaluate(change, current: current, previous: previous, inPoints: change.unit != "%", index: index)
        if bothReadings && finding.status == .flagged {
            let asPoints = evaluate(change, current: current, previous: previous, inPoints: true, index: index)
            if asPoints.status == .holds || (asPoints.flag?.severity == .info && finding.flag?.severity != .info) {
                finding = asPoints
            }
        }
        return finding
    }

    private func evaluate(_ change: Observation, current: Observation, previous: Observation,
                          inPoints: Bool, index: ObservationIndex) -> Finding {
        let indicator = change.indicator
        let year = change.year!
        func growth(_ cur: ValueInterval, _ prev: ValueInterval) -> ValueInterval? {
            if inPoints { return cur - prev }
            guard let quotient = cur / prev else { return nil }
            return quotient * ValueInterval(exactly: 100) - ValueInterval(exactly: 100)
        }
        let curP = PrintedPrecision(of: current), prevP = PrintedPrecision(of: previous)
        guard let expected = growth(curP.rounding(current.value), prevP.rounding(previous.value)),
              let ifTruncated = growth(curP.truncation(current.value), prevP.truncation(previous.value)),
              let point = growth(ValueInterval(exactly: current.value), ValueInterval(exactly: previous.value))?.lower else {
            return .skipped(rule, entity: change.checkEntity, year: year, missing: ["\(indicator) (\(year - 1), non-zero)"], anchor: change)
        }
        var judgement = Judgement.judge(stated: change, expected: expected, expectedIfTruncated: ifTruncated,
                                        expectedPoint: point)
        // A decline may reach us unsigned (`下降 6.77%` as 6.77): the wording carries the sign.
        if judgement.outcome != .holds && change.value > 0 && point < 0 {
            let mirrored = Judgement.judge(stated: change, value: -change.value, expected: expected,
                                           expectedIfTruncated: ifTruncated, expectedPoint: point)
            if mirrored.outcome == .holds || mirrored.outcome == .truncationOnly { judgement = mirrored }
        }
        if judgement.outcome == .holds { return .holds(rule, entity: change.checkEntity, year: year, anchor: change) }
        let unitText = inPoints ? " \(change.unit.isEmpty || change.unit == "%" ? "百分点" : change.unit)" : "%"
        var message = "\(index.name(indicator)) change stated \(change.raw) but \(previous.raw) (\(year - 1)) → \(current.raw) (\(year)) is \(DecimalText.fixed(point, places: change.decimals + 1))\(unitText)"
        if judgement.outcome == .truncationOnly { message += Judgement.truncationNote }
        return .flagged(rule, entity: change.checkEntity, year: year, anchor: change, severity: judgement.severity(rule),
                        indicators: [indicator], stated: change.value,
                        expected: DecimalText.rounded(point, places: change.decimals + 2),
                        tolerance: DecimalText.interval(judgement.agreeing, places: change.decimals + 2),
                        message: message, evidence: [change, previous, current])
    }
}
