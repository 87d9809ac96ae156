import Foundation
import Testing
import NianbaoModel
import Indicators
import Checks
@testable import NianbaoPipeline

/// The checks run one entity's or one document's observations at a time (as an import runs them over its
/// store) give the flags and coverage they give over all the observations at once.
@Suite struct CheckPartitionTests {
    @Test func groupsGiveTheOutcomeOfTheWhole() throws {
        let rules = TestPaths.repoRoot.appendingPathComponent("rules")
        let indicatorRules = try RuleSet.load(directory: rules)
        let checkRules = try CheckRuleSet.load(url: rules.appendingPathComponent("checks.yaml"))
        let extractor = IndicatorExtractor(rules: indicatorRules)
        let sample = TestPaths.repoRoot.appendingPathComponent("corpus")
        let samples = try FileManager.default.contentsOfDirectory(atPath: sample.path)
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }
            .map { InputFile(path: sample.appendingPathComponent($0).path, docId: "sample-" + $0) }
        let real = TestPaths.realStems.map { InputFile(path: TestPaths.realReport($0), docId: $0) }
        let reports = Pipeline().processAll(samples + real) { extractor.extract(from: $0) }
        // In a store's order: doc_id, then each document's own order.
        let observations = reports.flatMap { $0.indicators?.observations ?? [] }.enumerated()
            .sorted { ($0.element.docId, $0.offset) < ($1.element.docId, $1.offset) }.map(\.element)

        let whole = CheckEngine(rules: checkRules).run(on: observations)
        var names = IndicatorNames()
        for observation in observations { names.add(observation) }
        let byEntity = Dictionary(grouping: observations.filter { $0.entity != nil }) { $0.entity! }
        let byDocument = Dictionary(grouping: observations, by: \.docId)
        let grouped = CheckEngine(rules: checkRules).run(names: names.names) { (scope, body) throws(Never) in
            switch scope {
            case .entity: for key in byEntity.keys.sorted() { body(byEntity[key]!) }
            case .document: for key in byDocument.keys.sorted() { body(byDocument[key]!) }
            }
        }
        #expect(whole.flags.count >= 20, "the corpus has flags to compare")
        #expect(whole.flags.contains { $0.kind == FlagKind.sumMismatch }, "a document-scope kind is among them")
        #expect(grouped.flags == whole.flags)
        #expect(grouped.checks == whole.checks)
    }
}
