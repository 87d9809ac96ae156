import Foundation
import Testing
import GRDB
import NianbaoModel
@testable import Dataset

/// The columns that make the dataset usable in a spreadsheet: measure, primary, flagged cells, targets, BOM.
@Suite struct DatasetAnalystFieldsTests {
    typealias F = DatasetFixtures

    @Test func measureSeparatesLevelsFromChangesTargetsAndBounds() {
        #expect(Measure(qualifier: nil, unit: "人") == .level)
        #expect(Measure(qualifier: .approx, unit: "人") == .level)
        #expect(Measure(qualifier: .change, unit: "%") == .changeRate)
        #expect(Measure(qualifier: .change, unit: "人") == .change)
        #expect(Measure(qualifier: .change, unit: "百分点") == .change)
        #expect(Measure(qualifier: .target, unit: "人") == .target)
        for bound in [Qualifier.atLeast, .atMost, .moreThan, .lessThan] {
            #expect(Measure(qualifier: bound, unit: "%") == .bound)
        }
        #expect(Measure(qualifier: .range, unit: "%") == .range)
    }

    @Test func observationsCarryMeasureAndPrimaryInEveryFormat() throws {
        let out = F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        var run = F.run
        run.observations[0].primary = false
        try DatasetWriter(outputDirectory: out).write(run)

        let json = try F.jsonObjects(out, "observations.jsonl")
        #expect(json.map { $0["measure"] as? String }.filter { $0 == "target" }.count == 1)
        #expect(json.filter { $0["primary"] as? Bool == false }.count == 1)
        let rows = CSV.parse(try String(contentsOf: out.appendingPathComponent("observations.csv"), encoding: .utf8))
        let measure = try #require(rows[0].firstIndex(of: "measure"))
        #expect(rows.dropFirst().map { $0[measure] }.sorted().last == "target")
        let db = try DatabaseQueue(path: out.appendingPathComponent("nianbao.sqlite").path)
        try db.read { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM observations WHERE measure = 'level'") == 8)
            #expect(try Int.fetchOne(db, sql: #"SELECT COUNT(*) FROM observations WHERE "primary" = 0"#) == 1)
        }
        // Read back: primary survives, measure is derived again.
        let loaded = try DatasetReader.load(outputDirectory: out)
        #expect(loaded.observations.filter { !$0.primary }.count == 1)
    }

    @Test func everyCSVFileStartsWithAByteOrderMark() throws {
        let out = F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        try DatasetWriter(outputDirectory: out).write(F.run)
        for file in ["observations.csv", "panel.csv", "panel_sources.csv", "panel_flags.csv", "panel_targets.csv"] {
            let bytes = try Data(contentsOf: out.appendingPathComponent(file))
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(file) has no byte-order mark")
            #expect(bytes.dropFirst(3).first != 0xEF, "\(file) has two byte-order marks")
        }
        #expect(CSV.parse("\u{FEFF}a,b\r\n1,2\r\n") == [["a", "b"], ["1", "2"]])
    }

    @Test func flaggedCellsAreMarkedBesideTheNumbers() throws {
        let out = F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        try DatasetWriter(outputDirectory: out).write(F.run, labels: DatasetPanelTests.labels)

        // The fixture's flag F0001 disputes 浦东新区 enrollment 2023; panel.csv keeps the number.
        let flags = CSV.parse(try String(contentsOf: out.appendingPathComponent("panel_flags.csv"), encoding: .utf8))
        #expect(flags[0] == ["entity", "indicator", "name_zh", "unit", "2023", "2024"])
        #expect(flags.contains(["浦东新区", "enrollment", "在校生数", "人", "F0001 disagree", ""]))
        #expect(flags.contains(["浦东新区", "student_teacher_ratio", "生师比", "ratio", "", ""]))

        let sources = CSV.parse(try String(contentsOf: out.appendingPathComponent("panel_sources.csv"), encoding: .utf8))
        let flagged = try #require(sources[0].firstIndex(of: "flagged"))
        let ids = try #require(sources[0].firstIndex(of: "flags"))
        let enrollment2023 = sources.filter { $0[1] == "enrollment" && $0[2] == "2023" }
        #expect(enrollment2023.map { $0[flagged] } == ["yes", "yes"])
        #expect(enrollment2023.map { $0[ids] } == ["F0001", "F0001"])
        #expect(sources.filter { $0[1] == "enrollment" && $0[2] == "2024" }.allSatisfy { $0[flagged] == "no" })
    }

    @Test func searchingAStoreWithoutAnIndexSaysSo() throws {
        let out = F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        try DatasetWriter(outputDirectory: out).write(F.run)
        let path = out.appendingPathComponent("nianbao.sqlite").path
        #expect(throws: DatasetError.cannotRead(path: path, reason: "no search index (run `nianbao import` with this version first)")) {
            try SearchIndex(path: path).search("在校生")
        }
        #expect(try SearchIndex(path: path).search("  ").isEmpty)
    }

    @Test func targetsHaveTheirOwnPanel() throws {
        let out = F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        try DatasetWriter(outputDirectory: out).write(F.run, labels: DatasetPanelTests.labels)
        let targets = CSV.parse(try String(contentsOf: out.appendingPathComponent("panel_targets.csv"), encoding: .utf8))
        #expect(targets == [["entity", "indicator", "name_zh", "unit", "2025"],
                            ["浦东新区", "enrollment", "在校生数", "人", "13000"]])
    }

    @Test func onlyThePrimaryFormatFillsThePanel() {
        // The same statement from another format of the publication is not a second source.
        var observations = F.run.observations.filter { $0.indicator == "student_teacher_ratio" }
        var otherFormat = observations[0]
        otherFormat.docId = F.report2024 + ".pdf"
        otherFormat.value = 99
        otherFormat.primary = false
        observations.append(otherFormat)
        let panel = Panel(observations: observations, documents: F.run.documents)
        #expect(panel.rows[0].cells[2024]?.sources.count == 2)
        #expect(panel.rows[0].cells[2024]?.disagree == false)
    }

    @Test func aTableBeatsProseAndTheReportAboutTheYearBeatsALaterOne() {
        let base = F.run.observations[0]
        func statement(_ doc: String, _ value: Decimal, table: Bool) -> Observation {
            var o = base
            o.docId = doc
            o.year = 2023
            o.value = value
            o.fromTable = table
            o.line = table ? 700 : 40
            return o
        }
        // Within one report: the table.
        let sameReport = Panel(observations: [statement(F.report2023, 1, table: false), statement(F.report2023, 2, table: true)],
                               documents: F.run.documents)
        #expect(sameReport.rows[0].cells[2023]?.value == 2)
        // Across reports: the report about 2023 in prose beats the 2024 report's table.
        let across = Panel(observations: [statement(F.report2024, 3, table: true), statement(F.report2023, 4, table: false)],
                           documents: F.run.documents)
        #expect(across.rows[0].cells[2023]?.value == 4)
    }

    @Test func rowsSkipValuesWithoutAnEntityAndGiveACategoryItsOwnRow() {
        let base = F.run.observations.first { $0.indicator == "enrollment" && $0.year == 2023 && $0.docId == F.report2023 }!
        var unresolved = base
        unresolved.entity = nil
        unresolved.value = 1
        var category = base
        category.category = "普通中专"
        category.value = 5000
        category.line += 1
        let flag = F.run.flags.first { $0.entity == F.pudong && $0.indicators.contains("enrollment") && $0.year == 2023 }!
        let panel = Panel(observations: [base, unresolved, category], documents: F.run.documents, flags: [flag])
        #expect(panel.rows.map(\.entity) == [F.pudong, F.pudong + "·普通中专"])
        #expect(panel.rows.map { $0.cells[2023]?.value } == [base.value, 5000])
        // The whole's cell does not list the unresolved value or the category's as sources.
        #expect(panel.rows[0].cells[2023]?.sources == [base])
        // The checks take a category as an entity of its own: a flag about the entity marks its row only,
        // and a flag about the category (named as its row) marks the category's row only.
        #expect(panel.rows.map { $0.cells[2023]?.flags } == [[flag.id], []])
        var categoryFlag = flag
        categoryFlag.id = "F9999"
        categoryFlag.entity = F.pudong + "·普通中专"
        let both = Panel(observations: [base, unresolved, category], documents: F.run.documents, flags: [flag, categoryFlag])
        #expect(both.rows.map { $0.cells[2023]?.flags } == [[flag.id], ["F9999"]])
    }
}
