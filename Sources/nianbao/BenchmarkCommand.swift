import ArgumentParser
import Foundation
import NianbaoPipeline

extension Benchmark.Stage: ExpressibleByArgument {}

struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Measure PDF extraction (pages/s, one core and all cores) beside pdftotext, and the rules stage (MB/s).",
        discussion: "Build with -c release first: `swift build -c release && .build/release/nianbao benchmark ../shared/corpus`.")

    @Argument(help: "A folder of reports; its PDFs are timed against pdftotext, all its reports feed the rules stage.")
    var folder: String = "../shared/corpus"

    @Option(help: "Runs per measurement; the best is kept (the rules stage, whose pass is short, runs at least 10).")
    var repetitions: Int = 3

    @Option(help: "Folder with the indicator rules (default: the rules built into nianbao).")
    var rules: String?

    @Option(help: "What to measure: pdf (extraction beside pdftotext), rules (the indicator rules stage) or all.")
    var stage: Benchmark.Stage = .all

    func run() throws {
        let rulesDirectory = try RulesLocation(option: rules).directoryURL()
        let report = try Benchmark(repetitions: repetitions, rulesDirectory: rulesDirectory, stage: stage).run(folder: folder)
        print(report.text)
    }
}
