import Foundation
import NianbaoModel
import NianbaoPipeline
import Dataset

/// The five real reports in all their formats (text, PDF, HTML), imported once into a temporary folder
/// for the tests that look at the dataset as an analyst does.
enum AnalystCorpus {
    static let output: URL = {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-analyst-\(UUID().uuidString)")
        let inputs = TestPaths.realStems.map { TestPaths.realReport($0) }
            + [TestPaths.corpus.appendingPathComponent("pdf").path, TestPaths.corpus.appendingPathComponent("html").path]
        let files = InputDiscovery.discover(inputs).files
        let importer = Importer(pipeline: Pipeline(), rulesDirectory: TestPaths.repoRoot.appendingPathComponent("rules"))
        do { _ = try importer.run(files, outputDirectory: out) } catch { fatalError("import of the real reports failed: \(error)") }
        return out
    }()

    static let run: RunOutput = {
        do { return try DatasetReader.load(outputDirectory: output) } catch { fatalError("\(error)") }
    }()

    static var database: String { output.appendingPathComponent(DatasetFile.database).path }
}

/// Runs an outside program (chromium, soffice, python3) with a time limit and collects what it printed.
enum ExternalTool {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The program's path when it is installed (searched on PATH).
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func run(_ executable: String, _ arguments: [String], seconds: Int = 120) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["\(seconds)", executable] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the program runs, so a large DOM dump cannot fill a pipe and block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var stdoutData = Data(), stderrData = Data()
        DispatchQueue.global().async(group: group) { stdoutData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { stderrData = err.fileHandleForReading.readDataToEndOfFile() }
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }

    static func temporaryDirectory(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
