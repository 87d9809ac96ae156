import Foundation
import NianbaoModel

/// Writes one run's records under `--out`, exactly as the data contract names them:
/// documents.jsonl, sections.jsonl, observations.jsonl + observations.csv, rejected.jsonl, flags.jsonl,
/// checks.jsonl, panel.csv, panel_sources.csv, panel_flags.csv, panel_targets.csv and nianbao.sqlite.
///
/// Output is deterministic: JSON keys sorted, numbers as exact plain decimals, documents ordered by doc_id and
/// each document's sections/observations kept in document order. A file whose bytes would not change is not
/// rewritten, so writing the same run twice leaves every text file untouched.
public struct DatasetWriter: Sendable {
    public let outputDirectory: URL

    public init(outputDirectory: URL) {
        self.outputDirectory = outputDirectory
    }

    /// `labels` gives each indicator's Chinese name and unit for panel.csv (vocabulary / rules); indicators
    /// missing from it take the name and unit their observations carry.
    public func write(_ run: RunOutput, labels: [String: IndicatorLabel] = [:]) throws(DatasetError) {
        try createDirectory()
        let run = DatasetWriter.ordered(run)

        try writeText(DatasetFile.documents, jsonLines(run.documents))
        try writeText(DatasetFile.sections, jsonLines(run.sections))
        try writeText(DatasetFile.observations, jsonLines(run.observations))
        try writeText(DatasetFile.observationsCSV, CSV.byteOrderMark + csv(run.observations))
        try writeText(DatasetFile.rejected, jsonLines(run.rejected))
        try writeText(DatasetFile.flags, jsonLines(run.flags))
        try writeText(DatasetFile.checks, jsonLines(run.checks))

        // CSV files start with a UTF-8 byte-order mark: Excel opened by double-click reads Chinese right only then.
        let panel = Panel(observations: run.observations, documents: run.documents, labels: labels, flags: run.flags)
        try writeText(DatasetFile.panel, CSV.byteOrderMark + panel.csv)
        try writeText(DatasetFile.panelSources, CSV.byteOrderMark + panel.sourcesCSV)
        try writeText(DatasetFile.panelFlags, CSV.byteOrderMark + panel.flagsCSV)
        let targets = Panel(observations: run.observations, documents: run.documents, labels: labels,
                            flags: run.flags, content: .targets)
        try writeText(DatasetFile.panelTargets, CSV.byteOrderMark + targets.csv)

        try SQLiteStore(path: outputDirectory.appendingPathComponent(DatasetFile.database).path).write(run)
    }

    /// The shape the pipeline brief first named; forwards to `write(_:labels:)`.
    public func write(_ run: RunOutput, indicatorNames: [String: (nameZh: String, unit: String)]) throws(DatasetError) {
        try write(run, labels: indicatorNames.mapValues { IndicatorLabel(nameZh: $0.nameZh, unit: $0.unit) })
    }

    /// Documents by doc_id; sections, observations and rejected values grouped by that same order while each
    /// document keeps its own order, so a run that processed files in parallel still writes the same bytes.
    static func ordered(_ run: RunOutput) -> RunOutput {
        var run = run
        run.documents = stableSorted(run.documents) { $0.docId < $1.docId }
        run.sections = stableSorted(run.sections) { $0.docId < $1.docId }
        run.observations = stableSorted(run.observations) { $0.docId < $1.docId }
        run.rejected = stableSorted(run.rejected) { $0.observation.docId < $1.observation.docId }
        return run
    }

    private static func stableSorted<T>(_ items: [T], by less: (T, T) -> Bool) -> [T] {
        items.enumerated().sorted { a, b in
            if less(a.element, b.element) { return true }
            if less(b.element, a.element) { return false }
            return a.offset < b.offset
        }.map(\.element)
    }

    private func jsonLines<T: FieldListed>(_ records: [T]) -> [UInt8] {
        let names = T.fieldNames
        let keyOrder = RecordFields.sortedKeyOrder(names)
        var out: [UInt8] = []
        out.reserveCapacity(records.count * 400)
        for record in records {
            RecordFields.appendJSONLine(names, keyOrder, record.fieldValues, to: &out)
        }
        return out
    }

    private func csv<T: FieldListed>(_ records: [T]) -> String {
        var out = CSV.row(T.fieldNames)
        for record in records {
            out += CSV.row(record.fieldValues.map(\.csvText))
        }
        return out
    }

    private func createDirectory() throws(DatasetError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: outputDirectory.path, isDirectory: &isDirectory) {
            if !isDirectory.boolValue {
                throw .cannotCreateDirectory(path: outputDirectory.path, reason: "a file with that name exists")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateDirectory(path: outputDirectory.path, reason: DatasetWriter.reason(error))
        }
    }

    private func writeText(_ name: String, _ text: String) throws(DatasetError) {
        try writeBytes(name, Data(text.utf8))
    }

    private func writeText(_ name: String, _ bytes: [UInt8]) throws(DatasetError) {
        try writeBytes(name, Data(bytes))
    }

    /// Writes atomically (temporary file + rename), and not at all when the file already holds these bytes.
    private func writeBytes(_ name: String, _ data: Data) throws(DatasetError) {
        let url = outputDirectory.appendingPathComponent(name)
        if let existing = try? Data(contentsOf: url), existing == data { return }
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw .cannotWrite(path: url.path, reason: DatasetWriter.reason(error))
        }
    }

    static func reason(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }
}

/// File names under `--out`, as the data contract fixes them.
public enum DatasetFile {
    public static let documents = "documents.jsonl"
    public static let sections = "sections.jsonl"
    public static let observations = "observations.jsonl"
    public static let observationsCSV = "observations.csv"
    public static let rejected = "rejected.jsonl"
    public static let flags = "flags.jsonl"
    public static let checks = "checks.jsonl"
    public static let panel = "panel.csv"
    public static let panelSources = "panel_sources.csv"
    public static let panelFlags = "panel_flags.csv"
    public static let panelTargets = "panel_targets.csv"
    public static let database = "nianbao.sqlite"

    /// The files exported from the store (every file above but the database).
    public static let all = [documents, sections, observations, observationsCSV, rejected, flags, checks, panel,
                             panelSources, panelFlags, panelTargets]
}
