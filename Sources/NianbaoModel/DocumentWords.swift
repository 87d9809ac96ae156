/// The words by which nianbao reads a document's layout (`rules/documents.yaml`): a cover, dateline, contents
/// and close for the segmenter; page numbers, a web page's info bar, notes and table captions for the readers
/// and cleaning. Language of documents, kept as data like the indicator vocabulary.
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
    /// Lines that, standing alone, open an unnumbered top-level part (`前言`, `结语`, `附录`).
    public var namedParts: Set<String>
    /// Openings of a note's body under a table or page (`注：`, `数据来源`), never running text.
    public var noteOpeners: [String]
    /// Shapes of a line that is only a page number, `#` for its digits, spaces dropped, lower case
    /// (`第#页`, `page#of#`).
    public var pageNumberForms: Set<String>
    /// Words of a web page's info bar (`浏览次数`, `打印本页`): one marks the line as no article text.
    public var pageInfoMarkers: [String]
    /// Weaker words of that bar (`来源：`, `作者：`): two, or one on a short line with a date.
    public var pageInfoHints: [String]
    /// Openings of a table's caption, unit line or note (`表`, `单位`, `资料来源`) when a number, space, colon
    /// or bracket follows: never a row.
    public var tableCaptionOpeners: [String]
    /// Labels before a caption's or part's number (`表 1`, `附表 2`, `案例 3`, `第二部分`).
    public var headingLabels: HeadingLabels
    /// Words of a statistics table's column names, for headers wrapped over several lines.
    public var tableHeaders: TableHeaderWords
    /// Words of a report's topic in its title (`中等职业`, `职业教育`): the region the title names stands before
    /// the first of them (`江海市青川区中等职业教育质量年度报告` → 青川区); a short cover line holding one is a
    /// fragment of the title.
    public var titleTopicWords: [String] = []
    /// Names of the report itself (`质量年度报告`): a quoted title holding one is the report's title.
    public var reportNames: [String] = []
    /// Words ending a red-headed document's issuer line (`江海市教育局文件`): the issuer is the line without it.
    public var issuerLineEndings: [String] = []
    /// Characters after a line's opening number that make it a quantity, not a heading's number.
    public var headingNumbers = HeadingNumberWords()
    /// Endings of the region names a title starts with (`江海市青川区…` → 青川区).
    public var titleRegions = TitleRegionWords()

    public init(titleWords: [String] = [], issuerSuffixes: [String] = [], dateLabels: [String] = [],
                contentsTitles: Set<String> = [], closingWords: [String] = [], namedParts: Set<String> = [],
                noteOpeners: [String] = [], pageNumberForms: Set<String> = [], pageInfoMarkers: [String] = [],
                pageInfoHints: [String] = [], tableCaptionOpeners: [String] = [], headingLabels: HeadingLabels = HeadingLabels(),
                tableHeaders: TableHeaderWords = TableHeaderWords()) {
        self.titleWords = titleWords
        self.issuerSuffixes = issuerSuffixes
        self.dateLabels = dateLabels.sorted { $0.count > $1.count }
        self.contentsTitles = contentsTitles
        self.closingWords = closingWords
        self.namedParts = namedParts
        self.noteOpeners = noteOpeners
        self.pageNumberForms = pageNumberForms
        self.pageInfoMarkers = pageInfoMarkers
        self.pageInfoHints = pageInfoHints
        self.tableCaptionOpeners = tableCaptionOpeners
        self.headingLabels = headingLabels
        self.tableHeaders = tableHeaders
    }
}

/// The words by which a wrapped table header's column names are stacked (`WrappedHeader`): a name is finished
/// when it ends in a measure (`学校数`, `就业率`, `占地面积`); units and names say what a column holds (an area,
/// money or a count), which decides where a unit on a line of its own goes and which values a column allows.
public struct TableHeaderWords: Sendable, Hashable {
    /// Last characters of a finished column name (`数`, `率`, `积`, `额` …).
    public var nameEndings: Set<Character>
    /// Last characters of a money column's name (`资产`, `总额`, `收入`).
    public var moneyEndings: Set<Character>
    /// Words of an area column's name (`面积`).
    public var areaWords: [String]
    /// Words of an area unit (`平方米`, `亩`) and of a money unit (`元`).
    public var areaUnits: [String]
    public var moneyUnits: [String]
    /// Openings of a sub-column's name (`其中:女`, `#专任`).
    public var partMarkers: [String]

    public init(nameEndings: Set<Character> = [], moneyEndings: Set<Character> = [], areaWords: [String] = [],
                areaUnits: [String] = [], moneyUnits: [String] = [], partMarkers: [String] = []) {
        self.nameEndings = nameEndings
        self.moneyEndings = moneyEndings
        self.areaWords = areaWords
        self.areaUnits = areaUnits
        self.moneyUnits = moneyUnits
        self.partMarkers = partMarkers
    }
}

/// The words that open a numbered caption, case or appendix (`表 1`, `图表 2`, `附表 1`, `【案例3】`) and that end
/// a `第N…` part's number (`第二部分`, `第一章`, `第三节`). Each list is tried longest word first, so `图表` is
/// no `图` and `附表` no `表`.
public struct HeadingLabels: Sendable, Hashable {
    /// `案例 3`, `【案例3】`
    public var cases: [String]
    /// `附件 2`, `附录`; an appendix standing alone is a named part
    public var appendices: [String]
    /// `附表 1`: an appendix that is a table, a heading wherever it stands
    public var appendixTables: [String]
    /// `表 1`
    public var tables: [String]
    /// `图 1`, `图表 1`
    public var figures: [String]
    /// `第一部分`, `第一章`: a part above the numbered headings
    public var partUnits: [String]
    /// `第一节`: a division of a part
    public var sectionUnits: [String]
    /// The word before a part's numeral (`第`)
    public var ordinalMarkers: [String] = []

    public init(cases: [String] = [], appendices: [String] = [], appendixTables: [String] = [], tables: [String] = [],
                figures: [String] = [], partUnits: [String] = [], sectionUnits: [String] = [], ordinalMarkers: [String] = []) {
        func longestFirst(_ words: [String]) -> [String] { words.sorted { $0.count > $1.count } }
        self.cases = longestFirst(cases)
        self.appendices = longestFirst(appendices)
        self.appendixTables = longestFirst(appendixTables)
        self.tables = longestFirst(tables)
        self.figures = longestFirst(figures)
        self.partUnits = longestFirst(partUnits)
        self.sectionUnits = longestFirst(sectionUnits)
        self.ordinalMarkers = longestFirst(ordinalMarkers)
    }

    /// Whether the text opens with an appendix's label (`附件`, `附表 1`).
    public func opensAppendix(_ text: String) -> Bool {
        appendices.contains { text.hasPrefix($0) } || appendixTables.contains { text.hasPrefix($0) }
    }
}

/// Characters that, right after a line's opening number, show it is a quantity (`2020 年`, `2%`, `2所`), not a
/// heading's number (`2 主要成绩`).
public struct HeadingNumberWords: Sendable, Hashable {
    /// A quantity wherever they stand after the number (`年`, `%`, `万`, `、`).
    public var quantityFollowers: Set<Character>
    /// A quantity only when glued to the number (`2所`, `3个`); after a space they may start a title.
    public var gluedQuantityFollowers: Set<Character>

    public init(quantityFollowers: Set<Character> = [], gluedQuantityFollowers: Set<Character> = []) {
        self.quantityFollowers = quantityFollowers
        self.gluedQuantityFollowers = gluedQuantityFollowers
    }
}

/// How the region a title names is cut out of the words before its topic (`江海市青川区中等职业…`).
public struct TitleRegionWords: Sendable, Hashable {
    /// Endings of a unit inside a city (`区`, `县`, `新区`): the name is kept from after the city's ending.
    public var innerSuffixes: [String]
    /// Endings of a city's or province's name, kept whole (`市`, `省`).
    public var wholeSuffixes: [String]
    /// The ending of the city an inner unit's name may start with (`市`).
    public var cityEndings: [String]
    /// Added to a bare short place name (`江海中等职业…` → 江海市).
    public var bareNameSuffix: String

    public init(innerSuffixes: [String] = [], wholeSuffixes: [String] = [], cityEndings: [String] = [], bareNameSuffix: String = "") {
        self.innerSuffixes = innerSuffixes.sorted { $0.count > $1.count }
        self.wholeSuffixes = wholeSuffixes
        self.cityEndings = cityEndings
        self.bareNameSuffix = bareNameSuffix
    }
}
