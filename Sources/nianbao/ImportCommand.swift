import ArgumentParser
import Foundation
import NianbaoPipeline
import NianbaoModel

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Run the whole pipeline on reports (folders are searched recursively) and write the dataset.",
        discussion: """
        Reads every .pdf, .html/.htm, .txt and .md file given or found below the folders given (README files \
        of those folders excepted), and writes documents.jsonl, sections.jsonl, observations.jsonl/.csv, \
        flags.jsonl, checks.jsonl, panel.csv, panel_sources.csv, panel_flags.csv, panel_targets.csv and \
        nianbao.sqlite (with the search index) into --out.
        Exit status: 0 when every file was processed, 1 when some failed (each failure listed), 2 on bad usage.
        """)

    @Argument(help: "Report files or folders.")
    var inputs: [String]

    @Option(help: "Where to write the dataset.")
    var out: String = "output"

    @Option(help: "Folder with indicator, entity and check rules.")
    var rules: String = "rules"

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let (files, problems) = InputDiscovery.discover(inputs)
        for problem in problems { printError(problem) }
        guard !files.isEmpty else {
            printError("nothing to import: no .pdf, .html, .htm, .txt or .md files in \(inputs.joined(separator: " "))")
            throw ExitCode(problems.isEmpty ? 1 : 2)
        }
        let importer = Importer(pipeline: Pipeline(readOptions: reading.readOptions),
                                rulesDirectory: URL(fileURLWithPath: rules))
        let result: ImportResult
        do { result = try importer.run(files, outputDirectory: URL(fileURLWithPath: out)) } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        print(result.summary)
        for record in result.output.documents where record.status != .ok {
            printError("\(record.status.rawValue): \(record.errors.joined(separator: "; "))")
        }
        if result.output.documents.contains(where: { $0.status == .failed }) || !problems.isEmpty {
            throw ExitCode(1)
        }
    }
}
