import Foundation
import NianbaoModel
import Indicators
import Checks
import Dataset

/// What `nianbao import` produced, with a summary for the terminal.
public struct ImportResult: Sendable {
    public var output: RunOutput
    public var summary: String
}

/// Why an import or a re-check could not run at all (a single bad report never stops a batch).
public enum ImportError: Error, CustomStringConvertible, Sendable {
    case rules(String)
    case dataset(String)
    public var description: String {
        switch self {
        case .rules(let detail): return "rules: \(detail)"
        case .dataset(let detail): return "output: \(detail)"
        }
    }
}

/// The whole import: every file through the pipeline, then checks, then the dataset written to `--out`.
public struct Importer: Sendable {
    public var pipeline: Pipeline
    public var rulesDirectory: URL

    public init(pipeline: Pipeline, rulesDirectory: URL) {
        self.pipeline = pipeline
        self.rulesDirectory = rulesDirectory
    }

    public func loadCheckRules() throws(ImportError) -> CheckRuleSet {
        do { return try CheckRuleSet.load(url: rulesDirectory.appendingPathComponent("checks.yaml")) } catch {
            throw .rules(error.description)
        }
    }

    public func loadIndicatorRules() throws(ImportError) -> RuleSet {
        do { return try RuleSet.load(directory: rulesDirectory) } catch { throw .rules(error.description) }
    }

    /// Chinese names and units for the panel's rows, from the indicator rules.
    public static func labels(_ rules: RuleSet) -> [String: IndicatorLabel] {
        Dictionary(rules.indicators.map { ($0.id, IndicatorLabel(nameZh: $0.nameZh, unit: $0.unit)) }, uniquingKeysWith: { a, _ in a })
    }

    public func run(_ files: [InputFile], outputDirectory: URL) throws(ImportError) -> ImportResult {
        let checkRules = try loadCheckRules()
        let indicatorRules = try loadIndicatorRules()
        let extractor = IndicatorExtractor(rules: indicatorRules)
        let reports = pipeline.processAll(files) { segmented in extractor.extract(from: segmented) }
        var output = RunOutput()
        output.documents = reports.map(\.record)
        output.sections = reports.compactMap(\.segmented).flatMap(\.sections)
        output.observations = reports.flatMap { $0.indicators?.observations ?? [] }
        output.rejected = reports.flatMap { $0.indicators?.rejected ?? [] }
        let checked = SamePublication.markPrimary(&output)
        let outcome = CheckEngine(rules: checkRules).run(on: output.observations.filter { checked.contains($0.docId) })
        output.flags = outcome.flags
        output.checks = outcome.checks
        do {
            try DatasetWriter(outputDirectory: outputDirectory).write(output, labels: Self.labels(indicatorRules))
            try SearchIndex(path: outputDirectory.appendingPathComponent(DatasetFile.database).path)
                .write(reports.compactMap(\.segmented).map { SearchDocument($0, primary: checked.contains($0.docId)) })
        } catch {
            throw .dataset(error.description)
        }
        let failed = output.documents.filter { $0.status == .failed }.count
        let partial = output.documents.filter { $0.status == .partial }.count
        var lines = ["imported \(files.count) file(s): \(files.count - failed - partial) ok, \(partial) partial, \(failed) failed",
                     "\(output.sections.count) sections, \(output.observations.count) observations"
                        + (output.rejected.isEmpty ? "" : " (\(output.rejected.count) values rejected by their rules: rejected.jsonl)")
                        + " → \(outputDirectory.path)"]
        let versions = output.documents.filter { $0.status != .failed }.count - checked.count
        if versions > 0 {
            lines.append("\(versions) file(s) are other formats of a report already imported: their values are in the dataset, the checks use one version")
        }
        lines.append(summary(outcome))
        return ImportResult(output: output, summary: lines.joined(separator: "\n"))
    }

    /// `nianbao check`: re-runs the checks over a dataset already written and rewrites flags and coverage.
    public func recheck(outputDirectory: URL) throws(ImportError) -> (RunOutput, String) {
        let checkRules = try loadCheckRules()
        let labels = (try? loadIndicatorRules()).map(Self.labels) ?? [:]
        var output: RunOutput
        do { output = try DatasetReader.load(outputDirectory: outputDirectory) } catch { throw .dataset(error.description) }
        let checked = SamePublication.markPrimary(&output)
        let outcome = CheckEngine(rules: checkRules).run(on: output.observations.filter { checked.contains($0.docId) })
        output.flags = outcome.flags
        output.checks = outcome.checks
        do { try DatasetWriter(outputDirectory: outputDirectory).write(output, labels: labels) } catch { throw .dataset(error.description) }
        return (output, summary(outcome))
    }
}

/// The same report imported as text, PDF and HTML is one publication: checking all its versions would flag
/// each inconsistency once per format and compare the versions as if they were different reports.
enum SamePublication {
    /// One document per publication (same title, region and year covered), preferring the text export,
    /// then HTML, then PDF; documents without a title stand alone.
    static func primaryDocuments(_ documents: [DocumentRecord]) -> Set<String> {
        func rank(_ format: SourceFormat?) -> Int {
            switch format {
            case .text?, .markdown?: return 0
            case .html?: return 1
            case .pdf?: return 2
            case nil: return 3
            }
        }
        var chosen: [String: DocumentRecord] = [:]
        for doc in documents where doc.status != .failed {
            guard let title = doc.title?.filter({ !$0.isWhitespace }), !title.isEmpty else {
                chosen["doc:" + doc.docId] = doc
                continue
            }
            let key = "\(title)|\(doc.region ?? "")|\(doc.reportYear.map(String.init) ?? "")"
            if let current = chosen[key], (rank(current.format), current.docId) <= (rank(doc.format), doc.docId) { continue }
            chosen[key] = doc
        }
        return Set(chosen.values.map(\.docId))
    }

    /// Sets each observation's `primary` (its document is the publication's chosen format) and returns the
    /// chosen documents, so the dataset says which rows the checks and the panel use.
    static func markPrimary(_ output: inout RunOutput) -> Set<String> {
        let chosen = primaryDocuments(output.documents)
        for index in output.observations.indices {
            output.observations[index].primary = chosen.contains(output.observations[index].docId)
        }
        for index in output.rejected.indices {
            output.rejected[index].primary = chosen.contains(output.rejected[index].docId)
        }
        return chosen
    }
}
