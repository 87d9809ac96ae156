import ArgumentParser
import Foundation
import NianbaoPipeline
import Extraction
import NianbaoModel

struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: "Print a report's structure: front matter, TOC, chapters, sections, cases, tables and figures with pages and lines.")

    @Argument(help: "A report: .pdf, .html/.htm, .txt, .md or .wiki.")
    var file: String

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let (source, doc) = try reading.segment(file)
        print(OutlineRenderer.render(doc))
        for warning in source.warnings { printError("\(file): \(warning)") }
    }
}
