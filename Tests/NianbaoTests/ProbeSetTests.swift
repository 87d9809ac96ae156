import Foundation
import Testing
import NianbaoModel
@testable import Indicators
@testable import NianbaoPipeline

/// Precision and recall on the made-up probe documents (Fixtures/probes: written and labelled by a helper
/// that saw no rule or code), scored like the real texts: indicator, entity with its category, year, value.
struct ProbeSetTests {
    static let folder = TestPaths.repoRoot.appendingPathComponent("Tests/NianbaoTests/Fixtures/probes")

    /// `batch`: the file prefix of one batch (`p`: the first helper's, `q`: the second's, `s` and `t`: the third
    /// and fourth, written together, `t` about tables; `u`: the fifth; `v`: the sixth, all held out).
    static func score(split: String, batch: String) throws -> RealDevSetTests.Score {
        let extractor = IndicatorExtractor(rules: IndicatorFixtures.rules)
        let directory = folder.appendingPathComponent(split)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        var score = RealDevSetTests.Score()
        for labelFile in names.filter({ $0.hasSuffix(".tsv") && !$0.hasSuffix(".extra.tsv") && $0.hasPrefix(batch) }).sorted() {
            let stem = String(labelFile.dropLast(4))
            let text = try #require(names.first { $0.hasPrefix(stem + ".") && !$0.hasSuffix(".tsv") })
            // Values a helper put apart for want of an id (`general_enrollment`) count where the rules have the id.
            let extra = directory.appendingPathComponent(stem + ".extra.tsv")
            let labels = try RealDevSetTests.readLabels(directory.appendingPathComponent(labelFile))
                + (FileManager.default.fileExists(atPath: extra.path)
                    ? try RealDevSetTests.readLabels(extra).filter { IndicatorFixtures.rules.indicator($0.indicator) != nil } : [])
            let report = Pipeline().process(path: directory.appendingPathComponent(text).path, docId: stem)
            let observations = report.segmented.map { extractor.extract(from: $0).observations } ?? []
            let found = RealDevSetTests.match(labels, observations).found.count
            score.labels += labels.count
            score.emitted += observations.count
            score.found += found
            score.matched += found
        }
        return score
    }

    /// Training figures: the rules were changed after looking at these. Floors at today's figures.
    @Test func developmentProbes() throws {
        let first = try Self.score(split: "dev", batch: "p"), second = try Self.score(split: "dev", batch: "q")
        print("made-up probes, dev (tuned on): first batch \(first); second batch \(second)")
        #expect(first.labels == 298 && second.labels == 193)
        #expect(first.recall >= 0.95 && first.precision >= 0.98, "\(first)")
        #expect(second.recall >= 0.92 && second.precision >= 0.98, "\(second)")
        let third = try Self.score(split: "dev", batch: "s"), fourth = try Self.score(split: "dev", batch: "t")
        print("made-up probes, dev (tuned on): third batch \(third); fourth batch \(fourth)")
        #expect(third.labels == 234 && fourth.labels == 185)
        #expect(third.recall >= 0.91 && third.precision >= 0.95, "\(third)")
        #expect(fourth.recall >= 0.94 && fourth.precision >= 0.99, "\(fourth)")
        let fifth = try Self.score(split: "dev", batch: "u")
        print("made-up probes, dev (tuned on): fifth batch \(fifth)")
        #expect(fifth.labels == 216)
        #expect(fifth.recall >= 0.93 && fifth.precision >= 0.92, "\(fifth)")
    }

    /// Nobody looked at these beyond this figure.
    @Test func heldOutProbes() throws {
        let first = try Self.score(split: "holdout", batch: "p"), second = try Self.score(split: "holdout", batch: "q")
        print("made-up probes, held out: first batch \(first); second batch \(second)")
        #expect(first.labels == 168 && second.labels == 197)
        #expect(first.recall >= 0.98 && first.precision >= 0.98, "\(first)")
        #expect(second.recall >= 0.79 && second.precision >= 0.82, "\(second)")
        let third = try Self.score(split: "holdout", batch: "s"), fourth = try Self.score(split: "holdout", batch: "t")
        print("made-up probes, held out: third batch \(third); fourth batch \(fourth)")
        #expect(third.labels == 251 && fourth.labels == 277)
        #expect(third.recall >= 0.79 && third.precision >= 0.86, "\(third)")
        #expect(fourth.recall >= 0.64 && fourth.precision >= 0.91, "\(fourth)")
        let fifth = try Self.score(split: "holdout", batch: "u")
        print("made-up probes, held out: fifth batch \(fifth)")
        #expect(fifth.labels == 184)
        #expect(fifth.recall >= 0.79 && fifth.precision >= 0.93, "\(fifth)")
        // The sixth batch is held out whole: written at the session's end and run once on its final build.
        let sixth = try Self.score(split: "holdout", batch: "v")
        print("made-up probes, held out: sixth batch \(sixth)")
        #expect(sixth.labels == 655)
        #expect(sixth.recall >= 0.51 && sixth.precision >= 0.61, "\(sixth)")
    }
}
