import Foundation
import NianbaoModel
import RuleFiles

extension IndicatorExtractor {
    /// Throughput of the whole rules stage (normalising, PCRE2 scans, number parsing, resolution, tables) on
    /// one core: runs `extract` over `documents` `repetitions` times and returns megabytes of block text
    /// per second of the fastest pass (as the PDF benchmark keeps its best run: on a shared machine the
    /// slower passes measure the neighbours). Not a test; the lead can call it from a scratch target or the REPL:
    /// `IndicatorExtractor.benchmark(rules: try RuleSet.load(directory: rulesURL), documents: docs)`.
    public static func benchmark(rules: RuleSet, documents: [SegmentedDocument], repetitions: Int = 5)
        -> (megabytesPerSecond: Double, observations: Int) {
        let extractor = IndicatorExtractor(rules: rules)
        let bytes = documents.reduce(0) { total, document in
            total + document.clean.blocks.reduce(0) { $0 + $1.text.utf8.count }
        }
        var observations = 0
        var fastest = Double.infinity
        let clock = ContinuousClock()
        for _ in 0..<max(1, repetitions) {
            let elapsed = clock.measure {
                observations = 0
                for document in documents { observations += extractor.extract(from: document).observations.count }
            }
            fastest = min(fastest, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        let megabytes = Double(bytes) / 1_000_000
        return (fastest > 0 ? megabytes / fastest : 0, observations)
    }

    /// What `benchmarkCorpus` measured, printable as one line.
    public struct BenchmarkReport: Sendable, CustomStringConvertible {
        public var documents: Int
        /// Block text of one pass over the documents, in MB (10^6 bytes of UTF-8).
        public var megabytes: Double
        public var repetitions: Int
        public var megabytesPerSecond: Double
        public var observations: Int

        public var description: String {
            String(format: "rules stage: %.1f MB/s on one core (%d documents, %.2f MB of block text, %d passes, %d observations per pass)",
                   megabytesPerSecond, documents, megabytes, repetitions, observations)
        }
    }

    /// The rules stage's speed on segmented reports, for a command line (`nianbao` wires it; the indicators
    /// module cannot read reports itself): loads the rules from `rulesDirectory`, runs one untimed pass so
    /// lazily built tables and PCRE2's JIT are warm, then times `repetitions` passes on the calling thread.
    public static func benchmarkCorpus(rulesDirectory: URL, documents: [SegmentedDocument],
                                       repetitions: Int = 10) throws(RuleError) -> BenchmarkReport {
        let rules = try RuleSet.load(directory: rulesDirectory)
        _ = benchmark(rules: rules, documents: documents, repetitions: 1)
        let (speed, observations) = benchmark(rules: rules, documents: documents, repetitions: repetitions)
        let bytes = documents.reduce(0) { total, document in
            total + document.clean.blocks.reduce(0) { $0 + $1.text.utf8.count }
        }
        return BenchmarkReport(documents: documents.count, megabytes: Double(bytes) / 1_000_000,
                               repetitions: max(1, repetitions), megabytesPerSecond: speed, observations: observations)
    }
}
