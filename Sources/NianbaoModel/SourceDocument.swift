/// What a reader produces: the text of one input file as pages of lines, before cleaning.
/// Every reader (text, Markdown, PDF, HTML) produces this same shape, so later stages are written once.

public enum SourceFormat: String, Codable, Sendable, CaseIterable {
    case pdf, html, text, markdown
}

/// One line as the reader saw it, with where it came from.
public struct SourceLine: Codable, Sendable, Hashable {
    public var text: String
    /// 1-based physical page (text inputs: 1, or the page between `---`/form-feed separators).
    public var page: Int
    /// 1-based line: the line of the source file for text inputs, the line within the page for PDF/HTML.
    public var line: Int
    /// Layout hints a reader may know (PDF: font size and weight, position; HTML: tag).
    public var fontSize: Double?
    public var isBold: Bool
    public var x: Double?
    public var y: Double?
    /// A heading level the markup states (`<h2>` → 2, `##` → 2); a hint only, numbering decides.
    public var markupHeadingLevel: Int?
    /// Table cells when the source shows this line as a table row (tabs in text, cells in PDF/HTML).
    public var cells: [String]?
    /// Where each of `cells` came from, parallel to it, when the reader recognised the table itself; a row
    /// printed one cell per line has cells from several lines (the line's own `line` is its first).
    public var cellLocations: [SourceLocation]?
    /// True when the source marks a hard block boundary before this line (a new `<p>`, a PDF paragraph gap).
    public var startsBlock: Bool

    public init(text: String, page: Int, line: Int, fontSize: Double? = nil, isBold: Bool = false,
                x: Double? = nil, y: Double? = nil, markupHeadingLevel: Int? = nil,
                cells: [String]? = nil, startsBlock: Bool = false, cellLocations: [SourceLocation]? = nil) {
        self.text = text
        self.page = page
        self.line = line
        self.fontSize = fontSize
        self.isBold = isBold
        self.x = x
        self.y = y
        self.markupHeadingLevel = markupHeadingLevel
        self.cells = cells
        self.startsBlock = startsBlock
        self.cellLocations = cellLocations
    }
}

public struct SourcePage: Codable, Sendable, Hashable {
    public var number: Int
    public var lines: [SourceLine]
    /// False for an image-only (scanned) page.
    public var hasTextLayer: Bool
    public init(number: Int, lines: [SourceLine], hasTextLayer: Bool = true) {
        self.number = number
        self.lines = lines
        self.hasTextLayer = hasTextLayer
    }
}

public struct SourceDocument: Codable, Sendable {
    /// Path as given by the user.
    public var path: String
    public var format: SourceFormat
    public var pages: [SourcePage]
    /// Metadata the container states (PDF info dictionary, HTML `<title>`, publication date).
    public var metadataTitle: String?
    public var metadataDate: String?
    /// Per-page or per-file problems that did not stop reading (e.g. "page 7 has no text layer").
    public var warnings: [String]
    /// True when the reader already removed running headers/footers (PDF, HTML do it themselves).
    public var headersRemoved: Bool
    /// What is known of the document from outside its text: the web address it was saved from (a saved
    /// page's canonical link, or the analyst's list of sources) and a subject or year the analyst stated.
    public var stated: StatedFacts

    public init(path: String, format: SourceFormat, pages: [SourcePage], metadataTitle: String? = nil,
                metadataDate: String? = nil, warnings: [String] = [], headersRemoved: Bool = false,
                stated: StatedFacts = StatedFacts()) {
        self.stated = stated
        self.path = path
        self.format = format
        self.pages = pages
        self.metadataTitle = metadataTitle
        self.metadataDate = metadataDate
        self.warnings = warnings
        self.headersRemoved = headersRemoved
    }

    public var allLines: [SourceLine] { pages.flatMap(\.lines) }
}

/// Facts about a document that its text does not give: where it was published and what the analyst knows of it.
/// Each is used only where the text itself says nothing (see the subject and year resolution).
public struct StatedFacts: Codable, Sendable, Hashable {
    /// The web address the file was saved from (`https://tjj.fujian.gov.cn/…`).
    public var address: String?
    /// The school or region the document is about, as the analyst states it.
    public var subject: String?
    /// The year the document covers, as the analyst states it.
    public var year: Int?

    public init(address: String? = nil, subject: String? = nil, year: Int? = nil) {
        self.address = address
        self.subject = subject
        self.year = year
    }

    public var isEmpty: Bool { address == nil && subject == nil && year == nil }

    /// These facts with `other`'s where `other` has one (an analyst's list overrides what a page says).
    public func overridden(by other: StatedFacts) -> StatedFacts {
        StatedFacts(address: other.address ?? address, subject: other.subject ?? subject, year: other.year ?? year)
    }
}
