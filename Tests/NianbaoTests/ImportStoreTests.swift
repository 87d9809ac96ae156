import Foundation
import Testing
import GRDB
import NianbaoModel
import Dataset
@testable import NianbaoPipeline

/// The durable store under `--out`: incremental re-imports, a changed file, a removed file, a rule edit,
/// the lock, and the doc_id rule.
@Suite struct ImportStoreTests {
    static let dataFiles = ["documents.jsonl", "sections.jsonl", "observations.jsonl", "observations.csv",
                            "rejected.jsonl", "flags.jsonl", "checks.jsonl", "panel.csv", "panel_sources.csv",
                            "panel_flags.csv", "panel_targets.csv"]

    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of the sample corpus (five text reports) and one real PDF, so tests may change files.
    static func corpusCopy() throws -> URL {
        let folder = try temporaryDirectory("corpus")
        for name in ["qingchuan-2023.txt", "qingchuan-2024.txt", "linhu-2023.md", "linhu-2024.txt", "jianghai-plan-2022.txt"] {
            try FileManager.default.copyItem(at: TestPaths.repoRoot.appendingPathComponent("corpus/\(name)"),
                                             to: folder.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(atPath: TestPaths.realReport(TestPaths.realStems[1], "pdf"),
                                         toPath: folder.appendingPathComponent("report.pdf").path)
        return folder
    }

    static func importFolder(_ folder: URL, into out: URL, rules: RulesLocation = .shipped, prune: Bool = false)
        throws -> ImportResult {
        let (files, problems) = InputDiscovery.discover([folder.path])
        #expect(problems.isEmpty)
        return try Importer(pipeline: Pipeline(), rules: rules)
            .run(files, roots: [folder.path], outputDirectory: out, options: ImportOptions(prune: prune))
    }

    static func contents(_ out: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in dataFiles { result[name] = try Data(contentsOf: out.appendingPathComponent(name)) }
        return result
    }

    static func documentIDs(_ out: URL) throws -> [String] {
        try String(contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { line in
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                return object["doc_id"] as! String
            }
    }

    @Test func unchangedFilesAreNotProcessedAgain() throws {
        let folder = try Self.corpusCopy(), out = try Self.temporaryDirectory("out")
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: out) }
        let first = try Self.importFolder(folder, into: out)
        #expect(first.counts.processed == 6)
        #expect(first.counts.pagesRead > 6)
        let written = try Self.contents(out)

        let again = try Self.importFolder(folder, into: out)
        #expect(again.counts.processed == 0 && again.counts.reextracted == 0 && again.counts.unchanged == 6)
        #expect(try Self.contents(out) == written)
    }

    @Test func aChangedFileIsReadAgainAlone() throws {
        let folder = try Self.corpusCopy(), out = try Self.temporaryDirectory("out")
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: out) }
        _ = try Self.importFolder(folder, into: out)
        let store = try DatasetStore(outputDirectory: out)
        let before = try store.observations().filter { $0.docId == "linhu-2024" }.count

        let file = folder.appendingPathComponent("linhu-2024.txt")
        var text = try String(contentsOf: file, encoding: .utf8)
        text += "\n全区中职学校在校生 99,999 人。\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try Self.importFolder(folder, into: out)
        #expect(result.counts.processed == 1 && result.counts.unchanged == 5)
        let after = try store.observations().filter { $0.docId == "linhu-2024" }
        #expect(after.count == before + 1)
        #expect(after.contains { $0.value == 99999 && $0.indicator == "enrollment" })
        let jsonl = try String(contentsOf: out.appendingPathComponent("observations.jsonl"), encoding: .utf8)
        #expect(jsonl.contains("全区中职学校在校生 99,999 人。"))
    }

    @Test func aRemovedFileIsReportedKeptAndPrunedOnRequest() throws {
        let folder = try Self.corpusCopy(), out = try Self.temporaryDirectory("out")
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: out) }
        _ = try Self.importFolder(folder, into: out)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("qingchuan-2023.txt"))

        let kept = try Self.importFolder(folder, into: out)
        #expect(kept.gone.map(\.docId) == ["qingchuan-2023"])
        #expect(kept.summary.contains("gone: qingchuan-2023"))
        #expect(try Self.documentIDs(out).contains("qingchuan-2023"))

        let pruned = try Self.importFolder(folder, into: out, prune: true)
        #expect(pruned.gone.map(\.docId) == ["qingchuan-2023"])
        #expect(try !Self.documentIDs(out).contains("qingchuan-2023"))
        let store = try DatasetStore(outputDirectory: out)
        #expect(try store.observations().allSatisfy { $0.docId != "qingchuan-2023" })
        // Flags come from the store's documents only: none quotes the removed report.
        let flags = try String(contentsOf: out.appendingPathComponent("flags.jsonl"), encoding: .utf8)
        #expect(!flags.contains("\"doc_id\":\"qingchuan-2023\""))
        #expect(try Self.importFolder(folder, into: out).gone.isEmpty)
    }

    /// After a rule edit the rules run on the stored segmented documents: no file is read, and the dataset is
    /// exactly what a fresh import with the edited rules writes.
    @Test func aRuleEditReRunsTheRulesWithoutReadingFiles() throws {
        let folder = try Self.corpusCopy(), out = try Self.temporaryDirectory("out")
        let fresh = try Self.temporaryDirectory("fresh"), rules = try Self.temporaryDirectory("rules")
        defer { for url in [folder, out, fresh, rules] { try? FileManager.default.removeItem(at: url) } }
        _ = try Self.importFolder(folder, into: out)

        for name in RulesLocation.requiredFiles {
            try FileManager.default.copyItem(at: TestPaths.repoRoot.appendingPathComponent("rules/\(name)"),
                                             to: rules.appendingPathComponent(name))
        }
        let indicators = rules.appendingPathComponent("indicators.yaml")
        let text = try String(contentsOf: indicators, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "    name_zh: 学校数\n", with: "    name_zh: 中职学校数量\n")
        #expect(edited != text)
        try edited.write(to: indicators, atomically: true, encoding: .utf8)

        let result = try Self.importFolder(folder, into: out, rules: .directory(rules))
        #expect(result.counts.processed == 0)
        #expect(result.counts.pagesRead == 0)
        #expect(result.counts.reextracted == 6)
        let observations = try DatasetStore(outputDirectory: out).observations()
        #expect(observations.contains { $0.indicator == "schools" && $0.nameZh == "中职学校数量" })
        #expect(!observations.contains { $0.indicator == "schools" && $0.nameZh == "学校数" })

        _ = try Self.importFolder(folder, into: fresh, rules: .directory(rules))
        #expect(try Self.contents(out) == Self.contents(fresh))
        // The text was not rewritten (only the values were), and search finds what a fresh import's does.
        func hits(_ folder: URL) throws -> [SearchHit] {
            try SearchIndex(path: folder.appendingPathComponent(DatasetFile.database).path).search("新能源汽车检测")
        }
        #expect(try !hits(out).isEmpty)
        #expect(try hits(out) == hits(fresh))
    }

    @Test func aSecondImportIntoTheSameFolderIsRefused() throws {
        let folder = try Self.corpusCopy(), out = try Self.temporaryDirectory("out")
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: out) }
        let held = try OutputLock(outputDirectory: out)
        do {
            _ = try Self.importFolder(folder, into: out)
            Issue.record("the import ran while another held the lock")
        } catch let error as ImportError {
            #expect(error.description.contains("another nianbao process (pid \(getpid())) is writing to this folder"))
        }
        withExtendedLifetime(held) {}
    }

    @Test func docIdsDependOnTheFolderNotOnTheBatch() throws {
        let folder = try Self.temporaryDirectory("ids")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sub = folder.appendingPathComponent("2024")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        for path in ["a.txt", "a.pdf", "b.txt", "2024/b.txt", "2024/c.md"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(path))
        }
        let all = InputDiscovery.discover([folder.path]).files
        #expect(Dictionary(uniqueKeysWithValues: all.map { (URL(fileURLWithPath: $0.path).path, $0.docId) }) == [
            folder.appendingPathComponent("a.pdf").path: "a.pdf",
            folder.appendingPathComponent("a.txt").path: "a.txt",
            folder.appendingPathComponent("b.txt").path: "b",
            sub.appendingPathComponent("b.txt").path: "2024/b",
            sub.appendingPathComponent("c.md").path: "2024/c",
        ])
        // The same file alone, or beside others, keeps its id.
        #expect(InputDiscovery.discover([folder.appendingPathComponent("a.txt").path]).files.map(\.docId) == ["a.txt"])
        #expect(InputDiscovery.discover([folder.appendingPathComponent("b.txt").path]).files.map(\.docId) == ["b"])
        // Two file arguments that would share an id: the later takes its folder's name.
        let pair = InputDiscovery.discover([folder.appendingPathComponent("b.txt").path, sub.appendingPathComponent("b.txt").path])
        #expect(pair.files.map(\.docId) == ["b", "2024/b"])
    }

    @Test func aFileTheStoreHoldsKeepsItsIdFromAnotherRoot() throws {
        let folder = try Self.corpusCopy(), out = try Self.temporaryDirectory("out")
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: out) }
        let file = folder.appendingPathComponent("linhu-2023.md").path
        let (files, _) = InputDiscovery.discover([file])
        _ = try Importer(pipeline: Pipeline(), rules: .shipped).run(files, roots: [file], outputDirectory: out)
        // Imported again as part of its folder, under a name by its path below `parent`: still `linhu-2023`.
        let (again, _) = InputDiscovery.discover([folder.path])
        let stored = try DatasetStore(outputDirectory: out).sourceFiles()
        let reconciled = StoreIdentity.reconcile(again.map { InputFile(path: $0.path, docId: "x/" + $0.docId) }, stored: stored)
        #expect(reconciled.first { $0.path.hasSuffix("linhu-2023.md") }?.docId == "linhu-2023")
        #expect(reconciled.filter { $0.docId.hasPrefix("x/") }.count == 5)
    }
}
