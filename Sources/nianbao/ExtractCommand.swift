import ArgumentParser
import Foundation
import NianbaoPipeline
import Extraction
import NianbaoModel

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the cleaned text of one report (pages separated by a form feed), or its document model as JSON.")

    @Argument(help: "A report: .pdf, .html/.htm, .txt, .md or .wiki.")
    var file: String

    @Option(help: "text: cleaned text; json: pages, blocks and sections.")
    var format: OutputFormat = .text

    @OptionGroup var reading: ReadingOptions

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let (source, doc) = try reading.segment(file)
        switch format {
        case .text:
            print(CleanTextRenderer.render(doc.clean))
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(DocumentModelExport(doc))
            print(String(decoding: data, as: UTF8.self))
        }
        for warning in source.warnings { printError("\(file): \(warning)") }
    }
}
