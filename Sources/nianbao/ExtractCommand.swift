import ArgumentParser
import NianbaoPipeline

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "(not built yet)")
    func run() throws {}
}
