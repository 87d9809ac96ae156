import Foundation
import Testing
import GRDB
import NianbaoModel
import Dataset
@testable import NianbaoPipeline

/// The search index and the `primary` marks live in the store: they follow each incremental import (a
/// changed file, a pruned one, another format of a report already stored).
@Suite struct ImportStoreSearchTests {
    typealias S = ImportStoreTests

    static func passageCount(_ out: URL, docId: String) throws -> Int {
        try DatabaseQueue(path: out.appendingPathComponent(DatasetFile.database).path).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM passages WHERE doc_id = ?", arguments: [docId]) ?? 0
        }
    }

    /// FTS5's own check that the index holds exactly the rows of `passages` (throws otherwise).
    static func checkFullTextIndex(_ out: URL) throws {
        try DatabaseQueue(path: out.appendingPathComponent(DatasetFile.database).path).write { db in
            try db.execute(sql: "INSERT INTO passages_fts(passages_fts) VALUES ('integrity-check')")
        }
    }

    @Test func theSearchIndexFollowsChangedAndPrunedFiles() throws {
        let folder = try S.corpusCopy(), out = try S.temporaryDirectory("out")
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: out) }
        _ = try S.importFolder(folder, into: out)
        let index = SearchIndex(path: out.appendingPathComponent(DatasetFile.database).path)
        let before = try index.search("新能源汽车检测").filter { $0.docId == "linhu-2024" }
        #expect(!before.isEmpty)
        let passages = try Self.passageCount(out, docId: "linhu-2024")

        // A changed file: its new text is found, its old passages are replaced, not repeated.
        let file = folder.appendingPathComponent("linhu-2024.txt")
        try (try String(contentsOf: file, encoding: .utf8) + "\n\n全区新建智能网联汽车实训基地一个。\n")
            .write(to: file, atomically: true, encoding: .utf8)
        _ = try S.importFolder(folder, into: out)
        #expect(try index.search("智能网联汽车实训").map(\.docId) == ["linhu-2024"])
        #expect(try index.search("新能源汽车检测").filter { $0.docId == "linhu-2024" }.count == before.count)
        #expect(try Self.passageCount(out, docId: "linhu-2024") == passages + 1)
        try Self.checkFullTextIndex(out)

        // A pruned file: its passages and section texts go with it.
        try FileManager.default.removeItem(at: file)
        _ = try S.importFolder(folder, into: out, prune: true)
        #expect(try index.search("智能网联汽车实训").isEmpty)
        #expect(try index.search("新能源汽车检测", allFormats: true).allSatisfy { $0.docId != "linhu-2024" })
        #expect(try Self.passageCount(out, docId: "linhu-2024") == 0)
        let sectionTexts = try DatabaseQueue(path: index.path).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM section_texts WHERE doc_id = 'linhu-2024'")
        }
        #expect(sectionTexts == 0)
        try Self.checkFullTextIndex(out)
    }

    /// Passages are indexed at the end of an import; one committed but not yet indexed (an import killed
    /// after a document's commit) is still found, removing it leaves the index whole, and the next import
    /// indexes the rest.
    @Test func passagesNotYetIndexedAreFoundAndIndexedLater() throws {
        let folder = try S.corpusCopy(), out = try S.temporaryDirectory("out")
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: out) }
        _ = try S.importFolder(folder, into: out)
        let path = out.appendingPathComponent(DatasetFile.database).path
        let index = SearchIndex(path: path)
        func pending() throws -> Int {
            try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM passages_pending") ?? -1 }
        }
        #expect(try pending() == 0)
        try Self.checkFullTextIndex(out)

        func addPassage(_ text: String) throws {
            try DatabaseQueue(path: path).write { db in
                try db.execute(sql: """
                    INSERT INTO passages (doc_id, section_id, kinds, page, line, text, "primary")
                    SELECT doc_id, section_id, kinds, page, line, ?, 1 FROM passages WHERE doc_id = 'linhu-2024' LIMIT 1
                    """, arguments: [text])
            }
        }
        try addPassage("全区建成氢能源动力实训中心一个。")
        try addPassage("另建无人机植保实训场地两处。")
        #expect(try pending() == 2)
        #expect(try index.search("氢能源动力实训").map(\.docId) == ["linhu-2024"])
        #expect(try index.search("无人机植保 实训场地").map(\.docId) == ["linhu-2024"])

        // Removing a passage the index never held must not ask FTS5 to delete it (that corrupts the index).
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DELETE FROM passages WHERE text LIKE '%无人机植保%'")
        }
        #expect(try pending() == 1)
        try DatasetStore(outputDirectory: out).indexPendingPassages()
        #expect(try pending() == 0)
        try Self.checkFullTextIndex(out)
        #expect(try index.search("氢能源动力实训").map(\.docId) == ["linhu-2024"])
        #expect(try index.search("无人机植保").isEmpty)
    }

    @Test func anotherFormatImportedLaterTakesOverAsPrimary() throws {
        let folder = try S.temporaryDirectory("formats"), out = try S.temporaryDirectory("out")
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: out) }
        let stem = TestPaths.realStems[1]
        try FileManager.default.copyItem(atPath: TestPaths.realReport(stem, "pdf"),
                                         toPath: folder.appendingPathComponent("report-pdf.pdf").path)
        _ = try S.importFolder(folder, into: out)
        let store = try DatasetStore(outputDirectory: out)
        let alone = try store.observations()
        #expect(!alone.isEmpty && alone.allSatisfy(\.primary))
        let index = SearchIndex(path: store.path)
        #expect(try index.search("一带一路").contains { $0.docId == "report-pdf" })

        // The text export of the same report arrives: the checks and the panel move to it.
        try FileManager.default.copyItem(atPath: TestPaths.realReport(stem),
                                         toPath: folder.appendingPathComponent("report-text.txt").path)
        _ = try S.importFolder(folder, into: out)
        for observations in [try store.observations(), try DatasetReader.load(outputDirectory: out).observations] {
            let pdf = observations.filter { $0.docId == "report-pdf" }, text = observations.filter { $0.docId == "report-text" }
            #expect(!pdf.isEmpty && pdf.allSatisfy { !$0.primary })
            #expect(!text.isEmpty && text.allSatisfy(\.primary))
        }
        let hits = try index.search("一带一路")
        #expect(!hits.isEmpty && hits.allSatisfy { $0.docId == "report-text" })
        #expect(try index.search("一带一路", allFormats: true).contains { $0.docId == "report-pdf" })
        let sources = try String(contentsOf: out.appendingPathComponent(DatasetFile.panelSources), encoding: .utf8)
        #expect(sources.contains(",report-text,") && !sources.contains(",report-pdf,"))
    }

    /// A store written before `measure` and `primary` existed opens: the columns are added before the index
    /// that names `measure` is made.
    @Test func aStoreWithoutTheMeasureColumnOpens() throws {
        let out = try S.temporaryDirectory("old-store")
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try DatasetStore(outputDirectory: out)
        let path = out.appendingPathComponent(DatasetFile.database).path
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                DROP INDEX observations_by_measure;
                ALTER TABLE observations DROP COLUMN measure;
                ALTER TABLE observations DROP COLUMN "primary";
                """)
        }
        _ = try DatasetStore(outputDirectory: out)
        let (columns, indexes) = try DatabaseQueue(path: path).read { db in
            (try Row.fetchAll(db, sql: "PRAGMA table_info(observations)").map { $0["name"] as String },
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations'"))
        }
        #expect(columns.contains("measure") && columns.contains("primary"))
        #expect(indexes.contains("observations_by_measure"))
    }
}
