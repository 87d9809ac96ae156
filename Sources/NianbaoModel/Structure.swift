/// The segmented report: front matter, printed table of contents, and the section tree.

public struct FrontMatter: Codable, Sendable, Hashable {
    public var title: String?
    public var region: String?
    /// The year the report covers (a "2023 年度" report), not the year it was printed.
    public var reportYear: Int?
    public var issuer: String?
    /// `YYYY-MM` or nil.
    public var published: String?
    /// The year most figures in the body describe (a "2023" report may describe 2022): the default year
    /// for a value whose sentence and section name none.
    public var dataYear: Int?
    public init(title: String? = nil, region: String? = nil, reportYear: Int? = nil,
                issuer: String? = nil, published: String? = nil, dataYear: Int? = nil) {
        self.dataYear = dataYear
        self.title = title
        self.region = region
        self.reportYear = reportYear
        self.issuer = issuer
        self.published = published
    }
}

public enum SectionKind: String, Codable, Sendable {
    case frontMatter = "front_matter"
    case toc, chapter, section, `case`, table, figure, appendix, preface
}

public struct Section: Codable, Sendable, Hashable {
    public var docId: String
    public var id: String
    public var kind: SectionKind
    public var level: Int
    public var number: String?
    public var title: String
    public var parent: String?
    public var pageStart: Int
    public var pageEnd: Int
    public var lineStart: Int
    public var lineEnd: Int
    /// Index range into `CleanDocument.blocks` that this section covers (heading block included).
    public var blockStart: Int
    public var blockEnd: Int

    public init(docId: String, id: String, kind: SectionKind, level: Int, number: String?, title: String, parent: String?,
                pageStart: Int, pageEnd: Int, lineStart: Int, lineEnd: Int, blockStart: Int, blockEnd: Int) {
        self.docId = docId
        self.id = id
        self.kind = kind
        self.level = level
        self.number = number
        self.title = title
        self.parent = parent
        self.pageStart = pageStart
        self.pageEnd = pageEnd
        self.lineStart = lineStart
        self.lineEnd = lineEnd
        self.blockStart = blockStart
        self.blockEnd = blockEnd
    }

}

extension Section: FieldListed {
    /// Contract fields, then the block range, which files of other tools may lack.
    public static let fields: [RecordField<Section>] = [
        .field("doc_id", \.docId), .field("id", \.id), .field("kind", \.kind), .field("level", \.level),
        .field("number", \.number), .field("title", \.title), .field("parent", \.parent),
        .field("page_start", \.pageStart), .field("page_end", \.pageEnd), .field("line_start", \.lineStart),
        .field("line_end", \.lineEnd), .field("block_start", \.blockStart, whenMissing: 0),
        .field("block_end", \.blockEnd, whenMissing: 0),
    ]
    public static let blank = Section(docId: "", id: "", kind: .section, level: 0, number: nil, title: "", parent: nil,
                                      pageStart: 0, pageEnd: 0, lineStart: 0, lineEnd: 0, blockStart: 0, blockEnd: 0)
    public init(from decoder: any Decoder) throws { self = try Self.decodeFields(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

extension SectionKind: RawFieldValue {}

/// One line of a printed table of contents (or of its list of cases / figures).
public struct TocEntry: Codable, Sendable, Hashable {
    public enum List: String, Codable, Sendable { case contents, cases, figures, tables }
    public var list: List
    public var number: String?
    public var title: String
    /// The printed page label (`12`, `II`), as printed.
    public var printedPage: String?
    public var level: Int
    public var location: SourceLocation
    public init(list: List, number: String?, title: String, printedPage: String?, level: Int,
                location: SourceLocation) {
        self.list = list
        self.number = number
        self.title = title
        self.printedPage = printedPage
        self.level = level
        self.location = location
    }
}

/// A table kept as rows and cells, with its caption and where each row came from.
public struct TableData: Codable, Sendable, Hashable {
    public var sectionId: String
    public var caption: String
    public var rows: [[String]]
    public var rowLocations: [SourceLocation]
    /// Where each cell of each row came from, parallel to `rows` (a row printed one cell per line spans lines).
    public var cellLocations: [[SourceLocation]]?
    public init(sectionId: String, caption: String, rows: [[String]], rowLocations: [SourceLocation],
                cellLocations: [[SourceLocation]]? = nil) {
        self.sectionId = sectionId
        self.caption = caption
        self.rows = rows
        self.rowLocations = rowLocations
        self.cellLocations = cellLocations
    }
}

public struct SegmentedDocument: Codable, Sendable {
    public var docId: String
    public var clean: CleanDocument
    public var frontMatter: FrontMatter
    public var toc: [TocEntry]
    /// In document order; parents precede children.
    public var sections: [Section]
    public var tables: [TableData]
    /// Structural problems found (TOC vs body mismatches, no headings found).
    public var warnings: [String]

    public init(docId: String, clean: CleanDocument, frontMatter: FrontMatter, toc: [TocEntry],
                sections: [Section], tables: [TableData], warnings: [String]) {
        self.docId = docId
        self.clean = clean
        self.frontMatter = frontMatter
        self.toc = toc
        self.sections = sections
        self.tables = tables
        self.warnings = warnings
    }

    /// For every block, the index in `sections` of `section(containingBlock:)`: one pass for callers that
    /// ask for every block (each single lookup scans all sections).
    /// For each section, the first of `own` (by section index) found walking out from it through its parents,
    /// at most `depth` sections; a parent id names the first section with that id. What a title says (its year,
    /// its level, whom it is about) holds for the sections under it.
    public func inheritedThroughParents<Value>(_ own: [Value?], depth: Int = 6) -> [Value?] {
        var indexById: [String: Int] = [:]
        for (index, section) in sections.enumerated() where indexById[section.id] == nil { indexById[section.id] = index }
        return sections.indices.map { start in
            var current: Int? = start
            for _ in 0..<depth {
                guard let index = current, index < own.count else { return nil }
                if let found = own[index] { return found }
                current = sections[index].parent.flatMap { indexById[$0] }
            }
            return nil
        }
    }

    public func sectionIndexByBlock() -> [Int?] {
        var result = [Int?](repeating: nil, count: clean.blocks.count)
        for index in sections.indices {
            let lower = max(0, sections[index].blockStart), upper = min(clean.blocks.count - 1, sections[index].blockEnd)
            guard lower <= upper else { continue }
            let level = sections[index].level
            for block in lower...upper {
                // Same tie rule as `section(containingBlock:)`: of equal levels, the later section wins.
                if let best = result[block], sections[best].level > level { continue }
                result[block] = index
            }
        }
        return result
    }

    /// The innermost section whose block range holds `blockIndex`.
    public func section(containingBlock blockIndex: Int) -> Section? {
        var best: Section?
        for section in sections where section.blockStart <= blockIndex && blockIndex <= section.blockEnd {
            if best == nil || section.level >= best!.level { best = section }
        }
        return best
    }
}
