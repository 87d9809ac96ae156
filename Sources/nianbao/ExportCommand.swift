import ArgumentParser
import Foundation
import Dataset
import NianbaoModel

extension Exporter.Format: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the dataset's observations, filtered, as CSV, JSON Lines, SQLite or an Excel workbook.",
        discussion: """
        Reads the dataset `nianbao import` wrote (--dataset, default output/). Columns are those of \
        observations.csv. CSV starts with a UTF-8 byte-order mark so Excel shows the Chinese right when the file \
        is opened by double-click; --no-bom leaves it out for tools that dislike it.
        Examples:
          nianbao export --indicator enrollment --measure level --years 2019-2024 --out enrollment.csv
          nianbao export --entity 浦东新区 --format xlsx --out pudong.xlsx
          nianbao export --format jsonl --primary-only | jq .value
        """)

    @Option(help: "csv, jsonl, sqlite or xlsx (sqlite and xlsx need --out).")
    var format: Exporter.Format = .csv

    @Option(help: "Keep rows of this entity (region or school); repeat or separate with commas.")
    var entity: [String] = []

    @Option(help: "Keep rows of this indicator id; repeat or separate with commas.")
    var indicator: [String] = []

    @Option(help: "Keep rows of these years: 2023, 2019-2024, 2019- or -2024.")
    var years: String?

    @Option(help: "Keep rows of this measure: level, change, change_rate, target, bound, range; repeat or separate with commas.")
    var measure: [String] = []

    @ArgumentParser.Flag(help: "Keep only rows from the format the checks and the panel use (one row per fact).")
    var primaryOnly = false

    @ArgumentParser.Flag(help: "CSV without the UTF-8 byte-order mark.")
    var noBom = false

    @Option(help: "File to write; standard output when absent (csv and jsonl only).")
    var out: String?

    @Option(help: "The folder a previous `nianbao import` wrote.")
    var dataset: String = "output"

    func run() throws {
        let filter: ExportFilter
        do { filter = try makeFilter() } catch { throw ValidationError(error.description) }
        let exporter = Exporter(format: format, filter: filter, byteOrderMark: !noBom)
        let run: RunOutput
        do { run = try DatasetReader.load(outputDirectory: URL(fileURLWithPath: dataset)) } catch {
            printError("nianbao export: \(error.description)")
            throw ExitCode(1)
        }
        guard let out else {
            guard format == .csv || format == .jsonl else {
                throw ValidationError(ExportError.needsFile(format: format.rawValue).description)
            }
            FileHandle.standardOutput.write(Data(exporter.text(exporter.selected(run))))
            return
        }
        do {
            let count = try exporter.write(run, to: out)
            printError("\(count) observation(s) → \(out)")
        } catch {
            printError("nianbao export: \(error.description)")
            throw ExitCode(1)
        }
    }

    private func makeFilter() throws(ExportError) -> ExportFilter {
        func split(_ values: [String]) -> Set<String> {
            Set(values.flatMap { $0.split(whereSeparator: { $0 == "," || $0 == "，" }) }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        var measures = Set<Measure>()
        for name in split(measure) {
            guard let parsed = Measure(rawValue: name) else { throw .unknownMeasure(name) }
            measures.insert(parsed)
        }
        return ExportFilter(entities: split(entity), indicators: split(indicator),
                            years: try years.map { (text) throws(ExportError) in try ExportFilter.years(text) },
                            measures: measures, primaryOnly: primaryOnly)
    }
}
