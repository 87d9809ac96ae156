import Foundation
import Testing
import NianbaoModel
@testable import Dataset

@Suite struct DatasetPanelTests {
    /// The rest of a `其中` list (`其他 2 所学校共 5,000 人`) is the entity's other schools, not its own value: it fills
    /// no cell, neither the entity's nor a `·其他` row of its own.
    @Test func aRemainderFillsNoCell() throws {
        var rest = try #require(F.run.observations.first { $0.indicator == "enrollment" && $0.year == 2024 && $0.qualifier == nil })
        rest.value = 5000
        rest.raw = "5000 人"
        rest.line = 120
        rest.fromTable = false
        rest.group = "g9"
        rest.role = .remainder
        rest.category = "其他"
        let panel = Panel(observations: F.run.observations + [rest], documents: F.run.documents, labels: Self.labels)
        let cell = try #require(panel.rows.first { $0.indicator == "enrollment" && $0.entity == F.pudong }?.cells[2024])
        #expect(cell.value == 12001)
        #expect(!cell.sources.contains { $0.value == 5000 })
        #expect(!cell.disagree)
        #expect(!panel.rows.contains { $0.entity.hasSuffix("·其他") })
    }

    typealias F = DatasetFixtures
    static let labels = ["enrollment": IndicatorLabel(nameZh: "在校生数", unit: "人"),
                         "student_teacher_ratio": IndicatorLabel(nameZh: "生师比", unit: "ratio")]

    @Test func theReportAboutTheYearFillsACellAndDisagreementIsMarked() throws {
        let panel = Panel(observations: F.run.observations, documents: F.run.documents, labels: Self.labels)
        // 2025 appears only as a target, so it is no column.
        #expect(panel.years == [2023, 2024])
        let enrollment = try #require(panel.rows.first { $0.indicator == "enrollment" })
        #expect(enrollment.nameZh == "在校生数" && enrollment.unit == "人")

        // 2023: the 2024 report's appendix restates 12206, the (synthetic) report about 2023 says 12209:
        // the report about the year fills the cell, the restatement is listed as a disagreeing source.
        let cell2023 = try #require(enrollment.cells[2023])
        #expect(cell2023.value == 12209)
        #expect(cell2023.accepted.docId == F.report2023)
        #expect(cell2023.sources.map(\.docId) == [F.report2023, F.report2024])
        #expect(cell2023.disagree)

        // 2024: text and table both say 12001 (table accepted); 约1.2万人 agrees within its precision.
        let cell2024 = try #require(enrollment.cells[2024])
        #expect(cell2024.value == 12001)
        #expect(cell2024.accepted.fromTable)
        #expect(cell2024.accepted.line == 716)
        #expect(cell2024.sources.count == 3)
        #expect(cell2024.sources.last?.qualifier == .approx)
        #expect(!cell2024.disagree)

        // 13.1 in text and 13.10 in the table are one value.
        let ratio = try #require(panel.rows.first { $0.indicator == "student_teacher_ratio" }?.cells[2024])
        #expect(plainDecimal(ratio.value) == "13.1")
        #expect(ratio.accepted.line == 614)
        #expect(!ratio.disagree)
    }

    @Test func panelFilesHaveOneColumnPerYearAndEverySource() throws {
        let out = F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        try DatasetWriter(outputDirectory: out).write(F.run, labels: Self.labels)

        let panel = CSV.parse(try String(contentsOf: out.appendingPathComponent("panel.csv"), encoding: .utf8))
        #expect(panel[0] == ["entity", "indicator", "name_zh", "unit", "2023", "2024"])
        #expect(panel.contains(["浦东新区", "enrollment", "在校生数", "人", "12209", "12001"]))
        #expect(panel.contains(["浦东新区", "student_teacher_ratio", "生师比", "ratio", "", "13.1"]))
        #expect(panel.contains(["浦东新区", "matched_employment_rate", "对口就业率", "%", "", "100"]))
        #expect(panel.count == 4)

        let sources = CSV.parse(try String(contentsOf: out.appendingPathComponent("panel_sources.csv"), encoding: .utf8))
        #expect(Array(sources[0].prefix(9)) == ["entity", "indicator", "year", "value", "doc_id", "page", "line",
                                                "accepted", "disagree"])
        let enrollment2023 = sources.filter { $0[1] == "enrollment" && $0[2] == "2023" }.map { Array($0.prefix(9)) }
        #expect(enrollment2023 == [
            ["浦东新区", "enrollment", "2023", "12209", F.report2023, "1", "40", "yes", "yes"],
            ["浦东新区", "enrollment", "2023", "12206", F.report2024, "1", "716", "no", "yes"],
        ])
        let enrollment2024 = sources.filter { $0[1] == "enrollment" && $0[2] == "2024" }
        #expect(enrollment2024.map { $0[3] } == ["12001", "12001", "12000"])
        #expect(enrollment2024.map { $0[7] } == ["yes", "no", "no"])
        #expect(enrollment2024.allSatisfy { $0[8] == "no" })
    }

    @Test func boundsTargetsAndChangesNeverFillACell() {
        let base = F.run.observations[0]
        func statement(_ value: String, _ qualifier: Qualifier?) -> Observation {
            var observation = base
            observation.value = Decimal(string: value)!
            observation.qualifier = qualifier
            return observation
        }
        let onlyQualified = [statement("12500", .target), statement("300", .change), statement("12000", .atLeast),
                             statement("12100", .moreThan), statement("11000", .range)]
        #expect(Panel(observations: onlyQualified, documents: F.run.documents).rows.isEmpty)

        // An approximate value fills the cell when nothing exact is stated; an exact one wins over it.
        let approxOnly = Panel(observations: onlyQualified + [statement("12000", .approx)], documents: F.run.documents)
        #expect(approxOnly.rows.first?.cells[2024]?.value == 12000)
        let both = Panel(observations: [statement("12000", .approx), statement("11800", nil)], documents: F.run.documents)
        #expect(both.rows.first?.cells[2024]?.value == 11800)
        // 约1.2万 is 12000 ± 1000: 11800 agrees, 10500 does not.
        #expect(both.rows.first?.cells[2024]?.disagree == false)
        let far = Panel(observations: [statement("12000", .approx), statement("10500", nil)], documents: F.run.documents)
        #expect(far.rows.first?.cells[2024]?.disagree == true)

        #expect(Panel.lastSignificantUnit(12000) == 1000)
        #expect(Panel.lastSignificantUnit(Decimal(string: "88.43")!) == Decimal(string: "0.01")!)
        #expect(Panel.lastSignificantUnit(97) == 1)
    }
}

/// The fixture's values are not invented: the lines it cites in the real 2024 Pudong report say so.
@Suite struct DatasetFixtureSourceTests {
    @Test func fixtureValuesAreWhatTheRealReportStates() throws {
        let text = try String(contentsOfFile: TestPaths.realReport(DatasetFixtures.report2024), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        #expect(lines[99 - 1].contains("在校生共计 12001 人"))
        #expect(lines[99 - 1].contains("1.2 万人左右"))
        #expect(lines[716 - 1].hasSuffix("全日制在校生人数\t人\t12206\t12001"))
        #expect(lines[218 - 1].contains("专任教师总数917人，生师比为13.1"))
        #expect(lines[614 - 1] == "1\t生师比\t:\t12.30\t13.10")
        #expect(lines[506 - 1].contains("对口就业率实现100%"))
    }
}

extension DatasetPanelTests {
    @Test func aStatementInAnotherUnitDoesNotFillTheRow() {
        var observations = DatasetFixtures.run.observations.filter { $0.indicator == "student_teacher_ratio" }
        var stray = observations[0]
        stray.unit = "%"
        stray.value = 50
        stray.line = 300
        observations.append(stray)
        // The label's unit spelling differs from the extracted one; the row still fills and shows the label.
        let panel = Panel(observations: observations, documents: DatasetFixtures.run.documents,
                          labels: ["student_teacher_ratio": IndicatorLabel(nameZh: "生师比", unit: "比值")])
        #expect(panel.rows.count == 1)
        #expect(panel.rows[0].unit == "比值")
        #expect(panel.rows[0].cells[2024]?.sources.count == 2)
        #expect(panel.rows[0].cells[2024]?.disagree == false)
    }
}
