import Foundation
import Testing
import NianbaoModel
@testable import Extraction

/// Pages of one PDF read on several threads (one poppler document each) give exactly what one thread gives.
@Suite("PDF pages in parallel")
struct PDFParallelPagesTests {
    static func read(_ path: String, threads: Int, ocr: Bool = false) throws -> SourceDocument {
        var options = ReadOptions(ocr: ocr)
        options.pageThreads = threads
        return try Readers.read(path: path, options: options)
    }

    static func expectSame(_ a: SourceDocument, _ b: SourceDocument) {
        #expect(a.pages.count == b.pages.count)
        for (pageA, pageB) in zip(a.pages, b.pages) { #expect(pageA == pageB, "page \(pageA.number) differs") }
        #expect(a.warnings == b.warnings)
        #expect(a.metadataTitle == b.metadataTitle)
        #expect(a.metadataDate == b.metadataDate)
    }

    /// `pdfunite` (poppler-utils) joins PDFs into one in a temporary folder; nil when it is not installed.
    static func unite(_ paths: [String], name: String) throws -> URL? {
        guard let tool = PDFPageOCR.executable("pdfunite") else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-unite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let output = folder.appendingPathComponent(name)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = paths + [output.path]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? output : nil
    }

    @Test("each real PDF reads the same on one thread and on four", arguments: TestPaths.realStems)
    func realReportSameOnAnyThreadCount(stem: String) throws {
        let path = TestPaths.realReport(stem, "pdf")
        let sequential = try Self.read(path, threads: 1)
        let parallel = try Self.read(path, threads: 4)
        #expect(sequential.pages.count >= 15)
        Self.expectSame(sequential, parallel)
    }

    @Test("the five real PDFs joined into one (137 pages) read the same on 1, 2 and 5 threads")
    func joinedReportSameOnAnyThreadCount() throws {
        guard let joined = try Self.unite(TestPaths.realStems.map { TestPaths.realReport($0, "pdf") },
                                          name: "joined.pdf") else {
            Issue.record("pdfunite is missing: apt-get install -y poppler-utils")
            return
        }
        defer { try? FileManager.default.removeItem(at: joined.deletingLastPathComponent()) }
        let sequential = try Self.read(joined.path, threads: 1)
        #expect(sequential.pages.count == 137)
        // The body text of a later report is there, on its own pages, in order.
        #expect(sequential.pages.last?.lines.isEmpty == false)
        for threads in [2, 5] { Self.expectSame(sequential, try Self.read(joined.path, threads: threads)) }
    }

    @Test("a worker is opened only for at least eight pages")
    func workerCount() {
        let reading = PDFPageLayouts(data: Data(), password: nil, pageTimeout: 20, threads: 4)
        #expect(reading.workers(pageCount: 1) == 1)
        #expect(reading.workers(pageCount: 15) == 1)
        #expect(reading.workers(pageCount: 16) == 2)
        #expect(reading.workers(pageCount: 800) == 4)
        #expect(PDFPageLayouts(data: Data(), password: nil, pageTimeout: 20, threads: 1).workers(pageCount: 800) == 1)
    }

    @Test("page-local font numbers become one table numbered in order of first use")
    func fontsRenumbered() {
        func line(font: Int) -> PDFLayoutLine {
            PDFLayoutLine(text: "x", cells: nil, cellBounds: nil, minX: 0, minY: 0, maxX: 1, maxY: 1, baseline: 1,
                          fontSize: 10, fontIndex: font, glyphCount: 1, columnLeft: 0, columnRight: 1, columnIndex: 0)
        }
        let layouts = [
            PDFPageLayout(lines: [line(font: 1), line(font: 0)], height: 800, hasText: true,
                          fontNames: ["Song", "Hei-Bold"], warning: nil),
            PDFPageLayout(lines: [line(font: 0), line(font: 1), line(font: -1)], height: 800, hasText: true,
                          fontNames: ["Kai", "Song"], warning: nil),
        ]
        let (lines, names) = PDFPageLayouts.documentLines(layouts)
        #expect(names == ["Song", "Hei-Bold", "Kai"])
        #expect(lines.map { $0.map(\.fontIndex) } == [[1, 0], [2, 0, -1]])
    }

    @Test(.enabled(if: PDFPageOCR.executable("tesseract") != nil && PDFPageOCR.executable("pdfunite") != nil,
                   "needs tesseract-ocr and poppler-utils"))
    func scannedPagesRecognisedInParallelSameAsInTurn() throws {
        let scanned = PDFReaderTests.fixtures.appendingPathComponent("scanned-page.pdf").path
        let text = PDFReaderTests.fixtures.appendingPathComponent("text-then-blank-page.pdf").path
        guard let joined = try Self.unite([scanned, text, scanned], name: "scans.pdf") else {
            Issue.record("pdfunite failed")
            return
        }
        defer { try? FileManager.default.removeItem(at: joined.deletingLastPathComponent()) }
        let inTurn = try Self.read(joined.path, threads: 1, ocr: true)
        let parallel = try Self.read(joined.path, threads: 4, ocr: true)
        Self.expectSame(inTurn, parallel)
        // Pages 1, 3 and 4 are images: all three recognised, the warnings in page order.
        #expect(parallel.warnings == [1, 3, 4].map { "page \($0) has no text layer; its text comes from OCR (tesseract)" })
        #expect(!parallel.pages[0].lines.isEmpty)
        #expect(parallel.pages[0].lines == parallel.pages[3].lines.map { line in
            var line = line
            line.page = 1
            return line
        })
    }
}
