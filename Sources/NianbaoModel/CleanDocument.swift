/// The cleaned text: blocks (paragraphs, heading candidates, table rows) with a map back to the source.

public struct SourceLocation: Codable, Sendable, Hashable {
    public var page: Int
    public var line: Int
    public init(page: Int, line: Int) {
        self.page = page
        self.line = line
    }
}

/// A run of a block's text that came from one source line: `offset` is in Characters of `Block.text`.
public struct LineSpan: Codable, Sendable, Hashable {
    public var offset: Int
    public var location: SourceLocation
    public init(offset: Int, location: SourceLocation) {
        self.offset = offset
        self.location = location
    }
}

public enum BlockKind: String, Codable, Sendable {
    case paragraph
    case tableRow
    case footnote
}

public struct Block: Codable, Sendable, Hashable {
    public var kind: BlockKind
    public var text: String
    /// Where each piece of `text` came from; the first span has offset 0.
    public var spans: [LineSpan]
    public var cells: [String]?
    /// For a table row, where each cell came from (parallel to `cells`): one row of a table printed one cell
    /// per line spans several lines.
    public var cellLocations: [SourceLocation]?
    public var fontSize: Double?
    public var isBold: Bool
    public var markupHeadingLevel: Int?
    /// `text` in simplified script, for matching rules (which are simplified); nil when `text` has no
    /// traditional character. Always the same Character count as `text`, so an offset in one is the
    /// same offset in the other: quotes are cut from `text`, as printed.
    public var matchText: String?

    public init(kind: BlockKind, text: String, spans: [LineSpan], cells: [String]? = nil,
                fontSize: Double? = nil, isBold: Bool = false, markupHeadingLevel: Int? = nil,
                cellLocations: [SourceLocation]? = nil, matchText: String? = nil) {
        self.kind = kind
        self.text = text
        self.spans = spans
        self.cells = cells
        self.fontSize = fontSize
        self.isBold = isBold
        self.markupHeadingLevel = markupHeadingLevel
        self.cellLocations = cellLocations
        self.matchText = matchText
    }

    /// The text rules match against: simplified when the block was printed in traditional script.
    public var matchingText: String { matchText ?? text }

    /// `cells` in simplified script (a table row's `text` is its cells joined by tabs, and `matchText`
    /// keeps every Character in place, so each cell is the same slice of `matchText`).
    public var matchingCells: [String]? {
        guard let cells, let matchText else { return cells }
        guard text == cells.joined(separator: "\t") else { return cells }
        var result: [String] = []
        var rest = Substring(matchText)
        for cell in cells {
            result.append(String(rest.prefix(cell.count)))
            rest = rest.dropFirst(cell.count + 1)
        }
        return result
    }

    public var start: SourceLocation { spans.first?.location ?? SourceLocation(page: 1, line: 1) }
    public var end: SourceLocation { spans.last?.location ?? start }

    /// The source line that holds the character at `offset` of `text`.
    public func location(atOffset offset: Int) -> SourceLocation {
        var found = start
        for span in spans {
            if span.offset <= offset { found = span.location } else { break }
        }
        return found
    }
}

/// The script a document is printed in. Matching always runs on simplified text (`Block.matchingText`).
public enum Script: String, Codable, Sendable {
    case simplified
    case traditional
}

public struct CleanDocument: Codable, Sendable {
    public var source: SourceDocument
    public var blocks: [Block]
    /// Footnote bodies moved out of the running text, in order of appearance.
    public var footnotes: [Block]
    /// The script most of the text is printed in; nil when it could not be told (no converter).
    public var script: Script?
    public init(source: SourceDocument, blocks: [Block], footnotes: [Block], script: Script? = nil) {
        self.source = source
        self.blocks = blocks
        self.footnotes = footnotes
        self.script = script
    }
}
