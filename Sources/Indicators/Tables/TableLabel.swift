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
        var scalars = Array(printed.unicodeScalars)
        // English: from the first run of Latin letters that follows Chinese text to the end (the translation).
        if let firstCJK = scalars.firstIndex(where: { $0.value >= 0x3400 }),
           let english = scalars[firstCJK...].firstIndex(where: { ($0.value | 0x20) >= 0x61 && ($0.value | 0x20) <= 0x7A }),
           scalars[english...].prefix(3).allSatisfy({ $0.isASCII }) {
            scalars = Array(scalars[..<english])
        }
        var text = String(String.UnicodeScalarView(scalars))
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

    /// `1.`, `1、`, `⒈`, `一、`, `(一)`, `（二）` at the start.
    static func withoutNumbering(_ text: String) -> String {
        var rest = Substring(text)
        if let first = rest.unicodeScalars.first, (0x2488...0x249B).contains(first.value) {  // ⒈ … ⒛
            rest = rest.dropFirst()
        } else if rest.first == "(" || rest.first == "（",
                  let close = rest.firstIndex(where: { $0 == ")" || $0 == "）" }),
                  rest.distance(from: rest.startIndex, to: close) <= 3,
                  rest[rest.index(after: rest.startIndex)..<close].allSatisfy({ "一二三四五六七八九十".contains($0) || $0.isNumber }) {
            rest = rest[rest.index(after: close)...]
        } else {
            let number = rest.prefix { "一二三四五六七八九十".contains($0) || ($0.isASCII && $0.isNumber) }
            if !number.isEmpty, number.count <= 3, let next = rest.dropFirst(number.count).first, ".、．".contains(next) {
                rest = rest.dropFirst(number.count + 1)
            }
        }
        return String(rest).trimmingCharacters(in: .whitespaces)
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
    public var whole: [String] = []
    /// Category name → the words that name it.
    public var parts: [(name: String, words: [String])] = []
    public var otherLevels: [String] = []
    public init() {}

    public static func == (lhs: TableCategoryRules, rhs: TableCategoryRules) -> Bool {
        lhs.whole == rhs.whole && lhs.otherLevels == rhs.otherLevels && lhs.leadWhole == rhs.leadWhole
            && lhs.parts.map(\.name) == rhs.parts.map(\.name) && lhs.parts.map(\.words) == rhs.parts.map(\.words)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(whole)
        hasher.combine(otherLevels)
        for part in parts { hasher.combine(part.name); hasher.combine(part.words) }
    }

    /// The label without the words naming the whole or a kind (`中等职业学校(机构)专任教师数` → `(机构)专任教师数`).
    func removingCategoryWords(_ label: String) -> String {
        var text = label
        for word in (whole + parts.flatMap(\.words)).sorted(by: { $0.count > $1.count }) {
            text = text.replacingOccurrences(of: word, with: "")
        }
        return text
    }

    /// What a paragraph of a bulletin is about when it opens with a level or kind (`2、小学招生人数…`,
    /// `——技工学校。…`, `中职招生人数…`): the longest such word it starts with.
    func classifyLead(_ paragraph: String) -> TableCategory? {
        var lead = Substring(paragraph.drop { $0 == " " || $0 == "—" || $0 == "-" || $0 == "\u{3000}" })
        lead = Substring(TableLabel.withoutNumbering(String(lead.prefix(16))))
        var best: (TableCategory, Int)?
        func consider(_ words: [String], _ category: TableCategory) {
            for word in words where lead.hasPrefix(word) && word.count > (best?.1 ?? 0) { best = (category, word.count) }
        }
        for part in parts { consider(part.words, .part(part.name)) }
        consider(whole + leadWhole, .whole)
        consider(otherLevels, .otherLevel)
        return best?.0
    }

    /// Short names of the whole that only open a paragraph (`中职招生人数…`), too short to search labels for.
    public var leadWhole: [String] = []

    /// Kinds first (`职业高中` is no `高中`), then the whole, then other levels.
    func classify(_ label: String) -> TableCategory? {
        var best: (name: String, length: Int)?
        for part in parts {
            for word in part.words where label.contains(word) && word.count > (best?.length ?? 0) {
                best = (part.name, word.count)
            }
        }
        if let best { return .part(best.name) }
        if whole.contains(where: { label.contains($0) }) { return .whole }
        if otherLevels.contains(where: { label.contains($0) }) { return .otherLevel }
        return nil
    }
}
