import Foundation
import Testing
import NianbaoModel
@testable import Indicators

/// Scores the extractor against hand-labelled facts of the five real reports
/// (Fixtures/labels/<stem>.tsv: indicator, entity, year, value, unit, line, `change`/`target` when the
/// value is one, and the category when it is about a kind of school — from a careful reading; a labelled
/// line lists every fact on it).
/// Recall: labelled facts found with the same indicator, entity, year, value, unit and source line.
/// Precision: of the observations on labelled lines, the share that match a label there (values on
/// lines nobody labelled are not judged).
@Suite struct IndicatorLabelTests {
    struct Label: Hashable {
        var indicator: String
        var entity: String
        var year: Int?
        var value: Decimal
        var unit: String
        var line: Int
        /// Only the qualifiers the rules decide (change, target) are compared; the rest is the parser's.
        var qualifier: String?
        /// `职业高中` for a count of that kind of school; nil for the entity as a whole.
        var category: String? = nil
    }

    static func labels(_ stem: String) -> [Label] {
        let url = TestPaths.repoRoot.appendingPathComponent("Tests/NianbaoTests/Fixtures/labels/\(stem).tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { row in
            let cells = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 6, let value = Decimal(string: cells[3]), let line = Int(cells[5]) else { return nil }
            let qualifier = cells.count > 6 && !cells[6].isEmpty ? cells[6] : nil
            let category = cells.count > 7 && !cells[7].isEmpty ? cells[7] : nil
            return Label(indicator: cells[0], entity: cells[1], year: Int(cells[2]), value: value, unit: cells[4], line: line,
                         qualifier: qualifier, category: category)
        }
    }

    static func label(of o: Observation) -> Label {
        Label(indicator: o.indicator, entity: o.entity ?? "-", year: o.year, value: o.value, unit: o.unit, line: o.line,
              qualifier: o.qualifier == .change || o.qualifier == .target ? o.qualifier?.rawValue : nil, category: o.category)
    }

    struct Score { var recall: Double; var precision: Double; var missed: [Label]; var wrong: [Label]; var count: Int }

    static func score(_ stem: String) -> Score {
        let expected = labels(stem)
        let result = IndicatorExtractor(rules: IndicatorFixtures.rules).extract(from: IndicatorFixtures.document(stem))
        let found = result.observations.map(label(of:))
        let foundSet = Set(found)
        let expectedSet = Set(expected)
        let missed = expected.filter { !foundSet.contains($0) }
        let lines = Set(expected.map(\.line))
        let judged = found.filter { lines.contains($0.line) }
        let wrong = judged.filter { !expectedSet.contains($0) }
        let recall = Double(expected.count - missed.count) / Double(max(1, expected.count))
        let precision = Double(judged.count - wrong.count) / Double(max(1, judged.count))
        return Score(recall: recall, precision: precision, missed: missed, wrong: wrong, count: expected.count)
    }

    @Test(arguments: TestPaths.realStems)
    func recallAndPrecisionOnLabelledFacts(stem: String) {
        let score = Self.score(stem)
        #expect(score.count >= 25, "at least 25 labelled facts for \(stem)")
        let report = "\(stem): recall \(String(format: "%.3f", score.recall)) precision \(String(format: "%.3f", score.precision))"
            + "\n missed: \(score.missed.map { "\($0.indicator)@\($0.line)=\($0.value) \($0.entity ?? "-") \($0.year ?? 0)" })"
            + "\n wrong: \(score.wrong.map { "\($0.indicator)@\($0.line)=\($0.value)\($0.unit) \($0.entity ?? "-") \($0.year ?? 0)" })"
        print(report)
        #expect(score.recall >= 0.90, "\(report)")
        #expect(score.precision >= 0.95, "\(report)")
    }
}
