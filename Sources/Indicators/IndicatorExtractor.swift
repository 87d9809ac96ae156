import Foundation
import NianbaoModel
import Numbers
import Cleaning

/// What the indicators stage found in one document.
public struct IndicatorResult: Sendable {
    public var observations: [Observation]
    /// Values that broke their rule's constraints (a 130 % share, a year 2202), with their source and why.
    public var rejected: [RejectedValue]
    public var warnings: [String]
    /// Whom the document is about, or nil with `subjectReason`.
    public var subject: DocumentSubject?
    public var subjectReason: String?
    /// The region the document is about: its subject's, or its school's place; else the region its front matter
    /// reads from the title when that is a known division or a listed region (a title's `我市…` names none).
    public var region: String?
    /// The year the document covers (its cover's, else its publication's or the body's) and where it came
    /// from, or `none: reason`.
    public var coveredYear: Int?
    public var coveredYearSource: String?
    public init(observations: [Observation] = [], rejected: [RejectedValue] = [], warnings: [String] = []) {
        self.observations = observations
        self.rejected = rejected
        self.warnings = warnings
    }
}

/// Finds indicator values in a segmented report by the rules in `rules/`: sentences and table cells
/// become observations with entity, year, unit, qualifier and provenance. Every statement is kept: the same
/// fact in prose and in a table gives two observations.
public struct IndicatorExtractor: Sendable {
    public let rules: RuleSet
    let parser: NumberParser

    public init(rules: RuleSet) {
        self.rules = rules
        parser = NumberParser()
    }

    public func extract(from document: SegmentedDocument) -> IndicatorResult {
        var run = ExtractionRun(rules: rules, parser: parser, document: document)
        run.documentExclusion = run.documentScopeExclusion()
        run.shortNames = run.documentShortNames()
        for paragraph in Self.paragraphRuns(document, sectionOfBlock: run.sectionOfBlock) {
            if paragraph.count == 1 {
                run.extractText(block: document.clean.blocks[paragraph.lowerBound], index: paragraph.lowerBound)
            } else {
                run.extractText(block: Self.joinedBlock(document.clean.blocks[paragraph]), index: paragraph.lowerBound)
            }
            run.previousRunEnd = paragraph.upperBound
        }
        for (index, table) in document.tables.enumerated() {
            run.extractTable(table, index: index)
        }
        return run.result
    }
}

extension IndicatorExtractor {
    /// A block ending in one of these ends its sentence (a `；` does not: the list goes on).
    static let sentenceEnds: Set<Character> = ["。", "！", "？", "!", "?", "：", ":"]

    /// Runs of paragraph blocks to read as one paragraph: a block that stops mid-sentence is joined to the
    /// next paragraph of its section (hard-wrapped exports the cleaner could not rejoin), so a sentence is
    /// never cut. Most runs are one block, which is then read in place.
    static func paragraphRuns(_ document: SegmentedDocument, sectionOfBlock: [Int?]? = nil) -> [ClosedRange<Int>] {
        let sectionOfBlock = sectionOfBlock ?? document.sectionIndexByBlock()
        let blocks = document.clean.blocks
        var runs: [ClosedRange<Int>] = []
        var open: (run: ClosedRange<Int>, section: Int?)?
        for index in blocks.indices {
            guard blocks[index].kind == .paragraph else {
                if let pending = open { runs.append(pending.run); open = nil }
                continue
            }
            let section = sectionOfBlock[index]
            if let pending = open {
                if pending.section == section, let last = lastVisibleCharacter(blocks[pending.run]),
                   !sentenceEnds.contains(last), !looksLikeHeading(blocks[pending.run]),
                   !LineShape.isKeyValueLine(blocks[pending.run.upperBound].text),
                   !LineShape.opensWithKeyValue(blocks[index].text) {
                    open = (pending.run.lowerBound...index, section)
                    continue
                }
                runs.append(pending.run)
            }
            open = (index...index, section)
        }
        if let pending = open { runs.append(pending.run) }
        return runs
    }

    /// The blocks of a run as one block. Spans are kept, so every character still maps to its source line.
    static func joinedBlock(_ blocks: ArraySlice<Block>) -> Block {
        var joined = blocks[blocks.startIndex]
        // Offsets advance by each block's Character count (counting the joined String each time is quadratic).
        var characters = characterCount(joined.text)
        // Traditional-script blocks keep their simplified reading, joined the same way.
        if blocks.contains(where: { $0.matchText != nil }) { joined.matchText = blocks.map(\.matchingText).joined() }
        for block in blocks.dropFirst() {
            joined.text += block.text
            joined.spans += block.spans.map { LineSpan(offset: $0.offset + characters, location: $0.location) }
            characters += characterCount(block.text)
        }
        return joined
    }

    /// The last Character of a run's text that is not whitespace.
    static func lastVisibleCharacter(_ blocks: ArraySlice<Block>) -> Character? {
        for block in blocks.reversed() {
            if let last = block.text.last(where: { !$0.isWhitespace }) { return last }
        }
        return nil
    }

    /// `text.count`, by counting scalars when each is its own Character (no grapheme breaking).
    static func characterCount(_ text: String) -> Int {
        var text = text
        let scalars: Int? = text.withUTF8 { utf8 in
            var count = 0, i = 0
            while i < utf8.count {
                let lead = utf8[i]
                // U+5000–U+9FFF (leads E5–E9), most of the text, stand alone without decoding.
                if lead < 0x80 || (lead >= 0xE5 && lead <= 0xE9) {
                    if lead < 0x80, !AnalysedText.standsAlone(UInt32(lead)) { return nil }
                    i += lead < 0x80 ? 1 : 3
                    count += 1
                    continue
                }
                var value: UInt32
                if lead < 0xE0 {
                    value = UInt32(lead & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F); i += 2
                } else if lead < 0xF0 {
                    value = UInt32(lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F); i += 3
                } else {
                    value = UInt32(lead & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12
                        | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F)
                    i += 4
                }
                guard AnalysedText.standsAlone(value) else { return nil }
                count += 1
            }
            return count
        }
        return scalars ?? text.count
    }

    /// `looksLikeHeading` of the run's joined text.
    static func looksLikeHeading(_ blocks: ArraySlice<Block>) -> Bool {
        if blocks.count == 1 { return looksLikeHeading(blocks[blocks.startIndex].text) }
        var characters = 0
        for block in blocks {
            if block.text.unicodeScalars.contains(where: { $0 == "，" || $0 == "," }) { return false }
            characters += characterCount(block.text)
            if characters >= 30 { return false }
        }
        return true
    }

    /// A short line without a comma is a title, not the start of a wrapped sentence.
    static func looksLikeHeading(_ text: String) -> Bool {
        // The comma test first: a paragraph has one early. Then `count < 30` without counting a long
        // paragraph to its end.
        !text.unicodeScalars.contains { $0 == "，" || $0 == "," }
            && text.index(text.startIndex, offsetBy: 30, limitedBy: text.endIndex) == nil
    }
}

// MARK: - One document's extraction

/// Matches found in one block, as Character ranges of the block text.
struct BlockMatches {
    struct Phrase { var start: Int; var end: Int; var targets: [Int]; var inverse = false }
    struct Mention {
        var start: Int
        var end: Int
        var entity: String?
        /// A word naming the subject (`全区`, `我校`) rather than a name.
        var subjectWord = false
        /// A region (listed or from the gazetteer) rather than a school.
        var isRegion = false
        /// A word pointing back (`该区`) to the last name of this level.
        var pointsBack: SubjectWord.Level?
    }
    struct CueHit { var start: Int; var end: Int; var cue: CompiledRules.Cue; var year: Int? }
    struct YearHit {
        var start: Int; var end: Int; var year: Int; var comparison: Bool
        /// In a sentence telling history (`1994年易名为…`, cues `history`): it dates nothing else.
        var history = false
    }

    var phrases: [Phrase] = []
    var mentions: [Mention] = []
    var cues: [CueHit] = []
    var years: [YearHit] = []
}

struct ExtractionRun {
    let rules: RuleSet
    let compiled: CompiledRules
    let parser: NumberParser
    let document: SegmentedDocument
    /// Whom the text being read is about: the section's subject where its title names one, else the
    /// document's (`SubjectResolver`), or nil with `subjectReason`.
    var subject: DocumentSubject?
    let subjectReason: String?
    /// The region the subject is, or the one a subject school lies in: what a list of schools or a number of
    /// schools speaks for.
    var subjectRegion: String?
    /// The document's own subject and its region, which `subject` returns to outside sections that name another.
    let documentSubject: DocumentSubject?
    let documentSubjectRegion: String?
    /// For each section, the school or region its title (or a parent's) names inside the document's subject.
    let sectionSubjects: [DocumentSubject?]
    /// The last school and the last region of each level the text named, for words pointing back (`该区`).
    var lastNamed: [SubjectWord.Level: String] = [:]
    /// School names met so far in the document: a shorter later form (`宁海县第一职业中学`) is the same school
    /// as the longer one introduced first (`浙江省宁海县第一职业中学`).
    var schoolsSeen: [String] = []
    /// Short forms the document introduces for a name (`（以下简称“某某职校”）`), read before any value.
    var shortNames = DocumentShortNames()
    /// A school's other name given in brackets right after it (`攸县职业中等专业学校（攸县职业中专）`) → that school.
    var bracketedNames: [String: String] = [:]
    /// The kind of secondary vocational education the paragraph being read is about (`——技工学校。…`).
    var paragraphCategory: String?
    /// The kind the paragraph said its secondary vocational education leaves out (`中等职业学校（不含技工学校）38 所…
    /// 中等职业学校教职工 6215 人`): later figures of the whole in the paragraph leave it out too.
    var paragraphExclusion: (kind: String, entity: String?)?
    /// The section `paragraphExclusion` was stated in: it holds to the section's end.
    var exclusionSection: Int?
    /// The exclusion said it holds from there on (`下同`): no section ends it, only another exclusion.
    var exclusionHoldsOn = false
    /// The kind the whole document says its figures leave out (`本报告数据均不含…技工学校`, `cues.document_scope`).
    var documentExclusion: String?
    /// The opening of the paragraph being read when it is about another level of education (`——小学。…`).
    var paragraphOtherLevel: String?
    /// The last indicator the paragraph's previous sentence tied a value to: a sentence opening with `其中`
    /// lists parts of it (`在校生总数 2786 人。其中高一年级 1001 人…`).
    var previousSentenceSubject: Int?
    /// The last block of the paragraph read before: a paragraph right after it opening with `其中` goes on with
    /// its subject.
    var previousRunEnd: Int?
    /// The values the paragraph's previous sentence gave: the totals a sentence opening with `其中` lists parts of.
    var previousSentenceValues: [Observation] = []
    /// The kind of school the table being read is about, from its title.
    var tableCategory: String?
    /// The other level the table being read is about, from its title (`普通高中基本情况`): only its counterparts of
    /// our indicators are read.
    var tableLevel: String?
    /// The units the table being read states on its unit line (`单位：万人，%`).
    var tableStatedUnits: [String] = []
    /// What the notes under the table being read leave out.
    var tableNotes = TableNoteScope.none
    /// The current table's rows as matched (simplified script) → as printed, for quotes and raw values of a
    /// traditional document; empty when they are the same.
    var printedTableRows: [[String]: [String]] = [:]
    let reportYear: Int?
    /// The year the document was written in, which `去年` and `今年` count from: its publication date's
    /// year, else its report year (a 2021 news item on the 2020 report says 去年 of 2020).
    let writtenYear: Int?
    /// The year of a publication date, when the document has no title (a news item, not a report or plan):
    /// `目前`/`现有` there is when it was published, `去年` the year before that.
    let publicationYear: Int?
    /// The year of a value whose sentence, paragraph and section name none: the year most of the body
    /// describes (a "2023" report may describe 2022), else the report's year.
    let defaultYear: Int?
    /// `defaultYear` with where it came from, or why there is none.
    let documentYear: DocumentYear
    var result = IndicatorResult()
    private var groupCounter = 0
    /// `planYear()`, worked out once.
    let planYearOfDocument: Int?
    /// For each block, the index of the innermost section holding it (`document.sectionIndexByBlock()`).
    let sectionOfBlock: [Int?]
    /// The year of each section (what `sectionYear(of:in:)` gives), by section index.
    let sectionYears: [Int?]
    /// For each section, the nearest title out through its parents that names a level or kind of education
    /// (what `sectionLevelTitle(forBlock:)` gives), worked out once.
    let sectionLevels: [(title: String, category: TableCategory)?]
    /// For each section, whether its title or a parent's tells where things stand (`plans.baseline_sections`).
    let baselineSections: [Bool]
    /// The last year a baseline section's earlier paragraphs named, by section index.
    var baselineYears: [Int: Int] = [:]
    /// The first table-row block starting at each source location (where a table's rows are found).
    let tableRowBlocks: [SourceLocation: Int]

    /// Clause boundaries: Chinese and ASCII commas, semicolons, stops and line breaks.
    static let clauseBoundaries: Set<Character> = ["，", ",", "；", ";", "。", "！", "？", "!", "?", "\n"]
    static let sentenceBoundaries: Set<Character> = ["。", "！", "？", "!", "?", "\n"]
    static let clauseBoundaryScalars: Set<UInt32> = Set(clauseBoundaries.map { $0.unicodeScalars.first!.value })

    /// `clauseBoundaryScalars.contains(value)` without hashing.
    @inline(__always) static func isClauseBoundary(_ value: UInt32) -> Bool {
        switch value {
        case 0xFF0C, 0x2C, 0xFF1B, 0x3B, 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x0A: return true
        default: return false
        }
    }

    /// `sentenceBoundaryScalars.contains(value)` without hashing.
    @inline(__always) static func isSentenceBoundary(_ value: UInt32) -> Bool {
        switch value {
        case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x0A: return true
        default: return false
        }
    }
    /// Largest number of unexplained characters allowed between a phrase and its number.
    static let maxGap = 4
    /// Characters before a number that `cues.not_value_before` patterns (anchored at the number) may span.
    static let notValueReach = 12

    init(rules: RuleSet, parser: NumberParser, document: SegmentedDocument) {
        self.rules = rules
        compiled = rules.compiled
        self.parser = parser
        self.document = document
        let resolver = SubjectResolver(rules: rules, finder: rules.schoolFinder)
        let (subject, reason) = resolver.resolve(document)
        self.subject = subject
        subjectReason = reason
        subjectRegion = Self.region(of: subject, rules: rules)
        documentSubject = subject
        documentSubjectRegion = subjectRegion
        sectionSubjects = resolver.sectionSubjects(document, within: subject)
        result.region = subjectRegion ?? document.frontMatter.region.flatMap { stated in
            rules.gazetteer.regions(named: stated).isEmpty && !rules.entities.contains { $0.kind == .region && $0.name == stated }
                ? nil : stated
        }
        result.subject = subject
        result.subjectReason = reason
        if let subject, subject.kind == .school { schoolsSeen = [subject.name] }
        reportYear = document.frontMatter.reportYear
        writtenYear = document.frontMatter.published.flatMap { Int($0.prefix(4)) } ?? document.frontMatter.reportYear
        publicationYear = document.frontMatter.title == nil ? document.frontMatter.published.flatMap { Int($0.prefix(4)) } : nil
        documentYear = DocumentYear.resolve(document, yearbookWords: rules.webAddresses.yearbookWords,
                                            periods: rules.plans.periods, statisticsWords: rules.cues.statisticsPage)
        defaultYear = documentYear.year
        // (a statistics page's publication date gives the year before, not the front matter's year)
        let statisticsYear = documentYear.source == "published_statistics"
        result.coveredYear = statisticsYear ? documentYear.year : reportYear ?? documentYear.year
        result.coveredYearSource = reportYear != nil && !statisticsYear ? "front_matter"
            : documentYear.source ?? "none: " + (documentYear.reason ?? "no year")
        planYearOfDocument = rules.plans.lastYear(ofPlanTitled: document.frontMatter.title)
        // Sections and their years are asked for every value: worked out once per document.
        sectionOfBlock = document.sectionIndexByBlock()
        sectionYears = Self.sectionYears(of: document, periods: rules.plans.periods)
        sectionLevels = Self.sectionLevels(of: document, categories: rules.tableCategories)
        baselineSections = Self.sectionsTitled(in: document, by: planYearOfDocument == nil ? [] : rules.plans.baselineSections)
        var rows: [SourceLocation: Int] = [:]
        // By index: enumerating would copy every block.
        let blocks = document.clean.blocks
        for index in blocks.indices where blocks[index].kind == .tableRow {
            let start = blocks[index].start
            if rows[start] == nil { rows[start] = index }
        }
        tableRowBlocks = rows
    }

    /// The region a subject is, or the region a subject school lies in (listed, else the deepest place its
    /// name starts with).
    static func region(of subject: DocumentSubject?, rules: RuleSet) -> String? {
        guard let subject else { return nil }
        if subject.kind == .region { return subject.name }
        if let listed = subject.listedRegion { return listed }
        return subject.places.max { $0.level < $1.level }?.name
    }

    /// Reads the block's section as about the subject its title names, else the document's subject.
    mutating func enterSubject(ofSection section: Int?) {
        let named = section.flatMap { $0 < sectionSubjects.count ? sectionSubjects[$0] : nil }
        subject = named ?? documentSubject
        subjectRegion = named.map { Self.region(of: $0, rules: rules) ?? documentSubjectRegion } ?? documentSubjectRegion
    }

    mutating func nextGroup(_ hint: String) -> String {
        groupCounter += 1
        return "\(document.docId)#\(hint)\(groupCounter)"
    }

    // MARK: Scanning

    func scan(_ text: AnalysedText) -> BlockMatches {
        var matches = BlockMatches()
        if text.isSimple, let words = compiled.phraseWords,
           let found = Self.phraseMatches(regexes: compiled.phraseRegexes, words: words, text: text) {
            for (start, end, index) in found {
                matches.phrases.append(.init(start: start, end: end, targets: compiled.phraseTargets[index],
                                             inverse: compiled.phraseIsInverse[index]))
            }
            return matches
        }
        for match in compiled.phrases.matches(in: text.bytes) {
            guard let mark = match.mark, let index = Int(mark) else { continue }
            matches.phrases.append(.init(start: text.characterOffset(byte: match.start),
                                         end: text.characterOffset(byte: match.end),
                                         targets: compiled.phraseTargets[index],
                                         inverse: compiled.phraseIsInverse[index]))
        }
        return matches
    }

    /// The phrase alternation's matches (Character offsets and branch index) from its two halves: at each
    /// step the leftmost of the next regex match and the next word match, the regex on a tie (its branches
    /// come first). `nil` when a regex matches empty text (left to the one-pattern scan).
    static func phraseMatches(regexes: PCRE2Pattern?, words: LiteralAlternation,
                              text: AnalysedText) -> [(Int, Int, Int)]? {
        var result: [(Int, Int, Int)] = []
        var position = 0
        // A cached next match stays the leftmost from `position` until `position` passes its start.
        var regexHit: (start: Int, end: Int, mark: Int)?
        var regexSearched = regexes == nil
        var wordHit: (start: Int, end: Int, mark: Int)?
        var wordSearched = false
        while true {
            if !regexSearched, let regexes {
                regexHit = nil
                if let match = regexes.firstMatch(in: text, characters: position..<text.count) {
                    guard match.end > match.start, let mark = match.mark, let index = Int(mark) else { return nil }
                    regexHit = (text.characterOffset(byte: match.start), text.characterOffset(byte: match.end), index)
                }
                regexSearched = true
            }
            if !wordSearched {
                wordHit = words.firstMatch(in: text.scalars, from: position)
                wordSearched = true
            }
            let chosen: (start: Int, end: Int, mark: Int)
            if let regex = regexHit, wordHit.map({ regex.start <= $0.start }) ?? true {
                chosen = regex
            } else if let word = wordHit {
                chosen = word
            } else {
                break
            }
            result.append((chosen.start, chosen.end, chosen.mark))
            position = chosen.end
            if let regex = regexHit, regex.start < position { regexSearched = false }
            if let word = wordHit, word.start < position { wordSearched = false }
        }
        return result
    }

    mutating func scanContext(_ text: AnalysedText, into matches: inout BlockMatches) {
        if let entities = compiled.entities {
            for match in entities.matches(in: text) {
                let start = text.characterOffset(byte: match.start)
                let end = text.characterOffset(byte: match.end)
                var mention = BlockMatches.Mention(start: start, end: end, entity: nil)
                if match.mark == "g" {
                    let found = String(decoding: text.bytes[match.start..<match.end], as: UTF8.self)
                    // Byte containment is Character containment when every Character is one scalar.
                    let excluded = text.isSimple ? rules.notSchools.contains { Self.containsBytes(found, $0) }
                                                 : rules.notSchools.contains { found.contains($0) }
                    if !excluded { mention.entity = found }
                } else if let mark = match.mark, let index = Int(mark) {
                    let target = compiled.entityTargets[index]
                    if let level = CompiledRules.subjectLevel(target: target) {
                        mention.entity = entity(namedBy: level)
                        mention.subjectWord = true
                        if CompiledRules.pointsBack(target: target) { mention.pointsBack = level }
                        mention.isRegion = level != .school && !(level == .subject && subject?.kind == .school)
                    } else {
                        let entity = rules.entities[target]
                        mention.isRegion = entity.kind == .region
                        mention.entity = entity.kind == .region ? acceptedRegion(entity.name) : entity.name
                    }
                }
                matches.mentions.append(mention)
            }
        }
        addOpenWorldMentions(text, into: &matches)
        if !shortNames.isEmpty {
            addShortNameMentions(text, into: &matches)
            matches.mentions.sort { $0.start < $1.start }
        }
        resolvePointingBack(&matches.mentions)
        if let cues = compiled.cues {
            for match in cues.matches(in: text) {
                guard let mark = match.mark, let cue = CompiledRules.Cue(rawValue: mark) else { continue }
                var year: Int?
                if cue == .target {
                    let cueText = String(decoding: text.bytes[match.start..<match.end], as: UTF8.self)
                    year = Self.firstYear(in: cueText)
                }
                matches.cues.append(.init(start: text.characterOffset(byte: match.start),
                                          end: text.characterOffset(byte: match.end), cue: cue, year: year))
            }
        }
        for match in compiled.years.matches(in: text, groupCount: 4) {
            let start = text.characterOffset(byte: match.start)
            let end = text.characterOffset(byte: match.end)
            var year: Int?
            // `2021~2022学年初` is a census taken in the autumn the school year starts: its first year.
            let startOfSchoolYear = match.end < text.bytes.count - 2 && text.bytes[match.end..<(match.end + 3)].elementsEqual("初".utf8)
            if let second = match.groups[1], !startOfSchoolYear {
                year = Int(String(decoding: text.bytes[second], as: UTF8.self))
            } else if let first = match.groups[0] {
                year = Int(String(decoding: text.bytes[first], as: UTF8.self))
            } else if match.groups[2] != nil {
                year = defaultYear  // `近三年`: the years up to the report's
            } else if let period = match.groups[3] {
                let name = String(decoding: text.bytes[period], as: UTF8.self)
                year = rules.plans.lastYear(ofPeriod: name)
            }
            guard let year else { continue }
            // A year right after `较`/`比`, or inside a change cue (`较 2021 年增加`), is compared with.
            let comparison = matches.cues.contains { cue in
                (cue.cue == .comparison && cue.end <= start && start - cue.end <= 1)
                    || (cue.cue == .change && cue.start <= start && end <= cue.end)
            }
            matches.years.append(.init(start: start, end: end, year: year, comparison: comparison))
        }
    }

    static func firstYear(in text: String) -> Int? {
        // Digits are ASCII: in text whose scalars each stand alone, scalars are Characters.
        if text.unicodeScalars.allSatisfy({ AnalysedText.standsAlone($0.value) }) {
            var value = 0, length = 0
            for scalar in text.unicodeScalars {
                if scalar.value >= 0x30 && scalar.value <= 0x39 {
                    value = value * 10 + Int(scalar.value - 0x30)
                    length += 1
                    if length == 4 { return value }
                } else {
                    value = 0
                    length = 0
                }
            }
            return nil
        }
        var digits = ""
        for character in text {
            if character.isASCII && character.isNumber {
                digits.append(character)
                if digits.count == 4 { return Int(digits) }
            } else {
                digits = ""
            }
        }
        return nil
    }

    // MARK: Constraints and output

    /// Emits an observation, or rejects it when it breaks its rule's constraints.
    mutating func emit(_ observation: Observation) {
        if let (code, reason) = violation(observation) {
            let diagnostic = Diagnostic(code: code, severity: .warning,
                                        message: "\(observation.indicator) = \(observation.raw) rejected: \(reason)",
                                        locations: [])  // the refused observation says where
            result.rejected.append(RejectedValue(observation: observation, reason: diagnostic))
            result.warnings.append(diagnostic.rendered)
        } else {
            result.observations.append(observation)
        }
    }

    /// Why the rule refuses a value: a diagnostic code and a reason, nil when it is accepted.
    func violation(_ observation: Observation) -> (code: String, reason: String)? {
        if let year = observation.year {
            let latest = (reportYear ?? 2030) + 15
            if year < 1949 || year > latest { return ("year_out_of_range", "year \(year) is outside 1949–\(latest)") }
        }
        guard observation.qualifier != .change,
              let index = compiled.indicatorIndex[observation.indicator] else { return nil }
        let rule = rules.indicators[index]
        var minimum = rule.min
        var maximum = rule.max
        if rule.unit == "%" && observation.unit == "%" {
            minimum = minimum ?? 0
            maximum = maximum ?? 100
        }
        if observation.value < 0 && (rule.kind == "count" || rule.kind == "money") && minimum == nil { minimum = 0 }
        if let minimum, observation.value < minimum { return ("value_below_min", "below the rule's minimum \(minimum)") }
        if let maximum, observation.value > maximum { return ("value_above_max", "above the rule's maximum \(maximum)") }
        return nil
    }

    func sectionId(forBlock index: Int) -> String? {
        guard index >= 0, index < sectionOfBlock.count, let section = sectionOfBlock[index] else { return nil }
        return document.sections[section].id
    }

    /// The title of the innermost section holding a block that names a level or kind of education
    /// (`二、义务教育`, `三、中等职业教育`), searching out through its parents; nil when none does.
    func sectionLevelTitle(forBlock index: Int) -> (title: String, category: TableCategory)? {
        guard index >= 0, index < sectionOfBlock.count, let section = sectionOfBlock[index] else { return nil }
        return sectionLevels[section]
    }

    static func sectionLevels(of document: SegmentedDocument, categories: TableCategoryRules) -> [(title: String, category: TableCategory)?] {
        document.inheritedThroughParents(document.sections.map { section in
            categories.classifyLead(section.title).map { (section.title, $0) }
        })
    }

    /// For each section, whether its title or an ancestor's holds one of the words.
    static func sectionsTitled(in document: SegmentedDocument, by words: [String]) -> [Bool] {
        guard !words.isEmpty else { return [Bool](repeating: false, count: document.sections.count) }
        let own: [Bool?] = document.sections.map { section in words.contains { section.title.contains($0) } ? true : nil }
        return document.inheritedThroughParents(own).map { $0 ?? false }
    }

    /// Years stated in the titles of the section holding a block and its ancestors (innermost first);
    /// period names such as `“十三五”` count as their last year.
    func sectionYear(forBlock index: Int) -> Int? {
        guard index >= 0, index < sectionOfBlock.count, let section = sectionOfBlock[index] else { return nil }
        return sectionYears[section]
    }

    /// For each section, the first year named by its title or its ancestors' titles (up to ten levels;
    /// a parent id names the first section with that id). Each title is read once.
    static func sectionYears(of document: SegmentedDocument, periods: [PlanPeriod]) -> [Int?] {
        document.inheritedThroughParents(document.sections.map { titleYear($0.title, periods: periods) }, depth: 10)
    }

    static func titleYear(_ title: String, periods: [PlanPeriod]) -> Int? {
        // Titles of printable ASCII, CJK punctuation and ideographs have no canonically equivalent forms:
        // Foundation's `contains` then finds exactly the UTF-8 byte matches.
        let plain = title.unicodeScalars.allSatisfy { AnalysedText.standsAlone($0.value) }
        func contains(_ needle: String) -> Bool {
            plain ? Self.containsBytes(title, needle) : title.contains(needle)
        }
        if let year = firstYear(in: title), (1990...2100).contains(year),
           contains("\(year)年") || contains("\(year) 年") || contains("\(year)届") {
            return year
        }
        // `2021~2022学年初…` (the autumn census: its first year), `2020—2021学年…` (the year it ends).
        if let first = firstYear(in: title), (1990...2100).contains(first) {
            for separator in ["~", "～", "—", "-", "–", "至", "/"] where contains("\(first)\(separator)\(first + 1)学年") {
                return contains("\(first)\(separator)\(first + 1)学年初") ? first : first + 1
            }
        }
        for period in periods where contains(period.name) { return period.lastYear }
        return nil
    }

    /// Whether the UTF-8 of `needle` occurs in the UTF-8 of `haystack`.
    static func containsBytes(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack, needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { word in
                guard let first = word.first else { return true }
                guard text.count >= word.count else { return false }
                for start in 0...(text.count - word.count) where text[start] == first {
                    if memcmp(text.baseAddress! + start, word.baseAddress!, word.count) == 0 { return true }
                }
                return false
            }
        }
    }
}
