import Foundation
import RuleFiles
import Numbers

/// The rules turned into a few PCRE2 alternations, each branch tagged with `(*MARK:n)` so one pass over a
/// block finds every phrase, entity, cue and year, and the mark says which rule the match belongs to.
struct CompiledRules: Sendable {
    enum Cue: String, Sendable {
        case change = "c", target = "t", share = "s", parts = "p", comparison = "k", average = "a", respectively = "r"
        case planned = "n", previousYear = "y", currentYear = "u", speech = "q", regionComparison = "m"
    }

    let phrases: PCRE2Pattern
    /// The same alternation split in two, for text whose Characters are single scalars: the regex branches
    /// (they come first, so they win at a position) and the literal words, matched by table lookup.
    /// `nil` when the split cannot reproduce the alternation (see `init`).
    let phraseRegexes: PCRE2Pattern?
    let phraseWords: LiteralAlternation?
    /// Mark index → indicators (by index in `RuleSet.indicators`) the phrase introduces.
    let phraseTargets: [[Int]]
    /// Mark index → whether the phrase names its ratio the other way round (`inverse_phrases`).
    let phraseIsInverse: [Bool]
    let after: PCRE2Pattern?
    /// The after-patterns unanchored: does a block name an indicator after some number at all?
    let afterAnywhere: PCRE2Pattern?
    let afterTargets: [[Int]]
    let entities: PCRE2Pattern?
    /// Mark index → entity index; negative targets are subject words (`subjectLevel(target:)`).
    let entityTargets: [Int]
    let cues: PCRE2Pattern?
    /// Matches `2022年`, `2022届`, `2022-2023学年`, `近三年`, `“十三五”期间`; group 1 and 2 the years, 3 the
    /// `近N年` form, 4 a five-year period (its last year).
    let years: PCRE2Pattern
    /// Anchored at the end: text right before a number that makes it no value of its own (`其他 5 所`).
    let notValueBefore: PCRE2Pattern?
    /// Matched anchored at the number's end: text right after a number that makes it a threshold, not a value.
    let notValueAfter: PCRE2Pattern?
    /// The names of the region entities.
    let regionNames: Set<String>
    /// `cues.notValueBefore` as scalars, for comparing with the head of a clause of simple text.
    let notValueBeforeScalars: [[UInt32]]
    /// `cues.inclusion` as scalars, longest first.
    let inclusionScalars: [[UInt32]]
    /// `cues.history` and `cues.present` as scalars: searched in sentences without building Strings.
    let historyScalars: [[UInt32]]
    let presentScalars: [[UInt32]]
    /// `cues.smaller_subjects` as scalars.
    let smallerSubjectScalars: [[UInt32]]
    /// `cues.same_below` as scalars.
    let sameBelowScalars: [[UInt32]]
    /// `cues.rank` as scalars, longest first.
    let rankScalars: [[UInt32]]
    /// `cues.previousYearWords` as scalars, for the word before a bracket (`较上年（4,105 人）`).
    let previousYearWords: [[UInt32]]
    /// Filler words, longest first, removed from the gap between a subject and its number.
    let filler: [String]
    let fillerScalars: [[Unicode.Scalar]]
    /// Normalised table row/column name → indicators.
    let tableNames: [String: [Int]]
    /// Canonical unit → number units it accepts.
    let accepts: [String: Set<String>]
    /// Canonical unit → units a table header may print for it besides (`table_accepts`).
    let tableAccepts: [String: Set<String>]
    /// Printed unit (as in a table's unit column) → canonical unit and factor.
    let printedUnits: [String: (unit: String, factor: Decimal)]
    /// Count indicator index → the rate indicator that is its share.
    let rateFor: [Int: Int]
    /// Our indicator → the other levels' counterparts of it (`level_of`).
    let levelCounterparts: [Int: [Int]]
    /// A count → the money of its programme (`amount_of`).
    let amountFor: [Int: Int]
    let indicatorIndex: [String: Int]
    let entityIndex: [String: Int]

    /// The entity target of a subject word of a level (negative, so never an entity index).
    static func subjectTarget(_ level: SubjectWord.Level, pointsBack: Bool = false) -> Int {
        (pointsBack ? -pointingBackBase : -1) - SubjectWord.Level.allCases.firstIndex(of: level)!
    }

    static func subjectLevel(target: Int) -> SubjectWord.Level? {
        let index = target <= -pointingBackBase ? -pointingBackBase - target : -1 - target
        return SubjectWord.Level.allCases.indices.contains(index) ? SubjectWord.Level.allCases[index] : nil
    }

    /// Whether a subject word's target is a word pointing back (`该区`).
    static func pointsBack(target: Int) -> Bool { target <= -pointingBackBase }
    static let pointingBackBase = 100

    init(indicators: [IndicatorRule], entities: [EntityRule], schoolPatterns: [String], units: [UnitRule],
         cues: CueRules, subjectWords: [SubjectWord] = [], periods: [String] = [], indicatorsFile: String) throws(RuleError) {
        func compile(_ pattern: String, what: String) throws(RuleError) -> PCRE2Pattern {
            do { return try PCRE2Pattern(pattern) } catch {
                throw RuleError(file: indicatorsFile, line: 0, reason: "\(what) do not compile together: \(error.message)")
            }
        }
        // Phrases: regex patterns first (they are the specific phrasings), then words longest first so that
        // at one position the longest word wins (`双师型教师比例` before `双师型教师`).
        // (regex, targets, sort key, literal word, names the ratio the other way round)
        var branches: [(String, [Int], Int, String?, Bool)] = []
        var wordTargets: [String: [Int]] = [:]
        var inverseWords: Set<String> = []
        // A pattern several rules share is one branch introducing all of them (the unit tells them apart:
        // `开展…培训` before 人次 or 学时).
        var patternBranch: [String: Int] = [:]
        for (index, rule) in indicators.enumerated() {
            for pattern in rule.patterns {
                if let shared = patternBranch[pattern] {
                    branches[shared].1.append(index)
                } else {
                    patternBranch[pattern] = branches.count
                    branches.append(("(?:\(pattern))", [index], 10_000, nil, false))
                }
            }
            for pattern in rule.inversePatterns { branches.append(("(?:\(pattern))", [index], 10_000, nil, true)) }
            for phrase in rule.phrases { wordTargets[phrase, default: []].append(index) }
            for phrase in rule.inversePhrases {
                wordTargets[phrase, default: []].append(index)
                inverseWords.insert(phrase)
            }
        }
        for (word, targets) in wordTargets {
            branches.append((Self.wordPattern(word), targets, word.count, word, inverseWords.contains(word)))
        }
        branches.sort { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }
        phraseTargets = branches.map(\.1)
        phraseIsInverse = branches.map(\.4)
        phrases = try compile(branches.enumerated().map { "\($1.0)(*MARK:\($0))" }.joined(separator: "|"),
                              what: "indicator phrases")
        // The split keeps PCRE2's choice only while every regex branch precedes every word.
        let regexCount = branches.prefix { $0.3 == nil }.count
        if branches.dropFirst(regexCount).allSatisfy({ $0.3 != nil }),
           let words = LiteralAlternation(words: branches.enumerated().dropFirst(regexCount).map { ($1.3!, $0) }) {
            let regexes = regexCount == 0 ? nil : try? PCRE2Pattern(
                branches.prefix(regexCount).enumerated().map { "\($1.0)(*MARK:\($0))" }.joined(separator: "|"))
            phraseWords = regexCount == 0 || regexes != nil ? words : nil
            phraseRegexes = regexes
        } else {
            phraseWords = nil
            phraseRegexes = nil
        }

        var afterWords: [String: [Int]] = [:]
        for (index, rule) in indicators.enumerated() {
            for word in rule.after { afterWords[word, default: []].append(index) }
        }
        let afterSorted = afterWords.sorted { $0.key.count != $1.key.count ? $0.key.count > $1.key.count : $0.key < $1.key }
        afterTargets = afterSorted.map(\.value)
        // Matched anchored (`firstMatch(…anchored: true)`): an after-pattern names the indicator only when it
        // starts right after the number.
        self.after = afterSorted.isEmpty ? nil : try compile(
            "\\s*(?:" + afterSorted.enumerated().map { "(?:\($1.key))(*MARK:\($0))" }.joined(separator: "|") + ")",
            what: "after-patterns")
        afterAnywhere = afterSorted.isEmpty ? nil : try compile(
            afterSorted.map { "(?:\($0.key))" }.joined(separator: "|"), what: "after-patterns")

        var names: [(String, Int)] = []
        for (index, entity) in entities.enumerated() {
            names.append((entity.name, index))
            for alias in entity.aliases { names.append((alias, index)) }
        }
        for word in cues.region { names.append((word, Self.subjectTarget(.subject))) }
        for word in subjectWords { names.append((word.word, Self.subjectTarget(word.level, pointsBack: word.pointsBack))) }
        names.sort { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.0 < $1.0 }
        entityTargets = names.map(\.1)
        // Listed names first, so a listed school wins over the generic pattern at the same position.
        let entityBranches = names.enumerated().map { "\(Self.wordPattern($1.0))(*MARK:\($0))" }
            + schoolPatterns.map { "(?:\($0))(*MARK:g)" }
        self.entities = entityBranches.isEmpty ? nil : try compile(entityBranches.joined(separator: "|"),
                                                                   what: "entity names")

        var cueBranches: [String] = []
        for (words, cue) in [(cues.target, Cue.target), (cues.change, .change), (cues.share, .share),
                             (cues.parts, .parts), (cues.comparison, .comparison), (cues.average, .average),
                             (cues.respectively, .respectively), (cues.planned, .planned),
                             (cues.previousYear, .previousYear), (cues.currentYear, .currentYear),
                             (cues.speech, .speech), (cues.regionComparison, .regionComparison)] {
            // Cue entries are PCRE2 fragments, so a target cue can say `(?<!截)到\s*20\d\d\s*年`.
            for word in words { cueBranches.append("(?:\(word))(*MARK:\(cue.rawValue))") }
        }
        self.cues = cueBranches.isEmpty ? nil : try compile(cueBranches.joined(separator: "|"), what: "cue words")
        years = try compile(
            // A school year `2020—2021学年` or `2016.9—2017.8` is the year it ends (its second group); branch
            // reset keeps the two forms' years in the same groups.
            #"(?<![\d.])(?|(\d{4})\s*(?:[-—–~～至/]\s*(\d{4})\s*)?(?:学年度|学年|年度|年|届)|(\d{4})\.\d{1,2}\s*[-—–~～至]\s*(\d{4})\.\d{1,2}(?!\d))|近\s*([一二两三四五六七八九十\d]{1,2})\s*年"#
                // a plan period (`“十三五”期间`): group 4, its name (`plans.periods`)
                + (periods.isEmpty ? "" : #"|[“"]?("# + periods.map(pcre2Escape).joined(separator: "|") + #")[”"]?(?:期间|末|时期)"#),
            what: "year expressions")
        filler = cues.filler.sorted { $0.count > $1.count }
        fillerScalars = filler.map { Array($0.unicodeScalars) }
        notValueBefore = cues.notValueBefore.isEmpty ? nil : try compile(
            "(?:" + cues.notValueBefore.map { "(?:\($0))" }.joined(separator: "|") + ")\\s*$", what: "not-value-before cues")
        regionNames = Set(entities.filter { $0.kind == .region }.map(\.name))
        notValueBeforeScalars = cues.notValueBefore.map { $0.unicodeScalars.map(\.value) }
        historyScalars = cues.history.map { $0.unicodeScalars.map(\.value) }
        inclusionScalars = cues.inclusion.map { $0.unicodeScalars.map(\.value) }.sorted { $0.count > $1.count }
        presentScalars = cues.present.map { $0.unicodeScalars.map(\.value) }
        smallerSubjectScalars = cues.smallerSubjects.map { $0.unicodeScalars.map(\.value) }
        sameBelowScalars = cues.sameBelow.map { $0.unicodeScalars.map(\.value) }
        rankScalars = cues.rank.map { $0.unicodeScalars.map(\.value) }.sorted { $0.count > $1.count }
        previousYearWords = cues.previousYearWords.map { $0.unicodeScalars.map(\.value) }
        notValueAfter = cues.notValueAfter.isEmpty ? nil : try compile(
            "(?:" + cues.notValueAfter.map { "(?:\($0))" }.joined(separator: "|") + ")", what: "not-value-after cues")

        var tables: [String: [Int]] = [:]
        for (index, rule) in indicators.enumerated() {
            for name in rule.tableNames {
                // `parent › child`: each side reduced on its own.
                let key = name.components(separatedBy: Self.tableKeySeparator).map { Self.tableKey($0) }
                    .joined(separator: Self.tableKeySeparator)
                if !(tables[key]?.contains(index) ?? false) { tables[key, default: []].append(index) }
            }
        }
        tableNames = tables

        var accepts: [String: Set<String>] = [:]
        var printed: [String: (unit: String, factor: Decimal)] = [:]
        for unit in units {
            accepts[unit.unit] = Set(unit.accepts).union([unit.unit])
            printed[unit.unit] = (unit.unit, 1)
            for accepted in unit.accepts where printed[accepted] == nil { printed[accepted] = (unit.unit, 1) }
            for (name, factor) in unit.conversions { printed[name] = (unit.unit, factor) }
        }
        self.accepts = accepts
        tableAccepts = Dictionary(units.map { ($0.unit, Set($0.tableAccepts)) }, uniquingKeysWith: { $0.union($1) })
        printedUnits = printed

        var indexByID: [String: Int] = [:]
        for (index, rule) in indicators.enumerated() { indexByID[rule.id] = index }
        indicatorIndex = indexByID
        var rates: [Int: Int] = [:]
        for (index, rule) in indicators.enumerated() {
            if let of = rule.rateOf, let countIndex = indexByID[of], rates[countIndex] == nil { rates[countIndex] = index }
        }
        rateFor = rates
        var counterparts: [Int: [Int]] = [:]
        for (index, rule) in indicators.enumerated() {
            if let of = rule.levelOf, let ours = indexByID[of] { counterparts[ours, default: []].append(index) }
        }
        levelCounterparts = counterparts
        var amounts: [Int: Int] = [:]
        for (index, rule) in indicators.enumerated() {
            for of in rule.amountOf { if let count = indexByID[of], amounts[count] == nil { amounts[count] = index } }
        }
        amountFor = amounts
        var entityByName: [String: Int] = [:]
        for (index, entity) in entities.enumerated() {
            entityByName[Self.tableKey(entity.name)] = index
            for alias in entity.aliases { entityByName[Self.tableKey(alias)] = index }
        }
        entityIndex = entityByName
    }

    /// A literal word as a pattern that tolerates the quotes reports put around terms (`“双师型”教师`)
    /// and spaces a PDF export puts between characters.
    static func wordPattern(_ word: String) -> String {
        var out = ""
        for character in word {
            if "“”\"‘’「」".contains(character) {
                out += "[“”\"‘’「」]?"
            } else {
                out += pcre2Escape(String(character))
            }
        }
        return out
    }

    /// Joins a numbered row's key and a row's key under it (`table_names: [专业教学资源库数 › 国家级数量]`).
    static let tableKeySeparator = "›"

    /// A table name cell reduced to what identifies it: no numbering, `其中：`, quotes, spaces or brackets.
    static func tableKey(_ name: String) -> String {
        // Names whose Characters are single scalars are cleaned on scalars (same removals, no Characters).
        if name.unicodeScalars.allSatisfy({ AnalysedText.standsAlone($0.value) }) {
            var scalars = Array(name.unicodeScalars)
            for prefix in ["其中：", "其中:", "其中"] where scalars.starts(with: prefix.unicodeScalars) {
                scalars.removeFirst(prefix.unicodeScalars.count)
                break
            }
            scalars.removeAll { tableKeyRemoved.contains($0.value) }
            var first = 0
            while first < scalars.count,
                  scalars[first].properties.numericType != nil || tableKeyLeading.contains(scalars[first].value) {
                first += 1
            }
            return utf8String(scalars[first...].lazy.map(\.value))
        }
        var text = name
        for prefix in ["其中：", "其中:", "其中"] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
            break
        }
        text.removeAll { "“”\"‘’「」 \t\u{3000}".contains($0) }
        while let first = text.first, first.isNumber || "、.．)）".contains(first) { text.removeFirst() }
        return text
    }

    static let tableKeyRemoved: Set<UInt32> = Set("“”\"‘’「」 \t\u{3000}".unicodeScalars.map(\.value))
    static let tableKeyLeading: Set<UInt32> = Set("、.．)）".unicodeScalars.map(\.value))

    /// The canonical unit and factor for a printed unit; `nil` when no rule knows it.
    func printedUnit(_ printed: String) -> (unit: String, factor: Decimal)? {
        let trimmed = ExtractionRun.trimmedWhitespace(printed)
        if let known = printedUnits[trimmed] { return known }
        return printedUnits[Self.trimmingParentheses(trimmed)]
    }

    /// `text.trimmingCharacters(in: CharacterSet(charactersIn: "()（）"))`, on scalars.
    static func trimmingParentheses(_ text: String) -> String {
        func isParenthesis(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "(" || scalar == ")" || scalar == "（" || scalar == "）"
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isParenthesis(first) || isParenthesis(last) else {
            return text
        }
        var lower = scalars.startIndex, upper = scalars.endIndex
        while lower < upper, isParenthesis(scalars[lower]) { lower = scalars.index(after: lower) }
        while upper > lower, isParenthesis(scalars[scalars.index(before: upper)]) { upper = scalars.index(before: upper) }
        return String(scalars[lower..<upper])
    }

    /// Whether a table header's unit fits the canonical unit as it is, though a sentence's would not.
    func tableUnitAccepted(_ printed: String, by canonical: String) -> Bool {
        tableAccepts[canonical]?.contains(printed) ?? false
    }

    func unitAccepted(_ numberUnit: String, by canonical: String) -> Bool {
        accepts[canonical]?.contains(numberUnit) ?? (numberUnit == canonical)
    }
}

/// Whether `needle` occurs in `haystack`, compared by scalar values.
func scalarsContain(_ haystack: ArraySlice<UInt32>, _ needle: [UInt32]) -> Bool {
    scalarsFirstIndex(of: needle, in: haystack) != nil
}

/// Where `needle` first occurs in `haystack` at or after its start, compared by scalar values.
func scalarsFirstIndex(of needle: [UInt32], in haystack: ArraySlice<UInt32>) -> Int? {
    guard let first = needle.first, haystack.count >= needle.count else { return nil }
    var index = haystack.startIndex
    let last = haystack.endIndex - needle.count
    while index <= last {
        if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
        index += 1
    }
    return nil
}
