import Foundation
import NianbaoModel

/// `nianbao export`: the observations of a dataset, filtered, as CSV, JSON Lines, SQLite or an Excel workbook.
/// The columns are observations.csv's (the same field list as the dataset), so an export and the dataset
/// read the same way.
public struct Exporter: Sendable {
    public enum Format: String, Sendable, CaseIterable { case csv, jsonl, sqlite, xlsx }

    public var format: Format
    public var filter: ExportFilter
    /// CSV only: start with a UTF-8 byte-order mark so Excel opened by double-click reads the Chinese right.
    public var byteOrderMark: Bool

    public init(format: Format, filter: ExportFilter = ExportFilter(), byteOrderMark: Bool = true) {
        self.format = format
        self.filter = filter
        self.byteOrderMark = byteOrderMark
    }

    public func selected(_ run: RunOutput) -> [Observation] {
        DatasetWriter.ordered(run).observations.filter(filter.accepts)
    }

    /// The rows as JSON Lines when the format is `jsonl`, as CSV otherwise (the binary formats have no text
    /// form; the command refuses them without --out).
    public func text(_ observations: [Observation]) -> [UInt8] {
        let names = RecordFields.observation
        guard format == .jsonl else {
            var out = byteOrderMark ? Array(CSV.byteOrderMark.utf8) : []
            out += Array(CSV.row(names).utf8)
            for observation in observations {
                out += Array(CSV.row(observation.fieldValues.map(\.csvText)).utf8)
            }
            return out
        }
        let keyOrder = RecordFields.sortedKeyOrder(names)
        var out: [UInt8] = []
        for observation in observations {
            RecordFields.appendJSONLine(names, keyOrder, observation.fieldValues, to: &out)
        }
        return out
    }

    /// Writes the selected observations of `run` to `path`; returns how many rows were written.
    @discardableResult
    public func write(_ run: RunOutput, to path: String) throws(DatasetError) -> Int {
        let observations = selected(run)
        try? FileManager.default.removeItem(atPath: path)
        switch format {
        case .csv, .jsonl:
            do { try Data(text(observations)).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                throw .cannotWrite(path: path, reason: DatasetWriter.reason(error))
            }
        case .sqlite:
            let used = Set(observations.map(\.docId))
            let subset = RunOutput(documents: run.documents.filter { used.contains($0.docId) },
                                   observations: observations)
            try SQLiteStore(path: path).write(subset)
        case .xlsx:
            let rows = observations.map(\.fieldValues)
            try XLSXWorkbook.write(path: path, sheets: [.init(name: "observations", columns: RecordFields.observation,
                                                              rows: rows)])
        }
        return observations.count
    }
}
