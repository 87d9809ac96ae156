import Foundation
import Testing
import NianbaoModel
@testable import Checks

/// Real inconsistencies from the labelled list (Fixtures/inconsistencies/real.tsv), with the
/// observations built by hand as indicator extraction will produce them (values and lines as in
/// the reports; each raw figure is asserted to be on its line). The lead will switch these to the
/// real pipeline once extraction exists.
@Suite("Checks on real report values")
struct CheckRealInconsistencyTests {
    static let stems = Dictionary(uniqueKeysWithValues: TestPaths.realStems.map { (String($0.prefix(3)), $0) })

    static func lines(_ doc: String) -> [String] {
        let path = TestPaths.realReport(stems[doc]!)
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.components(separatedBy: "\n")
    }

    static let corpus: [String: [String]] = Dictionary(uniqueKeysWithValues: stems.keys.map { ($0, lines($0)) })

    /// An observation of `printed` on `line` of report `doc` (000…004); its quote is that line.
    func real(_ doc: String, _ line: Int, _ indicator: String, _ printed: String, unit: String = "人",
              raw: String? = nil, entity: String, year: Int?, scale: Int = 1, table: Bool = false,
              qualifier: Qualifier? = nil, group: String? = nil, role: ObservationRole? = nil,
              base: String? = nil, nameZh: String? = nil) -> Observation {
        let text = Self.corpus[doc]?[safe: line - 1] ?? ""
        let shown = raw ?? printed
        #expect(text.contains(shown), "\(doc):\(line) should contain \(shown)")
        return checkObservation(indicator, printed, unit: unit, scale: scale, entity: entity, year: year,
                                doc: Self.stems[doc]!, line: line, table: table, qualifier: qualifier, group: group,
                                role: role, base: base, nameZh: nameZh, raw: shown, quote: text)
    }

    func run(_ observations: [Observation]) throws -> CheckOutcome {
        CheckEngine(rules: try projectCheckRules()).run(on: observations)
    }

    @Test func jinganMidOrAboveTitleShare() throws {
        // 003 line 133: 中级及以上 167 人 占比 72.9%, but 167 / 238 专任教师 = 70.2%.
        let e = "静安区"
        let outcome = try run([
            real("003", 133, "mid_or_above_title_ratio", "72.9", unit: "%", raw: "72.9%", entity: e, year: 2025),
            real("003", 133, "senior_title_teachers", "43", raw: "副高级 43 人", entity: e, year: 2025),
            real("003", 133, "mid_title_teachers", "124", raw: "中级 124 人", entity: e, year: 2025),
            real("003", 121, "fulltime_teachers", "238", raw: "238 人", entity: e, year: 2025),
            real("003", 133, "senior_title_ratio", "18.1", unit: "%", raw: "18.1%", entity: e, year: 2025),
        ])
        let flag = try #require(outcome.flags.first { $0.check == "mid_or_above_title_ratio" })
        #expect(flag.kind == .percentMismatch)
        #expect(flag.severity == .error)
        #expect(flag.expected == Decimal(string: "70.168"))
        #expect(flag.evidence.map(\.line) == [133, 121])
        // The 18.1% on the same line holds (43 / 238 = 18.07%).
        #expect(outcome.checks.first { $0.check == "senior_title_ratio" }?.status == .holds)
    }

    @Test func jinganPlacementAndTuitionFreeShares() throws {
        let e = "静安区"
        let outcome = try run([
            real("003", 149, "graduates", "643", raw: "643 人", entity: e, year: 2025),
            real("003", 149, "placed_graduates", "629", raw: "629 人", entity: e, year: 2025),
            real("003", 149, "placement_rate", "98.3", unit: "%", raw: "98.3%", entity: e, year: 2025),
            real("003", 149, "further_study", "562", raw: "562 人", entity: e, year: 2025),
            real("003", 149, "further_study_rate", "87.4", unit: "%", raw: "87.4%", entity: e, year: 2025),
            real("003", 75, "enrollment", "2261", raw: "2261 人", entity: e, year: 2025),
            real("003", 293, "tuition_free_students", "1926", raw: "1926 名", entity: e, year: 2025),
            real("003", 293, "tuition_free_ratio", "87.0", unit: "%", raw: "87.0%", entity: e, year: 2025),
        ])
        let placement = try #require(outcome.flags.first { $0.check == "placement_rate" })
        #expect(placement.severity == .error)
        #expect(placement.message.contains("629 人 / 毕业生") || placement.message.contains("629 人 / graduates"))
        let tuition = try #require(outcome.flags.first { $0.check == "tuition_free_ratio" })
        #expect(tuition.severity == .error)
        #expect(tuition.evidence.map(\.line) == [293, 293, 75].uniqued())
        #expect(outcome.checks.first { $0.check == "further_study_rate" }?.status == .holds)
    }

    @Test func putuoTableTotalsAndTrainingSum() throws {
        let e = "普陀区"
        // 表1 中职专业 column (lines 76–81) and its 合计 (line 82); 学生人数 column too.
        let specialties = ["8", "16", "10", "12", "11", "3"]
        let students = ["1282", "2480", "1872", "794", "1117", "571"]
        var observations: [Observation] = []
        for (i, value) in specialties.enumerated() {
            observations.append(real("000", 76 + i, "specialties", value, unit: "个", raw: value, entity: e, year: 2022,
                                     table: true, group: "table1.specialties", role: .part))
            observations.append(real("000", 76 + i, "enrollment", students[i], raw: students[i], entity: e, year: 2022,
                                     table: true, group: "table1.enrollment", role: .part))
        }
        observations.append(real("000", 82, "specialties", "58", unit: "个", raw: "58", entity: e, year: 2022,
                                 table: true, group: "table1.specialties", role: .total))
        observations.append(real("000", 82, "enrollment", "8116", raw: "8116", entity: e, year: 2022,
                                 table: true, group: "table1.enrollment", role: .total))
        // Line 413: 17 + 363 + 69 + 24 人次 but 累计 456 人次.
        let school = "上海商业会计学校"
        observations.append(real("000", 413, "training_participants", "456", unit: "人次", raw: "456人次",
                                 entity: school, year: 2022, group: "l413", role: .total))
        for part in ["17", "363", "69", "24"] {
            observations.append(real("000", 413, "training_participants", part, unit: "人次", raw: part + "人次",
                                     entity: school, year: 2022, group: "l413", role: .part))
        }
        let outcome = try run(observations)
        let sums = outcome.flags.filter { $0.kind == .sumMismatch }
        #expect(sums.count == 2)
        #expect(sums.allSatisfy { $0.severity == .error })
        #expect(Set(sums.map(\.expected)) == [60, 473])
        #expect(outcome.checks.filter { $0.check == "totals_vs_parts" && $0.status == .holds }.count == 1)
    }

    @Test func caoyangTeacherSharesOneTruncated() throws {
        let e = "上海市曹杨职业技术学校"
        let outcome = try run([
            real("000", 379, "fulltime_teachers", "118", raw: "118 人", entity: e, year: 2022),
            real("000", 379, "specialty_teachers", "59", raw: "专业教师 59 人", entity: e, year: 2022),
            real("000", 379, "dual_qualified_teachers", "48", raw: "48 人", entity: e, year: 2022),
            real("000", 379, "dual_qualified_ratio", "81.4", unit: "%", raw: "81.4%", entity: e, year: 2022,
                 base: "specialty_teachers"),
            real("000", 379, "parttime_teachers", "4", raw: "4 人", entity: e, year: 2022),
            real("000", 379, "parttime_teacher_ratio", "3.3", unit: "%", raw: "3.3%", entity: e, year: 2022),
        ])
        #expect(outcome.checks.first { $0.check == "dual_qualified_ratio_of_specialty_teachers" }?.status == .holds)
        let parttime = try #require(outcome.flags.first { $0.check == "parttime_ratio" })
        #expect(parttime.severity == .info)
        #expect(parttime.message.contains("truncated"))
    }

    @Test func cityReportAndPlanDisagree() throws {
        let city = "上海市"
        let outcome = try run([
            real("002", 1723, "through_programs_higher", "191", unit: "个", raw: "191 个", entity: city, year: 2020),
            real("004", 39, "through_programs_higher", "183", unit: "个", raw: "183 个", entity: city, year: 2020),
            real("002", 1723, "through_programs_bachelor", "61", unit: "个", raw: "61 个", entity: city, year: 2020),
            real("004", 39, "through_programs_bachelor", "61", unit: "个", raw: "61 个", entity: city, year: 2020),
            real("002", 167, "dual_qualified_ratio", "59.7", unit: "%", raw: "59.7%", entity: city, year: 2020),
            real("004", 43, "dual_qualified_ratio", "57", unit: "%", raw: "57%", entity: city, year: 2020),
            real("004", 119, "dual_qualified_ratio", "65", unit: "%", raw: "65%", entity: city, year: 2025,
                 qualifier: .target, base: "fulltime_teachers"),
            real("004", 169, "dual_qualified_ratio", "65", unit: "%", raw: "65%", entity: city, year: 2025,
                 qualifier: .target, base: "specialty_teachers"),
        ])
        let cross = outcome.flags.filter { $0.kind == .crossReport }
        #expect(cross.map(\.indicators) == [["dual_qualified_ratio"], ["through_programs_higher"]])
        #expect(cross.allSatisfy { $0.severity == .error })
        #expect(outcome.checks.contains { $0.check == "cross_report" && $0.status == .holds })
        let conflict = try #require(outcome.flags.first { $0.kind == .definitionConflict })
        #expect(conflict.evidence.map(\.line) == [119, 169])
        // The plan's 2025 target against its own 2020 baseline (or the 2020 report) is no gap: not due yet.
        #expect(!outcome.flags.contains { $0.kind == .targetGap })
        #expect(outcome.checks.first { $0.check == "target_gap" }?.missing == ["dual_qualified_ratio (2025 or later)"])
    }

    @Test func pudongTablesAgainstTextAndAcrossYears() throws {
        let e = "浦东新区"
        let outcome = try run([
            real("001", 192, "online_course_avg_students", "137", raw: "137人", entity: e, year: 2024),
            real("001", 637, "online_course_avg_students", "817", raw: "817", entity: e, year: 2024, table: true),
            real("001", 617, "senior_title_ratio", "32.81", unit: "%", raw: "32.81", entity: e, year: 2023, table: true),
            real("001", 617, "senior_title_ratio", "15.50", unit: "%", raw: "15.50", entity: e, year: 2024, table: true),
            real("001", 220, "senior_title_ratio", "15.5", unit: "%", raw: "15.5%", entity: e, year: 2024),
            real("001", 220, "senior_title_teachers", "142", raw: "142人", entity: e, year: 2024),
            real("001", 218, "fulltime_teachers", "917", raw: "917人", entity: e, year: 2024),
            real("001", 574, "graduates", "3913", raw: "3913", entity: e, year: 2023, table: true),
            real("001", 575, "placed_graduates", "3822", raw: "3822", entity: e, year: 2023, table: true),
            real("001", 578, "placement_rate", "89.30", unit: "%", raw: "89.30", entity: e, year: 2023, table: true),
        ])
        let tvt = outcome.flags.filter { $0.kind == .tableVsText }
        #expect(tvt.map(\.stated) == [137])
        let jump = try #require(outcome.flags.first { $0.kind == .yoyJump })
        #expect(jump.stated == Decimal(string: "15.50") && jump.expected == Decimal(string: "32.81"))
        #expect(jump.severity == .warning)
        let placement = try #require(outcome.flags.first { $0.check == "placement_rate" })
        #expect(placement.year == 2023 && placement.severity == .error)
        // Text 15.5% and the padded table figure 15.50 both agree with 142 / 917 = 15.485%;
        // the 2023 figure cannot be checked (no 2023 count of senior teachers).
        let senior = outcome.checks.filter { $0.check == "senior_title_ratio" }
        #expect(senior.filter { $0.year == 2024 }.map(\.status) == [.holds, .holds])
        #expect(senior.filter { $0.year == 2023 }.map(\.missing) == [["senior_title_teachers", "fulltime_teachers"]])
    }

    @Test func pudongTableSubRowsShortOfTheirTotal() throws {
        // 附表3 专业教学资源库数: 2024 gives 45 but its 国家级/省级/校级 rows 0 + 13 + 26; 2023 balances.
        let e = "浦东新区"
        var observations: [Observation] = []
        for (year, total, parts) in [(2023, "47", ["0", "0", "47"]), (2024, "45", ["0", "13", "26"])] {
            let group = "appendix3.libraries.\(year)"
            observations.append(real("001", 628, "teaching_resource_libraries", total, unit: "个", raw: total, entity: e,
                                     year: year, table: true, group: group, role: .total))
            for (line, part) in zip([629, 631, 633], parts) {
                observations.append(real("001", line, "teaching_resource_libraries", part, unit: "个", raw: part,
                                         entity: e, year: year, table: true, group: group, role: .part))
            }
        }
        let outcome = try run(observations)
        #expect(outcome.flags.map(\.year) == [2024])
        #expect(outcome.flags.first?.severity == .error)
        #expect(outcome.flags.first?.expected == 39)
        #expect(outcome.checks.filter { $0.check == "totals_vs_parts" }.map(\.status) == [.holds, .flagged])
    }

    @Test func cityGrowthRatesHold() throws {
        let city = "上海市"
        let outcome = try run([
            real("002", 1930, "funding_per_student", "60507.94", unit: "元", raw: "60507.94", entity: city, year: 2019),
            real("002", 1930, "funding_per_student", "56146.03", unit: "元", raw: "56146.03", entity: city, year: 2018),
            real("002", 1930, "funding_per_student", "7.77", unit: "%", raw: "7.77%", entity: city, year: 2019,
                 qualifier: .change),
        ])
        #expect(outcome.flags.isEmpty)
        #expect(outcome.checks.first { $0.check == "stated_growth" }?.status == .holds)
    }

    @Test func labelledListIsCompleteEnough() throws {
        let url = TestPaths.repoRoot.appendingPathComponent("Tests/NianbaoTests/Fixtures/inconsistencies/real.tsv")
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.components(separatedBy: "\t") }
        #expect(rows.allSatisfy { $0.count == 10 })
        let genuine = rows.filter { $0[8] == "no" }
        let holding = rows.filter { $0[8] == "yes" }
        #expect(genuine.count > 10)
        #expect(Set(genuine.map { $0[0] }).count >= 5)
        #expect(holding.count >= 15)
        #expect(rows.allSatisfy { FlagKind(rawValue: $0[0]) != nil })
        // Every cited line exists and is not blank in its report.
        for row in rows {
            let docs = row[1].components(separatedBy: "|")
            let lineGroups = row[2].components(separatedBy: "|")
            #expect(docs.count == lineGroups.count, "\(row)")
            for (doc, group) in zip(docs, lineGroups) {
                let text = Self.corpus[String(doc.prefix(3))] ?? []
                for line in group.split(separator: ",").compactMap({ Int($0) }) {
                    let content = text[safe: line - 1]?.trimmingCharacters(in: .whitespaces) ?? ""
                    #expect(!content.isEmpty, "\(doc):\(line) is blank or missing")
                }
            }
        }
    }
}

fileprivate extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

fileprivate extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
