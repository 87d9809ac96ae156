import Foundation
import NianbaoModel

extension IndicatorExtractor {
    /// Throughput of the whole rules stage (normalising, PCRE2 scans, number parsing, resolution, tables) on
    /// one core: runs `extract` over `documents` `repetitions` times and returns megabytes of block text
    /// per second. Not a test; the lead can call it from a scratch target or the REPL:
    /// `IndicatorExtractor.benchmark(rules: try RuleSet.load(directory: rulesURL), documents: docs)`.
    public static func benchmark(rules: RuleSet, documents: [SegmentedDocument], repetitions: Int = 5)
        -> (megabytesPerSecond: Double, observations: Int) {
        let extractor = IndicatorExtractor(rules: rules)
        let bytes = documents.reduce(0) { total, document in
            total + document.clean.blocks.reduce(0) { $0 + $1.text.utf8.count }
        }
        var observations = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<max(1, repetitions) {
                observations = 0
                for document in documents { observations += extractor.extract(from: document).observations.count }
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let megabytes = Double(bytes * max(1, repetitions)) / 1_000_000
        return (seconds > 0 ? megabytes / seconds : 0, observations)
    }
}
