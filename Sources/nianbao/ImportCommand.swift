import ArgumentParser
import NianbaoPipeline

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "(not built yet)")
    func run() throws {}
}
