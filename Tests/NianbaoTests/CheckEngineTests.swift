import Foundation
import Testing
import NianbaoModel
@testable import Checks

@Suite("Check engine: shares and ratios")
struct CheckShareTests {
    let rules = checkRules("""
    checks:
      - id: dual
        kind: share
        relation: dual_qualified_ratio = dual_qualified_teachers / specialty_teachers * 100
      - id: parttime
        kind: share
        relation: parttime_ratio = parttime_teachers / fulltime_teachers * 100
      - id: stratio
        kind: ratio
        relation: student_teacher_ratio = enrollment / fulltime_teachers
      - id: per_student
        kind: ratio
        relation: fixed_assets_per_student = fixed_assets / enrollment
    """)

    func dual(_ stated: String, teachers: String = "48", specialty: String = "59") -> CheckOutcome {
        CheckEngine(rules: rules).run(on: [
            checkObservation("dual_qualified_ratio", stated, unit: "%", line: 3, nameZh: "双师型教师比例"),
            checkObservation("dual_qualified_teachers", teachers, line: 3, nameZh: "双师型教师数"),
            checkObservation("specialty_teachers", specialty, line: 2, nameZh: "专业教师数"),
        ])
    }

    @Test func shareWithinRoundingHolds() {
        // 48 / 59 = 81.356 %, inside what 81.4 % stands for: [81.35, 81.45].
        let outcome = dual("81.4")
        #expect(outcome.flags.isEmpty)
        #expect(outcome.checks.filter { $0.check == "dual" }.map(\.status) == [.holds])
    }

    @Test func shareJustOutsideIsWarning() {
        // 81.5 % stands for [81.45, 81.55]; 81.356 misses by 0.094, less than one printed step.
        let outcome = dual("81.5")
        #expect(outcome.flags.count == 1)
        #expect(outcome.flags[0].severity == .warning)
        #expect(outcome.flags[0].kind == .percentMismatch)
        #expect(outcome.flags[0].tolerance == "[81.45, 81.55)")
    }

    @Test func shareClearlyOffIsErrorWithReadableMessageAndAllEvidence() {
        let outcome = dual("81.4", specialty: "60")
        let flag = try! #require(outcome.flags.first)
        #expect(flag.severity == .error)
        #expect(flag.id == "F0001")
        #expect(flag.check == "dual")
        #expect(flag.stated == Decimal(string: "81.4"))
        #expect(flag.expected == Decimal(string: "80.000"))
        #expect(flag.message == "双师型教师比例 stated 81.4% but 双师型教师数 48人 / 专业教师数 60人 × 100 = 80.00%")
        #expect(flag.indicators == ["dual_qualified_ratio", "dual_qualified_teachers", "specialty_teachers"])
        // Every value is quoted, the stated one first; two values on line 3 give two quotes.
        #expect(flag.evidence.map(\.line) == [3, 3, 2])
        #expect(outcome.checks.first { $0.check == "dual" }?.flagId == "F0001")
    }

    @Test func truncationOnlyAgreementIsInfoAndSaysSo() {
        // 4 / 118 = 3.39 %: rounded that is 3.4 %, the report prints 3.3 % (truncated).
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("parttime_ratio", "3.3", unit: "%"),
            checkObservation("parttime_teachers", "4"),
            checkObservation("fulltime_teachers", "118"),
        ])
        let flag = try! #require(outcome.flags.first)
        #expect(flag.severity == .info)
        #expect(flag.message.contains("truncated instead of rounding"))
        #expect(flag.tolerance == "[3.25, 3.35)")
    }

    @Test func ratioHoldsAndTruncatedRatioIsInfo() {
        let engine = CheckEngine(rules: rules)
        let holds = engine.run(on: [
            checkObservation("student_teacher_ratio", "13.1", unit: "ratio"),
            checkObservation("enrollment", "12001"),
            checkObservation("fulltime_teachers", "917"),
        ])
        #expect(holds.flags.isEmpty)
        #expect(holds.checks.first { $0.check == "stratio" }?.status == .holds)
        // 1282 / 118 = 10.86, printed "10:1".
        let truncated = engine.run(on: [
            checkObservation("student_teacher_ratio", "10", unit: "ratio"),
            checkObservation("enrollment", "1282"),
            checkObservation("fulltime_teachers", "118"),
        ])
        #expect(truncated.flags.map(\.severity) == [.info])
        #expect(truncated.flags.first?.kind == .ratioMismatch)
    }

    @Test func perSchoolAverageIsRoundedEvenWithoutDecimals() throws {
        let engine = CheckEngine(rules: try projectCheckRules())
        // 校均课程数 422 = 2531 / 6 = 421.8 holds; 校均班主任数 62 vs 368 / 6 = 61.3 is a near miss.
        let outcome = engine.run(on: [
            checkObservation("courses_per_school", "422", unit: "门", line: 196),
            checkObservation("courses", "2531", unit: "门", line: 620, table: true),
            checkObservation("head_teachers_per_school", "62", line: 123),
            checkObservation("head_teachers", "368", line: 725, table: true),
            checkObservation("schools", "6", unit: "所", line: 123),
        ])
        #expect(outcome.checks.first { $0.check == "courses_per_school" }?.status == .holds)
        let flag = try #require(outcome.flags.first)
        #expect(flag.check == "head_teachers_per_school")
        #expect(flag.severity == .warning)
        #expect(flag.tolerance == "[61.5, 62.5)")
    }

    @Test func roundingOfTheInputsPropagates() {
        // 148.05 亿元 / 9.6 万人 = 15.42 万元 at face value, outside [15.45, 15.55] 万元, but 9.6 万
        // stands for [95 500, 96 500] people, so the quotient can be as high as 15.50 万元: no flag.
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("fixed_assets_per_student", "15.5", unit: "元", scale: 10_000),
            checkObservation("fixed_assets", "148.05", unit: "元", scale: 100_000_000),
            checkObservation("enrollment", "9.6", scale: 10_000),
        ])
        #expect(outcome.flags.isEmpty)
        #expect(outcome.checks.first { $0.check == "per_student" }?.status == .holds)
    }

    @Test func skippedRecordNamesWhatIsMissing() {
        let outcome = CheckEngine(rules: rules).run(on: [checkObservation("dual_qualified_teachers", "48")])
        let record = try! #require(outcome.checks.first { $0.check == "dual" })
        #expect(record.status == .skipped)
        #expect(record.missing == ["dual_qualified_ratio", "specialty_teachers"])
        #expect(outcome.flags.isEmpty)
    }

    @Test func approximateAndOtherBaseStatementsAreNotCheckedAsExact() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("dual_qualified_ratio", "50", unit: "%", qualifier: .moreThan),
            checkObservation("dual_qualified_ratio", "30.0", unit: "%", line: 2, base: "fulltime_teachers"),
            checkObservation("dual_qualified_teachers", "48"),
            checkObservation("specialty_teachers", "59"),
        ])
        #expect(outcome.flags.isEmpty)
        let record = try! #require(outcome.checks.first { $0.check == "dual" })
        #expect(record.status == .skipped)
        #expect(record.missing == ["dual_qualified_ratio"])
    }
}

@Suite("Check engine: shares of a named base")
struct CheckShareBaseTests {
    @Test func aShareNamingAnotherBaseGoesToTheRuleForThatBase() throws {
        let rules = try projectCheckRules()
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("dual_qualified_ratio", "40.7", unit: "%", base: "fulltime_teachers"),
            checkObservation("dual_qualified_teachers", "48"),
            checkObservation("specialty_teachers", "59"),
            checkObservation("fulltime_teachers", "118"),
        ])
        // 48 / 118 = 40.68 %: holds under the fulltime rule; the specialty rule has no statement.
        #expect(outcome.flags.isEmpty)
        let byRule = Dictionary(grouping: outcome.checks, by: \.check)
        #expect(byRule["dual_qualified_ratio_of_fulltime_teachers"]?.map(\.status) == [.holds])
        #expect(byRule["dual_qualified_ratio_of_specialty_teachers"]?.map(\.missing) == [["dual_qualified_ratio"]])
    }
}

@Suite("Check engine: sums")
struct CheckSumTests {
    let rules = checkRules("""
    checks:
      - id: parts
        kind: sum
        groups: true
        prose_lists_may_be_incomplete: true
      - id: placed
        kind: sum
        relation: placed_graduates = further_study + direct_employment
    """)

    func table(total: String, parts: [String]) -> [Observation] {
        var rows = parts.enumerated().map { i, value in
            checkObservation("specialties", value, unit: "个", line: 10 + i, table: true, group: "t1", role: .part)
        }
        rows.append(checkObservation("specialties", total, unit: "个", line: 10 + parts.count, table: true,
                                     group: "t1", role: .total, nameZh: "专业数"))
        return rows
    }

    @Test func tableTotalThatAddsUpHolds() {
        let outcome = CheckEngine(rules: rules).run(on: table(total: "8116", parts: ["1282", "2480", "1872", "794", "1117", "571"]))
        #expect(outcome.flags.isEmpty)
        #expect(outcome.checks.map(\.status) == [.holds])
    }

    @Test func tableTotalOffByTwoIsError() {
        let outcome = CheckEngine(rules: rules).run(on: table(total: "58", parts: ["8", "16", "10", "12", "11", "3"]))
        let flag = try! #require(outcome.flags.first)
        #expect(flag.kind == .sumMismatch)
        #expect(flag.severity == .error)
        #expect(flag.stated == 58)
        #expect(flag.expected == 60)
        #expect(flag.evidence.count == 7)
        #expect(flag.message == "专业数 total 58个 but its parts add up to 60 个 (8个 + 16个 + 10个 + 12个 + 11个 + 3个)")
    }

    @Test func offByOneIsWarning() {
        let outcome = CheckEngine(rules: rules).run(on: table(total: "100", parts: ["50", "49"]))
        #expect(outcome.flags.map(\.severity) == [.warning])
    }

    @Test func proseListShortOfItsTotalIsOnlyInfo() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("awards", "30", unit: "个", group: "g", role: .total),
            checkObservation("awards", "5", unit: "个", group: "g", role: .part),
            checkObservation("awards", "4", unit: "个", group: "g", role: .part),
            checkObservation("awards", "17", unit: "个", group: "g", role: .part),
        ])
        #expect(outcome.flags.map(\.severity) == [.info])
        #expect(outcome.flags.first?.message.contains("only some of the parts") == true)
    }

    @Test func proseListBeyondItsTotalIsError() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("training_participants", "456", unit: "人次", group: "g", role: .total),
            checkObservation("training_participants", "17", unit: "人次", group: "g", role: .part),
            checkObservation("training_participants", "363", unit: "人次", group: "g", role: .part),
            checkObservation("training_participants", "69", unit: "人次", group: "g", role: .part),
            checkObservation("training_participants", "24", unit: "人次", group: "g", role: .part),
        ])
        #expect(outcome.flags.map(\.severity) == [.error])
        #expect(outcome.flags.first?.expected == 473)
    }

    @Test func moneyMessagesKeepThePrintedScale() throws {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("funding_total", "7651.35", unit: "元", scale: 10_000, group: "f", role: .total, nameZh: "办学经费"),
            checkObservation("funding_total", "7169.67", unit: "元", scale: 10_000, group: "f", role: .part),
            checkObservation("funding_total", "533.49", unit: "元", scale: 10_000, group: "f", role: .part),
        ])
        let flag = try #require(outcome.flags.first)
        #expect(flag.message == "办学经费 total 7651.35万元 but its parts add up to 7703.16 万元 (533.49万元 + 7169.67万元)")
        #expect(flag.stated == 76_513_500 && flag.expected == 77_031_600)
        // ±50 元 for the total's printing, widened by ±50 元 for each part's.
        #expect(flag.tolerance == "[76513350, 76513650)")
        #expect(PrintedPrecision.scale(of: checkObservation("x", "1.71", unit: "元", scale: 100_000_000)) == 100_000_000)
    }

    @Test func moneyTotalsCompareWithinTheirPrintedPrecision() {
        // 39272.06 + 10419.26 + 11150.97 = 60842.29 万元 exactly.
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("funding_total", "60842.29", unit: "元", scale: 10_000, group: "f", role: .total),
            checkObservation("funding_total", "39272.06", unit: "元", scale: 10_000, group: "f", role: .part),
            checkObservation("funding_total", "10419.26", unit: "元", scale: 10_000, group: "f", role: .part),
            checkObservation("funding_total", "11150.97", unit: "元", scale: 10_000, group: "f", role: .part),
        ])
        #expect(outcome.flags.isEmpty)
    }

    @Test func groupWithoutPartsIsSkipped() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("enrollment", "8116", group: "g", role: .total),
        ])
        #expect(outcome.checks.map(\.status) == [.skipped])
        #expect(outcome.checks.first?.missing == ["enrollment (parts)"])
    }

    @Test func relationSumFlagsAndSkips() {
        let engine = CheckEngine(rules: rules)
        let flagged = engine.run(on: [
            checkObservation("placed_graduates", "3478", table: true),
            checkObservation("further_study", "2878", table: true),
            checkObservation("direct_employment", "596", table: true),
        ])
        #expect(flagged.flags.map(\.severity) == [.error])
        #expect(flagged.flags.first?.expected == 3474)
        let skipped = engine.run(on: [checkObservation("placed_graduates", "3478")])
        #expect(skipped.checks.first { $0.check == "placed" }?.missing == ["further_study", "direct_employment"])
    }
}

@Suite("Check engine: growth")
struct CheckGrowthTests {
    let rules = checkRules("""
    checks:
      - id: growth
        kind: growth
    """)

    func run(_ change: String, unit: String = "%", current: String, previous: String, valueUnit: String = "元") -> CheckOutcome {
        CheckEngine(rules: rules).run(on: [
            checkObservation("funding_per_student", change, unit: unit, year: 2019, line: 5, qualifier: .change),
            checkObservation("funding_per_student", current, unit: valueUnit, year: 2019, line: 5),
            checkObservation("funding_per_student", previous, unit: valueUnit, year: 2018, doc: "earlier", line: 9),
        ])
    }

    @Test func statedGrowthHolds() {
        let outcome = run("7.77", current: "60507.94", previous: "56146.03")
        #expect(outcome.flags.isEmpty)
        #expect(outcome.checks.map(\.status) == [.holds])
    }

    @Test func unsignedDeclineHolds() {
        // 下降 6.77% may reach the checks as +6.77: the magnitude is what is compared then.
        #expect(run("6.77", current: "10489.13", previous: "11250.53").flags.isEmpty)
        #expect(run("-6.77", current: "10489.13", previous: "11250.53").flags.isEmpty)
    }

    @Test func wrongGrowthIsErrorWithBothYearsAsEvidence() {
        let outcome = run("8.5", current: "60507.94", previous: "56146.03")
        let flag = try! #require(outcome.flags.first)
        #expect(flag.kind == .growthMismatch)
        #expect(flag.severity == .error)
        #expect(flag.evidence.map(\.docId) == ["doc", "earlier", "doc"])
        #expect(flag.message.contains("is 7.77%"))
    }

    @Test func percentPointChange() {
        #expect(run("1", unit: "百分点", current: "26.3", previous: "25.3", valueUnit: "%").flags.isEmpty)
        let off = run("2", unit: "百分点", current: "26.3", previous: "25.3", valueUnit: "%")
        #expect(off.flags.map(\.severity) == [.warning])
    }

    @Test func percentChangeOfARateMayMeanPoints() {
        // A rate 50.0% → 52.0%, "提高 2%": relative that is +4 %, in points exactly 2: holds.
        #expect(run("2", current: "52.0", previous: "50.0", valueUnit: "%").flags.isEmpty)
        #expect(run("9", current: "52.0", previous: "50.0", valueUnit: "%").flags.map(\.severity) == [.error])
        // For money, "增长 2%" is only relative.
        #expect(run("2", current: "52.0", previous: "50.0").flags.map(\.severity) == [.error])
    }

    @Test func missingEarlierYearIsSkipped() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("enrollment", "15.7", unit: "%", year: 2025, qualifier: .change),
            checkObservation("enrollment", "2261", year: 2025),
        ])
        #expect(outcome.checks.map(\.status) == [.skipped])
        #expect(outcome.checks.first?.missing == ["enrollment (2024)"])
    }
}

@Suite("Check engine: the same fact stated twice")
struct CheckComparisonTests {
    let rules = checkRules("""
    checks:
      - id: tvt
        kind: table_vs_text
      - id: cross
        kind: cross_report
      - id: bases
        kind: definition_conflict
    """)

    @Test func tableAndTextDisagree() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("online_course_avg_students", "137", line: 192),
            checkObservation("online_course_avg_students", "817", line: 637, table: true),
        ])
        let flag = try! #require(outcome.flags.first { $0.check == "tvt" })
        #expect(flag.kind == .tableVsText)
        #expect(flag.severity == .error)
        #expect(flag.stated == 137 && flag.expected == 817)
    }

    @Test func paddedTableFigureAgreesWithText() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("student_teacher_ratio", "13.1", unit: "ratio", line: 218),
            checkObservation("student_teacher_ratio", "13.10", unit: "ratio", line: 614, table: true),
            checkObservation("enrollment", "12001", line: 716, table: true),
        ])
        #expect(outcome.flags.isEmpty)
        let records = outcome.checks.filter { $0.check == "tvt" }
        #expect(records.map(\.status).sorted { $0.rawValue < $1.rawValue } == [.holds, .skipped])
        #expect(records.first { $0.status == .skipped }?.missing == ["enrollment (text)"])
    }

    @Test func twoReportsDisagree() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("through_programs_higher", "191", unit: "个", entity: "上海市", year: 2020, doc: "city"),
            checkObservation("through_programs_higher", "183", unit: "个", entity: "上海市", year: 2020, doc: "plan"),
            checkObservation("through_programs_bachelor", "61", unit: "个", entity: "上海市", year: 2020, doc: "city"),
            checkObservation("through_programs_bachelor", "61", unit: "个", entity: "上海市", year: 2020, doc: "plan"),
            checkObservation("schools", "71", unit: "所", entity: "上海市", year: 2020, doc: "city"),
        ])
        let cross = outcome.checks.filter { $0.check == "cross" }
        #expect(cross.count == 3)
        #expect(cross.filter { $0.status == .holds }.count == 1)
        #expect(cross.first { $0.status == .skipped }?.missing == ["schools (in a second report)"])
        let flag = try! #require(outcome.flags.first { $0.check == "cross" })
        #expect(flag.kind == .crossReport)
        #expect(flag.evidence.map(\.docId) == ["city", "plan"])
        #expect(flag.message.contains("city states 191个 but plan states 183个"))
    }

    /// A category of an entity (全国's 普通中专) is a value of its own: beside the whole in one table or text
    /// it is no second statement of the whole, and two reports' figures for the category are compared as such.
    @Test func aCategoryIsNotTheWhole() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("schools", "7294", unit: "所", entity: "全国", year: 2023, doc: "bulletin", line: 3),
            checkObservation("schools", "3058", unit: "所", entity: "全国", year: 2023, doc: "bulletin", line: 4,
                             category: "普通中专"),
            checkObservation("schools", "7294", unit: "所", entity: "全国", year: 2023, doc: "yearbook", line: 9,
                             table: true),
            checkObservation("schools", "3085", unit: "所", entity: "全国", year: 2023, doc: "yearbook", line: 10,
                             table: true, category: "普通中专"),
        ])
        #expect(outcome.flags.count == 1)
        let flag = try! #require(outcome.flags.first)
        #expect(flag.kind == .crossReport)
        #expect(flag.entity == "全国·普通中专")
        #expect(flag.stated == 3058 && flag.expected == 3085)
        #expect(outcome.checks.contains { $0.check == "cross" && $0.entity == "全国" && $0.status == .holds })
    }

    @Test func sameTargetOfTwoBases() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("dual_qualified_ratio", "65", unit: "%", entity: "上海市", year: 2025, doc: "plan",
                             line: 119, qualifier: .target, base: "fulltime_teachers"),
            checkObservation("dual_qualified_ratio", "65", unit: "%", entity: "上海市", year: 2025, doc: "plan",
                             line: 169, qualifier: .target, base: "specialty_teachers"),
        ])
        let flag = try! #require(outcome.flags.first)
        #expect(flag.kind == .definitionConflict)
        #expect(flag.evidence.map(\.line) == [119, 169])
    }
}

@Suite("Check engine: series")
struct CheckSeriesTests {
    let rules = checkRules("""
    checks:
      - id: jump_rates
        kind: yoy_jump
        units: ["%"]
        max_points: 10
      - id: jump_counts
        kind: yoy_jump
        units: ["学时"]
        max_relative: 0.5
        min_value: 100
      - id: gap
        kind: target_gap
    """)

    @Test func jumpBeyondPlausibleIsWarning() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("senior_title_ratio", "32.81", unit: "%", year: 2023, table: true),
            checkObservation("senior_title_ratio", "15.50", unit: "%", year: 2024, table: true),
            checkObservation("fitness_pass_rate", "89.79", unit: "%", year: 2023, table: true),
            checkObservation("fitness_pass_rate", "94.81", unit: "%", year: 2024, table: true),
            checkObservation("training_hours", "139956", unit: "学时", year: 2023, table: true),
            checkObservation("training_hours", "38052", unit: "学时", year: 2024, table: true),
        ])
        #expect(outcome.flags.map(\.severity) == [.warning, .warning])
        #expect(outcome.flags.map(\.check) == ["jump_rates", "jump_counts"])
        #expect(outcome.flags.allSatisfy { $0.kind == .yoyJump })
        #expect(outcome.checks.filter { $0.status == .holds }.count == 1)
    }

    @Test func gapYearIsSkipped() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("placement_rate", "97.0", unit: "%", year: 2021),
            checkObservation("placement_rate", "98.0", unit: "%", year: 2023),
        ])
        #expect(outcome.checks.map(\.status) == [.skipped, .skipped])
        #expect(outcome.checks.map(\.missing) == [["placement_rate (2022)"], ["placement_rate (2022)"]])
    }

    @Test func targetGapIsInfoAndMetTargetHolds() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("dual_qualified_ratio", "65", unit: "%", entity: "上海市", year: 2025, qualifier: .target),
            checkObservation("dual_qualified_ratio", "57", unit: "%", entity: "上海市", year: 2025, line: 11),
            checkObservation("open_training_centers", "100", unit: "个", entity: "上海市", year: 2025, qualifier: .target),
        ])
        let flag = try! #require(outcome.flags.first)
        #expect(flag.kind == .targetGap)
        #expect(flag.severity == .info)
        #expect(flag.stated == 57 && flag.expected == 65)
        #expect(outcome.checks.first { $0.status == .skipped }?.missing == ["open_training_centers (2025 or later)"])
        let met = CheckEngine(rules: rules).run(on: [
            checkObservation("dual_qualified_ratio", "65", unit: "%", year: 2025, qualifier: .target),
            checkObservation("dual_qualified_ratio", "80.9", unit: "%", year: 2025, line: 12),
        ])
        #expect(met.flags.isEmpty)
        #expect(met.checks.filter { $0.check == "gap" }.map(\.status) == [.holds])
    }

    @Test func targetIsNotComparedWithEarlierYears() {
        // A 2025 target against the 2020 baseline of the plan that sets it, or last year's figure: not due yet.
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("dual_qualified_ratio", "65", unit: "%", entity: "上海市", year: 2025, qualifier: .target),
            checkObservation("dual_qualified_ratio", "57", unit: "%", entity: "上海市", year: 2020, line: 13),
            checkObservation("dual_qualified_ratio", "61", unit: "%", entity: "上海市", year: 2024, line: 14),
            checkObservation("dual_qualified_ratio", "66", unit: "%", entity: "上海市", year: 2026, line: 15),
        ])
        #expect(outcome.flags.isEmpty)
        // The first value from the target year on decides: 66 in 2026 meets 65.
        #expect(outcome.checks.filter { $0.check == "gap" }.map(\.status) == [.holds])
    }
}

@Suite("Check engine: ids, coverage and summary")
struct CheckOutcomeTests {
    @Test func idsAreStableAndSummaryCountsBySeverity() throws {
        let rules = try projectCheckRules()
        let observations = [
            checkObservation("placement_rate", "98.3", unit: "%", year: 2025, line: 149),
            checkObservation("placed_graduates", "629", year: 2025, line: 149),
            checkObservation("graduates", "643", year: 2025, line: 149),
            checkObservation("parttime_teacher_ratio", "3.3", unit: "%", line: 379),
            checkObservation("parttime_teachers", "4", line: 379),
            checkObservation("fulltime_teachers", "118", line: 379),
        ]
        let first = CheckEngine(rules: rules).run(on: observations)
        let second = CheckEngine(rules: rules).run(on: observations.reversed())
        #expect(first.flags == second.flags)
        #expect(first.checks == second.checks)
        #expect(first.flags.map(\.id) == ["F0001", "F0002"])
        let flaggedRecords = first.checks.filter { $0.status == .flagged }
        #expect(Set(flaggedRecords.compactMap(\.flagId)) == ["F0001", "F0002"])
        #expect(first.checks.contains { $0.status == .skipped && !$0.missing.isEmpty })
        let text = summary(first)
        #expect(text.contains("percent_mismatch: 1 error, 0 warning, 1 info"))
        #expect(text.contains("F0001 percent_mismatch 测试区 2025: placement_rate stated 98.3%"))
    }
}
