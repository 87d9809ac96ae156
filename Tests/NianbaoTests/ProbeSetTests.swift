import Foundation
import Testing
import NianbaoModel
@testable import Indicators
@testable import NianbaoPipeline

/// Precision and recall on the made-up probe documents (Fixtures/probes: written and labelled by a helper
/// that saw no rule or code), scored like the real texts: indicator, entity with its category, year, value.
struct ProbeSetTests {
    static let folder = TestPaths.repoRoot.appendingPathComponent("Tests/NianbaoTests/Fixtures/probes")

    static func score(split: String) throws -> RealDevSetTests.Score {
        let extractor = IndicatorExtractor(rules: IndicatorFixtures.rules)
        let directory = folder.appendingPathComponent(split)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        var score = RealDevSetTests.Score()
        for labelFile in names.filter({ $0.hasSuffix(".tsv") }).sorted() {
            let stem = String(labelFile.dropLast(4))
            let text = try #require(names.first { $0.hasPrefix(stem + ".") && !$0.hasSuffix(".tsv") })
            let labels = try RealDevSetTests.readLabels(directory.appendingPathComponent(labelFile))
            let report = Pipeline().process(path: directory.appendingPathComponent(text).path, docId: stem)
            var remaining = report.segmented.map { extractor.extract(from: $0).observations } ?? []
            score.labels += labels.count
            score.emitted += remaining.count
            for label in labels {
                guard let index = remaining.firstIndex(where: { o in
                    o.indicator == label.indicator && o.year == label.year && o.value == label.value
                        && o.category == label.category && RealDevSetTests.sameEntity(o.entity, label.entity)
                }) else { continue }
                remaining.remove(at: index)
                score.found += 1
                score.matched += 1
            }
        }
        return score
    }

    /// Training figures: the rules were changed after looking at these. Floors at today's figures.
    @Test func developmentProbes() throws {
        let score = try Self.score(split: "dev")
        print("made-up probes, dev (tuned on): \(score)")
        #expect(score.labels == 298)
        #expect(score.recall >= 0.95, "\(score)")
        #expect(score.precision >= 0.98, "\(score)")
    }

    /// Nobody looked at these beyond this figure.
    @Test func heldOutProbes() throws {
        let score = try Self.score(split: "holdout")
        print("made-up probes, held out: \(score)")
        #expect(score.labels == 168)
        #expect(score.recall >= 0.90, "\(score)")
        #expect(score.precision >= 0.98, "\(score)")
    }
}
