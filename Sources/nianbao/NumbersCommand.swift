import ArgumentParser
import NianbaoPipeline

struct NumbersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "numbers", abstract: "(not built yet)")
    func run() throws {}
}
