import ArgumentParser
import NianbaoPipeline

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "(not built yet)")
    func run() throws {}
}
