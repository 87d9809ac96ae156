import Foundation
import Testing
import NianbaoModel
import Cleaning
@testable import Indicators
@testable import NianbaoPipeline

/// Precision and recall on the hand-labelled real texts of `../shared/corpus/real` (Fixtures/real-labels):
/// the development files the rules were tuned on, and the held-out files nobody tuned on. A value counts as
/// found when indicator, entity (with its category), year and value agree; an entity written with or
/// without the province or city before it is the same (`浙江省宁海县第一职业中学` = `宁海县第一职业中学`).
/// Labels whose entity or year the labeller could only infer from the page's address (note `inferred`)
/// cannot be read from the text: they are scored in the strict figure and left out of the other, where a value
/// that leaves that entity or year null (and agrees otherwise) counts neither as found nor as wrong.
struct RealDevSetTests {
    struct Label {
        var indicator: String
        var entity: String?
        var category: String?
        var year: Int?
        var value: Decimal
        var inferred: Bool
    }

    struct Score: CustomStringConvertible {
        var found = 0, labels = 0, emitted = 0, matched = 0
        var recall: Double { labels == 0 ? 0 : Double(found) / Double(labels) }
        var precision: Double { emitted == 0 ? 0 : Double(matched) / Double(emitted) }
        var description: String {
            String(format: "recall %.3f (%d/%d), precision %.3f (%d/%d)", recall, found, labels, precision, matched, emitted)
        }
    }

    static let labels = TestPaths.repoRoot.appendingPathComponent("Tests/NianbaoTests/Fixtures/real-labels")
    static let texts = TestPaths.corpus.appendingPathComponent("real")

    static func readLabels(_ url: URL) throws -> [Label] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        return lines.compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 8, let value = Decimal(string: f[3], locale: Locale(identifier: "en_US_POSIX")) else { return nil }
            return Label(indicator: f[0], entity: f[1] == "-" ? nil : f[1], category: f[7].isEmpty ? nil : f[7],
                         year: Int(f[2]), value: value, inferred: f.count > 8 && f[8].contains("inferred"))
        }
    }

    static func sameEntity(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        if a == b { return true }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        return short.count >= 3 && long.hasSuffix(short)
    }

    /// Observations of one real text, through the whole pipeline as an import runs it; `stated` is what a
    /// source list says of it.
    static func observations(_ stem: String, extractor: IndicatorExtractor,
                             stated: StatedFacts = StatedFacts()) -> [Observation] {
        let report = Pipeline().process(path: texts.appendingPathComponent("\(stem).txt").path, docId: stem, stated: stated)
        return report.segmented.map { extractor.extract(from: $0).observations } ?? []
    }

    /// The web address each real text was captured from (Fixtures/real-sources.tsv: SOURCES.md's URL column),
    /// as `nianbao import --sources` would read it.
    static func addresses() throws -> [String: StatedFacts] {
        let list = try SourceList.load(path: TestPaths.repoRoot.appendingPathComponent("Tests/NianbaoTests/Fixtures/real-sources.tsv").path)
        return Dictionary(list.entries.map { (String($0.file.dropLast(4)), $0.facts) }, uniquingKeysWith: { a, _ in a })
    }

    /// Pairs labels with observations agreeing on indicator, year, value, category and entity, each used once:
    /// the labels found, the observations left over and the labels not found.
    static func match(_ labels: [Label], _ observations: [Observation]) -> (found: [Label], remaining: [Observation], missed: [Label]) {
        var remaining = observations
        var found: [Label] = [], missed: [Label] = []
        for label in labels {
            guard let index = remaining.firstIndex(where: { o in
                o.indicator == label.indicator && o.year == label.year && o.value == label.value
                    && o.category == label.category && sameEntity(o.entity, label.entity)
            }) else { missed.append(label); continue }
            remaining.remove(at: index)
            found.append(label)
        }
        return (found, remaining, missed)
    }

    /// Scores a split: (strict, without the labels the text cannot support). With `addresses`, each text is
    /// read with the web address it was captured from, as an analyst's source list gives it.
    static func score(split: String, addresses: Bool = false) throws -> (strict: Score, readable: Score) {
        let stated = addresses ? try Self.addresses() : [:]
        let extractor = IndicatorExtractor(rules: IndicatorFixtures.rules)
        var strict = Score(), readable = Score()
        let folder = labels.appendingPathComponent(split)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".tsv") && !$0.hasSuffix(".extra.tsv") }.sorted()
        for file in files {
            let stem = String(file.dropLast(4))
            let labels = try readLabels(folder.appendingPathComponent(file))
            let all = observations(stem, extractor: extractor, stated: stated[stem] ?? StatedFacts())
            let emitted = all.count
            let (matched, remaining, missed) = match(labels, all)
            var unmatched = missed
            let found = matched.count, foundReadable = matched.filter { !$0.inferred }.count
            // A value left without the entity or year the text does not give, where the labeller could only
            // infer them, is no error: it says it does not know. It is not counted in the readable figures.
            var honest = 0
            for observation in remaining where observation.entity == nil || observation.year == nil {
                if let index = unmatched.firstIndex(where: { label in
                    label.inferred && label.indicator == observation.indicator && label.value == observation.value
                        && label.category == observation.category
                        && (observation.year == nil || observation.year == label.year)
                        && (observation.entity == nil || sameEntity(observation.entity, label.entity))
                }) {
                    unmatched.remove(at: index)
                    honest += 1
                }
            }
            strict.found += found
            strict.labels += labels.count
            strict.emitted += emitted
            strict.matched += found
            readable.found += foundReadable
            readable.labels += labels.filter { !$0.inferred }.count
            readable.emitted += emitted - honest
            readable.matched += found
        }
        return (strict, readable)
    }

    /// The figures README reports. The floors are today's, so that a change that loses values shows; the
    /// aim (recall 0.85, precision 0.95) is far above them.
    @Test func developmentFiles() throws {
        let (strict, readable) = try Self.score(split: "dev")
        print("real dev set (tuned on): strict \(strict); text-supported labels \(readable)")
        #expect(readable.recall >= 0.88, "\(readable)")
        #expect(readable.precision >= 0.97, "\(readable)")
        // (strict precision counts values read right but left without the entity only a URL names as wrong)
        #expect(strict.precision >= 0.62, "\(strict)")
    }

    @Test func heldOutFiles() throws {
        let (strict, readable) = try Self.score(split: "holdout")
        print("real held-out set (not tuned on): strict \(strict); text-supported labels \(readable)")
        #expect(readable.recall >= 0.55, "\(readable)")
        // (0.48 until general upper-secondary counterparts (`level_of`) added values these labels do not hold)
        #expect(strict.precision >= 0.42, "\(strict)")
    }

    /// The same texts with the address each was captured from, as `nianbao import --sources` gives it:
    /// yearbook and statistics tables whose region or year only a government site's address or a path names
    /// get them, and what the text says still comes first.
    @Test func developmentFilesWithTheirAddresses() throws {
        let (strict, readable) = try Self.score(split: "dev", addresses: true)
        let (plainStrict, plainReadable) = try Self.score(split: "dev")
        print("real dev set (tuned on) with addresses: strict \(strict); text-supported labels \(readable)")
        // The issue's bar (0.85 / 0.95), met here on the files the rules were tuned on: training figures.
        #expect(strict.recall >= 0.89, "\(strict)")
        #expect(strict.precision >= 0.95, "\(strict)")
        #expect(readable.found >= plainReadable.found && strict.found > plainStrict.found)
    }

    @Test func heldOutFilesWithTheirAddresses() throws {
        let (strict, readable) = try Self.score(split: "holdout", addresses: true)
        print("real held-out set (not tuned on) with addresses: strict \(strict); text-supported labels \(readable)")
        #expect(strict.recall >= 0.38, "\(strict)")
        #expect(strict.precision >= 0.42, "\(strict)")
    }

    /// Every document gets a subject and a covered year, or says why not.
    @Test func everyDocumentHasASubjectAndAYearOrSaysWhy() throws {
        let extractor = IndicatorExtractor(rules: IndicatorFixtures.rules)
        let stems = try FileManager.default.contentsOfDirectory(atPath: Self.texts.path)
            .filter { $0.hasPrefix("r") && $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
        #expect(stems.count >= 30)
        var named = 0
        for stem in stems {
            let report = Pipeline().process(path: Self.texts.appendingPathComponent("\(stem).txt").path, docId: stem)
            let segmented = try #require(report.segmented)
            let record = report.record.described(by: extractor.extract(from: segmented))
            #expect(record.subject != nil || record.subjectSource?.hasPrefix("none: ") == true, "\(stem)")
            #expect(record.reportYear != nil || record.reportYearSource?.hasPrefix("none: ") == true, "\(stem)")
            if record.subject != nil { named += 1 }
        }
        #expect(named >= 24, "subjects found for \(named) of \(stems.count)")
    }

    /// A traditional-script text and its simplified conversion give the same observations.
    @Test func traditionalAndSimplifiedGiveTheSameValues() throws {
        guard case .success(let converter) = ScriptConverter.traditionalToSimplified else {
            Issue.record("OpenCC is not installed")
            return
        }
        let extractor = IndicatorExtractor(rules: IndicatorFixtures.rules)
        for stem in ["r10", "r26", "r28"] {
            let printed = try String(contentsOf: Self.texts.appendingPathComponent("\(stem).txt"), encoding: .utf8)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-t2s-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let simplifiedPath = folder.appendingPathComponent("\(stem).txt")
            try converter.simplified(printed).write(to: simplifiedPath, atomically: true, encoding: .utf8)
            func summary(_ observations: [Observation]) -> [String] {
                observations.map { "\($0.indicator) \($0.entity ?? "-") \($0.year ?? 0) \($0.value) \($0.line)" }
            }
            let traditional = Self.observations(stem, extractor: extractor)
            let report = Pipeline().process(path: simplifiedPath.path, docId: stem)
            let simplified = report.segmented.map { extractor.extract(from: $0).observations } ?? []
            #expect(summary(traditional) == summary(simplified), "\(stem)")
            if stem == "r10" { #expect(traditional.count >= 20) }
            // Quotes keep the script as printed.
            if let quote = traditional.first?.quote, stem == "r10" {
                #expect(quote != (try converter.simplified(quote)), "quote \(quote) is not as printed")
            }
        }
    }
}
