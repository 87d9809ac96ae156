@testable import Cleaning
@testable import Extraction
import NianbaoModel
import RuleFiles

// The shapes as an import reads them: with the words of the shipped `rules/documents.yaml`.
extension HeadingShape {
    static func parse(_ raw: String) -> HeadingShape? { parse(raw, words: .shipped) }
}

extension PDFPageFurniture {
    static func isPageNumber(_ text: String) -> Bool { isPageNumber(text, forms: DocumentWords.shipped.pageNumberForms) }
}
