import Foundation
import Testing
import NianbaoModel
@testable import Checks

/// Issue 11 "no noise": one flag per inconsistency, how its values were paired, never unresolved entities.
@Suite("Check engine: no noise")
struct CheckNoiseTests {
    let rules = checkRules("""
    checks:
      - id: placement
        kind: share
        relation: placement_rate = placed_graduates / graduates * 100
    """)

    @Test func restatedInconsistencyIsOneFlagWithEveryPlace() {
        // The same wrong 98.3% in the summary (line 5) and the body (line 40), with the same counts.
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("placement_rate", "98.3", unit: "%", line: 5),
            checkObservation("placement_rate", "98.3", unit: "%", line: 40),
            checkObservation("placed_graduates", "629", line: 40),
            checkObservation("graduates", "643", line: 40),
        ])
        #expect(outcome.flags.count == 1)
        #expect(Set(outcome.flags[0].evidence.map(\.line)) == [5, 40])
        // Coverage still counts both statements, both pointing at the one flag.
        #expect(outcome.checks.map(\.flagId) == ["F0001", "F0001"])
    }

    @Test func pairingSaysWhereTheValuesCameFrom() {
        let sentence = CheckEngine(rules: rules).run(on: [
            checkObservation("placement_rate", "98.3", unit: "%", line: 40),
            checkObservation("placed_graduates", "629", line: 40),
            checkObservation("graduates", "643", line: 40),
        ])
        #expect(sentence.flags.first?.pairing == .sameSentence)
        let document = CheckEngine(rules: rules).run(on: [
            checkObservation("placement_rate", "98.3", unit: "%", line: 40),
            checkObservation("placed_graduates", "629", line: 40),
            checkObservation("graduates", "643", line: 12, table: true),
        ])
        #expect(document.flags.first?.pairing == .sameDocument)
        let across = CheckEngine(rules: rules).run(on: [
            checkObservation("placement_rate", "98.3", unit: "%", line: 40),
            checkObservation("placed_graduates", "629", line: 40),
            checkObservation("graduates", "643", doc: "other", line: 12),
        ])
        #expect(across.flags.first?.pairing == .acrossDocuments)
    }

    @Test func unresolvedEntitiesAndYearsAreNeverJoined() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("placement_rate", "98.3", unit: "%", entity: "unknown", line: 40),
            checkObservation("placed_graduates", "629", entity: "unknown", line: 40),
            checkObservation("graduates", "643", entity: "unknown", line: 40),
            checkObservation("placement_rate", "98.3", unit: "%", year: nil, line: 50),
            checkObservation("placed_graduates", "629", year: nil, line: 50),
            checkObservation("graduates", "643", year: nil, line: 50),
        ])
        #expect(outcome.flags.isEmpty)
        #expect(outcome.checks.isEmpty)
    }
}
