import Foundation
import Synchronization
import NianbaoModel
import RuleFiles
import Extraction
import Cleaning
import Segmentation
import Indicators
import ShippedRules

/// One report after reading, cleaning and segmentation (nil when it could not be read).
public struct ProcessedReport: Sendable {
    public var record: DocumentRecord
    public var segmented: SegmentedDocument?
    public var indicators: IndicatorResult?
    /// What reading and segmentation had to say about the file; `record.errors` renders them as strings.
    public var diagnostics: [Diagnostic] = []
}

/// The stage order: read → clean → segment (→ indicators → checks → dataset). The CLI is a thin front over this.
public struct Pipeline: Sendable {
    public var readOptions: ReadOptions
    /// The words of document layout (`rules/documents.yaml`) the readers, cleaning and the segmenter use;
    /// those built into nianbao unless an import's `--rules` folder gives its own. They replace
    /// `readOptions.words`.
    public var documentWords: DocumentWords

    public init(readOptions: ReadOptions = ReadOptions(), documentWords: DocumentWords = .shipped) {
        self.readOptions = readOptions
        self.documentWords = documentWords
    }

    /// Reads, cleans and segments one file; never throws: failures land in the record's `status`/`errors`.
    /// `stated` holds what is known of the file from outside it (`SourceList`); it overrides what the file's
    /// container says (a saved page's canonical address).
    public func process(path: String, docId: String, stated: StatedFacts = StatedFacts()) -> ProcessedReport {
        process(path: path, docId: docId, data: try? Data(contentsOf: URL(fileURLWithPath: path)), stated: stated)
    }

    /// The same, on bytes already read (nil when the file could not be read).
    public func process(path: String, docId: String, data: Data?, stated: StatedFacts = StatedFacts()) -> ProcessedReport {
        let sha = ContentDigest.sha256(data ?? Data())
        let format = Readers.format(forExtension: URL(fileURLWithPath: path).pathExtension)
        var record = DocumentRecord(docId: docId, source: path, sha256: sha, format: format, title: nil, region: nil,
                                    reportYear: nil, issuer: nil, published: nil, pages: 0, status: .failed, errors: [])
        // A file that cannot be read still says where it came from.
        record.sourceAddress = stated.address
        var source: SourceDocument
        do {
            // The bytes just hashed are the bytes read; a missing or unreadable file takes the reader's own checks.
            var options = readOptions
            options.words = documentWords
            source = try Readers.readWithDeadline(path: path, data: data, options: options)
            source.stated = source.stated.overridden(by: stated)
        } catch {
            let unreadable = Diagnostic(code: "unreadable", severity: .error, message: error.description, locations: [])
            record.errors = [unreadable.rendered]
            return ProcessedReport(record: record, segmented: nil, indicators: nil, diagnostics: [unreadable])
        }
        let segmented = segment(source, docId: docId)
        record.format = source.format
        record.pages = source.pages.count
        record.title = segmented.frontMatter.title
        record.region = segmented.frontMatter.region
        record.reportYear = segmented.frontMatter.reportYear
        record.issuer = segmented.frontMatter.issuer
        record.published = segmented.frontMatter.published
        record.sourceAddress = source.stated.address
        let problems = source.warnings.map { Diagnostic(code: "reader", severity: .warning, message: $0, locations: []) }
            + segmented.warnings.filter { $0.hasPrefix("no recognisable headings") }
                .map { Diagnostic(code: "no_headings", severity: .warning, message: $0, locations: []) }
        record.errors = problems.map { "\(path): \($0.rendered)" }
        record.status = problems.isEmpty ? .ok : .partial
        return ProcessedReport(record: record, segmented: segmented, indicators: nil, diagnostics: problems)
    }

    public func segment(_ source: SourceDocument, docId: String) -> SegmentedDocument {
        let clean = TextCleaner(words: documentWords).clean(source)
        return Segmenter(words: documentWords).segment(clean, docId: docId)
    }

    /// Processes many files at once across cores; results come back in input order.
    /// Each document is read on one thread only (poppler and libxml2 objects are never shared).
    /// `indicators` runs on each segmented report on the same worker, so documents never cross threads.
    public func processAll(_ inputs: [InputFile],
                           indicators: (@Sendable (SegmentedDocument) -> IndicatorResult)? = nil) -> [ProcessedReport] {
        let results = Mutex<[Int: ProcessedReport]>([:])
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            var report = process(path: inputs[index].path, docId: inputs[index].docId, stated: inputs[index].stated)
            if let indicators, let segmented = report.segmented {
                let found = indicators(segmented)
                report.indicators = found
                report.record = report.record.described(by: found)
            }
            results.withLock { $0[index] = report }
        }
        return results.withLock { dict in inputs.indices.map { dict[$0]! } }
    }
}

/// A file to import, with the document id the data contract gives it.
public struct InputFile: Sendable, Hashable {
    public var path: String
    public var docId: String
    /// What the analyst's source list says of the file (`SourceList`).
    public var stated: StatedFacts

    public init(path: String, docId: String, stated: StatedFacts = StatedFacts()) {
        self.path = path
        self.docId = docId
        self.stated = stated
    }
}

public enum InputDiscovery {
    /// Expands folders (recursively, skipping the folders' own README files) into report files and assigns
    /// doc ids by `DocumentIdentity`'s rule.
    public static func discover(_ arguments: [String]) -> (files: [InputFile], problems: [String]) {
        var paths: [String] = []
        var roots: [String: String] = [:]
        var problems: [String] = []
        let fm = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                problems.append("\(argument): no such file or folder")
                continue
            }
            if isDirectory.boolValue {
                let walk = ReportFolderWalk.reportFiles(in: argument)
                paths += walk.paths
                problems += walk.problems
                let root = argument.hasSuffix("/") ? String(argument.dropLast()) : argument
                for path in walk.paths where roots[path] == nil { roots[path] = root }
            } else {
                paths.append(argument)
            }
        }
        // A file named twice (directly, or through a link to it or to its folder) is imported once.
        paths = ReportFolderWalk.distinctFiles(paths)
        let ids = DocumentIdentity.assign(paths.map { ($0, roots[$0]) })
        let files = zip(paths, ids).map { InputFile(path: $0, docId: $1) }
        return (files, problems)
    }
}

extension DocumentRecord {
    /// The record with what the indicators stage decided about the whole document: its subject and the
    /// year it covers, each with where it came from or why there is none.
    public func described(by result: IndicatorResult) -> DocumentRecord {
        var record = self
        record.subject = result.subject?.name
        record.region = result.region
        record.subjectKind = result.subject?.kind.rawValue
        record.subjectSource = result.subject?.source ?? result.subjectReason.map { "none: " + $0 }
        record.reportYear = result.coveredYear
        record.reportYearSource = result.coveredYearSource
        return record
    }
}
