import Foundation
import Testing
import GRDB

/// `nianbao import` as a user runs it: the built binary in a subprocess, killed, interrupted, run from
/// another folder.
@Suite(.serialized) struct ImportProcessTests {
    /// The `nianbao` executable `swift build` / `swift test` built beside the test bundle.
    static func binary() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("nianbao"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("nianbao"),
            TestPaths.repoRoot.appendingPathComponent(".build/debug/nianbao"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw TestFailure("nianbao executable not found (looked in \(candidates.map(\.path)))")
        }
        return found
    }

    struct TestFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// The real corpus (texts, PDFs, HTML, 46 reports besides its notes), copied so every run reads the same paths.
    static func corpusCopy() throws -> URL {
        let folder = try ImportStoreTests.temporaryDirectory("shared-corpus")
        let target = folder.appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: TestPaths.corpus, to: target)
        return target
    }

    static func start(_ arguments: [String], in directory: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        return process
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Int32 {
        let process = try start(arguments, in: directory)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Documents committed so far (0 before the store exists).
    static func committed(_ out: URL) -> Int {
        let path = out.appendingPathComponent("nianbao.sqlite").path
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return 0 }
        return (try? queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM documents") }) ?? 0
    }

    /// Waits until `count` documents are committed, then sends `signal`; returns how many were committed then.
    static func signal(_ process: Process, _ signal: Int32, after count: Int, out: URL) -> Int {
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline {
            let done = committed(out)
            if done >= count {
                kill(process.processIdentifier, signal)
                return done
            }
            usleep(20_000)
        }
        return -1
    }

    @Test func aKilledImportContinuesToTheSameDataset() throws {
        let corpus = try Self.corpusCopy()
        let base = corpus.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: base) }
        let whole = base.appendingPathComponent("whole"), killed = base.appendingPathComponent("killed")
        #expect(try Self.run(["import", corpus.path, "--out", whole.path, "--quiet"]) == 0)
        let total = Self.committed(whole)
        #expect(total == 46)  // every report of ../shared/corpus (its README and real/SOURCES.md are notes)

        let process = try Self.start(["import", corpus.path, "--out", killed.path, "--quiet"])
        let atKill = Self.signal(process, SIGKILL, after: 3, out: killed)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(atKill >= 3)
        let survived = Self.committed(killed)
        #expect(survived >= atKill && survived < total, "killed midway: \(survived) of \(total) committed")

        #expect(try Self.run(["import", corpus.path, "--out", killed.path, "--quiet"]) == 0)
        for name in ImportStoreTests.dataFiles {
            let a = try Data(contentsOf: whole.appendingPathComponent(name))
            let b = try Data(contentsOf: killed.appendingPathComponent(name))
            #expect(a == b, "\(name) differs after the resumed import")
        }
    }

    @Test func ctrlCFinishesTheFilesInFlightAndExits130() throws {
        let corpus = try Self.corpusCopy()
        let base = corpus.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("out")
        // An earlier complete import of two other reports wrote dataset files the interrupted one must replace.
        let other = base.appendingPathComponent("earlier")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        for (index, name) in ["000_775551c2d5871d3f.txt", "001_b73c7974c5d57faa.txt"].enumerated() {
            try FileManager.default.copyItem(at: corpus.appendingPathComponent(name),
                                             to: other.appendingPathComponent("earlier-\(index).txt"))
        }
        #expect(try Self.run(["import", other.path, "--out", out.path, "--quiet"]) == 0)
        let earlier = Self.committed(out)
        #expect(earlier == 2 && Self.jsonLines(out, "documents.jsonl").count == 2)

        let process = try Self.start(["import", corpus.path, "--out", out.path])
        let atSignal = Self.signal(process, SIGINT, after: earlier + 2, out: out)
        process.waitUntilExit()
        #expect(atSignal >= earlier + 2)
        #expect(process.terminationReason == .exit && process.terminationStatus == 130)
        let stored = Self.committed(out)
        #expect(stored >= atSignal && stored < 46 + earlier)
        // The dataset files hold what the store holds, not what the earlier import left.
        #expect(Set(Self.jsonLines(out, "documents.jsonl").map { $0["doc_id"] as? String }) == Set(Self.storedIds(out)))
        #expect(Self.jsonLines(out, "observations.jsonl").count == Self.count(out, "observations"))

        // The next import reads only what is missing and finishes.
        #expect(try Self.run(["import", corpus.path, "--out", out.path, "--quiet"]) == 0)
        #expect(Self.committed(out) == 46 + earlier)
    }

    static func jsonLines(_ out: URL, _ name: String) -> [[String: Any]] {
        guard let text = try? String(contentsOf: out.appendingPathComponent(name), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    static func query<T>(_ out: URL, _ body: (Database) throws -> T) -> T? {
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: out.appendingPathComponent("nianbao.sqlite").path,
                                             configuration: configuration) else { return nil }
        return try? queue.read(body)
    }

    static func storedIds(_ out: URL) -> [String] {
        query(out) { try String.fetchAll($0, sql: "SELECT doc_id FROM documents") } ?? []
    }

    static func count(_ out: URL, _ table: String) -> Int {
        query(out) { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 } ?? -1
    }

    @Test func importRunsFromAnotherFolder() throws {
        let elsewhere = try ImportStoreTests.temporaryDirectory("cwd")
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let corpus = TestPaths.repoRoot.appendingPathComponent("corpus").path
        #expect(try Self.run(["import", corpus, "--out", "dataset", "--quiet"], in: elsewhere) == 0)
        let documents = try String(contentsOf: elsewhere.appendingPathComponent("dataset/documents.jsonl"), encoding: .utf8)
        #expect(documents.split(separator: "\n").count == 6)
        let observations = try String(contentsOf: elsewhere.appendingPathComponent("dataset/observations.jsonl"), encoding: .utf8)
        #expect(observations.split(separator: "\n").count > 300)
        // A --rules folder that is not there names it and says what to do.
        #expect(try Self.run(["import", corpus, "--out", "dataset", "--rules", "missing"], in: elsewhere) == 1)
    }
}
