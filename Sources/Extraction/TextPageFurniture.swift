import NianbaoModel

/// Running headers, footers and page numbers of a text export that keeps its pages (`pdftotext` output,
/// pages split by form feeds): the same tests as `PDFPageFurniture`, on each page's first and last
/// non-blank lines, since a text file has no positions. The first page keeps its top line: a cover's
/// title is often the very text the later pages repeat as their header.
enum TextPageFurniture {
    /// Pages needed before repetition can tell furniture from text.
    static let minimumPages = 3

    static func removing(from pages: [[SourceLine]], pageNumberForms: Set<String>) -> [[SourceLine]] {
        var pages = pages
        let textPages = pages.filter { $0.contains { !$0.trimmedText.isEmpty } }.count
        guard textPages >= minimumPages else { return pages }
        // 1. Page numbers, outermost first (a footer may stack a number under a label).
        for p in pages.indices {
            while let top = firstText(pages[p]), PDFPageFurniture.isPageNumber(pages[p][top].text, forms: pageNumberForms) { pages[p][top].text = "" }
            while let bottom = lastText(pages[p]), PDFPageFurniture.isPageNumber(pages[p][bottom].text, forms: pageNumberForms) { pages[p][bottom].text = "" }
        }
        // 2. Repeated outermost lines, compared without their digits.
        var topCounts: [String: Int] = [:], bottomCounts: [String: Int] = [:]
        for page in pages {
            if let top = firstText(page) { topCounts[PDFPageFurniture.repetitionKey(page[top].text), default: 0] += 1 }
            if let bottom = lastText(page) { bottomCounts[PDFPageFurniture.repetitionKey(page[bottom].text), default: 0] += 1 }
        }
        let needed = max(textPages <= 4 ? 2 : 3, Int((Double(textPages) * 0.4).rounded(.up)))
        for p in pages.indices {
            if p > 0, let top = firstText(pages[p]), isShortLine(pages[p][top]),
               topCounts[PDFPageFurniture.repetitionKey(pages[p][top].text), default: 0] >= needed {
                pages[p][top].text = ""
            }
            if let bottom = lastText(pages[p]), isShortLine(pages[p][bottom]),
               bottomCounts[PDFPageFurniture.repetitionKey(pages[p][bottom].text), default: 0] >= needed {
                pages[p][bottom].text = ""
            }
        }
        return pages
    }

    /// Furniture is a short line, never a table row or a piece of a sentence (no comma or stop in it).
    static func isShortLine(_ line: SourceLine) -> Bool {
        let text = line.trimmedText
        return line.cells == nil && text.count <= 40 && !text.contains { "，。；,;".contains($0) }
    }

    static func firstText(_ page: [SourceLine]) -> Int? { page.firstIndex { !$0.trimmedText.isEmpty } }
    static func lastText(_ page: [SourceLine]) -> Int? { page.lastIndex { !$0.trimmedText.isEmpty } }
}
