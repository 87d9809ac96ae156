import Foundation
import Testing
import NianbaoModel
@testable import Checks

/// The relations of issue 11: inequalities, definitions by magnitude, weighted averages, approximate
/// claims and restatements in another unit or rounding.
@Suite("Check engine: inequalities")
struct CheckInequalityTests {
    let rules = checkRules("""
    checks:
      - id: further_within
        kind: inequality
        relation: further_study <= graduates
      - id: placed_holds_parts
        kind: inequality
        relation: placed_graduates >= further_study + direct_employment
    """)

    @Test func subgroupLargerThanItsGroupIsFlagged() throws {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("further_study", "1320", line: 4),
            checkObservation("graduates", "1290", line: 2),
        ])
        let flag = try #require(outcome.flags.first)
        #expect(flag.check == "further_within")
        #expect(flag.kind == .sumMismatch && flag.severity == .error)
        #expect(flag.stated == 1320 && flag.expected == 1290)
        #expect(flag.tolerance == "(-∞, 1290]")
        #expect(flag.pairing == .sameDocument)
    }

    @Test func partsWithinTheirWholeHold() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("further_study", "902", line: 4),
            checkObservation("direct_employment", "341", line: 4),
            checkObservation("placed_graduates", "1259", line: 4),
            checkObservation("graduates", "1286", line: 4),
        ])
        #expect(outcome.flags.isEmpty)
        #expect(outcome.checks.map(\.status) == [.holds, .holds])
    }

    @Test func partsTogetherBeyondTheirTotalAreFlagged() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("further_study", "902", line: 4),
            checkObservation("direct_employment", "341", line: 4),
            checkObservation("placed_graduates", "1200", line: 4),
        ])
        #expect(outcome.flags.map(\.check) == ["placed_holds_parts"])
        #expect(outcome.flags.first?.expected == 1243)
    }

    @Test func rulesRefuseTheWrongComparison() {
        #expect(throws: CheckRuleError.self) {
            try CheckRuleSet.parse(yaml: "checks:\n  - id: a\n    kind: inequality\n    relation: a = b\n")
        }
        #expect(throws: CheckRuleError.self) {
            try CheckRuleSet.parse(yaml: "checks:\n  - id: a\n    kind: sum\n    relation: a <= b + c\n")
        }
    }
}

@Suite("Check engine: definitions by magnitude")
struct CheckMagnitudeTests {
    let rules = checkRules("""
    checks:
      - id: magnitude
        kind: definition_by_magnitude
        min_factor: 10
        mixed_definitions: [funding_per_student]
        mixed_min_factor: 2
      - id: tvt
        kind: table_vs_text
        mixed_definitions: [funding_per_student]
        min_factor: 10
    """)

    @Test func valuesAnOrderOfMagnitudeApartAreADefinitionConflictNotATypo() throws {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("public_expenditure_per_student", "2860", unit: "元", line: 10),
            checkObservation("public_expenditure_per_student", "31250", unit: "元", line: 50, table: true),
        ])
        let flag = try #require(outcome.flags.first)
        #expect(outcome.flags.count == 1)
        #expect(flag.kind == .definitionConflict && flag.severity == .warning)
        #expect(flag.message.contains("two definitions"))
        // The table/text comparison leaves the pair to the definition check.
        #expect(outcome.checks.first { $0.check == "tvt" }?.status == .skipped)
    }

    @Test func mixedDefinitionsNeedLessAndCloseValuesHold() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("funding_per_student", "53695.15", unit: "元", line: 545),
            checkObservation("funding_per_student", "10661.00", unit: "元", line: 717, table: true),
            checkObservation("enrollment", "12001", line: 218),
            checkObservation("enrollment", "12001", line: 716, table: true),
        ])
        #expect(outcome.flags.map(\.check) == ["magnitude"])
        #expect(outcome.checks.filter { $0.check == "magnitude" }.map(\.status) == [.holds, .flagged])
    }
}

@Suite("Check engine: weighted averages")
struct CheckWeightedAverageTests {
    let rules = checkRules("""
    checks:
      - id: average
        kind: weighted_average
        weights:
          dual_qualified_ratio: specialty_teachers
    """)

    /// A per-school table: specialty teachers and 双师型 shares per row, the district's share in 合计.
    func table(total: String, sizes: Bool = true) -> [Observation] {
        var rows: [Observation] = []
        for (line, school, teachers, share) in [(137, "甲校", "104", "74.0"), (138, "乙校", "79", "72.2"), (139, "丙校", "53", "69.8")] {
            rows.append(checkObservation("dual_qualified_ratio", share, unit: "%", entity: school, line: line, table: true,
                                         group: "t3", role: .part))
            if sizes { rows.append(checkObservation("specialty_teachers", teachers, entity: school, line: line, table: true)) }
        }
        rows.append(checkObservation("dual_qualified_ratio", total, unit: "%", entity: "测试区", line: 140, table: true,
                                     group: "t3", role: .total))
        return rows
    }

    @Test func overallRateEqualToTheWeightedMeanHolds() {
        // (74.0 × 104 + 72.2 × 79 + 69.8 × 53) / 236 = 72.45
        let outcome = CheckEngine(rules: rules).run(on: table(total: "72.5"))
        #expect(outcome.flags.isEmpty)
        #expect(outcome.checks.map(\.status) == [.holds])
    }

    @Test func overallRateOffTheWeightedMeanIsFlagged() throws {
        let outcome = CheckEngine(rules: rules).run(on: table(total: "71.4"))
        let flag = try #require(outcome.flags.first)
        #expect(flag.kind == .percentMismatch && flag.severity == .error)
        #expect(flag.expected == Decimal(string: "72.454"))
        #expect(flag.pairing == .sameTable)
    }

    @Test func overallRateOutsideItsGroupsIsFlaggedWithoutSizes() throws {
        let outcome = CheckEngine(rules: rules).run(on: table(total: "76.2", sizes: false))
        let flag = try #require(outcome.flags.first)
        #expect(flag.message.contains("outside"))
        // Between the groups, without their sizes, nothing more can be said: it holds.
        #expect(CheckEngine(rules: rules).run(on: table(total: "71.4", sizes: false)).flags.isEmpty)
    }
}

@Suite("Check engine: approximate claims")
struct CheckApproximateTests {
    let rules = checkRules("""
    checks:
      - id: approx
        kind: approximate
        words:
          - {word: 接近, interval: [-0.1, 0]}
          - {word: 近, interval: [-0.1, 0]}
          - {word: 左右, interval: [-0.1, 0.1]}
          - {word: 超过, interval: [0, ~]}
    """)

    @Test func headingThatOverstatesItsBodyIsFlagged() throws {
        // `增长近 4%` in a heading, `增长 3.39%` in its body: 近 4% claims 3.6–4%.
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("equipment_value_per_student", "4", unit: "%", line: 135, qualifier: .change, raw: "增长近 4%"),
            checkObservation("equipment_value_per_student", "3.39", unit: "%", line: 139, qualifier: .change, raw: "增长 3.39%"),
        ])
        let flag = try #require(outcome.flags.first)
        #expect(flag.kind == .approxMismatch && flag.severity == .warning)
        #expect(flag.tolerance == "[3.6, 4]")
        #expect(flag.expected == Decimal(string: "3.39"))
    }

    @Test func claimsTheExactFigureFitsHold() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("fixed_assets_per_student", "5", unit: "%", line: 127, qualifier: .change, raw: "增长近 5%"),
            checkObservation("fixed_assets_per_student", "4.90", unit: "%", line: 131, qualifier: .change, raw: "增长 4.90%"),
            checkObservation("dual_qualified_ratio", "60", unit: "%", line: 163, qualifier: .approx, raw: "接近六成"),
            checkObservation("dual_qualified_ratio", "59.7", unit: "%", line: 167),
            checkObservation("enrollment", "12000", line: 99, qualifier: .approx, raw: "1.2 万人左右"),
            checkObservation("enrollment", "12001", line: 99),
            checkObservation("dual_qualified_ratio", "80", unit: "%", year: 2024, line: 231, qualifier: .moreThan, raw: "超过 80%"),
            checkObservation("dual_qualified_ratio", "80.9", unit: "%", year: 2024, line: 231),
        ])
        #expect(outcome.flags.isEmpty)
        #expect(outcome.checks.map(\.status) == [.holds, .holds, .holds, .holds])
    }

    @Test func claimWithoutAnExactFigureIsSkipped() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("parttime_teachers", "3000", line: 53, qualifier: .approx, raw: "近 3000 名"),
            checkObservation("parttime_teachers", "2500", doc: "another report", line: 8),
        ])
        #expect(outcome.checks.map(\.status) == [.skipped])
        #expect(outcome.flags.isEmpty)
    }
}

@Suite("Check engine: one figure in two units")
struct CheckRestatementTests {
    let rules = checkRules("""
    checks:
      - id: restated
        kind: restatement
        min_factor: 10
    """)

    @Test func roundingThatDoesNotFitItsFigureIsFlagged() throws {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("training_participants", "12860", unit: "人次", line: 20, raw: "12,860 人次"),
            checkObservation("training_participants", "1.2", unit: "人次", scale: 10_000, line: 3, raw: "1.2 万人次"),
        ])
        let flag = try #require(outcome.flags.first)
        #expect(flag.kind == .unitMismatch)
        #expect(flag.stated == 12000 && flag.expected == 12860)
        #expect(flag.message.contains("1.2 万人次"))
    }

    @Test func roundingsThatFitHold() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("training_participants", "12860", unit: "人次", line: 20, raw: "12,860 人次"),
            checkObservation("training_participants", "1.3", unit: "人次", scale: 10_000, line: 3, raw: "1.3 万人次"),
            checkObservation("funding_total", "7703.16", unit: "元", scale: 10_000, line: 30, raw: "7703.16 万元"),
            checkObservation("funding_total", "0.77", unit: "元", scale: 100_000_000, line: 2, raw: "0.77 亿元"),
        ])
        #expect(outcome.flags.isEmpty)
        #expect(outcome.checks.map(\.status) == [.holds, .holds])
    }
}

/// Issue 11 item 5: `其中 A a、B b，其他 N 所共 X` — the rest of a list is its total less the parts it names.
@Suite("Check engine: remainders")
struct CheckRemainderTests {
    let rules = checkRules("""
    checks:
      - id: totals_vs_parts
        kind: sum
        groups: true
        prose_lists_may_be_incomplete: true
      - id: remainder_is_total_less_parts
        kind: remainder
      - id: cross_report
        kind: cross_report
      - id: table_vs_text
        kind: table_vs_text
    """)

    /// `全区在校生 4,520 人，其中临湖职校 1,850 人、交通学校 1,500 人，其他 1 所学校共 X 人` as the extractor groups it.
    func list(rest: String, line: Int = 24) -> [Observation] {
        [
            checkObservation("enrollment", "4520", line: line, group: "g1", role: .total),
            checkObservation("enrollment", "1850", entity: "临湖职校", line: line, group: "g1", role: .part),
            checkObservation("enrollment", "1500", entity: "交通学校", line: line, group: "g1", role: .part),
            checkObservation("enrollment", rest, line: line, group: "g1", role: .remainder, category: "其他"),
        ]
    }

    @Test func theRestThatIsTheTotalLessThePartsHolds() {
        let outcome = CheckEngine(rules: rules).run(on: list(rest: "1170"))
        #expect(outcome.flags.isEmpty, "\(outcome.flags.map(\.message))")
        #expect(outcome.checks.filter { $0.check == "remainder_is_total_less_parts" }.map(\.status) == [.holds])
        // The group's parts fall short of its total on purpose: the sum check leaves it to the remainder.
        #expect(!outcome.checks.contains { $0.check == "totals_vs_parts" })
    }

    @Test func aRestThatIsNotTheTotalLessThePartsIsFlagged() throws {
        let outcome = CheckEngine(rules: rules).run(on: list(rest: "1180"))
        let flag = try #require(outcome.flags.first)
        #expect(outcome.flags.count == 1)
        #expect(flag.check == "remainder_is_total_less_parts")
        #expect(flag.kind == .sumMismatch && flag.severity == .error)
        #expect(flag.stated == 1180 && flag.expected == 1170)
        #expect(flag.tolerance == "[1180]")
        #expect(flag.entity == "测试区" && flag.indicators == ["enrollment"])
        #expect(flag.pairing == .sameSentence)
        #expect(flag.message.contains("the rest 1180人 but the total 4520人 less the parts named"), "\(flag.message)")
        #expect(flag.message.hasSuffix("leaves 1170 人"), "\(flag.message)")
    }

    @Test func aRestWithoutItsTotalOrAnExactFigureIsSkipped() {
        let noTotal = CheckEngine(rules: rules).run(on: Array(list(rest: "1170").dropFirst()))
        #expect(noTotal.flags.isEmpty)
        #expect(noTotal.checks.first { $0.check == "remainder_is_total_less_parts" }?.missing == ["enrollment (total)"])
        var approximate = list(rest: "1200")
        approximate[3].qualifier = .approx
        let skipped = CheckEngine(rules: rules).run(on: approximate)
        #expect(skipped.flags.isEmpty)
        #expect(skipped.checks.first { $0.check == "remainder_is_total_less_parts" }?.status == .skipped)
    }

    /// A remainder is the region's "other schools", never the region's own value: no comparison takes it for one.
    @Test func theRestIsNoValueOfItsEntity() {
        let outcome = CheckEngine(rules: rules).run(on: list(rest: "1170") + [
            checkObservation("enrollment", "1170", doc: "other", line: 3),
            checkObservation("enrollment", "1170", line: 60, table: true),
        ])
        // 1170 elsewhere for 测试区 is compared with the total 4520, never with the rest.
        #expect(!outcome.flags.contains { $0.evidence.contains { $0.line == 24 && $0.docId == "doc" } && $0.stated == 1170
            && $0.expected == 1170 })
        #expect(outcome.flags.allSatisfy { $0.check != "remainder_is_total_less_parts" })
    }
}

/// Issue 11 item 5's derived values: placed − further study = direct employment, the three from different
/// tables and the text, checked by the project's equations whichever of them is printed.
@Suite("Check engine: derived values")
struct CheckDerivedValueTests {
    @Test func aDirectEmploymentFigureAgainstPlacedLessFurtherStudyIsFlagged() throws {
        let rules = try projectCheckRules()
        // 附表1 去向落实 3478 (line 575), 附表2 升学 2878 (line 610), the text's 直接就业 596 (line 257): 3478 − 2878 = 600.
        let observations = [
            checkObservation("placed_graduates", "3478", line: 575, table: true, entitySource: "document_subject",
                             yearSource: "table_header", section: "t1"),
            checkObservation("further_study", "2878", line: 610, table: true, entitySource: "document_subject",
                             yearSource: "table_header", section: "t2"),
            checkObservation("direct_employment", "596", line: 257, entitySource: "subject_word", yearSource: "sentence"),
        ]
        let outcome = CheckEngine(rules: rules).run(on: observations)
        let flag = try #require(outcome.flags.first { $0.check == "placed_is_further_study_plus_employment" })
        #expect(flag.stated == 3478 && flag.expected == 3474)
        #expect(Set(flag.evidence.map(\.line)) == [575, 610, 257])
        #expect(flag.pairing == .sameDocument)
        // 600 printed instead agrees.
        var agreeing = observations
        agreeing[2] = checkObservation("direct_employment", "600", line: 257, entitySource: "subject_word", yearSource: "sentence")
        let holds = CheckEngine(rules: rules).run(on: agreeing)
        #expect(!holds.flags.contains { $0.check == "placed_is_further_study_plus_employment" })
        #expect(holds.checks.contains { $0.check == "placed_is_further_study_plus_employment" && $0.status == .holds })
        // The direct-employment figure's year guessed from the publication date: skipped, with the reason.
        var guessed = observations
        guessed[2].yearSource = "published"
        let skipped = CheckEngine(rules: rules).run(on: guessed)
        #expect(!skipped.flags.contains { $0.check == "placed_is_further_study_plus_employment" })
        let record = try #require(skipped.checks.first { $0.check == "placed_is_further_study_plus_employment" })
        #expect(record.status == .skipped && record.missing == ["direct_employment (explicit year)"])
    }
}

/// A table's `其他学校` row of rates is one more group for the weighted average: the rest's rate with its size.
@Suite("Check engine: weighted average with the rest")
struct CheckWeightedRemainderTests {
    let rules = checkRules("""
    checks:
      - id: overall
        kind: weighted_average
        weights:
          placement_rate: graduates
      - id: rest
        kind: remainder
    """)

    func table(restRate: String) -> [Observation] {
        func row(_ line: Int, _ entity: String, _ count: String, _ rate: String, _ role: ObservationRole) -> [Observation] {
            [checkObservation("graduates", count, entity: entity, line: line, table: true, group: "n", role: role,
                              category: role == .remainder ? "其他" : nil),
             checkObservation("placement_rate", rate, unit: "%", entity: entity, line: line, table: true, group: "r",
                              role: role, category: role == .remainder ? "其他" : nil)]
        }
        return row(35, "临湖职校", "590", "98.5", .part) + row(36, "交通学校", "482", "97.5", .part)
            + row(37, "测试区", "333", restRate, .remainder) + row(38, "测试区", "1405", "97.7", .total)
    }

    @Test func theRestsRateCountsWithItsSize() throws {
        // (98.5 × 590 + 97.5 × 482 + 96.7 × 333) / 1405 = 97.73: holds, and the counts' rest 1405 − 590 − 482 = 333.
        let holds = CheckEngine(rules: rules).run(on: table(restRate: "96.7"))
        #expect(holds.flags.isEmpty, "\(holds.flags.map(\.message))")
        #expect(holds.checks.map(\.status) == [.holds, .holds])
        // 90.0 for the rest: the named schools alone would still give 98.04, the whole table 96.14.
        let off = CheckEngine(rules: rules).run(on: table(restRate: "90.0"))
        let flag = try #require(off.flags.first)
        #expect(off.flags.count == 1 && flag.check == "overall")
        #expect(flag.expected == Decimal(string: "96.142"))
        #expect(flag.message.contains("90.0% × 333"), "\(flag.message)")
    }
}

/// A share reports compute on more than one base (`other_bases`).
@Suite("Check engine: shares on another base")
struct CheckOtherBaseTests {
    let rules = checkRules("""
    checks:
      - id: matched_employment_rate
        kind: share
        relation: matched_employment_rate = matched_employment / graduates * 100
        other_bases: [direct_employment, employed_graduates]
    """)

    @Test func aShareOfTheDirectlyEmployedHolds() {
        // 广东: 对口就业率 89.54% of the 17.2 万 in direct employment, not of the 26.39 万 graduates.
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("matched_employment_rate", "89.54", unit: "%", line: 22),
            checkObservation("matched_employment", "15.40", scale: 10_000, line: 22),
            checkObservation("graduates", "26.39", scale: 10_000, line: 22),
            checkObservation("direct_employment", "17.20", scale: 10_000, line: 22),
        ])
        #expect(outcome.flags.isEmpty)
        #expect(outcome.checks.map(\.status) == [.holds])
    }

    @Test func aShareMatchingNoBaseIsFlaggedOnTheFirst() throws {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("matched_employment_rate", "70", unit: "%", line: 22),
            checkObservation("matched_employment", "154000", line: 22),
            checkObservation("graduates", "263900", line: 22),
            checkObservation("direct_employment", "172000", line: 22),
        ])
        let flag = try #require(outcome.flags.first)
        #expect(flag.message.contains("毕业生") || flag.message.contains("graduates"), "\(flag.message)")
    }

    @Test func otherBasesNeedARuleWithoutBase() {
        #expect(throws: CheckRuleError.self) {
            _ = try CheckRuleSet.parse(yaml: """
            checks:
              - id: x
                kind: share
                relation: matched_employment_rate = matched_employment / graduates * 100
                base: graduates
                other_bases: [direct_employment]
            """, path: "test.yaml")
        }
    }
}
