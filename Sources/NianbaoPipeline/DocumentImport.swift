import Foundation
import NianbaoModel
import Extraction
import Indicators
import Dataset

/// Brings one file's document in the store up to date: nothing when the file, the rules and nianbao are
/// unchanged; the rules again on the stored segmented document when only the rules changed; otherwise the
/// whole pipeline. Each outcome is committed in one transaction before the next file is taken.
struct DocumentImport: Sendable {
    var pipeline: Pipeline
    var extractor: IndicatorExtractor
    var store: DatasetStore
    var rulesHash: String
    var version: String

    func run(_ file: InputFile, stored: SourceFileState?) throws(DatasetError) -> DocumentOutcome {
        let start = DispatchTime.now().uptimeNanoseconds
        var outcome = try update(file, stored: stored)
        outcome.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return outcome
    }

    private func update(_ file: InputFile, stored: SourceFileState?) throws(DatasetError) -> DocumentOutcome {
        let version = Self.version(version, stated: file.stated)
        let stat = FileStat(path: file.path)
        var data: Data?
        let sha256: String
        if let stored, stored.version == version, stored.path == stat.path, stored.size == stat.size,
           stored.modified == stat.modified {
            sha256 = stored.sha256   // same path, size and time: the content hash is not recomputed
        } else {
            data = try? Data(contentsOf: URL(fileURLWithPath: file.path))
            sha256 = ContentDigest.sha256(data ?? Data())
        }
        let state = SourceFileState(path: stat.path, size: stat.size, modified: stat.modified, sha256: sha256,
                                    rulesHash: rulesHash, version: version)
        if let stored, stored.sha256 == sha256, stored.version == version, let record = try store.document(file.docId) {
            if stored.rulesHash == rulesHash {
                if record.source != file.path || stored.path != state.path || stored.size != state.size
                    || stored.modified != state.modified {
                    try store.touch(file.docId, source: file.path, file: state)
                }
                return outcome(file, .unchanged, record, observations: nil)
            }
            if let reextracted = try reextract(file, record: record, state: state) { return reextracted }
        }
        return try process(file, data: data ?? (try? Data(contentsOf: URL(fileURLWithPath: file.path))), state: state)
    }

    /// The rules on the stored segmented document; nil when none is stored (a failed file) or it is unreadable.
    private func reextract(_ file: InputFile, record: DocumentRecord, state: SourceFileState)
        throws(DatasetError) -> DocumentOutcome? {
        guard record.status != .failed, let archive = try store.archive(file.docId),
              let segmented = try? SegmentedArchive.unarchive(archive) else { return nil }
        var record = record
        record.source = file.path
        let result = extractor.extract(from: segmented)
        record = record.described(by: result)
        try store.commit(.rulesRerun(record: record, observations: result.observations, rejected: result.rejected,
                                     file: state))
        return outcome(file, .reextracted, record, observations: result.observations.count)
    }

    private func process(_ file: InputFile, data: Data?, state: SourceFileState) throws(DatasetError) -> DocumentOutcome {
        let report = pipeline.process(path: file.path, docId: file.docId, data: data, stated: file.stated)
        var state = state
        state.sha256 = report.record.sha256
        let result = report.segmented.map(extractor.extract(from:))
        let record = result.map(report.record.described(by:)) ?? report.record
        let archive = report.segmented.flatMap { try? SegmentedArchive.archive($0) }
        try store.commit(DocumentCommit(record: record, sections: report.segmented?.sections ?? [],
                                        observations: result?.observations ?? [], rejected: result?.rejected ?? [],
                                        archive: archive, file: state, search: report.segmented.map { SearchDocument($0) }))
        return outcome(file, .processed, record, observations: result?.observations.count ?? 0)
    }

    /// The processing version a file's stored results must have: facts stated about the file are part of it,
    /// so a changed source-list entry reads the file again.
    static func version(_ version: String, stated: StatedFacts) -> String {
        guard !stated.isEmpty else { return version }
        let facts = [stated.address ?? "", stated.subject ?? "", stated.year.map(String.init) ?? ""].joined(separator: "\t")
        return version + "+stated:" + String(ContentDigest.sha256(Data(facts.utf8)).prefix(16))
    }

    private func outcome(_ file: InputFile, _ action: DocumentAction, _ record: DocumentRecord,
                         observations: Int?) -> DocumentOutcome {
        DocumentOutcome(docId: file.docId, path: file.path, action: action, status: record.status, pages: record.pages,
                        observations: observations ?? 0, seconds: 0, errors: record.errors)
    }
}

/// Where a file is and what `stat` says of it (zeros when it cannot be read).
struct FileStat {
    var path: String
    var size: Int
    var modified: Double

    init(path: String) {
        self.path = FileStat.absolute(path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    }

    /// Absolute and standardised, symbolic links resolved: the same file has one path whatever the cwd.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
