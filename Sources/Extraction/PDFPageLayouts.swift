import Foundation
import Synchronization

/// One page laid out: its lines, with fonts numbered in the page's own table (`fontNames`).
struct PDFPageLayout: Sendable {
    var lines: [PDFLayoutLine]
    var height: Double
    var hasText: Bool
    var fontNames: [String]
    /// Set when the page was dropped for taking longer than the page timeout.
    var warning: String?
}

/// Lays out the pages of one PDF, on several threads when there are enough pages to pay for it.
///
/// poppler documents are not thread-safe, so each worker opens a document of its own from the same bytes and
/// pulls page numbers from a shared counter; results are put back in page order and each page's fonts are
/// numbered on that page alone, so the output does not depend on how many workers ran or which pages each took.
struct PDFPageLayouts: Sendable {
    var data: Data
    var password: String?
    var pageTimeout: Double
    /// Threads to use at most (1 reads every page with the document the caller opened).
    var threads: Int
    /// Openings of a caption (`表`, `附表`: `DocumentWords.tableCaptionOpeners`), whose number is no table cell.
    var captionOpeners: [String] = []
    /// A worker must have at least this many pages to be worth opening another document for.
    static let pagesPerWorker = 8

    func workers(pageCount: Int) -> Int {
        max(1, min(threads, pageCount / Self.pagesPerWorker))
    }

    /// Every page's layout, in page order. `document` is used on the calling thread only.
    func layouts(of document: PopplerDocumentHandle, pageCount: Int) -> [PDFPageLayout] {
        let workerCount = workers(pageCount: pageCount)
        guard workerCount > 1 else { return (0..<pageCount).map { layout(page: $0, of: document) } }

        let nextPage = Atomic<Int>(0)
        let results = Mutex<[PDFPageLayout?]>(Array(repeating: nil, count: pageCount))
        DispatchQueue.concurrentPerform(iterations: workerCount) { _ in
            var own: PopplerDocumentHandle?
            while true {
                // Claim before opening: a worker that starts after the others have taken every page opens nothing.
                let page = nextPage.wrappingAdd(1, ordering: .relaxed).oldValue
                guard page < pageCount else { return }
                if own == nil { own = try? PopplerDocumentHandle(data: data, password: password) }
                // A document that opened once opens again; should it not, the page is left to the caller's document.
                guard let own else { return }
                let pageLayout = layout(page: page, of: own)
                results.withLock { $0[page] = pageLayout }
            }
        }
        let collected = results.withLock { $0 }
        return collected.enumerated().map { page, pageLayout in pageLayout ?? layout(page: page, of: document) }
    }

    /// Glyphs of one page rebuilt into lines; a page over the time limit keeps its size but loses its lines.
    func layout(page index: Int, of document: PopplerDocumentHandle) -> PDFPageLayout {
        let started = DispatchTime.now().uptimeNanoseconds
        let glyphs = document.glyphs(ofPage: index)
        var lines = PDFLineBuilder(captionOpeners: captionOpeners).lines(of: glyphs)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        var warning: String?
        // poppler cannot be interrupted mid-page; a page over the limit is dropped so one bad page
        // cannot dominate a batch, and the caller learns which page it was.
        if seconds > pageTimeout {
            warning = "page \(index + 1) took \(String(format: "%.1f", seconds)) s, over the "
                + "\(pageTimeout) s limit, and was skipped"
            lines = []
        }
        return PDFPageLayout(lines: lines, height: glyphs.height, hasText: !glyphs.glyphs.isEmpty,
                             fontNames: glyphs.fontNames, warning: warning)
    }

    /// Lines of every page with fonts renumbered into one document-wide table, numbered in order of first
    /// use page by page (as one sequential pass numbers them), and that table's names.
    static func documentLines(_ layouts: [PDFPageLayout]) -> (lines: [[PDFLayoutLine]], fontNames: [String]) {
        var table = PDFFontTable()
        var pages: [[PDFLayoutLine]] = []
        pages.reserveCapacity(layouts.count)
        for layout in layouts {
            let global = layout.fontNames.map { table.index(of: $0) }
            pages.append(layout.lines.map { line in
                var line = line
                if global.indices.contains(line.fontIndex) { line.fontIndex = global[line.fontIndex] }
                return line
            })
        }
        return (pages, table.names)
    }
}
