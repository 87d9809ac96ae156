import Foundation

/// Removes running headers, footers and page numbers: page furniture that is not part of the report's body.
///
/// A page number is the first or last line of a page, in the top or bottom band, that reads as a page number
/// in any common form (`3`, `- 3 -`, `第 3 页 共 40 页`, `3/40`, `Page 3`, roman `II`). A running header or
/// footer is the first or last line of a page, in its band, whose text (digits ignored, so changing page
/// numbers still match) is the first or last line on a good share of the pages. Only outermost lines are candidates, so
/// a table header row repeated below the running header on continuation pages is kept.
struct PDFPageFurniture: Sendable {
    /// Share of the page height at the top and at the bottom where furniture may sit.
    var bandShare = 0.12
    /// Shapes of a page number beyond bare digits and roman numerals (`DocumentWords.pageNumberForms`).
    var pageNumberForms: Set<String>

    func removeFurniture(from pages: inout [[PDFLayoutLine]], pageHeights: [Double]) {
        // 1. Page numbers: outermost lines only, repeatedly (a footer may stack a number under a label).
        for index in pages.indices {
            let height = pageHeights[index]
            guard height > 0 else { continue }
            while let top = topmost(pages[index]), pages[index][top].minY < height * bandShare,
                  Self.isPageNumber(pages[index][top].text, forms: pageNumberForms) {
                pages[index].remove(at: top)
            }
            while let bottom = bottommost(pages[index]), pages[index][bottom].maxY > height * (1 - bandShare),
                  Self.isPageNumber(pages[index][bottom].text, forms: pageNumberForms) {
                pages[index].remove(at: bottom)
            }
        }
        // 2. Running headers and footers: repeated outermost lines, compared without digits.
        var topCounts: [String: Int] = [:], bottomCounts: [String: Int] = [:]
        for index in pages.indices {
            let height = pageHeights[index]
            if let top = topmost(pages[index]), pages[index][top].minY < height * bandShare {
                topCounts[Self.repetitionKey(pages[index][top].text), default: 0] += 1
            }
            if let bottom = bottommost(pages[index]), pages[index][bottom].maxY > height * (1 - bandShare) {
                bottomCounts[Self.repetitionKey(pages[index][bottom].text), default: 0] += 1
            }
        }
        // Running furniture is on most pages (alternating odd/even headers still reach 40%); a footnote that
        // repeats its wording on a few pages ("数据来源：…") must not be taken for one.
        let textPages = pages.filter { !$0.isEmpty }.count
        let needed = max(textPages <= 4 ? 2 : 3, Int((Double(textPages) * 0.4).rounded(.up)))
        for index in pages.indices {
            let height = pageHeights[index]
            if let top = topmost(pages[index]), pages[index][top].minY < height * bandShare,
               let count = topCounts[Self.repetitionKey(pages[index][top].text)], count >= needed {
                pages[index].remove(at: top)
            }
            if let bottom = bottommost(pages[index]), pages[index][bottom].maxY > height * (1 - bandShare),
               let count = bottomCounts[Self.repetitionKey(pages[index][bottom].text)], count >= needed {
                pages[index].remove(at: bottom)
            }
        }
    }

    private func topmost(_ lines: [PDFLayoutLine]) -> Int? {
        lines.indices.min { lines[$0].minY < lines[$1].minY }
    }

    private func bottommost(_ lines: [PDFLayoutLine]) -> Int? {
        lines.indices.max { lines[$0].maxY < lines[$1].maxY }
    }

    /// Text without whitespace, with each digit run (ASCII or full-width) replaced by `#`.
    static func repetitionKey(_ text: String) -> String {
        var key = String.UnicodeScalarView()
        var inDigits = false
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
            if asciiDigit(scalar) != nil {
                if !inDigits { key.append("#") }
                inDigits = true
            } else {
                key.append(scalar)
                inDigits = false
            }
        }
        return String(key)
    }

    /// Whether a line is only a page number, in any common form.
    static func isPageNumber(_ text: String, forms: Set<String>) -> Bool {
        let decorations: Set<Unicode.Scalar> = ["-", "–", "—", "－", "~", "～", "·", "•", ".", "(", ")", "（", "）",
                                                "[", "]", "【", "】", "|", "<", ">", "〈", "〉", "《", "》"]
        var scalars = Array(text.unicodeScalars.filter { !$0.properties.isWhitespace })
        while let first = scalars.first, decorations.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, decorations.contains(last) { scalars.removeLast() }
        guard !scalars.isEmpty, scalars.count <= 24 else { return false }
        if scalars.count <= 4, scalars.allSatisfy({ asciiDigit($0) != nil }) { return true }
        let romanLetters: Set<Unicode.Scalar> = ["I", "V", "X", "L", "C", "i", "v", "x", "l", "c"]
        if scalars.count <= 7, scalars.allSatisfy({ romanLetters.contains($0) || (0x2160...0x217F).contains($0.value) }) {
            // Roman numerals only: not a word such as "CV" in a list; valid-looking sequences of I, V, X.
            return scalars.allSatisfy { "IVXivx".unicodeScalars.contains($0) || (0x2160...0x217F).contains($0.value) }
        }
        let shape = repetitionKey(String(String.UnicodeScalarView(scalars))).lowercased()
            .replacingOccurrences(of: "，", with: ",").replacingOccurrences(of: "／", with: "/")
        return forms.contains(shape)
    }

    static func asciiDigit(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: return scalar.value - 0x30
        case 0xFF10...0xFF19: return scalar.value - 0xFF10
        default: return nil
        }
    }
}
