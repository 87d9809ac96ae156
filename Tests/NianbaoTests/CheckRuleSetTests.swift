import Foundation
import Testing
import NianbaoModel
import Indicators
@testable import Checks

@Suite("Check rules: loading and validation")
struct CheckRuleSetTests {
    func error(_ yaml: String) -> CheckRuleError? {
        do {
            _ = try CheckRuleSet.parse(yaml: yaml, path: "bad.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func projectRuleFileLoadsWithEveryKind() throws {
        let rules = try projectCheckRules()
        #expect(rules.rules.count >= 20)
        #expect(Set(rules.rules.map(\.kind)) == Set(CheckRuleKind.allCases))
        let dual = try #require(rules.rules.first { $0.id == "dual_qualified_ratio_of_specialty_teachers" })
        #expect(dual.relationText == "dual_qualified_ratio = dual_qualified_teachers / specialty_teachers × 100")
        #expect(dual.flagKind == .percentMismatch)
    }

    @Test func unknownKindIsReportedOnItsLine() {
        let e = error("""
        checks:
          - id: a
            kind: share
            relation: x = y / z
          - id: b
            kind: shares
        """)
        #expect(e?.line == 6)
        #expect(e?.description.hasPrefix("bad.yaml:6: check `b`: unknown kind `shares`") == true)
    }

    @Test func badRelationIsReportedOnItsLineWithColumn() {
        let e = error("""
        checks:
          - id: a
            kind: share
            relation: dual_qualified_ratio = dual_qualified_teachers / * 100
        """)
        #expect(e?.line == 4)
        #expect(e?.description.contains("column 50") == true)
    }

    @Test func shareWithoutDivisionIsRefused() {
        let e = error("""
        checks:
          - id: a
            kind: share
            relation: a = b + c
        """)
        #expect(e?.line == 4)
    }

    @Test func duplicateIdNamesBothLines() {
        let e = error("""
        checks:
          - id: a
            kind: growth
          - id: a
            kind: growth
        """)
        #expect(e == .invalid(path: "bad.yaml", line: 4, detail: "duplicate rule id `a` (first on line 2)"))
    }

    @Test func unknownFieldIsRefused() {
        let e = error("""
        checks:
          - id: a
            kind: yoy_jump
            max_points: 10
            max_pionts: 12
        """)
        #expect(e?.line == 5)
        #expect(e?.description.contains("`max_pionts` is not a field of a yoy_jump check") == true)
    }

    @Test func missingRequiredFieldsAreRefused() {
        #expect(error("checks:\n  - kind: growth\n")?.line == 2)
        #expect(error("checks:\n  - id: a\n    kind: share\n")?.line == 2)
        #expect(error("checks:\n  - id: j\n    kind: yoy_jump\n")?.line == 2)
        #expect(error("checks:\n  - id: s\n    kind: sum\n")?.line == 2)
        #expect(error("rules: []\n")?.line == 1)
    }

    @Test func yamlSyntaxErrorCarriesLine() {
        let e = error("""
        checks:
          - id: a
            kind: [growth
          - id: b
        """)
        guard case .syntax(_, let line, _, _)? = e else {
            Issue.record("expected a syntax error, got \(String(describing: e))")
            return
        }
        #expect(line >= 3)
    }

    @Test func missingFileIsUnreadable() {
        do {
            _ = try CheckRuleSet.load(url: URL(fileURLWithPath: "/nonexistent/checks.yaml"))
            Issue.record("loaded a missing file")
        } catch {
            guard case .unreadable = error else { Issue.record("wrong error \(error)"); return }
        }
    }

    @Test func newCheckNeedsOnlyAnEntryInTheFile() throws {
        let rules = try CheckRuleSet.parse(yaml: """
        checks:
          - id: skill_pass_rate_from_counts
            kind: share
            relation: skill_pass_rate = skill_passed / skill_examined * 100
        """)
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("skill_pass_rate", "94.78", unit: "%"),
            checkObservation("skill_passed", "900"),
            checkObservation("skill_examined", "1000"),
        ])
        #expect(outcome.flags.map(\.check) == ["skill_pass_rate_from_counts"])
        #expect(outcome.flags.first?.expected == 90)
    }

    @Test func unknownIndicatorIdIsReportedOnItsLine() {
        let known: Set<String> = ["graduates", "placed_graduates", "placement_rate", "further_study"]
        func error(_ yaml: String) -> CheckRuleError? {
            do {
                _ = try CheckRuleSet.parse(yaml: yaml, path: "checks.yaml", indicators: known)
                return nil
            } catch {
                return error
            }
        }
        let inRelation = error("""
        checks:
          - id: placement
            kind: share
            relation: placement_rate = placed_graduate / graduates * 100
        """)
        #expect(inRelation?.description == "checks.yaml:4: check `placement`: `placed_graduate` in `relation` is not an indicator defined in indicators.yaml")
        let inList = error("""
        checks:
          - id: growth
            kind: growth
            indicators:
              - graduates
              - graduats
        """)
        #expect(inList?.line == 6)
        #expect(inList?.description.contains("`graduats` in `indicators`") == true)
        #expect(error("checks:\n  - id: p\n    kind: share\n    relation: placement_rate = placed_graduates / graduates * 100\n") == nil)
    }

    @Test func projectCheckRulesNameOnlyDefinedIndicators() throws {
        let indicators = try RuleSet.load(directory: TestPaths.repoRoot.appendingPathComponent("rules"))
        let known = Set(indicators.indicators.map(\.id))
        let url = TestPaths.repoRoot.appendingPathComponent("rules/checks.yaml")
        #expect(throws: Never.self) { try CheckRuleSet.load(url: url, indicators: known) }
    }
}
