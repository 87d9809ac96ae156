import Foundation
import Testing
@testable import Extraction

/// Scanned pages: nianbao's `--ocr` against the plain `pdftoppm -r 200` + `tesseract -l chi_sim` baseline,
/// both scored against the ground-truth text of the page that was scanned.
///
/// The fixture `scanned-report-page.pdf` is page 9 of `../shared/corpus/pdf/003_a3d54043216b8f91.pdf`
/// rasterised at 100 dpi, tilted, with noise, blur and JPEG compression, wrapped as an image-only PDF
/// (`scripts/make_scan_fixture.sh` makes it). Accuracy is 1 − edit distance / length over the page text
/// with whitespace removed.
@Suite struct OCRAccuracyTests {
    static let fixture = TestPaths.repoRoot.appendingPathComponent("Tests/NianbaoTests/Fixtures/pdf/scanned-report-page.pdf").path
    static let groundTruth = TestPaths.corpus.appendingPathComponent("pdf/ground-truth/003_a3d54043216b8f91.pages.json")
    static let scannedPage = 9
    static let toolsInstalled = PDFPageOCR.executable("tesseract") != nil && PDFPageOCR.executable("pdftoppm") != nil

    static func accuracy(_ recognised: String, against truth: String) -> Double {
        let text = Array(recognised.unicodeScalars.filter { !$0.properties.isWhitespace })
        let reference = Array(truth.unicodeScalars.filter { !$0.properties.isWhitespace })
        return 1 - Double(EditDistance.levenshtein(text, reference)) / Double(reference.count)
    }

    func truth() throws -> String {
        let pages = try JSONDecoder().decode([String].self, from: Data(contentsOf: Self.groundTruth))
        return pages[Self.scannedPage - 1]
    }

    /// The plain baseline: render at 200 dpi, recognise with tesseract's defaults and `chi_sim`.
    func baseline() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-ocr-baseline-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let image = folder.appendingPathComponent("page").path
        _ = try run("pdftoppm", ["-r", "200", "-png", "-singlefile", Self.fixture, image])
        return try run("tesseract", [image + ".png", "stdout", "-l", "chi_sim"])
    }

    func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(PDFPageOCR.executable(tool)))
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) failed")
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: toolsInstalled, "needs tesseract-ocr, tesseract-ocr-chi-sim and poppler-utils"))
    func scannedReportPageIsReadAtLeastAsWellAsThePlainBaseline() throws {
        let truth = try truth()
        let document = try Readers.read(path: Self.fixture, options: ReadOptions(ocr: true))
        #expect(document.pages.count == 1)
        #expect(!document.pages[0].hasTextLayer)
        let nianbao = Self.accuracy(document.pages[0].lines.map(\.text).joined(separator: "\n"), against: truth)
        let baseline = Self.accuracy(try baseline(), against: truth)
        print("OCR accuracy on scanned-report-page.pdf: nianbao \(nianbao), pdftoppm -r 200 + tesseract -l chi_sim \(baseline)")
        #expect(nianbao >= 0.80)
        #expect(nianbao >= baseline - 0.01)
        // Full-width punctuation in CJK text, and no spaces between CJK characters.
        let text = document.pages[0].lines.map(\.text).joined()
        #expect(text.contains("2.1 服务国家战略：彰显职教担当，促进协同发展"))
    }

    @Test func normalisesPunctuationAndSpacesInCJKText() {
        #expect(OCRTextNormaliser.normalise("2.1 服务国家战略 : 彰显职教担当, 促进协同发展") == "2.1 服务国家战略：彰显职教担当，促进协同发展")
        #expect(OCRTextNormaliser.normalise("守护温次与安全 * 两校互补协同") == "守护温次与安全。两校互补协同")
        #expect(OCRTextNormaliser.normalise("静 安 区 职 业 教 育 ;") == "静安区职业教育；")
        #expect(OCRTextNormaliser.normalise("“ 静安动能 ” 。") == "“静安动能”。")
        // Numbers and Latin text keep their ASCII punctuation and spacing.
        #expect(OCRTextNormaliser.normalise("共 1,234 人, ratio 9.5: 1") == "共 1,234 人, ratio 9.5: 1")
        #expect(OCRTextNormaliser.normalise("Enrollment 2261 students in 2025") == "Enrollment 2261 students in 2025")
        #expect(OCRTextNormaliser.normalise("图 1 2018-2020 年生均固定资产额") == "图 1 2018-2020 年生均固定资产额")
    }
}
