import Foundation

/// A table row or column label as statistics tables print it, reduced to what rules match: the English
/// translation (`在校学生数 Enrollment`), the numbering (`1.`, `⒈`, `一、`, `(二)`), the `#`/`其中:` marks
/// of an "of which" row, spaces between Chinese characters (`小    学`) and a trailing unit (`(所)`,
/// `(萬人)`) are taken off; the unit is kept apart.
struct TableLabel: Sendable, Hashable {
    var text: String
    var unit: String?
    /// `#普通中专`, `其中:市属`: a part of the row above.
    var isPart: Bool

    init(_ printed: String) {
        var text = Self.withoutTranslation(printed)
        var isPart = false
        for mark in ["#", "＃", "其中:", "其中：", "其中"] where text.hasPrefix(mark) {
            text.removeFirst(mark.count)
            isPart = true
            break
        }
        text = Self.withoutNumbering(text.trimmingCharacters(in: .whitespaces))
        // Spaces only ever pad a label: `小    学`, `学校数           (所)`.
        text = String(text.filter { $0 != " " && $0 != "\u{3000}" })
        var unit: String?
        if let open = text.lastIndex(where: { $0 == "(" || $0 == "（" }), text.last == ")" || text.last == "）" {
            let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
            if inner.count <= 4, !inner.isEmpty { unit = String(inner); text = String(text[..<open]) }
        }
        self.text = text
        self.unit = unit
        self.isPart = isPart
    }

    /// The label without its English translation: from the first run of Latin letters that follows Chinese text
    /// to the end (`毕业生就业率 Employment Rate of Graduates` → `毕业生就业率 `).
    static func withoutTranslation(_ printed: String) -> String {
        let scalars = Array(printed.unicodeScalars)
        if let firstCJK = scalars.firstIndex(where: { $0.value >= 0x3400 }),
           let english = scalars[firstCJK...].firstIndex(where: { ($0.value | 0x20) >= 0x61 && ($0.value | 0x20) <= 0x7A }),
           scalars[english...].prefix(3).allSatisfy({ $0.isASCII }) {
            return String(String.UnicodeScalarView(scalars[..<english]))
        }
        return printed
    }

    /// `1.`, `1、`, `⒈`, `一、`, `(一)`, `（二）` at the start.
    static func withoutNumbering(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars.map(\.value))
        let start = numberingLength(scalars[...])
        guard start > 0 else { return text.trimmingCharacters(in: .whitespaces) }
        var rest = String.UnicodeScalarView()
        for value in scalars[start...] { if let scalar = Unicode.Scalar(value) { rest.append(scalar) } }
        return String(rest).trimmingCharacters(in: .whitespaces)
    }

    static let chineseDigits: Set<UInt32> = Set("一二三四五六七八九十".unicodeScalars.map(\.value))

    static func isNumeral(_ value: UInt32) -> Bool { (0x30...0x39).contains(value) || chineseDigits.contains(value) }

    /// How many scalars of numbering open the text (0 when none).
    static func numberingLength(_ scalars: ArraySlice<UInt32>) -> Int {
        guard let first = scalars.first else { return 0 }
        let base = scalars.startIndex
        if (0x2488...0x249B).contains(first) { return 1 }  // ⒈ … ⒛
        if first == 0x28 || first == 0xFF08 {  // ( （
            var index = base + 1
            while index < scalars.endIndex, index - base <= 3, isNumeral(scalars[index]) { index += 1 }
            if index > base + 1, index < scalars.endIndex, scalars[index] == 0x29 || scalars[index] == 0xFF09 {
                return index + 1 - base
            }
            return 0
        }
        var index = base
        while index < scalars.endIndex, index - base < 3, isNumeral(scalars[index]) { index += 1 }
        if index > base, index < scalars.endIndex, [0x2E, 0x3001, 0xFF0E].contains(scalars[index]) {  // . 、 ．
            return index + 1 - base
        }
        return 0
    }
}

/// What a row or column label says about the part of the education system it counts (`rules/entities.yaml`
/// `table_categories`): secondary vocational education as a whole, one of its kinds (a `category` of the
/// entity), or another level of education that is not ours.
enum TableCategory: Sendable, Hashable {
    case whole
    case part(String)
    case otherLevel
}

/// The category vocabulary of `entities.yaml`.
public struct TableCategoryRules: Sendable, Hashable {
    public var whole: [String] = [] { didSet { categoryWordBytes = Self.longestFirstBytes(whole + parts.flatMap(\.words)) } }
    /// Category name → the words that name it.
    public var parts: [(name: String, words: [String])] = [] {
        didSet { categoryWordBytes = Self.longestFirstBytes(whole + parts.flatMap(\.words)) }
    }
    /// The words of `whole` and `parts` as UTF-8, longest first (`removingCategoryWords` runs on every table label).
    var categoryWordBytes: [[UInt8]] = []
    public var otherLevels: [String] = []
    /// Prefix of the category of a whole nested under another whole, before the kinds listed beside it
    /// (`中等职业教育` › `中职学校`, `技工学校`: the first is `不含技工学校`).
    public var excluding = "不含" { didSet { excludingScalars = excluding.unicodeScalars.map(\.value) } }
    /// `excluding` as scalars, searched before every number.
    var excludingScalars: [UInt32] = "不含".unicodeScalars.map(\.value)
    /// Parts that say who runs the schools or how students attend, not a kind of school: another level's
    /// label with one (`民办的其他高等教育机构`) is still that level's.
    public var attributes: Set<String> = []
    /// Words of a table's first header cell saying its rows break one indicator down (`专业类别`, `年级`).
    public var breakdownHeaders: [String] = []
    public init() {}

    public static func == (lhs: TableCategoryRules, rhs: TableCategoryRules) -> Bool {
        lhs.whole == rhs.whole && lhs.otherLevels == rhs.otherLevels && lhs.leadWhole == rhs.leadWhole && lhs.excluding == rhs.excluding
            && lhs.attributes == rhs.attributes && lhs.breakdownHeaders == rhs.breakdownHeaders
            && lhs.leadFillers == rhs.leadFillers && lhs.leadPlaces == rhs.leadPlaces
            && lhs.parts.map(\.name) == rhs.parts.map(\.name) && lhs.parts.map(\.words) == rhs.parts.map(\.words)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(whole)
        hasher.combine(otherLevels)
        hasher.combine(excluding)
        hasher.combine(attributes)
        hasher.combine(breakdownHeaders)
        hasher.combine(leadFillers)
        hasher.combine(leadPlaces)
        for part in parts { hasher.combine(part.name); hasher.combine(part.words) }
    }

    /// The label without the words naming the whole or a kind (`中等职业学校(机构)专任教师数` → `(机构)专任教师数`).
    func removingCategoryWords(_ label: String) -> String {
        // On UTF-8 bytes: a word's bytes match only at a character's start, and no Foundation search is needed.
        var bytes = Array(label.utf8)
        var changed = false
        for word in categoryWordBytes where word.count <= bytes.count {
            var index = 0
            while index + word.count <= bytes.count {
                if bytes[index] == word[0], bytes[index..<(index + word.count)].elementsEqual(word) {
                    bytes.removeSubrange(index..<(index + word.count))
                    changed = true
                } else {
                    index += 1
                }
            }
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : label
    }

    static func longestFirstBytes(_ words: [String]) -> [[UInt8]] {
        words.filter { !$0.isEmpty }.sorted { $0.count > $1.count }.map { Array($0.utf8) }
    }

    /// What a paragraph of a bulletin is about when it opens with a level or kind (`2、小学招生人数…`,
    /// `——技工学校。…`, `中职招生人数…`): the longest such word it starts with.
    func classifyLead(_ paragraph: String) -> TableCategory? {
        classifyLead(scalars: Array(paragraph.unicodeScalars.prefix(24).map(\.value))[...])
    }

    /// `classifyLead` on scalars: it runs on every clause, so no Strings are built.
    func classifyLead(scalars: ArraySlice<UInt32>) -> TableCategory? {
        var start = scalars.startIndex
        while start < scalars.endIndex, [0x20, 0x2014, 0x2D, 0x3000].contains(scalars[start]) { start += 1 }  // space — - 　
        start += TableLabel.numberingLength(scalars[start...])
        while start < scalars.endIndex, scalars[start] == 0x20 { start += 1 }
        start = afterLeadWords(scalars, from: start)
        // `县技工学校…`: a place word right before a kind of ours.
        if let place = leadPlaceScalars.first(where: { scalars[start...].starts(with: $0) }),
           leadEntries.contains(where: { entry in
               if case .part = entry.category { return scalars[(start + place.count)...].starts(with: entry.scalars) }
               return false
           }) {
            start += place.count
        }
        // `其中民办学校在校生…`: after `其中` an attribute opens a part too (`民办`, `全日制`).
        var entries = leadEntries
        if scalars[start...].starts(with: Self.qizhong) {
            start += Self.qizhong.count
            while start < scalars.endIndex, [0xFF1A, 0x3A, 0xFF0C, 0x2C, 0x20].contains(scalars[start]) { start += 1 }  // ：:，, space
            entries = partLeadEntries
        }
        let lead = scalars[start...]
        for entry in entries where entry.scalars.count <= lead.count
            && lead.prefix(entry.scalars.count).elementsEqual(entry.scalars) {
            return entry.category
        }
        // `另有人社部门管理的技工学校9所`: a kind after a short qualifier ending in `的`.
        if let de = lead.prefix(Self.maximumQualifier + 1).firstIndex(of: Self.de) {
            let kind = scalars[(de + 1)...]
            for entry in entries where entry.scalars.count <= kind.count && kind.prefix(entry.scalars.count).elementsEqual(entry.scalars) {
                // (a kind qualified in brackets, `独立的技工学校(含分校)`, counts another series)
                let next = kind.dropFirst(entry.scalars.count).first
                if case .part = entry.category, next != 0x28, next != 0xFF08 { return entry.category }
                return nil
            }
        }
        return nil
    }

    /// Characters of a qualifier before `的` and the kind a clause opens with, at most (`人社部门管理的`).
    static let maximumQualifier = 8
    static let de: UInt32 = 0x7684  // 的

    /// The kind opening an item of a `其中` list (`、公办学校在校生3,100人` after `其中民办学校在校生900人`), its
    /// attributes included.
    func classifyListItem(scalars: ArraySlice<UInt32>) -> TableCategory? {
        var start = scalars.startIndex
        while start < scalars.endIndex, scalars[start] == 0x20 { start += 1 }
        let item = scalars[start...]
        return partLeadEntries.first { entry in
            entry.scalars.count <= item.count && item.prefix(entry.scalars.count).elementsEqual(entry.scalars)
        }?.category
    }

    /// Every lead word as scalars with its category, longest first (kinds before the whole before other
    /// levels on a tie), built once when the rules load.
    var leadEntries: [(scalars: [UInt32], category: TableCategory)] = []
    /// The same with the attributes, for a clause opening with `其中`.
    var partLeadEntries: [(scalars: [UInt32], category: TableCategory)] = []
    static let qizhong: [UInt32] = [0x5176, 0x4E2D]  // 其中

    mutating func prepareLeads() {
        var entries: [(scalars: [UInt32], category: TableCategory, rank: Int)] = []
        for part in parts { for word in part.words { entries.append((word.unicodeScalars.map(\.value), .part(part.name), 0)) } }
        // An attribute opening a clause is no breakdown (`全日制在校生 9.6 万人` is the enrollment).
        let leadOnly = entries.filter { entry in
            if case .part(let name) = entry.category { return !attributes.contains(name) }
            return true
        }
        for word in whole + leadWhole { entries.append((word.unicodeScalars.map(\.value), .whole, 1)) }
        for word in otherLevels { entries.append((word.unicodeScalars.map(\.value), .otherLevel, 2)) }
        leadEntries = (leadOnly + entries.filter { $0.rank != 0 }).sorted { ($0.scalars.count, -$0.rank) > ($1.scalars.count, -$1.rank) }.map { ($0.scalars, $0.category) }
        partLeadEntries = entries.sorted { ($0.scalars.count, -$0.rank) > ($1.scalars.count, -$1.rank) }.map { ($0.scalars, $0.category) }
        let labelWords = entries.filter { entry in entry.rank != 1 || whole.contains(String(String.UnicodeScalarView(entry.scalars.compactMap(Unicode.Scalar.init)))) }
        containsEntries = labelWords.sorted { ($0.rank, -$0.scalars.count) < ($1.rank, -$1.scalars.count) }.map { ($0.scalars, $0.category) }
    }

    /// Words naming the report's region that may stand before a clause's level (`全市`, `我省`), as scalars,
    /// longest first; set from `subject_words` when the rules load.
    var leadSkips: [[UInt32]] = []

    /// Verbs that may stand between the region word and the level a clause is about (`全县共有各级各类学校…`).
    public var leadFillers: [String] = [] {
        didSet { leadFillerScalars = leadFillers.map { $0.unicodeScalars.map(\.value) }.sorted { $0.count > $1.count } }
    }
    var leadFillerScalars: [[UInt32]] = []

    /// Place words that may stand right before the kind a clause opens with (`另有县技工学校 1 所`).
    public var leadPlaces: [String] = [] {
        didSet { leadPlaceScalars = leadPlaces.map { $0.unicodeScalars.map(\.value) }.sorted { $0.count > $1.count } }
    }
    var leadPlaceScalars: [[UInt32]] = []

    /// Where a clause's level would start: after the region words and fillers opening it, in either order
    /// (`全县共有…`, `同期全县…`).
    func afterLeadWords(_ scalars: ArraySlice<UInt32>, from position: Int) -> Int {
        var start = position
        for _ in 0..<4 {
            if let skip = leadSkips.first(where: { scalars[start...].starts(with: $0) }) {
                start += skip.count
            } else if let filler = leadFillerScalars.first(where: { scalars[start...].starts(with: $0) }) {
                start += filler.count
            } else {
                break
            }
        }
        return start
    }

    /// The text without the region words and fillers opening it (`同期全市普通高中招生…` → `普通高中招生…`).
    func withoutLeadWords(_ text: String) -> String {
        let scalars = text.unicodeScalars.map(\.value)
        let start = afterLeadWords(scalars[...], from: 0)
        guard start > 0 else { return text }
        return String(String.UnicodeScalarView(scalars.dropFirst(start).compactMap(Unicode.Scalar.init)))
    }

    /// Short names of the whole that only open a paragraph (`中职招生人数…`), too short to search labels for.
    public var leadWhole: [String] = []

    /// Kinds first (`职业高中` is no `高中`), the longest naming one, then the whole, then other levels.
    func classify(_ label: String) -> TableCategory? {
        classify(scalars: label.unicodeScalars.map(\.value))
    }

    func classify(scalars: [UInt32]) -> TableCategory? {
        for entry in containsEntries where Self.contains(scalars, entry.scalars) {
            if case .part(let name) = entry.category, attributes.contains(name), namesOtherLevel(scalars) { return .otherLevel }
            return entry.category
        }
        return nil
    }

    func namesOtherLevel(_ scalars: [UInt32], besides word: [UInt32] = []) -> Bool {
        containsEntries.contains {
            $0.category == .otherLevel && Self.contains(scalars, $0.scalars) && (word.isEmpty || !Self.contains($0.scalars, word))
        }
    }

    /// The kind of ours a short text names and the word naming it (`(其中全日制学生` → 全日制), longest first.
    func partWord(in text: String) -> (name: String, word: String)? {
        partWord(scalars: text.unicodeScalars.map(\.value)).map { ($0.name, String(String.UnicodeScalarView($0.word.compactMap(Unicode.Scalar.init)))) }
    }

    func partWord(scalars: [UInt32]) -> (name: String, word: [UInt32])? {
        for entry in containsEntries where Self.contains(scalars, entry.scalars) {
            guard case .part(let name) = entry.category else { return nil }
            // After a value of ours, `民办学校` is its private schools: only another level named besides the
            // attribute (`民办高等教育`) makes it not ours.
            if attributes.contains(name), namesOtherLevel(scalars, besides: entry.scalars) { return nil }
            return (name, entry.scalars)
        }
        return nil
    }

    /// The label words in the order `classify` tries them (kinds longest first, the whole, other levels).
    var containsEntries: [(scalars: [UInt32], category: TableCategory)] = []

    static func contains(_ haystack: [UInt32], _ needle: [UInt32]) -> Bool {
        !needle.isEmpty && scalarsFirstIndex(of: needle, in: haystack[...]) != nil
    }
}
