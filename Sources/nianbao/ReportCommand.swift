import ArgumentParser
import Foundation
import Dataset
import NianbaoModel
import NianbaoPipeline
import Review

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write report.html: the batch summary, each document's outline, the flags with their evidence and a chart per indicator.",
        discussion: """
        One self-contained page (no network): open it in any browser. Filters by entity, indicator and severity \
        work offline and are kept in the address (report.html#entity=浦东新区&severity=error). Click a chart's \
        point for the statements behind it; a ringed point is disputed (a flag names that cell, or its sources \
        disagree).
        """)

    @Option(help: "The folder a previous `nianbao import` wrote; report.html is written there.")
    var out: String = "output"

    @Option(help: "Where to write the page (default: report.html in --out).")
    var file: String?

    @Option(help: "Folder with the rules (indicator names and units for the charts).")
    var rules: String = "rules"

    func run() throws {
        let directory = URL(fileURLWithPath: out)
        let run: RunOutput
        do { run = try DatasetReader.load(outputDirectory: directory) } catch {
            printError("nianbao report: \(error.description)")
            throw ExitCode(1)
        }
        let importer = Importer(pipeline: Pipeline(), rulesDirectory: URL(fileURLWithPath: rules))
        let labels = (try? importer.loadIndicatorRules()).map(Importer.labels) ?? [:]
        let target = file.map { URL(fileURLWithPath: $0) } ?? directory.appendingPathComponent("report.html")
        do {
            let size = try ReviewReport(run: run, labels: labels).write(to: target)
            print("\(run.documents.count) document(s), \(run.flags.count) flag(s) → \(target.path) (\(size / 1024) KB)")
        } catch {
            printError("nianbao report: \(error.description)")
            throw ExitCode(1)
        }
    }
}
