import Foundation
import Testing
import NianbaoModel
import Indicators
import Checks
@testable import NianbaoPipeline

/// Acceptance for the consistency checks (issue "Consistency checks"): the whole pipeline over the five
/// real reports, its flags matched to the hand-made list in Fixtures/inconsistencies/real.tsv.
/// Genuine inconsistencies (holds=no) must be found; flags on statements that hold (holds=yes) and flags
/// judged false on reading the source (Fixtures/inconsistencies/judged-false.tsv) are false alarms.
@Suite("Check acceptance on the real reports")
struct CheckAcceptanceTests {
    /// One row of real.tsv or judged-false.tsv.
    struct LabelledRow: Sendable {
        var kind: String
        /// (doc id, line) pairs; cross-report rows give `a|b` docs and `l1,l2|l3` lines per doc.
        var places: Set<Place>
        var year: Int?
        var indicators: Set<String>
        var holds: Bool
        var note: String

        struct Place: Hashable, Sendable { var doc: String; var line: Int }

        /// Same kind, same year where both have one, an evidence line on one of the row's lines, an indicator in common.
        func matches(_ flag: Flag) -> Bool {
            guard flag.kind.rawValue == kind else { return false }
            if let year, let flagYear = flag.year, year != flagYear { return false }
            guard !indicators.isDisjoint(with: flag.indicators) else { return false }
            return flag.evidence.contains { places.contains(Place(doc: $0.docId, line: $0.line)) }
        }
    }

    static func loadRows(_ name: String) -> [LabelledRow] {
        let url = TestPaths.repoRoot.appendingPathComponent("Tests/NianbaoTests/Fixtures/inconsistencies/\(name)")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var lines = text.split(separator: "\n").map(String.init)
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst().components(separatedBy: "\t")
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        return lines.map { line in
            let fields = line.components(separatedBy: "\t")
            let docs = fields[column("doc")].components(separatedBy: "|")
            let lineGroups = fields[column("lines")].components(separatedBy: "|")
            var places: Set<LabelledRow.Place> = []
            for (index, doc) in docs.enumerated() {
                let group = lineGroups[min(index, lineGroups.count - 1)]
                for number in group.components(separatedBy: ",") { places.insert(.init(doc: doc, line: Int(number)!)) }
            }
            let holds = header.contains("holds") ? fields[column("holds")] == "yes" : true
            return LabelledRow(kind: fields[column("kind")], places: places, year: Int(fields[column("year")]),
                               indicators: Set(fields[column("indicators")].components(separatedBy: ";")),
                               holds: holds, note: fields[column("note")])
        }
    }

    /// The flags of the real pipeline (read, clean, segment, extract, check) over the five .txt reports.
    static let flags: [Flag] = {
        let rules = TestPaths.repoRoot.appendingPathComponent("rules")
        guard let indicatorRules = try? RuleSet.load(directory: rules),
              let checkRules = try? CheckRuleSet.load(url: rules.appendingPathComponent("checks.yaml")) else { return [] }
        let extractor = IndicatorExtractor(rules: indicatorRules)
        let files = TestPaths.realStems.map { InputFile(path: TestPaths.realReport($0), docId: $0) }
        let reports = Pipeline().processAll(files) { extractor.extract(from: $0) }
        let observations = reports.flatMap { $0.indicators?.observations ?? [] }
        return CheckEngine(rules: checkRules).run(on: observations).flags
    }()

    struct Score {
        var found: [LabelledRow] = []
        var missed: [LabelledRow] = []
        var falseAlarms: [Flag] = []
        var genuineRows: Int { found.count + missed.count }
    }

    static let score: Score = {
        let rows = loadRows("real.tsv")
        let judgedFalse = loadRows("judged-false.tsv")
        let genuine = rows.filter { !$0.holds }
        var score = Score()
        for row in genuine {
            if flags.contains(where: row.matches) { score.found.append(row) } else { score.missed.append(row) }
        }
        // A flag that matches a genuine row is that row's; otherwise one on a statement that holds, or one judged
        // false on reading the source, is a false alarm.
        for flag in flags where !genuine.contains(where: { $0.matches(flag) }) {
            if rows.contains(where: { $0.holds && $0.matches(flag) }) || judgedFalse.contains(where: { $0.matches(flag) }) {
                score.falseAlarms.append(flag)
            }
        }
        return score
    }()

    @Test func pipelineRaisesFlags() {
        #expect(Self.flags.count > 10)
        #expect(Self.loadRows("real.tsv").filter { !$0.holds }.count == 28)
    }

    @Test func recallOnGenuineInconsistencies() {
        let score = Self.score
        let recall = Double(score.found.count) / Double(score.genuineRows)
        #expect(recall >= 0.8, "found \(score.found.count)/\(score.genuineRows); missed: \(score.missed.map(\.note))")
        #expect(score.found.count >= 26, "missed: \(score.missed.map(\.note))")
    }

    @Test func falseAlarms() {
        let alarms = Self.score.falseAlarms
        #expect(alarms.count <= 1, "\(alarms.map(\.message))")
    }

    /// Concrete flags the acceptance rests on.
    @Test func concreteGenuineFlags() throws {
        let tuition = try #require(Self.flags.first { $0.check == "tuition_free_ratio" && $0.entity == "静安区" })
        #expect(tuition.stated == Decimal(string: "87.0"))
        #expect(tuition.evidence.contains { $0.line == 293 })
        let specialties = try #require(Self.flags.first { $0.kind == .sumMismatch && $0.indicators == ["specialties"] })
        #expect(specialties.stated == 58)
        #expect(specialties.expected == 60)
    }
}
