import Foundation
import NianbaoModel

/// Flags and coverage of one run of the checks.
public struct CheckOutcome: Sendable {
    public var flags: [Flag]
    public var checks: [CheckRecord]
    public init(flags: [Flag], checks: [CheckRecord]) {
        self.flags = flags
        self.checks = checks
    }
}

/// Evaluates every rule wherever the values it needs exist for the same entity and year, and
/// records for each relation it could apply whether it holds, is flagged, or was skipped (and why).
public struct CheckEngine: Sendable {
    public let rules: CheckRuleSet

    public init(rules: CheckRuleSet) { self.rules = rules }

    public func run(on observations: [Observation]) -> CheckOutcome {
        let index = ObservationIndex(observations)
        var findings: [Finding] = []
        for (order, rule) in rules.rules.enumerated() {
            var produced = rule.kind.implementation.init(rule: rule).evaluate(index)
            for i in produced.indices { produced[i].ruleOrder = order }
            findings.append(contentsOf: produced)
        }
        return Finding.assemble(findings)
    }
}
