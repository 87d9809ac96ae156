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

    /// The outcome `run(on:)` gives over all the observations, holding one group of them at a time (a store
    /// of ten thousand reports does not fit in memory at once). `groups(scope, body)` calls `body` with the
    /// observations of each entity (`.entity`: those whose entity is the same String, in doc_id then document
    /// order) or of each document (`.document`, in document order); `names` are `IndicatorNames` over all of
    /// them. Each rule sees the groups of its `scope`, and a finding never relates observations of two groups
    /// of its scope, so the findings are those of the whole; assembling sorts them as it would.
    public func run<Failure: Error>(names: [String: String],
                                    groups: (CheckScope, ([Observation]) -> Void) throws(Failure) -> Void)
        throws(Failure) -> CheckOutcome {
        let implementations = rules.rules.map { $0.kind.implementation.init(rule: $0) }
        var findings: [Finding] = []
        for scope in CheckScope.allCases {
            let rules = implementations.enumerated().filter { $0.element.scope == scope }
            guard !rules.isEmpty else { continue }
            try groups(scope) { observations in
                let index = ObservationIndex(observations, names: names)
                guard !index.all.isEmpty else { return }
                for (order, rule) in rules {
                    var produced = rule.evaluate(index)
                    for i in produced.indices { produced[i].ruleOrder = order }
                    findings.append(contentsOf: produced)
                }
            }
        }
        return Finding.assemble(findings)
    }
}
