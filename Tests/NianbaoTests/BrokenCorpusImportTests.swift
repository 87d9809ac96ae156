import Foundation
import Testing
import NianbaoModel
@testable import NianbaoPipeline

/// `nianbao import` on a folder where good reports sit beside broken ones, run as a user runs it: the built
/// binary, its exit status and the documents.jsonl it writes.
@Suite("Import of a broken-file corpus", .serialized)
struct BrokenCorpusImportTests {
    /// The `nianbao` binary `swift build` / `swift test` put beside the test bundle.
    static var binary: URL? {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [beside, beside.deletingLastPathComponent(), TestPaths.repoRoot.appendingPathComponent(".build/debug")]
            .map { $0.appendingPathComponent("nianbao") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct Run {
        var status: Int32
        var stderr: String
        var documents: [[String: Any]]
        func document(_ name: String) -> [String: Any]? {
            documents.first { ($0["source"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent == name } ?? false }
        }
        func errors(_ name: String) -> String {
            (document(name)?["errors"] as? [String])?.joined(separator: "; ") ?? ""
        }
    }

    static func importFolder(_ folder: URL) throws -> Run {
        guard let binary else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "nianbao binary (run swift build)"]) }
        let out = folder.deletingLastPathComponent().appendingPathComponent("out")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["import", folder.path, "--out", out.path,
                             "--rules", TestPaths.repoRoot.appendingPathComponent("rules").path]
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let errorText = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = (try? String(contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8)) ?? ""
        let documents = lines.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        return Run(status: process.terminationStatus, stderr: errorText, documents: documents)
    }

    static func temporaryFolder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-broken-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("reports"), withIntermediateDirectories: true)
        return root
    }

    /// Good reports (the sample texts, a real PDF, a real HTML page), broken files of every kind, and two
    /// stress files: a 2,000-page PDF and an HTML page of 20,000 nested divs.
    static func makeCorpus(in reports: URL) throws {
        let fm = FileManager.default
        let samples = try fm.contentsOfDirectory(atPath: TestPaths.repoRoot.appendingPathComponent("corpus").path)
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }
        for name in samples {
            try fm.copyItem(at: TestPaths.repoRoot.appendingPathComponent("corpus/\(name)"), to: reports.appendingPathComponent(name))
        }
        try fm.copyItem(atPath: TestPaths.realReport("004_e7c8856d05d9f68a", "pdf"), toPath: reports.appendingPathComponent("good.pdf").path)
        try fm.copyItem(atPath: TestPaths.realReport("004_e7c8856d05d9f68a", "html"), toPath: reports.appendingPathComponent("good.html").path)

        let pdf = try Data(contentsOf: URL(fileURLWithPath: TestPaths.realReport("003_a3d54043216b8f91", "pdf")))
        try pdf.prefix(pdf.count / 2).write(to: reports.appendingPathComponent("truncated.pdf"))
        try fm.copyItem(at: PDFReaderTests.fixtures.appendingPathComponent("encrypted-password-nianbao-user.pdf"),
                        to: reports.appendingPathComponent("encrypted.pdf"))
        try Data().write(to: reports.appendingPathComponent("zero-byte.txt"))
        try Data().write(to: reports.appendingPathComponent("zero-byte.pdf"))
        var generator = SystemRandomNumberGenerator()
        try Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0])
            .write(to: reports.appendingPathComponent("binary.txt"))
        // Latin-1 bytes: neither UTF-8 nor GB18030.
        try Data("Rapport annuel: élèves, café, déjà vu à l'école. ".utf8).latin1Copy(repeating: 20)
            .write(to: reports.appendingPathComponent("wrong-encoding.txt"))
        try Data("%PDF-1.4\n garbage that is no PDF at all\n%%EOF\n".utf8).write(to: reports.appendingPathComponent("garbage.pdf"))

        try TinyPDF.document(pages: 2000) { "Page \($0) of a very long annual report" }
            .write(to: reports.appendingPathComponent("long-2000-pages.pdf"))
        // A sample report's paragraphs at the bottom of 20,000 nested divs.
        let depth = 20_000
        let sample = try String(contentsOf: TestPaths.repoRoot.appendingPathComponent("corpus/linhu-2024.txt"), encoding: .utf8)
        let paragraphs = sample.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map { line in
            "<p>" + line.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;") + "</p>"
        }
        let nested = "<html><head><meta charset=\"utf-8\"><title>嵌套</title></head><body>"
            + String(repeating: "<div>", count: depth) + paragraphs.joined()
            + String(repeating: "</div>", count: depth) + "</body></html>"
        try Data(nested.utf8).write(to: reports.appendingPathComponent("nested-divs.html"))
    }

    @Test("good files are all imported, every bad one is listed with its reason, exit status 1")
    func brokenBesideGood() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let reports = root.appendingPathComponent("reports")
        try Self.makeCorpus(in: reports)

        let started = Date()
        let run = try Self.importFolder(reports)
        let seconds = Date().timeIntervalSince(started)
        #expect(run.status == 1, "stderr: \(run.stderr.prefix(2000))")
        // Every sample report of corpus/, two good real files, and nine damaged or extreme ones.
        let samples = try FileManager.default.contentsOfDirectory(atPath: TestPaths.repoRoot.appendingPathComponent("corpus").path)
            .filter { ($0.hasSuffix(".txt") || $0.hasSuffix(".md")) && !$0.lowercased().hasPrefix("readme") }
        #expect(samples.count >= 5)
        #expect(run.documents.count == samples.count + 11)

        let good = samples + ["good.pdf", "good.html"]
        for name in good {
            let status = run.document(name)?["status"] as? String
            #expect(status == "ok" || status == "partial", "\(name): \(status ?? "missing") \(run.errors(name))")
            #expect((run.document(name)?["pages"] as? Int ?? 0) >= 1, "\(name)")
        }
        let reasons = ["truncated.pdf": "truncated", "encrypted.pdf": "encrypted", "zero-byte.txt": "empty",
                       "zero-byte.pdf": "empty", "binary.txt": "binary", "wrong-encoding.txt": "cannot decode",
                       "garbage.pdf": "damaged"]
        for (name, reason) in reasons {
            #expect(run.document(name)?["status"] as? String == "failed", "\(name)")
            #expect(run.errors(name).contains(reason), "\(name): \(run.errors(name))")
            #expect(run.errors(name).contains(name), "\(name): the error names the file")
            #expect(run.stderr.contains(name), "\(name) is listed on the terminal")
        }

        // Stress files are read, not failed: every page of the long PDF, the report under the nested divs.
        let long = run.document("long-2000-pages.pdf")
        #expect(long?["pages"] as? Int == 2000)
        #expect(long?["status"] as? String != "failed", "\(run.errors("long-2000-pages.pdf"))")
        let nested = run.document("nested-divs.html")
        #expect(nested != nil)
        #expect(nested?["status"] as? String != "failed", "\(run.errors("nested-divs.html"))")
        #expect(nested?["title"] as? String == run.document("linhu-2024.txt")?["title"] as? String)
        #expect(seconds < 60, "the whole broken corpus took \(seconds) s")
    }

    @Test("a link to a report, and a linked folder, are imported like the files; a link cycle ends; a dangling link is listed")
    func symbolicLinks() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        let reports = root.appendingPathComponent("reports")
        let elsewhere = root.appendingPathComponent("elsewhere")
        let sub = elsewhere.appendingPathComponent("more")
        try fm.createDirectory(at: sub, withIntermediateDirectories: true)
        let sample = { (name: String) in TestPaths.repoRoot.appendingPathComponent("corpus/\(name)") }
        try fm.copyItem(at: sample("linhu-2024.txt"), to: elsewhere.appendingPathComponent("linhu-2024.txt"))
        try fm.copyItem(at: sample("qingchuan-2024.txt"), to: sub.appendingPathComponent("qingchuan-2024.txt"))
        try fm.copyItem(at: sample("linhu-2023.md"), to: reports.appendingPathComponent("linhu-2023.md"))
        // reports/linked-2024.txt → a file elsewhere; reports/more → a folder elsewhere; more/up → its grandparent.
        try fm.createSymbolicLink(at: reports.appendingPathComponent("linked-2024.txt"),
                                  withDestinationURL: elsewhere.appendingPathComponent("linhu-2024.txt"))
        try fm.createSymbolicLink(at: reports.appendingPathComponent("more"), withDestinationURL: sub)
        try fm.createSymbolicLink(at: sub.appendingPathComponent("up"), withDestinationURL: root)
        try fm.createSymbolicLink(at: reports.appendingPathComponent("gone.txt"),
                                  withDestinationURL: root.appendingPathComponent("nowhere.txt"))

        let (files, problems) = InputDiscovery.discover([reports.path])
        let names = files.map { URL(fileURLWithPath: $0.path).lastPathComponent }.sorted()
        // more/up leads back to the root: reports/ is not walked again, and elsewhere/linhu-2024.txt, reached
        // that way too, is the file linked-2024.txt already names, so it is imported once, under the link's name.
        #expect(names == ["linhu-2023.md", "linked-2024.txt", "qingchuan-2024.txt"])
        #expect(files.contains { $0.path == reports.appendingPathComponent("linked-2024.txt").path && $0.docId == "linked-2024" })
        #expect(files.contains { $0.path == reports.appendingPathComponent("more/qingchuan-2024.txt").path })
        #expect(problems.count == 1)
        #expect(problems.first?.contains("gone.txt") == true && problems.first?.contains("missing") == true)

        // Through the binary: the linked report is read like the file it points to.
        let run = try Self.importFolder(reports)
        #expect(run.status == 1, "the dangling link makes the run incomplete")
        #expect(run.document("linked-2024.txt")?["status"] as? String == "ok")
        #expect((run.document("linked-2024.txt")?["pages"] as? Int ?? 0) >= 1)
        #expect(run.stderr.contains("gone.txt"))
    }

    @Test("a file given twice, directly and through a link, is imported once")
    func linkAndTargetOnce() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let reports = root.appendingPathComponent("reports")
        let file = reports.appendingPathComponent("linhu-2024.txt")
        try FileManager.default.copyItem(at: TestPaths.repoRoot.appendingPathComponent("corpus/linhu-2024.txt"), to: file)
        try FileManager.default.createSymbolicLink(at: reports.appendingPathComponent("alias.txt"), withDestinationURL: file)
        let (files, problems) = InputDiscovery.discover([reports.path, file.path])
        #expect(files.map(\.path) == [file.path])
        #expect(problems.isEmpty)
    }
}

private extension Data {
    /// The text re-encoded as ISO-8859-1, repeated.
    func latin1Copy(repeating count: Int) -> Data {
        let text = String(decoding: self, as: UTF8.self)
        let latin1 = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        return Data(Array(repeating: latin1, count: count).joined())
    }
}
