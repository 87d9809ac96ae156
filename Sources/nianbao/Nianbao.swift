import ArgumentParser
import Foundation

@main
struct Nianbao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao",
        abstract: "Turn a folder of published annual reports (PDF, HTML, text) into a checked, cross-year dataset.",
        discussion: """
        Typical use:
          nianbao import corpus/ --out output/     run the whole pipeline on a folder
          nianbao outline report.pdf               show a report's structure
          nianbao extract report.pdf               print its cleaned text
          echo '在校生2,261人' | nianbao numbers   try the number parser
          nianbao check --out output/              re-run the consistency checks
          nianbao export --format xlsx --out x.xlsx  the observations for a spreadsheet
          nianbao search 产教融合 --kind case      full-text search over sections and cases
          nianbao report                           output/report.html, the review page
        """,
        subcommands: [ImportCommand.self, ExtractCommand.self, OutlineCommand.self, NumbersCommand.self,
                      CheckCommand.self, BenchmarkCommand.self, ExportCommand.self, SearchCommand.self,
                      ReportCommand.self]
    )

    /// The data contract's exit statuses: 0 all processed, 1 some input failed, 2 bad usage
    /// (ArgumentParser's own usage status is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
