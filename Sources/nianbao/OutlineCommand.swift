import ArgumentParser
import NianbaoPipeline

struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "outline", abstract: "(not built yet)")
    func run() throws {}
}
