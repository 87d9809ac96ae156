import Foundation
import Synchronization
import NianbaoModel

/// PDF through poppler-glib: lines rebuilt from glyph boxes, page furniture removed, typed errors.
///
/// Each call opens its own documents from the bytes given and shares nothing, so reads on different threads
/// are independent; within a call, pages are laid out on up to `ReadOptions.pageThreads` threads, one poppler
/// document each, with the same result as one thread. No poppler or GLib type leaves the reader.
public struct PDFReader: ReportReader {
    public static let formats: [SourceFormat] = [.pdf]
    public init() {}

    public func read(path: String, data: Data, options: ReadOptions) throws(ReadError) -> SourceDocument {
        try Self.checkContainer(path: path, data: data)
        let document: PopplerDocumentHandle
        do {
            document = try PopplerDocumentHandle(data: data, password: options.password)
        } catch {
            switch error {
            case .encrypted:
                throw options.password == nil ? .encrypted(path: path) : .wrongPassword(path: path)
            case .damaged(let message):
                throw .damaged(path: path, detail: message)
            }
        }
        let pageCount = document.pageCount
        guard pageCount > 0 else { throw .noPages(path: path) }

        let pageReading = PDFPageLayouts(data: data, password: options.password, pageTimeout: options.pageTimeout,
                                         threads: options.pageThreads, captionOpeners: options.words.tableCaptionOpeners)
        let layouts = pageReading.layouts(of: document, pageCount: pageCount)
        var warnings = layouts.compactMap(\.warning)
        var (pageLines, fontNames) = PDFPageLayouts.documentLines(layouts)

        PDFPageFurniture(pageNumberForms: options.words.pageNumberForms).removeFurniture(from: &pageLines, pageHeights: layouts.map(\.height))
        let boldFonts = Self.boldFontIndices(fontNames: fontNames, lines: pageLines.flatMap { $0 })
        var pages = PDFParagraphs.sourcePages(from: pageLines, boldFonts: boldFonts)
        let hasText = layouts.map(\.hasText)
        warnings += Self.fillPagesWithoutText(&pages, hasText: hasText, path: path, options: options)
        if hasText.allSatisfy({ !$0 }) && !options.ocr {
            warnings.append("no page has a text layer (a scan?): rerun with OCR, which needs "
                            + "`apt-get install tesseract-ocr tesseract-ocr-chi-sim`")
        }

        return SourceDocument(path: path, format: .pdf, pages: pages, metadataTitle: Self.titleOfDocument(document.title),
                              metadataDate: document.date, warnings: warnings, headersRemoved: true)
    }

    /// The metadata title as a title: the file name a converter wrote there loses its extension and the
    /// application's prefix (`Microsoft Word - 2023年质量报告.docx`); a bare file name (`p2.html`, `report_v3.pdf`)
    /// names nothing.
    static func titleOfDocument(_ title: String?) -> String? {
        guard var title = title?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty else { return nil }
        if let dash = title.range(of: " - "), title[..<dash.lowerBound].allSatisfy({ $0.isASCII }) {
            title = String(title[dash.upperBound...])
        }
        if let dot = title.lastIndex(of: "."), title.index(after: dot) < title.endIndex {
            let extensionPart = title[title.index(after: dot)...]
            if extensionPart.count <= 5, extensionPart.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
               extensionPart.contains(where: \.isLetter) {
                title = String(title[..<dot])
                // (a file name of ASCII alone is no title)
                if title.allSatisfy({ $0.isASCII }) { return nil }
            }
        }
        return title.isEmpty ? nil : title
    }

    /// Marks pages without a text layer and, with OCR asked for, gives them tesseract's text. Pages are
    /// recognised concurrently (each is a pdftoppm and a tesseract process of its own, so nothing is shared);
    /// the warnings come back in page order.
    static func fillPagesWithoutText(_ pages: inout [SourcePage], hasText: [Bool], path: String,
                                     options: ReadOptions) -> [String] {
        let imageOnly = pages.indices.filter { !hasText[$0] }
        for index in imageOnly { pages[index].hasTextLayer = false }
        guard options.ocr else { return imageOnly.map { "page \($0 + 1) has no text layer" } }

        let recognised = Mutex<[Int: Result<[SourceLine], PDFPageOCR.Problem>]>([:])
        // With one thread the pages are recognised in turn; concurrentPerform with one iteration runs inline.
        let batches = options.pageThreads > 1 ? imageOnly.count : 1
        DispatchQueue.concurrentPerform(iterations: batches) { batch in
            for slot in stride(from: batch, to: imageOnly.count, by: batches) {
                let result = PDFPageOCR.recognise(path: path, page: imageOnly[slot] + 1, password: options.password)
                recognised.withLock { $0[slot] = result }
            }
        }
        let results = recognised.withLock { $0 }
        var warnings: [String] = []
        for (slot, index) in imageOnly.enumerated() {
            let number = index + 1
            switch results[slot] {
            case .success(let lines)?:
                pages[index].lines = lines
                warnings.append("page \(number) has no text layer; its text comes from OCR (tesseract)")
            case .failure(let problem)?:
                warnings.append("page \(number) has no text layer; OCR failed: \(problem.reason)")
            case nil:
                warnings.append("page \(number) has no text layer; OCR failed: it did not run")
            }
        }
        return warnings
    }

    /// Rejects what is not a PDF before poppler sees it, with a reason a user can act on.
    static func checkContainer(path: String, data: Data) throws(ReadError) {
        guard !data.isEmpty else { throw .empty(path: path) }
        let head = data.prefix(1024)
        let marker = Data("%PDF-".utf8)
        guard head.range(of: marker) != nil else {
            let start = String(decoding: data.prefix(512), as: UTF8.self).lowercased()
            if start.contains("<html") || start.contains("<!doctype") || start.contains("<head") || start.contains("<body") {
                throw .unsupportedFormat(path: path, detail: "the file is an HTML page saved with a .pdf name")
            }
            throw .damaged(path: path, detail: "the file does not start with the %PDF- signature")
        }
        // A download cut short still opens after poppler's repair, silently missing pages; say so instead.
        let tail = data.suffix(4096)
        guard tail.range(of: Data("%%EOF".utf8)) != nil else {
            throw .damaged(path: path, detail: "the file is truncated (no %%EOF end marker)")
        }
    }

    /// Fonts whose name says bold, and Hei/Gothic faces (the Chinese heading faces) when the body is not one.
    static func boldFontIndices(fontNames: [String], lines: [PDFLayoutLine]) -> Set<Int> {
        var glyphsPerFont: [Int: Int] = [:]
        for line in lines { glyphsPerFont[line.fontIndex, default: 0] += line.glyphCount }
        func family(_ index: Int) -> String {
            guard fontNames.indices.contains(index) else { return "" }
            let name = fontNames[index]
            let afterSubset = name.split(separator: "+", maxSplits: 1).last.map(String.init) ?? name
            return afterSubset.lowercased()
        }
        let heavyFace = ["hei", "黑", "gothic"]
        let bodyFamily = glyphsPerFont.max { $0.value < $1.value }.map { family($0.key) } ?? ""
        let bodyIsHeavyFace = heavyFace.contains { bodyFamily.contains($0) }
        var bold = Set<Int>()
        for index in fontNames.indices {
            let name = family(index)
            let saysBold = ["bold", "black", "heavy", "semibold", "demi", "粗"].contains { name.contains($0) }
            let heavy = !bodyIsHeavyFace && heavyFace.contains { name.contains($0) }
            if saysBold || heavy { bold.insert(index) }
        }
        return bold
    }
}
