/// The words by which the segmenter reads a document's cover, dateline, contents and close (`rules/documents.yaml`):
/// language of documents, kept as data like the indicator vocabulary.
public struct DocumentWords: Sendable, Hashable {
    /// Words of a title (`报告`, `规划`, `公报`): the cover line holding one is the title.
    public var titleWords: [String]
    /// Endings of an issuer's name (`教育局`, `人民政府`).
    public var issuerSuffixes: [String]
    /// Labels before a publication date (`发布时间`, `日期`), longest first.
    public var dateLabels: [String]
    /// Titles of a printed table of contents (`目录`, `CONTENTS`).
    public var contentsTitles: Set<String>
    /// Openings of the lines that close a notice's body (`抄送：`, `主题词`).
    public var closingWords: [String]

    public init(titleWords: [String] = [], issuerSuffixes: [String] = [], dateLabels: [String] = [],
                contentsTitles: Set<String> = [], closingWords: [String] = []) {
        self.titleWords = titleWords
        self.issuerSuffixes = issuerSuffixes
        self.dateLabels = dateLabels.sorted { $0.count > $1.count }
        self.contentsTitles = contentsTitles
        self.closingWords = closingWords
    }
}
