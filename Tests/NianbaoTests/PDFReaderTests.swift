import Foundation
import Testing
import NianbaoModel
@testable import Extraction

/// The PDF reader against the published-style PDFs of the real reports and small broken fixtures.
@Suite("PDFReader")
struct PDFReaderTests {
    static let fixtures = TestPaths.repoRoot.appendingPathComponent("Tests/NianbaoTests/Fixtures/pdf")

    static func readReport(_ stem: String) throws -> SourceDocument {
        try Readers.read(path: TestPaths.realReport(stem, "pdf"))
    }

    static func groundTruth(_ stem: String, body: Bool = true) throws -> [String] {
        let name = "pdf/ground-truth/\(stem).\(body ? "pages.body" : "pages").json"
        let data = try Data(contentsOf: TestPaths.corpus.appendingPathComponent(name))
        return try JSONDecoder().decode([String].self, from: data)
    }

    // MARK: Accuracy

    @Test("every page matches the ground truth at ≥ 99.5% character accuracy", arguments: TestPaths.realStems)
    func pageTextAccuracy(stem: String) throws {
        let document = try Self.readReport(stem)
        let truth = try Self.groundTruth(stem)
        #expect(document.pages.count == truth.count)
        var errors = 0, length = 0
        var worst = (accuracy: 1.0, page: 0)
        for (index, truePage) in truth.enumerated() {
            let ours = index < document.pages.count ? document.pages[index].lines.map(\.text).joined() : ""
            let expected = Array(truePage.unicodeScalars.filter { !$0.properties.isWhitespace })
            let actual = Array(ours.unicodeScalars.filter { !$0.properties.isWhitespace })
            let distance = EditDistance.levenshtein(expected, actual)
            errors += distance
            length += expected.count
            let accuracy = 1 - Double(distance) / Double(max(expected.count, 1))
            if accuracy < worst.accuracy { worst = (accuracy, index + 1) }
        }
        let accuracy = 1 - Double(errors) / Double(length)
        print("PDF accuracy \(stem): \(String(format: "%.4f", accuracy)), worst page \(worst.page) at \(String(format: "%.4f", worst.accuracy))")
        #expect(accuracy >= 0.995, "document accuracy \(accuracy); worst page \(worst.page) at \(worst.accuracy)")
        #expect(worst.accuracy >= 0.97, "page \(worst.page) only \(worst.accuracy)")
    }

    // MARK: Page furniture

    @Test("running headers and - N - page numbers are gone", arguments: TestPaths.realStems)
    func headersAndPageNumbersRemoved(stem: String) throws {
        let document = try Self.readReport(stem)
        #expect(document.headersRemoved)
        // The running header: lines of the full page text that are not body and recur on many pages.
        let full = try Self.groundTruth(stem, body: false), body = try Self.groundTruth(stem)
        var furnitureCounts: [String: Int] = [:]
        for (page, bodyPage) in zip(full, body) {
            let bodyLines = Set(bodyPage.split(separator: "\n").map(String.init))
            for line in page.split(separator: "\n").map(String.init) where !bodyLines.contains(line) {
                furnitureCounts[line, default: 0] += 1
            }
        }
        let runningHeaders = furnitureCounts.filter { $0.value >= 5 }.map(\.key)
        #expect(runningHeaders.count == 1, "expected one running header in \(stem), found \(runningHeaders)")
        for line in document.allLines {
            // The header wording may also be a real heading in the body; it must then be in the body truth.
            let inBody = body[line.page - 1].split(separator: "\n").contains { $0 == line.text }
            #expect(inBody || !runningHeaders.contains(line.text), "header left on page \(line.page): \(line.text)")
            let isDashedNumber = line.text.wholeMatch(of: /\s*-\s*([0-9]+|[IVX]+)\s*-\s*/) != nil
            #expect(!isDashedNumber, "page number left on page \(line.page): \(line.text)")
        }
    }

    @Test("page numbers in common forms are recognised, text that merely has digits is not")
    func pageNumberForms() {
        for number in ["3", "- 3 -", "— 12 —", "第 3 页 共 40 页", "第3页/共40页", "II", "- IV -", "３", "Page 3 of 40", "3/40"] {
            #expect(PDFPageFurniture.isPageNumber(number), "\(number)")
        }
        for text in ["2023年", "注：", "1.1 结构规模", "合计", "12345", "CV"] {
            #expect(!PDFPageFurniture.isPageNumber(text), "\(text)")
        }
        #expect(PDFPageFurniture.repetitionKey("报告（2023） 第 ３ 页") == "报告（#）第#页")
    }

    // MARK: Line attributes

    @Test("headings are bigger and bold, body lines are not; metadata comes from the PDF info")
    func lineAttributes() throws {
        let document = try Self.readReport("000_775551c2d5871d3f")
        #expect(document.metadataTitle == "普陀区中等职业教育年度质量报告")
        #expect(document.metadataDate?.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil)
        let page4 = document.pages[3].lines
        let heading = try #require(page4.first { $0.text == "1.1 结构规模" })
        let bodyLine = try #require(page4.first { $0.text.hasPrefix("普陀区现有上海市曹杨职业技术学校") })
        #expect(heading.isBold)
        #expect(!bodyLine.isBold)
        #expect((heading.fontSize ?? 0) > (bodyLine.fontSize ?? 0) + 1)
        #expect(heading.page == 4 && heading.line > 1)
        #expect(heading.startsBlock && bodyLine.startsBlock)
        // The line after an indented first line continues its paragraph.
        let next = try #require(page4.first { $0.line == bodyLine.line + 1 })
        #expect(!next.startsBlock)
        #expect((next.x ?? 0) < (bodyLine.x ?? 0))
        // No spaces between CJK characters.
        #expect(!bodyLine.text.contains("曹 杨"))
    }

    @Test("table rows become cells, wrapped cells are joined")
    func tableRows() throws {
        let document = try Self.readReport("000_775551c2d5871d3f")
        let rows = document.pages[3].lines.compactMap(\.cells)
        #expect(rows.contains(["上海信息技术学校", "真南路 1008 号", "上海华谊集团", "16", "2", "1", "2480", "280"]))
        #expect(rows.contains { $0.first == "上海市曹杨职业技术学校" && $0.last == "141" })
        let totals = try #require(rows.first { $0.first == "合计" })
        #expect(totals.suffix(5) == ["58", "29", "7", "8116", "1087"])
        // Cells glued by plain page text stay apart.
        #expect(!document.allLines.contains { $0.text.contains("24802") })
    }

    /// A browser's print-to-PDF states each glyph's size before a scaling text matrix (24 drawn at 12), so poppler's
    /// boxes are taller than the lines are apart: sizes come from the ideographs' widths, and the lines stay lines.
    /// The fixture is an HTML page of two tables printed by Debian's chromium (`--print-to-pdf`).
    @Test("a browser-printed PDF keeps its lines, its tables' cells and a spanning header's place")
    func browserPrintedTables() throws {
        let document = try Readers.read(path: Self.fixtures.appendingPathComponent("browser-printed-tables.pdf").path)
        let lines = document.allLines
        #expect(lines.contains { $0.text == "2023年，全省共有中等职业学校147所，招生5.87万人，在校生16.51万人。" })
        let rows = lines.compactMap(\.cells)
        #expect(rows.contains(["长春市", "45", "21356", "60213", "18977"]))
        // `表3　…`: a caption's number and title are one line of text, not cells.
        #expect(lines.contains { $0.cells == nil && $0.text.hasPrefix("表3") })
        // `招生数` centred over `2022年 | 2023年` heads the first of them.
        #expect(rows.contains(["", "招生数", "", "在校生数", ""]))
        #expect(document.metadataTitle == nil, "the file name chromium writes as the title is no title")
    }

    /// A yearbook-style table printed with little padding: its rows are closer than a wrapped cell's lines, so
    /// each row of figures stays a row (the header wrapped over two lines is joined), a letter-spaced label
    /// (`总　计`) is one cell, and thousands grouped by a space (`87 321`) stay in their cell.
    @Test("a tightly printed table keeps its rows")
    func tightlyPrintedTable() throws {
        let document = try Readers.read(path: Self.fixtures.appendingPathComponent("browser-printed-tight-table.pdf").path)
        let rows = document.allLines.compactMap(\.cells)
        #expect(rows.contains(["项目", "学校数（所）", "毕业生数", "招生数", "在校学生数", "教职工数", "专任教师数"]), "\(rows)")
        #expect(rows.contains(["总计", "312", "87 321", "98 765", "287 654", "23 456", "18 765"]), "\(rows)")
        #expect(rows.contains { $0.first == "技工学校" && $0.last == "4 124" }, "\(rows)")
    }

    @Test("a converter's file name as the metadata title")
    func metadataTitleFileNames() {
        #expect(PDFReader.titleOfDocument("Microsoft Word - 2023年质量年度报告.docx") == "2023年质量年度报告")
        #expect(PDFReader.titleOfDocument("p2.html") == nil)
        #expect(PDFReader.titleOfDocument("上海市职业教育发展“十四五”规划") == "上海市职业教育发展“十四五”规划")
        #expect(PDFReader.titleOfDocument("2023年度报告 v1.2") == "2023年度报告 v1.2")
    }

    @Test("a paragraph running across a page break is not marked as a new block")
    func paragraphAcrossPages() throws {
        let document = try Self.readReport("003_a3d54043216b8f91")
        // In this report these pages begin mid-sentence, and these begin with a numbered chapter heading.
        for page in [5, 6, 7, 8, 10, 11, 13, 16, 18, 19] {
            #expect(document.pages[page - 1].lines.first?.startsBlock == false, "page \(page) continues a paragraph")
        }
        for page in [4, 9, 12, 14, 15, 17, 20] {
            #expect(document.pages[page - 1].lines.first?.startsBlock == true, "page \(page) starts a chapter")
        }
    }

    // MARK: Bad input

    @Test("zero bytes is empty")
    func zeroBytes() {
        #expect(throws: ReadError.empty(path: "x.pdf")) {
            try PDFReader().read(path: "x.pdf", data: Data(), options: ReadOptions())
        }
    }

    @Test("the first half of a real PDF is damaged")
    func truncated() throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: TestPaths.realReport("004_e7c8856d05d9f68a", "pdf")))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-truncated-\(UUID().uuidString).pdf").path
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try Readers.read(path: path)
        } throws: { error in
            guard case ReadError.damaged(let reported, let detail) = error else { return false }
            return reported == path && detail.contains("truncated")
        }
    }

    @Test("an HTML page saved as .pdf is reported as HTML")
    func htmlNamedPDF() {
        let html = Data("<!DOCTYPE html><html><head><title>年报</title></head><body><p>正文</p></body></html>".utf8)
        #expect {
            try PDFReader().read(path: "page.pdf", data: html, options: ReadOptions())
        } throws: { error in
            guard case ReadError.unsupportedFormat(_, let detail) = error else { return false }
            return detail.contains("HTML")
        }
        #expect(throws: ReadError.damaged(path: "junk.pdf", detail: "the file does not start with the %PDF- signature")) {
            try PDFReader().read(path: "junk.pdf", data: Data("just some words".utf8), options: ReadOptions())
        }
    }

    @Test("a valid PDF with no pages says so")
    func zeroPages() {
        let path = Self.fixtures.appendingPathComponent("zero-pages.pdf").path
        #expect(throws: ReadError.noPages(path: path)) { try Readers.read(path: path) }
    }

    @Test("an encrypted PDF needs its password")
    func encrypted() throws {
        let path = Self.fixtures.appendingPathComponent("encrypted-password-nianbao-user.pdf").path
        #expect(throws: ReadError.encrypted(path: path)) { try Readers.read(path: path) }
        #expect(throws: ReadError.wrongPassword(path: path)) {
            try Readers.read(path: path, options: ReadOptions(password: "guess"))
        }
        let document = try Readers.read(path: path, options: ReadOptions(password: "nianbao-user"))
        #expect(document.pages.first?.lines.first?.text == "Fixture page one for the nianbao PDF reader")
    }

    @Test("a page without text is flagged, text pages read, bold from the font name")
    func pageWithoutText() throws {
        let path = Self.fixtures.appendingPathComponent("text-then-blank-page.pdf").path
        let document = try Readers.read(path: path)
        #expect(document.pages.count == 2)
        #expect(document.pages[0].hasTextLayer)
        #expect(document.pages[0].lines.first?.isBold == true)
        #expect(document.pages[0].lines.first?.fontSize == 14)
        #expect(!document.pages[1].hasTextLayer)
        #expect(document.warnings.contains("page 2 has no text layer"))
        #expect(document.metadataTitle == "Nianbao fixture")
        #expect(document.metadataDate == "2024-03-15")
    }

    @Test("asking for OCR of a page without text either recognises it or says what to install")
    func ocrHint() throws {
        let path = Self.fixtures.appendingPathComponent("text-then-blank-page.pdf").path
        let document = try Readers.read(path: path, options: ReadOptions(ocr: true))
        let warning = try #require(document.warnings.first { $0.hasPrefix("page 2 has no text layer") })
        if PDFPageOCR.executable("tesseract") == nil {
            #expect(warning.contains("tesseract-ocr tesseract-ocr-chi-sim"))
        }
        #expect(!document.pages[1].hasTextLayer)
    }

    /// A scanned page (an image only, made for this test) read with `--ocr`. CI installs tesseract, so this runs there.
    @Test(.enabled(if: PDFPageOCR.executable("tesseract") != nil, "needs tesseract-ocr"))
    func scannedPageIsRecognised() throws {
        let path = Self.fixtures.appendingPathComponent("scanned-page.pdf").path
        let plain = try Readers.read(path: path)
        #expect(plain.warnings.contains { $0.hasPrefix("page 1 has no text layer") })
        let document = try Readers.read(path: path, options: ReadOptions(ocr: true))
        let text = document.pages[0].lines.map(\.text).joined(separator: " ")
        #expect(text.contains("Enrollment 2261 students in 2025"))
        #expect(document.warnings.contains { $0.contains("OCR") })
    }
}

/// Levenshtein distance with a band that doubles until the result fits in it (Ukkonen), so near-equal
/// pages cost O(n·d) instead of O(n²).
enum EditDistance {
    static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var band = max(32, abs(a.count - b.count) + 1)
        while true {
            if let distance = banded(a, b, band: band) { return distance }
            band *= 2
        }
    }

    private static func banded(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], band: Int) -> Int? {
        let n = a.count, m = b.count
        let infinity = Int.max / 2
        var previous = [Int](repeating: infinity, count: m + 1)
        var current = [Int](repeating: infinity, count: m + 1)
        for j in 0...min(m, band) { previous[j] = j }
        for i in 1...n {
            let from = max(1, i - band), to = min(m, i + band)
            current[from - 1] = from - 1 == 0 ? i : infinity
            if from > to { return nil }
            for j in from...to {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            if to < m { current[to + 1] = infinity }
            swap(&previous, &current)
        }
        let distance = previous[m]
        return distance <= band ? distance : nil
    }
}
