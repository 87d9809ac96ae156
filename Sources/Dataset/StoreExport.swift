import Foundation
import GRDB
import NianbaoModel

/// Writes the data contract's files from the store: documents, sections, observations (JSON Lines and CSV),
/// rejected values, flags and checks stream row by row (memory does not grow with the store), in the order
/// `DatasetWriter` writes a run, so the files are byte for byte what it would write for the same records.
/// The panels are built from the observations and flags the caller already holds for the checks. Every CSV
/// file starts with a UTF-8 byte-order mark (see `CSV.byteOrderMark`).
public struct StoreExport: Sendable {
    public let store: DatasetStore
    public let outputDirectory: URL

    public init(store: DatasetStore, outputDirectory: URL) {
        self.store = store
        self.outputDirectory = outputDirectory
    }

    /// `levels` and `targets`: the panels, built entity by entity (`PanelBuilder`).
    /// Writes the files of the checks' results and the panels, once `writeDocumentTables` has written the rest
    /// (it may run beside the checks: it reads only what they do not change).
    public func write(levels: PanelBuilder, targets: PanelBuilder) throws(DatasetError) {
        try writeCheckTables()
        let panel = levels.text
        try writeCSV(DatasetFile.panel, panel.csv)
        try writeCSV(DatasetFile.panelSources, panel.sourcesCSV)
        try writeCSV(DatasetFile.panelFlags, panel.flagsCSV)
        try writeCSV(DatasetFile.panelTargets, targets.text.csv)
    }

    public func write(observations: [Observation], documents: [DocumentRecord],
                      labels: [String: IndicatorLabel], flags: [Flag]) throws(DatasetError) {
        try writeTables()
        let panel = Panel(observations: observations, documents: documents, labels: labels, flags: flags)
        try writeCSV(DatasetFile.panel, panel.csv)
        try writeCSV(DatasetFile.panelSources, panel.sourcesCSV)
        try writeCSV(DatasetFile.panelFlags, panel.flagsCSV)
        let targets = Panel(observations: observations, documents: documents, labels: labels, flags: flags,
                            content: .targets)
        try writeCSV(DatasetFile.panelTargets, targets.csv)
    }

    private func writeTables() throws(DatasetError) {
        try writeDocumentTables()
        try writeCheckTables()
    }

    /// The documents', sections', observations' and rejected values' files, streamed row by row.
    public func writeDocumentTables() throws(DatasetError) {
        try export(DatasetFile.documents, StoreTables.documents, order: "doc_id", csv: false)
        try export(DatasetFile.sections, StoreTables.sections, order: "doc_id, seq", csv: false)
        try export(DatasetFile.observations, StoreTables.observations, order: "doc_id, seq", csv: false,
                   alsoCSV: DatasetFile.observationsCSV)
        try export(DatasetFile.rejected, DatasetStore.rejectedTable, order: "doc_id, seq", csv: false)
    }

    /// flags.jsonl and checks.jsonl, streamed from the store.
    func writeCheckTables() throws(DatasetError) {
        try export(DatasetFile.flags, StoreTables.flags, order: "rowid", csv: false)
        try export(DatasetFile.checks, StoreTables.checks, order: "seq", csv: false)
    }

    private func writeCSV(_ name: String, _ text: String) throws(DatasetError) {
        try FileSink.write(outputDirectory.appendingPathComponent(name), Array((CSV.byteOrderMark + text).utf8))
    }

    /// One table's rows as JSON Lines into `name`, or as CSV when `csv`; with `alsoCSV`, the same rows also
    /// as CSV into that file, from the same pass over the store.
    private func export<R>(_ name: String, _ table: StoreTable<R>, order: String, csv: Bool,
                           alsoCSV csvName: String? = nil) throws(DatasetError) {
        let sink = try FileSink(outputDirectory.appendingPathComponent(name))
        let csvSink: FileSink?
        do { csvSink = try csvName.map { name throws(DatasetError) in try FileSink(outputDirectory.appendingPathComponent(name)) } }
        catch { sink.abandon(); throw error }
        let names = R.fieldNames
        let keyOrder = RecordFields.sortedKeyOrder(names)
        let header = Array((CSV.byteOrderMark + CSV.row(names)).utf8)
        if csv { sink.append(header) }
        csvSink?.append(header)
        do {
            try store.read { db in
                try store.forEachRowValues(table, in: db, order: order) { values in
                    if csv {
                        sink.append(Array(CSV.row(values.map(\.csvText)).utf8))
                    } else {
                        var line: [UInt8] = []
                        RecordFields.appendJSONLine(names, keyOrder, values, to: &line)
                        sink.append(line)
                    }
                    if let csvSink {
                        csvSink.append(Array(CSV.row(values.map(\.csvText)).utf8))
                        try csvSink.flushIfFull()
                    }
                    try sink.flushIfFull()
                }
            }
        } catch {
            sink.abandon()
            csvSink?.abandon()
            throw error
        }
        try sink.finish()
        try csvSink?.finish()
    }
}

/// A file written through a temporary file and renamed into place only when its bytes changed, so an
/// unchanged dataset leaves every file untouched and a killed export never leaves half a file.
final class FileSink {
    let url: URL
    let temporary: URL
    let handle: FileHandle
    var buffer: [UInt8] = []

    init(_ url: URL) throws(DatasetError) {
        self.url = url
        temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary.path) else {
            throw .cannotWrite(path: url.path, reason: "cannot create \(temporary.path)")
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    static func write(_ url: URL, _ bytes: [UInt8]) throws(DatasetError) {
        let sink = try FileSink(url)
        sink.append(bytes)
        try sink.finish()
    }

    func append(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

    func flushIfFull() throws(DatasetError) {
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws(DatasetError) {
        do { try handle.write(contentsOf: buffer) } catch {
            throw .cannotWrite(path: url.path, reason: DatasetWriter.reason(error))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() throws(DatasetError) {
        try flush()
        try? handle.close()
        if Self.sameContents(temporary, url) {
            try? FileManager.default.removeItem(at: temporary)
            return
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(path: url.path, reason: reason)
        }
    }

    func abandon() {
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
    }

    /// Compares two files chunk by chunk.
    static func sameContents(_ a: URL, _ b: URL) -> Bool {
        let fm = FileManager.default
        guard let sizeA = (try? fm.attributesOfItem(atPath: a.path))?[.size] as? Int,
              let sizeB = (try? fm.attributesOfItem(atPath: b.path))?[.size] as? Int, sizeA == sizeB,
              let ha = FileHandle(forReadingAtPath: a.path), let hb = FileHandle(forReadingAtPath: b.path) else { return false }
        defer { try? ha.close(); try? hb.close() }
        while true {
            let chunkA = (try? ha.read(upToCount: 1 << 20)) ?? nil
            let chunkB = (try? hb.read(upToCount: 1 << 20)) ?? nil
            if chunkA != chunkB { return false }
            if chunkA == nil || chunkA!.isEmpty { return true }
        }
    }
}
