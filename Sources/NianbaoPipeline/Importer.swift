import Foundation
import RuleFiles
import Synchronization
import NianbaoModel
import Extraction
import Indicators
import Checks
import Dataset
import ShippedRules

/// What `nianbao import` did, with a summary for the terminal.
public struct ImportResult: Sendable {
    public var counts: ImportCounts
    /// This run's files whose document is `partial` or `failed` (from this run or, unchanged, from the store).
    public var problems: [DocumentRecord]
    /// Documents of the store whose file is gone from the folders imported (removed when `prune`).
    public var gone: [(docId: String, path: String)]
    /// Stopped by `Cancellation` before every file was done. The checks and the export still ran over the
    /// store as it is, so the dataset files agree with it; gone files were neither reported nor pruned.
    public var interrupted: Bool
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

/// How an import runs beyond its files and folder.
public struct ImportOptions: Sendable {
    /// Remove from the store the documents whose file is gone from the folders imported.
    public var prune = false
    /// Files processed at once.
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    public var progress: (@Sendable (ImportEvent) -> Void)?
    public var cancellation: Cancellation?
    public init(prune: Bool = false, progress: (@Sendable (ImportEvent) -> Void)? = nil,
                cancellation: Cancellation? = nil) {
        self.prune = prune
        self.progress = progress
        self.cancellation = cancellation
    }
}

/// The whole import into the store under `--out` (see `DatasetStore`): each file brought up to date and
/// committed as it finishes, then the checks over the whole store, then the dataset files exported from it.
public struct Importer: Sendable {
    public var pipeline: Pipeline
    public var rules: RulesLocation

    public init(pipeline: Pipeline, rules: RulesLocation) {
        self.pipeline = pipeline
        self.rules = rules
    }

    public init(pipeline: Pipeline, rulesDirectory: URL) {
        self.init(pipeline: pipeline, rules: .directory(rulesDirectory))
    }

    /// The check rules, their indicator ids validated against the indicator rules.
    public func loadCheckRules(indicators: RuleSet) throws(ImportError) -> CheckRuleSet {
        let url = try rules.file("checks.yaml")
        let known = Set(indicators.indicators.map(\.id))
        do { return try CheckRuleSet.load(url: url, indicators: known) } catch { throw .rules(rules.explain(error.description)) }
    }

    public func loadIndicatorRules() throws(ImportError) -> RuleSet {
        let directory = try rules.directoryURL()
        do { return try RuleSet.load(directory: directory) } catch { throw .rules(rules.explain(error.description)) }
    }

    /// The segmenter's words of the rules folder (`documents.yaml`), checked.
    public func loadDocumentWords() throws(ImportError) -> DocumentWords {
        let directory = try rules.directoryURL()
        do { return try DocumentWords.load(directory: directory) } catch { throw .rules(rules.explain(error.description)) }
    }

    /// Chinese names and units for the panel's rows, from the indicator rules.
    public static func labels(_ rules: RuleSet) -> [String: IndicatorLabel] {
        Dictionary(rules.indicators.map { ($0.id, IndicatorLabel(nameZh: $0.nameZh, unit: $0.unit)) }, uniquingKeysWith: { a, _ in a })
    }

    public func run(_ inputs: [InputFile], roots: [String] = [], outputDirectory: URL,
                    options: ImportOptions = ImportOptions()) throws(ImportError) -> ImportResult {
        let indicatorRules = try loadIndicatorRules()
        var pipeline = self.pipeline
        pipeline.documentWords = try loadDocumentWords()
        let checkRules = try loadCheckRules(indicators: indicatorRules)
        let lock: OutputLock
        let store: DatasetStore
        do {
            lock = try OutputLock(outputDirectory: outputDirectory)
            store = try DatasetStore(outputDirectory: outputDirectory)
        } catch { throw .dataset(error.description) }
        defer { withExtendedLifetime(lock) {} }

        let files: [InputFile]
        let stored: [String: SourceFileState]
        do {
            stored = try store.sourceFiles()
            files = StoreIdentity.reconcile(inputs, stored: stored)
        } catch { throw .dataset(error.description) }
        let work = DocumentImport(pipeline: pipeline, extractor: IndicatorExtractor(rules: indicatorRules), store: store,
                                  rulesHash: try rules.indicatorRulesHash() + " code:" + ShippedRules.extractionDigest,
                                  version: NianbaoVersion.processing(pipeline.readOptions) + " documents:" + (try rules.documentWordsHash()))
        options.progress?(.started(total: files.count))
        let counts = try importFiles(files, stored: stored, work: work, options: options)

        var result = ImportResult(counts: counts, problems: [], gone: [], interrupted: false, summary: "")
        do {
            result.problems = try store.problemDocuments(files.map(\.docId))
            if options.cancellation?.isCancelled == true && counts.done < files.count {
                // The files of an earlier import would disagree with the store the documents just committed
                // went into: they are rewritten from it (a second Ctrl-C stops that at once, and then the
                // store still says it was not exported, so the next import rewrites them).
                result.interrupted = true
                options.progress?(.checking)
                _ = try checkAndExportIfChanged(store, checkRules: checkRules, indicatorRules: indicatorRules,
                                                outputDirectory: outputDirectory)
                store.checkpoint()
                result.summary = "interrupted: \(counts.done) of \(files.count) file(s) done and stored in \(store.path), "
                    + "the dataset files rewritten from it; run the same command again to continue"
                return result
            }
            result.gone = try goneDocuments(store, stored: stored, files: files, roots: roots)
            if options.prune && !result.gone.isEmpty { try store.remove(result.gone.map(\.docId)) }
            options.progress?(.checking)
            let checksSummary = try checkAndExportIfChanged(store, checkRules: checkRules, indicatorRules: indicatorRules,
                                                            outputDirectory: outputDirectory)
            store.checkpoint()
            result.summary = try summaryText(result, store: store, files: files.count, checksSummary: checksSummary,
                                             outputDirectory: outputDirectory, prune: options.prune)
        } catch { throw .dataset(error.description) }
        return result
    }

    /// Every file through `work` on `options.workers` threads; each result is committed as it finishes.
    private func importFiles(_ files: [InputFile], stored: [String: SourceFileState], work: DocumentImport,
                             options: ImportOptions) throws(ImportError) -> ImportCounts {
        let next = Mutex(0)
        let state = Mutex((counts: ImportCounts(), failure: DatasetError?.none))
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.workers, files.count))) { _ in
            while true {
                if options.cancellation?.isCancelled == true || state.withLock({ $0.failure != nil }) { return }
                let index = next.withLock { n -> Int in defer { n += 1 }; return n }
                guard index < files.count else { return }
                do throws(DatasetError) {
                    let outcome = try work.run(files[index], stored: stored[files[index].docId])
                    state.withLock { $0.counts.add(outcome) }
                    options.progress?(.finished(outcome))
                } catch {
                    state.withLock { $0.failure = $0.failure ?? error }
                }
            }
        }
        let (counts, failure) = state.withLock { ($0.counts, $0.failure) }
        if let failure { throw .dataset(failure.description) }
        return counts
    }

    /// Stored documents whose file was under a folder (or was a file) given to this import and is not there now.
    private func goneDocuments(_ store: DatasetStore, stored: [String: SourceFileState], files: [InputFile],
                               roots: [String]) throws(DatasetError) -> [(docId: String, path: String)] {
        let present = Set(files.map(\.docId))
        let folders = roots.map { FileStat.absolute($0) }
        return stored.filter { docId, file in
            !present.contains(docId) && folders.contains { file.path == $0 || file.path.hasPrefix($0 + "/") }
        }
        .map { (docId: $0.key, path: $0.value.path) }
        .sorted { $0.docId < $1.docId }
    }

    /// The checks and the export, unless nothing changed since they last ran: the same documents, the same
    /// rules, and every file still there (what makes re-importing an unchanged folder cheap). Returns what the
    /// checks found, as `summary(_:)` puts it.
    private func checkAndExportIfChanged(_ store: DatasetStore, checkRules: CheckRuleSet, indicatorRules: RuleSet,
                                         outputDirectory: URL) throws(DatasetError) -> String {
        let key = exportKey()
        let filesPresent = DatasetFile.all.allSatisfy {
            FileManager.default.fileExists(atPath: outputDirectory.appendingPathComponent($0).path)
        }
        if !key.isEmpty, filesPresent, try store.exportedKey() == key {
            try store.indexPendingPassages()   // none, unless an import was killed after its last commit
            if let stored = try store.checksSummary() { return stored }
            let stored = try store.checkResults()
            return summary(CheckOutcome(flags: stored.flags, checks: stored.checks))
        }
        let outcome = try checkAndExport(store, checkRules: checkRules, labels: Self.labels(indicatorRules),
                                         outputDirectory: outputDirectory)
        let text = summary(outcome)
        if !key.isEmpty { try store.setExportedKey(key, checksSummary: text) }
        return text
    }

    /// Names the rules the checks and the panel's labels came from ("" when they cannot be read).
    private func exportKey() -> String {
        guard let checks = (try? rules.file("checks.yaml")).flatMap({ FileManager.default.contents(atPath: $0.path) }),
              let indicators = try? rules.indicatorRulesHash() else { return "" }
        return "checks:\(ContentDigest.sha256(checks)) indicators:\(indicators) code:\(ShippedRules.extractionDigest)"
    }

    /// The checks over every document of the store (the primary format of each publication), then the
    /// dataset files written from it. Observations are read one entity or one document at a time, so memory
    /// does not grow with the store (all of them at once took 780 MB for 10,000 reports).
    private func checkAndExport(_ store: DatasetStore, checkRules: CheckRuleSet, labels: [String: IndicatorLabel],
                                outputDirectory: URL) throws(DatasetError) -> CheckOutcome {
        let documents = try store.documents()
        try store.markPrimary(SamePublication.primaryDocuments(documents))
        let export = StoreExport(store: store, outputDirectory: outputDirectory)
        // The search index and the tables' files do not depend on the checks: they are done on another core
        // meanwhile.
        let tables = Mutex<DatasetError??>(nil)
        let tablesDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            do throws(DatasetError) {
                try store.indexPendingPassages()
                try export.writeDocumentTables()
                tables.withLock { $0 = .some(nil) }
            }
            catch { tables.withLock { $0 = .some(error) } }
            tablesDone.signal()
        }
        defer { tablesDone.wait() }
        var names = IndicatorNames()
        try store.forEachPrimaryIndicatorName {
            names.add(indicator: $0, nameZh: $1, entity: $2, docId: $3, page: $4, line: $5, value: $6)
        }
        let entities = try store.primaryEntityGroups()
        let outcome = try CheckEngine(rules: checkRules).run(names: names.names) { (scope, body) throws(DatasetError) in
            switch scope {
            case .entity: for group in entities { body(try store.primaryObservations(entities: group)) }
            case .document: for document in documents { body(try store.primaryObservations(docId: document.docId)) }
            }
        }
        try store.replaceChecks(flags: outcome.flags, checks: outcome.checks)
        var levels = PanelBuilder(documents: documents, labels: labels, flags: outcome.flags, content: .levels)
        var targets = PanelBuilder(documents: documents, labels: labels, flags: outcome.flags, content: .targets)
        for group in entities {
            let observations = try store.primaryObservations(entities: group)
            levels.add(observations)
            targets.add(observations)
        }
        tablesDone.wait()
        tablesDone.signal()
        if case .some(.some(let error)) = tables.withLock({ $0 }) { throw error }
        try export.write(levels: levels, targets: targets)
        return outcome
    }

    private func summaryText(_ result: ImportResult, store: DatasetStore, files: Int, checksSummary: String,
                             outputDirectory: URL, prune: Bool) throws(DatasetError) -> String {
        let c = result.counts
        let totals = try store.totals()
        var lines = ["imported \(files) file(s): \(c.ok) ok, \(c.partial) partial, \(c.failed) failed"
                        + " (\(c.processed) read, \(c.reextracted) re-extracted after a rule change, \(c.unchanged) unchanged)",
                     "\(totals.sections) sections, \(totals.observations) observations"
                        + (totals.rejected == 0 ? "" : " (\(totals.rejected) values rejected by their rules: rejected.jsonl)")
                        + " → \(outputDirectory.path)"]
        if totals.documents != files {
            lines.append("the store holds \(totals.documents) document(s) in all (earlier imports included)")
        }
        for gone in result.gone {
            lines.append(prune ? "removed \(gone.docId): \(gone.path) is gone"
                               : "gone: \(gone.docId) (\(gone.path)) is no longer there; kept in the dataset (--prune removes it)")
        }
        let documents = try store.documents()
        let versions = documents.filter { $0.status != .failed }.count - SamePublication.primaryDocuments(documents).count
        if versions > 0 {
            lines.append("\(versions) file(s) are other formats of a report already imported: their values are in the dataset, the checks use one version")
        }
        lines.append(checksSummary)
        return lines.joined(separator: "\n")
    }

    /// `nianbao check`: re-runs the checks over the dataset in `--out` (its store, or the JSON Lines files
    /// another tool wrote) and rewrites flags and coverage.
    public func recheck(outputDirectory: URL) throws(ImportError) -> (RunOutput, String) {
        let indicatorRules = try loadIndicatorRules()
        let checkRules = try loadCheckRules(indicators: indicatorRules)
        let labels = Self.labels(indicatorRules)
        let database = outputDirectory.appendingPathComponent(DatasetFile.database)
        if FileManager.default.fileExists(atPath: database.path) {
            do {
                let lock = try OutputLock(outputDirectory: outputDirectory)
                defer { withExtendedLifetime(lock) {} }
                let store = try DatasetStore(outputDirectory: outputDirectory)
                let outcome = try checkAndExport(store, checkRules: checkRules, labels: labels,
                                                 outputDirectory: outputDirectory)
                try store.setExportedKey(exportKey(), checksSummary: summary(outcome))
                store.checkpoint()
                var output = RunOutput(documents: try store.documents(), observations: try store.observations())
                output.flags = outcome.flags
                output.checks = outcome.checks
                return (output, summary(outcome))
            } catch { throw .dataset(error.description) }
        }
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
            output.rejected[index].observation.primary = chosen.contains(output.rejected[index].observation.docId)
        }
        return chosen
    }
}
