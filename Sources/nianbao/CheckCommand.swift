import ArgumentParser
import Foundation
import NianbaoPipeline

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-run the consistency checks over the dataset already in --out (after editing rules/checks.yaml).",
        discussion: "Rewrites flags.jsonl, checks.jsonl and the flags/checks tables of nianbao.sqlite; prints counts by kind and severity, then each error.")

    @Option(help: "The folder a previous `nianbao import` wrote.")
    var out: String = "output"

    @Option(help: "Folder with the rules (checks.yaml; default: the rules built into nianbao).")
    var rules: String?

    func run() throws {
        let importer = Importer(pipeline: Pipeline(), rules: RulesLocation(option: rules))
        do {
            let (_, summary) = try importer.recheck(outputDirectory: URL(fileURLWithPath: out))
            print(summary)
        } catch {
            printError("nianbao check: \(error.description)")
            throw ExitCode(1)
        }
    }
}
