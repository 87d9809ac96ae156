import Foundation
import Testing
import NianbaoModel
@testable import NianbaoPipeline

/// The store's binary copy of each segmented document (`ArchiveCoding.swift`): a rule edit re-runs the rules
/// on what it reads back, so it must give back every field of every real document, and refuse damage.
@Suite struct SegmentedArchiveTests {
    /// The real reports in all three formats and the development set (simplified and traditional, tables,
    /// footnotes, table cells with locations).
    static func realDocuments() -> [SegmentedDocument] {
        var paths = TestPaths.realStems.flatMap { stem in ["txt", "pdf", "html"].map { TestPaths.realReport(stem, $0) } }
        let real = TestPaths.corpus.appendingPathComponent("real")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: real.path)) ?? []
        paths += names.filter { $0.hasSuffix(".txt") }.sorted().map { real.appendingPathComponent($0).path }
        return paths.compactMap { Pipeline().process(path: $0, docId: URL(fileURLWithPath: $0).lastPathComponent).segmented }
    }

    static func json(_ document: SegmentedDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(document)
    }

    @Test func everyRealDocumentComesBackWhole() throws {
        let documents = Self.realDocuments()
        #expect(documents.count >= 40)
        #expect(documents.contains { $0.clean.script == .traditional })
        #expect(documents.contains { !$0.tables.isEmpty && $0.tables.contains { $0.cellLocations != nil } })
        for document in documents {
            let back = try SegmentedArchive.unarchive(try SegmentedArchive.archive(document))
            // JSON of every field, so a field the archive forgets fails here.
            #expect(try Self.json(back) == Self.json(document), "\(document.docId)")
        }
    }

    @Test func damageIsReportedNotTrusted() throws {
        let document = try #require(Self.realDocuments().first)
        let archive = try SegmentedArchive.archive(document)
        // Cut short, another format's byte, bytes flipped in the deflated body: each an error, never a crash.
        for cut in [0, 5, 9, archive.count / 2, archive.count - 1] {
            #expect(throws: SegmentedArchive.Failure.self) { try SegmentedArchive.unarchive(archive.prefix(cut)) }
        }
        var otherFormat = archive
        otherFormat[0] = SegmentedDocument.archiveFormat &+ 1
        #expect(throws: SegmentedArchive.Failure.self) { try SegmentedArchive.unarchive(otherFormat) }
        var flipped = archive
        for index in stride(from: 20, to: flipped.count, by: 97) { flipped[index] ^= 0x5A }
        #expect(throws: SegmentedArchive.Failure.self) { try SegmentedArchive.unarchive(flipped) }
    }

    /// The binary form itself, below zlib: lengths past the end and unknown enum cases are refused.
    @Test func theReaderRefusesImpossibleValues() throws {
        var writer = ArchiveWriter()
        writer.write(1_000_000)   // a string length far past the end
        writer.write("x")
        #expect(throws: ArchiveDamaged.self) {
            try writer.bytes.withUnsafeBytes { raw in
                var reader = ArchiveReader(raw)
                _ = try reader.string()
            }
        }
        var kinds = ArchiveWriter()
        kinds.write("not_a_kind")
        #expect(throws: ArchiveDamaged.self) {
            try kinds.bytes.withUnsafeBytes { raw in
                var reader = ArchiveReader(raw)
                _ = try reader.raw(BlockKind.self)
            }
        }
        var numbers = ArchiveWriter()
        for value in [0, 1, -1, 63, -64, 300, Int.max, Int.min] { numbers.write(value) }
        numbers.write(-0.0)
        numbers.write(Double.nan)
        let read = try numbers.bytes.withUnsafeBytes { raw throws -> ([Int], Double, Double, Bool) in
            var reader = ArchiveReader(raw)
            let integers = try (0..<8).map { _ in try reader.int() }
            return (integers, try reader.double(), try reader.double(), reader.isAtEnd)
        }
        #expect(read.0 == [0, 1, -1, 63, -64, 300, Int.max, Int.min])
        #expect(read.1.bitPattern == (-0.0).bitPattern)
        #expect(read.2.isNaN)
        #expect(read.3)
    }
}
