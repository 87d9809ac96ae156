import Foundation
import NianbaoModel

/// What `nianbao import` produced, with a summary for the terminal.
public struct ImportResult: Sendable {
    public var output: RunOutput
    public var summary: String
}

/// The whole import: every file through the pipeline, then the dataset written to the output folder.
public struct Importer: Sendable {
    public var pipeline: Pipeline
    public var rulesDirectory: URL

    public init(pipeline: Pipeline, rulesDirectory: URL) {
        self.pipeline = pipeline
        self.rulesDirectory = rulesDirectory
    }

    public func run(_ files: [InputFile], outputDirectory: URL) throws -> ImportResult {
        let reports = pipeline.processAll(files)
        var output = RunOutput()
        output.documents = reports.map(\.record)
        output.sections = reports.compactMap(\.segmented).flatMap(\.sections)
        try JSONLines.write(output.documents, to: outputDirectory.appendingPathComponent("documents.jsonl"))
        try JSONLines.write(output.sections, to: outputDirectory.appendingPathComponent("sections.jsonl"))
        let failed = output.documents.filter { $0.status == .failed }.count
        let partial = output.documents.filter { $0.status == .partial }.count
        let summary = "imported \(files.count) file(s): \(files.count - failed - partial) ok, \(partial) partial, \(failed) failed; "
            + "\(output.sections.count) sections → \(outputDirectory.path)"
        return ImportResult(output: output, summary: summary)
    }
}

enum JSONLines {
    static func write<T: Encodable>(_ records: [T], to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for record in records {
            data.append(try encoder.encode(record))
            data.append(0x0A)
        }
        try data.write(to: url, options: .atomic)
    }
}
