import Foundation
import Testing
import GRDB
import NianbaoModel
import Dataset

/// The dataset of the five real reports (all formats) as an analyst meets it: the panel marks disputed
/// cells, one indicator and measure have one unit, one format per publication is primary, and search finds
/// cases by their body.
@Suite struct AnalystDatasetTests {
    static var out: URL { AnalystCorpus.output }

    func csv(_ name: String) throws -> [[String]] {
        CSV.parse(try String(contentsOf: Self.out.appendingPathComponent(name), encoding: .utf8))
    }

    @Test func thePanelMarksEveryCellAFlagDisputes() throws {
        let run = AnalystCorpus.run
        let panel = try csv("panel.csv"), marks = try csv("panel_flags.csv")
        #expect(panel[0] == marks[0])
        let yearColumns = Dictionary(uniqueKeysWithValues: panel[0].enumerated().dropFirst(4).map { ($0.element, $0.offset) })
        func row(_ table: [[String]], _ entity: String, _ indicator: String) -> [String]? {
            table.first { $0[0] == entity && $0[1] == indicator }
        }
        // Pudong's 2023 placement rate 89.3: a percent_mismatch flag disputes it; panel.csv keeps the number.
        let placement = try #require(run.flags.first {
            $0.entity == "浦东新区" && $0.year == 2023 && $0.kind == .percentMismatch && $0.indicators.contains("placement_rate")
        })
        let column = try #require(yearColumns["2023"])
        #expect(row(panel, "浦东新区", "placement_rate")?[column] == "89.3")
        #expect(row(marks, "浦东新区", "placement_rate")?[column].split(separator: " ").contains(Substring(placement.id)) == true)

        // Every flag naming a cell the panel has is marked in that cell, and no cell is marked without one.
        var marked = 0
        for flag in run.flags {
            guard let year = flag.year, let column = yearColumns[String(year)] else { continue }
            for indicator in flag.indicators {
                guard let values = row(panel, flag.entity, indicator), !values[column].isEmpty else { continue }
                let cell = row(marks, flag.entity, indicator)?[column] ?? ""
                #expect(cell.split(separator: " ").contains(Substring(flag.id)), "\(flag.id) not marked on \(indicator) \(year)")
                marked += 1
            }
        }
        #expect(marked >= 40)
        let flagIds = Set(run.flags.map(\.id))
        for markRow in marks.dropFirst() {
            for cell in markRow.dropFirst(4) {
                for token in cell.split(separator: " ") where token != "disagree" {
                    #expect(flagIds.contains(String(token)))
                }
            }
        }
        let sources = try csv("panel_sources.csv")
        let flaggedColumn = try #require(sources[0].firstIndex(of: "flagged"))
        #expect(sources.dropFirst().contains { $0[0] == "浦东新区" && $0[1] == "placement_rate" && $0[2] == "2023" && $0[flaggedColumn] == "yes" })
    }

    @Test func theReportAboutTheYearBeatsTheLaterPlansBaseline() throws {
        // 上海市 2020 双师型教师比例: the 2020 report says 59.7 %, the 2021–2025 plan's baseline 57 %.
        let sources = try csv("panel_sources.csv").filter { $0[0] == "上海市" && $0[1] == "dual_qualified_ratio" && $0[2] == "2020" }
        let accepted = try #require(sources.first { $0[7] == "yes" })
        #expect(accepted[3] == "59.7")
        #expect(accepted[4].hasPrefix("002_a080b85a17935ede"))
        #expect(sources.contains { $0[3] == "57" && $0[4].hasPrefix("004_e7c8856d05d9f68a") && $0[7] == "no" && $0[8] == "yes" })
    }

    @Test func oneIndicatorAndMeasureHaveOneUnit() {
        var units: [String: Set<String>] = [:]
        for observation in AnalystCorpus.run.observations {
            units["\(observation.indicator)/\(observation.measure.rawValue)", default: []].insert(observation.unit)
        }
        #expect(units.count > 100)
        #expect(units.filter { $0.value.count > 1 }.isEmpty)
        // The example: enrollment 2261 人 and its change 15.7 % are apart.
        let jingan = AnalystCorpus.run.observations.filter { $0.entity == "静安区" && $0.indicator == "enrollment" && $0.primary }
        #expect(jingan.contains { $0.measure == .level && $0.value == 2261 && $0.unit == "人" })
        #expect(jingan.contains { $0.measure == .changeRate && $0.value == Decimal(string: "15.7")! && $0.unit == "%" })
    }

    @Test func oneFormatPerPublicationIsPrimary() {
        let run = AnalystCorpus.run
        let byTitle = Dictionary(grouping: run.documents.filter { $0.title != nil }, by: { $0.title! })
        #expect(byTitle.count == 5)
        for (title, documents) in byTitle {
            #expect(documents.count >= 2, "\(title) imported in one format only")
            let primary = Set(run.observations.filter { $0.primary && documents.map(\.docId).contains($0.docId) }.map(\.docId))
            #expect(primary.count == 1, "\(title): primary formats \(primary.sorted())")
        }
        // Flags cite only the primary format.
        let primaryDocs = Set(run.observations.filter(\.primary).map(\.docId))
        #expect(run.flags.allSatisfy { $0.evidence.allSatisfy { primaryDocs.contains($0.docId) } })
    }

    @Test func searchFindsACaseByAWordOfItsBodyNotInItsTitle() throws {
        let index = SearchIndex(path: AnalystCorpus.database)
        let hits = try index.search("对口帮扶", kind: .case)
        #expect(hits.allSatisfy { $0.sectionKind == .case })
        let byBody = hits.filter { !($0.sectionTitle ?? "").contains("对口帮扶") }
        #expect(!byBody.isEmpty)
        #expect(byBody.contains { $0.docId.hasPrefix("002_a080b85a17935ede") && $0.sectionTitle == "帮扶贫困地区职教发展，助力打赢脱贫攻坚战" })
        #expect(hits.allSatisfy { $0.text.contains("对口帮扶") })
        // Only the primary format (the text export) is searched unless asked. Doc ids no longer carry the
        // extension (`002_…`, `pdf/002_…`), so the format is read from documents.jsonl.
        let formats = Dictionary(AnalystCorpus.run.documents.map { ($0.docId, $0.format) }, uniquingKeysWith: { a, _ in a })
        #expect(Set(hits.map(\.docId)).allSatisfy { formats[$0] == .text })
        #expect(try index.search("对口帮扶", kind: .case, allFormats: true).count > hits.count)

        // Two characters have no trigram: LIKE finds them, a superset of the longer word's passages.
        let short = try index.search("帮扶", kind: .case)
        #expect(Set(hits.map { "\($0.docId)#\($0.line)" }).isSubset(of: Set(short.map { "\($0.docId)#\($0.line)" })))
        // Several words: every one must occur.
        let both = try index.search("产教融合 实训", kind: .case)
        #expect(!both.isEmpty && both.allSatisfy { $0.text.contains("产教融合") && $0.text.contains("实训") })
        #expect(SearchIndex.snippet("静安区职业学校深化东西部对口帮扶，实现转变", query: "对口帮扶", width: 12) == "…化东西部«对口帮扶»，实现转…")
    }

    @Test func sectionTextsAreInTheStore() throws {
        let index = SearchIndex(path: AnalystCorpus.database)
        let hit = try #require(try index.search("对口帮扶", kind: .case).first { $0.docId.hasPrefix("002_") })
        // (other tests of the suite may be writing the same store a moment)
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        let db = try DatabaseQueue(path: AnalystCorpus.database, configuration: configuration)
        let text = try #require(try db.read { (db: Database) throws in
            try String.fetchOne(db, sql: "SELECT text FROM section_texts WHERE doc_id = ? AND section_id = ?",
                                arguments: [hit.docId, hit.sectionId])
        })
        #expect(text.contains("对口帮扶"))
        #expect(text.count > 200)
    }
}

