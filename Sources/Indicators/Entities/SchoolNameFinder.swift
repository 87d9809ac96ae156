/// The open-world school rule of `rules/entities.yaml` (`school_names`): a school is any name that ends in a
/// school suffix (`职业技术学校`, `中等专业学校`, `技工学校`, `职校`, …) with a place or proper name before it.
public struct SchoolNameRules: Sendable, Hashable {
    public var suffixes: [String] = []
    /// Suffixes that also end ordinary phrases (`支持职业学校`, `发展学校`): a name with one of these must
    /// start with a place name.
    public var weakSuffixes: [String] = []
    /// Words that end the name when walking back from its suffix (`我校`, `的`, `位于`, …).
    public var stops: [String] = []
    /// Words of names that hold a stop character, stepped over whole (`对外` of `对外贸易学校`).
    public var nameWords: [String] = []
    /// The most Characters before the suffix when the name does not start with a place name.
    public var maxUnplacedCore = 10
    /// The most Characters before the suffix in any case.
    public var maxCore = 18
    /// Words before a school's former name (`原名`, `前身是`): not the name the document is about.
    public var formerNameWords: [String] = []
    /// Words before the name a school took (`合并为`, `更名为`): the latest one is its name now.
    public var renamedToWords: [String] = []
    /// Titles of a school's profile page (`学校简介`): a document opening so is about the school it names.
    public var profileTitles: [String] = []
    /// Verbs that introduce one school (`吴忠市技工学校隶属…`, `…是国家级重点…`): a place and a weak suffix
    /// before one of them at the opening of the text name a school, not the place's schools.
    public var introducingVerbs: [String] = []
    public init() {}
}

/// Finds school names in a block by the open-world rule: each suffix occurrence is walked back over CJK
/// Characters until a stop word, punctuation or a number; place names inside the walk are stepped over whole
/// (`于都县`, `全州县` contain stop Characters). A name whose part before the suffix contains a generic word
/// (`中职`, `优质`, `各`) is a phrase, not a school.
struct SchoolNameFinder: Sendable {
    let rules: SchoolNameRules
    let notSchools: [[UInt32]]
    let suffixMatcher: LiteralAlternation?
    let stopWords: [[UInt32]]
    let nameWords: [[UInt32]]
    let weakSuffixes: Set<[UInt32]>
    let gazetteer: RegionGazetteer

    init(rules: SchoolNameRules, notSchools: [String], gazetteer: RegionGazetteer) {
        self.rules = rules
        self.gazetteer = gazetteer
        self.notSchools = notSchools.map { $0.unicodeScalars.map(\.value) }
        let suffixes = rules.suffixes.sorted { ($0.count, $0) > ($1.count, $1) }
        suffixMatcher = suffixes.isEmpty ? nil : LiteralAlternation(words: suffixes.enumerated().map { ($1, $0) })
        stopWords = rules.stops.map { $0.unicodeScalars.map(\.value) }.sorted { $0.count > $1.count }
        nameWords = rules.nameWords.map { $0.unicodeScalars.map(\.value) }.sorted { $0.count > $1.count }
        weakSuffixes = Set(rules.weakSuffixes.map { $0.unicodeScalars.map(\.value) })
    }

    struct Found: Sendable, Hashable {
        var start: Int
        var end: Int
        var name: String
    }

    /// School names in the scalars of one block (offsets in scalars), left to right, not overlapping.
    /// `regions` are the block's region matches (`RegionGazetteer.matches`), stepped over whole.
    func find(in scalars: [UInt32], regions: [(start: Int, end: Int, name: String)]) -> [Found] {
        guard let suffixMatcher else { return [] }
        var regionStartByEnd: [Int: Int] = [:]
        for region in regions { regionStartByEnd[region.end] = region.start }
        var found: [Found] = []
        var position = 0
        var lowerBound = 0
        while let hit = suffixMatcher.firstMatch(in: scalars, from: position) {
            position = hit.end
            let start = walkBack(scalars, from: hit.start, limit: lowerBound, regionStartByEnd: regionStartByEnd)
            let core = scalars[start..<hit.start]
            guard core.count >= 2, core.count <= rules.maxCore else { continue }
            // The proper name after the places it starts with: `普陀区中等职业技术学校` and `静安区中职校` name a
            // district's schools, not one school.
            var properStart = start
            while let region = regions.first(where: { $0.start == properStart && $0.end <= hit.start }) { properStart = region.end }
            let proper = scalars[properStart..<hit.start]
            guard !notSchools.contains(where: { Self.contains(proper, $0) }) else { continue }
            let placed = properStart > start || gazetteer.startsWithPlace(core)
            if !placed && core.count > rules.maxUnplacedCore { continue }
            // A weak suffix names a school only after a place and a proper name (`安庆工业学校`).
            if weakSuffixes.contains(Array(scalars[hit.start..<hit.end])) && (!placed || proper.count < 2) { continue }
            var name = String.UnicodeScalarView()
            for value in scalars[start..<hit.end] { if let scalar = Unicode.Scalar(value) { name.append(scalar) } }
            found.append(Found(start: start, end: hit.end, name: String(name)))
            lowerBound = hit.end
        }
        return found
    }

    /// The start of the name whose suffix starts at `suffixStart`.
    private func walkBack(_ scalars: [UInt32], from suffixStart: Int, limit: Int, regionStartByEnd: [Int: Int]) -> Int {
        var start = suffixStart
        while start > limit, suffixStart - start < rules.maxCore + 1 {
            if let regionStart = regionStartByEnd[start], regionStart >= limit {
                start = regionStart
                continue
            }
            if let word = nameWords.first(where: { word in
                word.count <= start - limit && scalars[(start - word.count)..<start].elementsEqual(word)
            }) {
                start -= word.count
                continue
            }
            if stopWords.contains(where: { word in
                word.count <= start - limit && scalars[(start - word.count)..<start].elementsEqual(word)
            }) { break }
            let value = scalars[start - 1]
            guard Self.isNameCharacter(value) else { break }
            start -= 1
        }
        return start
    }

    /// CJK ideographs and the brackets some official names carry (`广西民族中等专业学校(广西壮文学校)`
    /// is two names: brackets end a name when walking back).
    static func isNameCharacter(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
    }

    /// Whether `start..<end` is made of place names only (`regions`, and the `spans` of subject words such as
    /// `区属`): what stands before a listed school's short name in `普陀区曹杨职校`, but not in `哈尔滨市对外贸易学校`.
    static func onlyPlaces(from start: Int, to end: Int, regions: [(start: Int, end: Int, name: String)],
                           spans: [Range<Int>] = []) -> Bool {
        var position = start
        while position < end {
            if let region = regions.first(where: { $0.start == position && $0.end <= end }) {
                position = region.end
            } else if let span = spans.first(where: { $0.lowerBound == position && $0.upperBound <= end }) {
                position = span.upperBound
            } else {
                return false
            }
        }
        return true
    }

    static func contains(_ haystack: ArraySlice<UInt32>, _ needle: [UInt32]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        var index = haystack.startIndex
        while index + needle.count <= haystack.endIndex {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
