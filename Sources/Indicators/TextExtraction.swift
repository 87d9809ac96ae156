import Foundation
import NianbaoModel
import Numbers
import Cleaning

/// Indicator values in running text: each number is given the indicator whose phrase introduces it
/// (nearest before it in its clause, or named right after it, or carried from the sentence's subject),
/// the entity and year the sentence is about, and a qualifier for changes, targets and shares.
extension ExtractionRun {
    /// A number resolved to an indicator, before entity and year are attached.
    struct Resolution {
        var indicator: Int
        var base: Int?
        var change: Bool
        var via: String
        /// The phrase named the ratio the other way round (`师生比 1:15.2`): the value is the side not 1.
        var inverse = false
    }

    mutating func extractText(block: Block, index blockIndex: Int) {
        // A paragraph opening with `其中` lists parts of what the paragraph right before it counted (`全省共有中等职业
        // 学校176所。` / `其中，兰州市38所`); any other starts afresh.
        let continuesParts = previousRunEnd == blockIndex - 1
            && block.matchingText.unicodeScalars.drop(while: { $0 == " " || $0 == "\u{3000}" }).prefix(2).map(\.value) == Self.qizhong
        if !continuesParts {
            previousSentenceSubject = nil
            previousSentenceValues = []
        }
        // Values are written in digits (full-width ones included); prose without any is skipped unscanned.
        guard block.text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
            || block.text.unicodeScalars.contains(where: { (0xFF10...0xFF19).contains($0.value) }) else { return }
        // A bulletin's paragraph about another level of education (`2、小学招生人数…`) holds none of our
        // values; one about a kind of ours (`技工学校招生…`) gives values of that category.
        paragraphOtherLevel = nil
        // What a paragraph says its whole leaves out holds to the end of its section; in a text without sections
        // (a news item) to the end of the paragraph.
        let section = blockIndex < sectionOfBlock.count ? sectionOfBlock[blockIndex] : nil
        if !exclusionHoldsOn && (section == nil || section != exclusionSection) { paragraphExclusion = nil }
        enterSubject(ofSection: section)
        let lead = rules.tableCategories.classifyLead(block.matchingText)
        switch lead {
        case .otherLevel?: paragraphCategory = nil; paragraphOtherLevel = String(block.matchingText.prefix(24))
        case .part(let name)?: paragraphCategory = name
        default: paragraphCategory = nil
        }
        // A bulletin's section on another level (`二、义务教育` › `全市共有学校 862 所…`): its paragraphs are about
        // that level unless they open with ours.
        if lead == nil, let section = sectionLevelTitle(forBlock: blockIndex), section.category == .otherLevel {
            paragraphOtherLevel = section.title
        }
        // Rules match the simplified text; quotes and raw values keep the script as printed.
        let text = AnalysedText(block.matchingText, printed: block.matchText == nil ? nil : block.text)
        var matches = scan(text)
        // Most blocks name no indicator at all: skip them before any further work.
        guard !matches.phrases.isEmpty || (continuesParts && previousSentenceSubject != nil)
                || compiled.afterAnywhere?.firstMatch(in: text, characters: 0..<text.count) != nil
        else { return }
        scanContext(text, into: &matches)
        let sentences = Self.sentenceRanges(in: text)
        for k in matches.years.indices {
            if let sentence = sentences.first(where: { $0.contains(matches.years[k].start) }),
               sentenceSays(compiled.historyScalars, text: text, sentence: sentence) {
                matches.years[k].history = true
            }
        }
        // What a baseline section's paragraph dates, later paragraphs of it naming no year share.
        defer {
            if let section, section < baselineSections.count, baselineSections[section],
               let last = matches.years.last(where: { !$0.comparison && !$0.history }) {
                baselineYears[section] = last.year
            }
        }
        for (sentenceIndex, sentence) in sentences.enumerated() {
            // A sentence naming no indicator is read only when it lists parts of the one before (`其中…`).
            guard Self.mayNameIndicator(sentence, text: text, matches: matches, after: compiled.afterAnywhere)
                    || (previousSentenceSubject != nil && opensWithParts(text, sentence)) else {
                previousSentenceSubject = nil
                previousSentenceValues = []
                continue
            }
            extractSentence(text: text, sentence: sentence, sentenceIndex: sentenceIndex, sentences: sentences,
                            matches: matches, block: block, blockIndex: blockIndex)
        }
    }

    /// False when nothing in the sentence can name an indicator (no phrase touches it, no after-pattern
    /// matches in it): every way `resolve` explains a number needs one, so its numbers need not be parsed.
    static func mayNameIndicator(_ sentence: Range<Int>, text: AnalysedText, matches: BlockMatches,
                                 after: PCRE2Pattern?) -> Bool {
        if matches.phrases.contains(where: { $0.end > sentence.lowerBound && $0.start < sentence.upperBound }) {
            return true
        }
        return after?.firstMatch(in: text, characters: sentence) != nil
    }

    /// Ranges of text between sentence boundaries (`sentenceBoundaries`; the boundary belongs to the range
    /// it ends).
    static func sentenceRanges(in text: AnalysedText) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var offset = 0
        for scalar in text.scalars {
            offset += 1
            if isSentenceBoundary(scalar) {
                result.append(start..<offset)
                start = offset
            }
        }
        if start < offset { result.append(start..<offset) }
        return result
    }

    /// Characters between a level movement's `from` word and its starting number at most (`由五年前的`).
    static let movementReach = 6

    /// Whether the number is where a level started: a `from` word (`由`, `从`) at most a few characters before it in
    /// its clause, no number between, and a `to` word then another number right after it.
    func levelMovesFrom(_ text: AnalysedText, number: ParsedNumber, clause: Range<Int>) -> Bool {
        guard !rules.cues.fromWords.isEmpty, !rules.cues.toWords.isEmpty else { return false }
        let before = text.text(max(clause.lowerBound, number.start - Self.movementReach - 1)..<number.start)
        guard let from = rules.cues.fromWords.compactMap({ before.range(of: $0, options: .backwards) }).max(by: { $0.lowerBound < $1.lowerBound }),
              !before[from.upperBound...].contains(where: { $0.isASCII && $0.isNumber }) else { return false }
        let after = text.text(number.end..<min(clause.upperBound, number.end + 8)).drop { $0 == " " }
        guard let to = rules.cues.toWords.first(where: { after.hasPrefix($0) }) else { return false }
        return after.dropFirst(to.count).drop { $0 == " " }.first?.isNumber == true
    }

    /// Whether `其中` and a word of our level follow the number right after its clause (`…118.6亿元，其中中等职业教育
    /// 经费…`) while the clause before it names none of ours (`全市教育经费总投入`).
    func partForOursFollows(_ text: AnalysedText, number: ParsedNumber, clause: Range<Int>, sentence: Range<Int>) -> Bool {
        let ours = rules.tableCategories.whole + rules.tableCategories.leadWhole
        let before = text.text(clause.lowerBound..<number.start)
        guard !ours.contains(where: { before.contains($0) }) else { return false }
        let after = text.text(number.end..<min(sentence.upperBound, number.end + 16))
            .drop { "，,；; ".contains($0) }
        guard after.hasPrefix(Self.qizhongWord) else { return false }
        let part = after.dropFirst(Self.qizhongWord.count).drop { "：:，, ".contains($0) }
        return ours.contains { part.hasPrefix($0) }
    }

    static let qizhongWord = "其中"

    /// Whether only a `to` word stands between a movement's start and this number (`下降到`, `增至`).
    func levelMovesTo(_ text: AnalysedText, from start: Int, to end: Int) -> Bool {
        guard start <= end else { return false }
        let gap = text.text(start..<end).filter { $0 != " " }
        return rules.cues.toWords.contains(gap)
    }

    /// Characters a unit in brackets before its number takes at most (`（万元）`).
    static let maximumBracketedUnit = 4

    /// A bare number right after a unit in brackets, only a colon or spaces between (`教学仪器设备总值（万元）：1234.5`,
    /// a key-value line of a profile), is in that unit.
    func withUnitBracketedBefore(_ number: ParsedNumber, in text: AnalysedText) -> ParsedNumber {
        guard number.unit.isEmpty else { return number }
        let scalars = text.scalars
        var close = number.start - 1
        while close >= 0, [0x20, 0x3000, 0x3A, 0xFF1A].contains(scalars[close]) { close -= 1 }
        guard close >= 2, scalars[close] == 0xFF09 || scalars[close] == 0x29 else { return number }
        var open = close - 1
        while open >= 0, close - open <= Self.maximumBracketedUnit + 1, scalars[open] != 0xFF08, scalars[open] != 0x28 { open -= 1 }
        guard open >= 0, close - open >= 2, close - open <= Self.maximumBracketedUnit + 1,
              let converted = compiled.printedUnit(text.text(open + 1..<close)) else { return number }
        var scaled = number
        scaled.unit = converted.unit
        scaled.value *= converted.factor
        scaled.scale *= converted.factor
        return scaled
    }

    private mutating func extractSentence(text: AnalysedText, sentence: Range<Int>, sentenceIndex: Int,
                                          sentences: [Range<Int>], matches: BlockMatches, block: Block,
                                          blockIndex: Int) {
        let numbers = parser.parse(text, range: sentence).map { number -> ParsedNumber in
            var shifted = number
            shifted.start += sentence.lowerBound
            shifted.end += sentence.lowerBound
            return withUnitBracketedBefore(shifted, in: text)
        }
        guard !numbers.isEmpty else { return }
        let clauses = Self.clauseRanges(text: text, sentence: sentence)
        // `幼儿专任教师 15311 人，比去年增加 760 人；…中职专任教师 2472 人`: a clause opening with a level or kind
        // speaks for it, and so do the clauses after it until another names one.
        let clauseLeads = clauses.indices.map { k -> TableCategory? in
            let scalars = text.scalars[clauses[k].lowerBound..<min(clauses[k].upperBound, text.scalars.count)]
            // After a clause that is only `其中，`, an attribute opens a part too (`其中，民办中等职业学校1所`).
            if k > 0, Self.isBarePartsOpening(text.scalars[clauses[k - 1].lowerBound..<min(clauses[k - 1].upperBound, text.scalars.count)]) {
                return rules.tableCategories.classifyListItem(scalars: scalars) ?? rules.tableCategories.classifyLead(scalars: scalars)
            }
            return rules.tableCategories.classifyLead(scalars: scalars)
        }
        // A sentence opening with ours as a whole (`全省中等职业学校招生数…`) ends what a paragraph's other-level
        // opening said about its later sentences (`全省高中阶段教育…。…。与 2018 年相比，招生增加 5.9%`).
        defer {
            if clauseLeads.first == TableCategory.whole { paragraphOtherLevel = nil; paragraphCategory = nil }
        }
        var emittedInSentence: [(observation: Observation, indicator: Int, start: Int, inParens: Bool)] = []
        var lastSubject: Int? = opensWithParts(text, sentence) ? previousSentenceSubject : nil
        // A subject whose chain a value in another unit broke (`在校生3,486人…共有教学班82个。`) still owns a `其中`
        // list in the next sentence (`其中一年级1,215人…`), though not the rest of this one.
        var subjectForParts: Int?
        defer { previousSentenceSubject = lastSubject ?? subjectForParts }
        var previousEnd = sentence.lowerBound
        var previousClause = -1
        var previousChange = false
        // `由五年前的26:1下降到…`: the resolution of a level's starting number, for the number it moves to.
        var movingFrom: (resolution: Resolution, end: Int)?
        var hadUnresolved = false
        var previousNotValue = false
        // Numbers of clauses opening with a remainder word (`其他 1 所学校共 1,170 人`): the rest of a `其中` list's
        // total when the sentence has one (`groupParts`), else no value at all.
        var remainders: [(number: ParsedNumber, word: String)] = []

        for number in numbers {
            // Years (`2022 年`) and numbers inside a year expression are context, not values; they do not
            // end the window of the next number either (`较 2021 年增加 186 人` keeps its change cue).
            if matches.years.contains(where: { $0.start < number.end && number.start < $0.end }) { continue }
            if Self.isDateUnit(number.unit) { continue }
            guard let clauseIndex = clauses.firstIndex(where: { $0.contains(number.start) }) else { continue }
            var leadIndex = clauseLeads[...clauseIndex].lastIndex(where: { $0 != nil })
            // A `其中` list's kind (`其中中级工班1937人、高级工班927人；招生1012人`) ends with the list at a semicolon.
            if let opening = leadIndex, opening < clauseIndex, opensWithParts(text, clauses[opening]),
               text.scalars[clauses[opening].lowerBound..<clauses[clauseIndex].lowerBound].contains(where: { $0 == 0xFF1B || $0 == 0x3B }) {
                leadIndex = nil
            }
            // (`…、预备技师 110 人，招生人数比上年增长 9.2%`: a clause naming the indicator again speaks of the whole)
            if let opening = leadIndex, opening < clauseIndex, opensWithParts(text, clauses[opening]),
               matches.phrases.contains(where: { $0.start >= clauses[clauseIndex].lowerBound
                   && $0.start - clauses[clauseIndex].lowerBound <= Self.clauseOpeningSlack && $0.end <= number.start }) {
                leadIndex = nil
            }
            var lead = leadIndex.flatMap { clauseLeads[$0] }
            // A later item of the `其中` list names its own kind.
            if let opening = leadIndex, opensWithParts(text, clauses[opening]),
               let comma = text.scalars[clauses[opening].lowerBound..<number.start].lastIndex(of: 0x3001),  // 、
               let item = rules.tableCategories.classifyListItem(scalars: text.scalars[(comma + 1)..<number.start]) {
                lead = item
            }
            var category = paragraphCategory
            if case .part(let name)? = lead { category = name } else if lead == TableCategory.whole { category = nil }
            // `全国中等职业教育（不含人社部门管理的技工学校）共有学校 7085 所`: the whole less a kind.
            // `2015级在校学生…满意度为 91%`: a grade cohort opening the clause is the value's category.
            if category == nil, let cohort = Self.cohort(in: text, clause: clauses[clauseIndex], before: number.start) { category = cohort }
            var statedExclusion: String?
            if let excluded = excludedKind(text, from: sentence.lowerBound, to: number.start)
                ?? excludedKindInBrackets(text, after: number.end, before: sentence.upperBound) {
                category = excluded
                statedExclusion = excluded
            }
            let clause = clauses[clauseIndex]
            defer { previousEnd = max(previousEnd, number.end) }
            let previousNumberEnd = clauseIndex == previousClause ? previousEnd : nil
            if clauseIndex != previousClause { previousEnd = max(previousEnd, clause.lowerBound) }
            let windowStart = max(clause.lowerBound, previousEnd)
            let sameClauseAsPrevious = clauseIndex == previousClause
            previousClause = clauseIndex
            // `其他 5 所中职学校生均经费…`: a clause about "the others" speaks for no entity we can name.
            // (`另有技工学校 21 所`: a kind named after the word is what the clause is about.)
            var opensWithKind = false
            if case .part? = clauseLeads[clauseIndex] { opensWithKind = true }
            // (`另有人社部门主管的技工学校 2 所`: the kind may come later in the clause, before the number)
            if !opensWithKind, clause.lowerBound < number.start,
               case .part(let kind)? = rules.tableCategories.classify(scalars: Array(text.scalars[clause.lowerBound..<number.start])),
               !rules.tableCategories.attributes.contains(kind) {
                opensWithKind = true
            }
            if clauseOpensWithNotValueWord(text, clause), !opensWithKind,
               !matches.phrases.contains(where: { $0.start == clause.lowerBound }) {
                if let word = remainderWord(opening: clause, in: text) { remainders.append((number, word)) }
                continue
            }
            // Whether 和 or 、 stands between the previous number and this one: an enumeration goes on.
            func gapHasListWord() -> Bool {
                guard text.isSimple else {
                    let gapText = text.text(windowStart..<number.start)
                    return gapText.contains("和") || gapText.contains("、")
                }
                let upper = min(number.start, text.count)
                guard windowStart < upper else { return false }
                return text.scalars[windowStart..<upper].contains { $0 == 0x548C || $0 == 0x3001 }  // 和 、
            }
            // `该班40人全部通过考核，…月平均起薪达4600元`: a class's or programme's figures are no entity's.
            if sentenceSays(compiled.smallerSubjectScalars, text: text, sentence: sentence.lowerBound..<number.start) { continue }
            if let notBefore = compiled.notValueBefore {
                let preceding = text.byteRange(max(clause.lowerBound, number.start - Self.notValueReach)..<number.start)
                if notBefore.firstMatch(in: text.bytes, range: preceding) != nil {
                    // No value, so no change either: `…增加 16.4%；最高的是 3001-4000 元之间，占 44.7%`.
                    previousNotValue = true
                    previousChange = false
                    continue
                }
            }
            // `拟新增 1 个中本贯通专业、4 个中高职贯通专业` (or `…专业,4 个…`): an enumeration goes on under the
            // word before its first item, in its clause after 、/和 or as the next clause's first word.
            if previousNotValue {
                let listGoesOn = sameClauseAsPrevious
                    ? gapHasListWord() && cleanedGapLength(text, windowStart..<number.start, matches: matches,
                                                           blankPhrases: true) == 0
                    : !Self.printedGap(text, windowStart..<number.start).hasWords
                if listGoesOn { continue }
                previousNotValue = false
            }

            if let notValue = compiled.notValueAfter {
                let following = text.byteRange(number.end..<min(sentence.upperBound, number.end + 12))
                if notValue.firstMatch(in: text.bytes, range: following, anchored: true) != nil { continue }
            }
            let inParens = Self.insideBreakdownParentheses(text: text, sentence: sentence, at: number.start)
            // `27 所（公办学校 13 所、民办学校 14 所）`, `（其中全日制学生 80407 人，非全日制学生 …）`: the subject
            // again, for a kind of it.
            let kindOfSubject: (subject: Int, category: String)? = lastSubject.flatMap { subject in
                guard number.qualifier != .change, unitFits(number, indicator: subject),
                      // (`其中，技工学校招生 1,020 人`: the kind's value of the indicator named there)
                      !matches.phrases.contains(where: { $0.start >= windowStart && $0.end <= number.start && !$0.targets.contains(subject) }),
                      let part = categoryPart(text, windowStart..<number.start) else { return nil }
                return (subject, part)
            }
            // `132人（31.8%）`, `1,126人（升学率64.1%）`: a rate in brackets after a count is stated, not broken down.
            if inParens && kindOfSubject == nil && !statesRateInBrackets(number, text: text, sentence: sentence, matches: matches) {
                continue
            }

            // Cues in the window before the number, and anywhere in its clause before it.
            var isChange = matches.cues.contains {
                $0.cue == .change && $0.start >= windowStart && $0.end <= number.start + 1
            }
            func clauseHasCue(_ cue: CompiledRules.Cue) -> Bool {
                matches.cues.contains { $0.cue == cue && $0.start >= clause.lowerBound && $0.start < number.start }
            }
            // Only when what stands before the number is at most the previous number's own after-words.
            let ownPhrase = matches.phrases.contains { hit in
                hit.start >= windowStart && hit.start < number.start
                    && !(previousNumberEnd.map { hit.start <= $0 + 1 } ?? false)
            }
            if number.qualifier == .change { isChange = true }
            if !isChange && previousChange && !ownPhrase
                && (!sameClauseAsPrevious || gapHasListWord())
                && cleanedGapLength(text, windowStart..<number.start, matches: matches, blankPhrases: true) == 0 {
                isChange = true
            }

            var (resolution, previousYear) = indicatorOf(number, numbers: numbers, text: text, matches: matches,
                                                         windowStart: windowStart, previousNumberEnd: previousNumberEnd,
                                                         sentence: sentence, clause: clause, lastSubject: lastSubject,
                                                         kindOfSubject: kindOfSubject,
                                                         emittedInSentence: emittedInSentence,
                                                         isChange: isChange, hadUnresolved: hadUnresolved)
            // The level a movement went to is the value of the indicator its start was named by.
            if let from = movingFrom, levelMovesTo(text, from: from.end, to: number.start) {
                resolution = from.resolution
                previousYear = false
            }
            movingFrom = nil
            if let kindOfSubject { category = kindOfSubject.category }
            guard var resolution else {
                // An unexplained value breaks the chain: a later `较上年提升 x%` is not about the old subject.
                if !number.unit.isEmpty {
                    subjectForParts = lastSubject.flatMap { unitFits(number, indicator: $0) ? nil : $0 }
                    lastSubject = nil
                    hadUnresolved = true
                }
                previousChange = isChange
                continue
            }
            previousChange = resolution.change
            var rule = rules.indicators[resolution.indicator]
            let otherLevelOpening: String? = lead == TableCategory.otherLevel ? leadIndex.map { text.text(clauses[$0]) }
                : (lead == nil ? paragraphOtherLevel : nil)
            if let opening = otherLevelOpening, !rule.isAbout(level: opening, categories: rules.tableCategories) {
                // `普通高中在校生 14,280 人、招生 4,865 人`: our indicator's word under another level is that level's
                // counterpart of it, where the rules have one.
                guard let counterpart = compiled.levelCounterparts[resolution.indicator]?.first(where: {
                    rules.indicators[$0].isAbout(level: opening, categories: rules.tableCategories, only: true)
                }) else { continue }
                resolution.indicator = counterpart
                rule = rules.indicators[counterpart]
            }
            // A per-school average is no entity's total.
            if !resolution.change && (rule.kind == "count" || rule.kind == "money")
                && clauseHasCue(.average) {
                continue
            }
            lastSubject = resolution.indicator
            hadUnresolved = false
            // `教育经费总投入118.6亿元，其中中等职业教育经费9.42亿元`: a figure whose part for our level the sentence gives
            // next is of all levels, when its own clause names no level of ours.
            if !resolution.change, rule.levels.isEmpty, partForOursFollows(text, number: number, clause: clause, sentence: sentence) {
                continue
            }
            // Where a level started (`由五年前的26:1` before `下降到`) is no value.
            if !resolution.change, levelMovesFrom(text, number: number, clause: clause) {
                movingFrom = (resolution, number.end)
                continue
            }
            // `另有人社部门主管的技工学校 2 所`: a phrase that names a kind of ours gives the value that kind; one
            // qualified in brackets (`独立的技工学校(含分校)1994年为149所`) counts another series than the kind's, left out.
            if category == nil, let kind = kindNamedByPhrase(of: resolution.indicator, text: text, from: windowStart, to: number.start,
                                                             matches: matches) {
                guard let kind else { lastSubject = nil; hadUnresolved = true; continue }   // (nor the values listed after it)
                category = kind
            }
            // `国家级技能大师工作室 1 个、省级技能大师工作室 2 个`: the rank right before the phrase is the kind.
            var rankedCategory: String?
            if category == nil, let rank = rankBeforePhrase(of: resolution.indicator, text: text, from: windowStart, to: number.start,
                                                            matches: matches) {
                category = rank
                rankedCategory = rank
            }

            let listedEntity = respectiveEntity(at: number.start, text: text, sentence: sentence,
                                                numberEnds: numbers.map(\.end), matches: matches)
            let (entity, entitySource): ResolvedEntity = listedEntity.map { ($0, "sentence") } ?? (rule.regionScope
                ? regionMentioned(in: sentence, before: number.start, text: text, clauses: clauses, matches: matches)
                : resolveEntity(at: number.start, text: text, sentence: sentence, clauses: clauses,
                                numberEnds: numbers.map(\.end), matches: matches))
            var (year, qualifier, yearSource) = yearAndQualifier(of: number, resolution: resolution, previousYear: previousYear,
                                                                 text: text, sentence: sentence, clause: clause,
                                                                 windowStart: windowStart, matches: matches,
                                                                 blockIndex: blockIndex)
            // What the paragraph said its whole leaves out holds for that entity's later figures of the whole, in
            // sentences naming no region of their own (`2015年，全国中等职业学校毕业生…` states its own scope).
            if let excluded = statedExclusion {
                paragraphExclusion = (excluded, entity)
                exclusionSection = blockIndex < sectionOfBlock.count ? sectionOfBlock[blockIndex] : nil
                exclusionHoldsOn = sentenceSays(compiled.sameBelowScalars, text: text, sentence: sentence)
            } else if category == nil, entity != nil, paragraphExclusion != nil || documentExclusion != nil {
                let regionsNamed = matches.mentions.filter { $0.isRegion && $0.start >= sentence.lowerBound && $0.end <= number.start }
                if let exclusion = paragraphExclusion, exclusion.entity == entity, regionsNamed.isEmpty {
                    category = exclusion.kind
                } else if let excluded = documentExclusion, entity == subject?.name,
                          regionsNamed.allSatisfy({ $0.entity == subject?.name }) {
                    // `说明：本报告数据均不含人社部门主管的技工学校`: every figure of the document's subject.
                    category = excluded
                }
            }
            // An attribute part (`其中民办 12 所`) of a narrowed whole is a part of that narrowing (`不含技工学校/民办`,
            // `技工学校/民办`), as a table's `其中:市属` row under its kind is.
            if let part = category, rules.tableCategories.attributes.contains(part) || part == rankedCategory,
               let scope = statedExclusion ?? scopeOfWhole(for: entity, part: part, sentence: sentence, before: number.start, matches: matches) {
                category = scope + "/" + part
            }
            // A kind left out of secondary vocational education (`不含技工学校`) says nothing of another level's figure.
            if !rule.levels.isEmpty, let kind = category, kind.hasPrefix(rules.tableCategories.excluding) { category = nil }
            var alsoYears: [Int] = []
            if yearSource == "clause",
               let listed = listedYears(for: number, numbers: numbers, clause: clause, text: text, matches: matches) {
                year = listed[0]
                alsoYears = Array(listed.dropFirst())
                yearSource = "year_list"
            }
            guard let observation = textObservation(
                number, resolution: resolution, entity: (entity, entitySource),
                dated: (year, qualifier, yearSource), category: category,
                in: (text, sentence), block: block, blockIndex: blockIndex) else { continue }
            emittedInSentence.append((observation, resolution.indicator, number.start, inParens))
            emit(observation)
            for other in alsoYears {
                var another = observation
                another.year = other
                emit(another)
            }
        }
        closeSentence(emittedInSentence.map { ($0.observation, $0.start) }, remainders: remainders, text: text,
                      sentence: sentence, matches: matches, block: block, blockIndex: blockIndex)
    }

    /// An observation of a number the sentence tied to an indicator; nil for a ratio printed the other way round
    /// whose sides say not which way (`2:29` after `师生比`).
    func textObservation(_ number: ParsedNumber, resolution: Resolution, entity: ResolvedEntity,
                         dated: (year: Int?, qualifier: Qualifier?, source: String), category: String?,
                         in context: (text: AnalysedText, sentence: Range<Int>), block: Block,
                         blockIndex: Int) -> Observation? {
        var (value, decimals) = (number.value, number.decimals)
        if resolution.inverse {
            guard let oriented = Self.orientedRatio(number.text) else { return nil }
            (value, decimals) = oriented
        }
        let rule = rules.indicators[resolution.indicator]
        let location = block.location(atOffset: number.start)
        return Observation(
            docId: document.docId, indicator: rule.id, nameZh: rule.nameZh, entity: entity.entity, year: dated.year,
            value: value, unit: outputUnit(number: number, indicator: resolution.indicator, change: resolution.change),
            raw: context.text.originalText(number.start..<number.end), qualifier: dated.qualifier, page: location.page,
            line: location.line, sectionId: sectionId(forBlock: blockIndex),
            quote: Self.trimmedQuote(context.text.originalText(context.sentence)),
            ruleId: "\(rule.id)/\(resolution.via)", decimals: decimals, fromTable: false,
            base: resolution.base.map { rules.indicators[$0].id }, entitySource: entity.source,
            yearSource: dated.year == nil ? "unresolved: " + (documentYear.reason ?? "no year") : dated.source,
            category: category)
    }

    /// After a sentence's values: a `其中` list's total and parts tied into a group (and its remainder), parts of
    /// kinds no rule names refused — in the sentence, or in one opening with `其中` after the total's
    /// (`…设备总值 1870.98 万元。其中机电工程…设备总值 966 万元`).
    mutating func closeSentence(_ emitted: [(Observation, Int)], remainders: [(number: ParsedNumber, word: String)],
                                text: AnalysedText, sentence: Range<Int>, matches: BlockMatches, block: Block,
                                blockIndex: Int) {
        if let group = groupParts(emitted, matches: matches, sentence: sentence) {
            emitRemainder(of: group, candidates: remainders, text: text, sentence: sentence, block: block,
                          blockIndex: blockIndex)
        }
        if opensWithParts(text, sentence), let total = previousSentenceValues.last(where: { $0.qualifier != .change }) {
            let unnamed = emitted.map(\.0).filter { Self.isUnnamedPart($0, of: total) }
            if !unnamed.isEmpty { refuseUnnamedParts(unnamed, total: total) }
        }
        previousSentenceValues = emitted.map(\.0)
    }

    /// A value under `其中` of its total's indicator, entity, category, year and unit, and smaller (the total
    /// said again, `6 所中职学校中…`, is no part): a part of a kind no rule names.
    static func isUnnamedPart(_ part: Observation, of total: Observation) -> Bool {
        part.qualifier != .change && part.indicator == total.indicator && part.entity == total.entity
            && part.category == total.category && part.year == total.year && part.unit == total.unit
            && part.value < total.value
    }

    /// The indicator a number in a sentence states, nearest reason first: a kind of the sentence's subject
    /// (`（公办学校 13 所…）`), last year's value of the subject (`较上年（4,105 人）`), a `分别为` list, else the
    /// phrases around it (`resolve`). Also whether it is last year's value.
    private func indicatorOf(_ number: ParsedNumber, numbers: [ParsedNumber], text: AnalysedText, matches: BlockMatches,
                             windowStart: Int, previousNumberEnd: Int?, sentence: Range<Int>, clause: Range<Int>,
                             lastSubject: Int?, kindOfSubject: (subject: Int, category: String)?,
                             emittedInSentence: [(observation: Observation, indicator: Int, start: Int, inParens: Bool)],
                             isChange: Bool, hadUnresolved: Bool) -> (Resolution?, previousYear: Bool) {
        if let kindOfSubject {
            return (Resolution(indicator: kindOfSubject.subject, base: nil, change: false, via: "category_part"), false)
        }
        // `在校生 4,390 人，较上年（4,105 人）增加 5.2%`: last year's value of the sentence's subject.
        if let subject = lastSubject, Self.opensPreviousYearValue(text, before: number.start, from: windowStart,
                                                                       previousYearWords: compiled.previousYearWords),
           unitFits(number, indicator: subject) {
            return (Resolution(indicator: subject, base: nil, change: false, via: "previous-year"), true)
        }
        // Respectively: `A、B、C 分别为 x、y、z`.
        if let respectively = matches.cues.last(where: {
            $0.cue == .respectively && $0.end <= number.start && $0.start >= sentence.lowerBound
        }) {
            let listStart = emittedInSentence.last(where: { $0.start < respectively.start })?.start ?? sentence.lowerBound
            let listed = matches.phrases.filter { $0.start >= listStart && $0.end <= respectively.start }
            let numbersBefore = numbers.filter { other in
                other.start >= respectively.end && other.start < number.start
                    && !matches.years.contains { $0.start < other.end && other.start < $0.end }
            }.count
            if numbersBefore < listed.count, listed.count >= 2,
               let target = listed[numbersBefore].targets.first(where: { unitFits(number.unit, indicator: $0) }) {
                return (Resolution(indicator: target, base: nil, change: false, via: "respectively"), false)
            }
        }
        if let subject = lastSubject, unitFits(number, indicator: subject),
           continuesYearList(number, numbers: numbers, clause: clause, windowStart: windowStart, text: text,
                             matches: matches) {
            return (Resolution(indicator: subject, base: nil, change: isChange, via: "year_list"), false)
        }
        let hasShareCue = matches.cues.contains {
            $0.cue == .share && $0.start >= clause.lowerBound && $0.start < number.start
        }
        return (resolve(number: number, text: text, matches: matches, windowStart: windowStart,
                        previousNumberEnd: previousNumberEnd, sentence: sentence, clause: clause,
                        lastSubject: lastSubject, isChange: isChange, hasShareCue: hasShareCue,
                        hadUnresolved: hadUnresolved), false)
    }

    /// The year a text value describes and its qualifier: the year from `resolveYear`, moved back for last
    /// year's value or to the year compared with; a target when a target or plan cue says so, or when a
    /// plan's value names no year of its own (then the plan's last year).
    private func yearAndQualifier(of number: ParsedNumber, resolution: Resolution, previousYear: Bool,
                                  text: AnalysedText, sentence: Range<Int>, clause: Range<Int>, windowStart: Int,
                                  matches: BlockMatches, blockIndex: Int) -> (Int?, Qualifier?, String) {
        var (year, isTarget, fromContext, yearSource) = resolveYear(at: number.start, text: text, sentence: sentence,
                                                                    clause: clause, matches: matches,
                                                                    blockIndex: blockIndex)
        if previousYear {
            year = year.map { $0 - 1 }
            isTarget = false
            yearSource = "previous_year"
        } else if !resolution.change,
                  let compared = Self.comparedYearOfValue(text, matches: matches, before: number.start, from: windowStart) {
            // `较 2015 年的 49,800 人增长 5.6%`: the value compared with is that year's.
            year = compared
            isTarget = false
            yearSource = "compared_year"
        }
        // `该校去年招生 960 人`: a level dated by a previous-year word in its clause, where the clause names no
        // year of its own. Its year is the one before the sentence's, or, where only the document dates the
        // value, before the year the document was written in (its report year, not the year its figures
        // describe: a 2008 news item's `去年` is 2007 however its figures are dated).
        if !previousYear, !resolution.change, yearSource != "clause", yearSource != "compared_year", let current = year,
           matches.cues.contains(where: {
               $0.cue == .previousYear && $0.start >= clause.lowerBound && $0.end <= number.start
           }) || previousYearOpensEarlierClause(text, sentence: sentence, clause: clause, before: number.start, matches: matches) {
            // (in a news item dated only by its publication, always the year before it was published)
            year = (publicationYear ?? (fromContext ? current : writtenYear ?? current)) - 1
            isTarget = false
            yearSource = "previous_year_word"
        }
        // `今年，全国中职招生计划为 860 万人`: this year is the year the document was written in, where the
        // sentence names no year of its own.
        if !previousYear, !resolution.change,
           matches.cues.contains(where: {
               $0.cue == .currentYear && $0.start >= sentence.lowerBound && $0.end <= number.start
           }),
           !["target", "clause", "sentence", "compared_year", "previous_year_word"].contains(yearSource),
           let written = writtenYear ?? year {
            year = written
            isTarget = false
            yearSource = "current_year_word"
        }
        var qualifier = number.qualifier
        if resolution.change {
            qualifier = .change
        } else if isTarget || matches.cues.contains(where: {
            $0.cue == .planned && $0.start >= clause.lowerBound && $0.end <= number.start
        }) {
            qualifier = .target
        }
        // In a plan's section telling where things stand, a value naming no year is of the last year the section
        // named before it (`截至2022年底，…。` / `…生均教学仪器设备值仅为3850元`), and no target.
        let section = blockIndex < sectionOfBlock.count ? sectionOfBlock[blockIndex] : nil
        let inBaseline = section.map { $0 < baselineSections.count && baselineSections[$0] } ?? false
        if inBaseline, !fromContext, !previousYear, let section, let named = baselineYears[section] {
            year = named
            yearSource = "section_text"
        }
        // In a plan, a value with no year of its own (nor from its section) is a target for the plan's end, and
        // so is one a target word announces (`力争…达到 2200 人`) that only another sentence's year dates.
        if !inBaseline, let planYear = planYear(), !previousYear, !resolution.change, qualifier != .target,
           !fromContext || year == planYear
            || ((yearSource == "paragraph" || yearSource == "section") && matches.cues.contains {
                $0.cue == .target && $0.year == nil && $0.start >= sentence.lowerBound && $0.end <= number.start
            }) {
            qualifier = .target
            year = planYear
            yearSource = "plan_end"
        }
        return (year, qualifier, yearSource)
    }

    /// The remainder word (`cues.remainder`: 其他, 其余) a clause opens with, as printed, or nil.
    func remainderWord(opening clause: Range<Int>, in text: AnalysedText) -> String? {
        guard !rules.cues.remainder.isEmpty else { return nil }
        let head = text.text(clause.lowerBound..<min(clause.upperBound, clause.lowerBound + 4))
            .drop { $0 == " " || $0 == "\u{3000}" }
        return rules.cues.remainder.first { head.hasPrefix($0) }
    }

    /// `全区在校生 4,520 人，其中临湖职校 1,850 人、交通学校 1,500 人，其他 1 所学校共 1,170 人`: the first number after
    /// the parts, in a clause opening with a remainder word, in the total's unit, is the rest of the total —
    /// an observation of the total's indicator, entity and year with role `remainder` and the word as its
    /// category, so it is never taken for the entity's own value. Only for counts and amounts (a rate's rest
    /// is no difference).
    mutating func emitRemainder(of group: (total: Observation, lastPart: Int, group: String),
                                candidates: [(number: ParsedNumber, word: String)], text: AnalysedText,
                                sentence: Range<Int>, block: Block, blockIndex: Int) {
        let total = group.total
        guard let indicator = rules.indicators.firstIndex(where: { $0.id == total.indicator }),
              ["count", "money"].contains(rules.indicators[indicator].kind),
              let rest = candidates.first(where: { $0.number.start > group.lastPart && unitFits($0.number, indicator: indicator) }),
              outputUnit(number: rest.number, indicator: indicator, change: false) == total.unit
        else { return }
        let number = rest.number
        let location = block.location(atOffset: number.start)
        var observation = total
        observation.value = number.value
        observation.raw = text.originalText(number.start..<number.end)
        observation.qualifier = number.qualifier
        observation.page = location.page
        observation.line = location.line
        observation.sectionId = sectionId(forBlock: blockIndex)
        observation.quote = Self.trimmedQuote(text.originalText(sentence))
        observation.ruleId = "\(total.indicator)/remainder"
        observation.decimals = number.decimals
        observation.fromTable = false
        observation.role = .remainder
        observation.group = group.group
        observation.base = nil
        observation.category = rest.word
        emit(observation)
    }

    /// The kind of ours named right before a number, with at most a short noun besides (`（公办学校`,
    /// `，非全日制学生`, `其中民办`): the category of a part of the value before.
    func categoryPart(_ text: AnalysedText, _ gap: Range<Int>) -> String? {
        guard gap.lowerBound < gap.upperBound, gap.count <= Self.maximumCategoryGap, gap.upperBound <= text.scalars.count
        else { return nil }
        let scalars = Array(text.scalars[gap])
        guard let part = rules.tableCategories.partWord(scalars: scalars),
              let at = scalarsFirstIndex(of: part.word, in: scalars[...]) else { return nil }
        // What is left besides the word, `其中` and punctuation: a noun of two characters at most (学校, 学生).
        var rest = Array(scalars[..<at]) + Array(scalars[(at + part.word.count)...])
        if let qizhong = scalarsFirstIndex(of: Self.qizhong, in: rest[...]) { rest.removeSubrange(qizhong..<(qizhong + 2)) }
        return rest.filter { (0x3400...0x9FFF).contains($0) }.count <= 2 ? part.name : nil
    }

    static let qizhong = TableCategoryRules.qizhong

    /// A clause that is `其中` and its punctuation alone.
    static func isBarePartsOpening(_ scalars: ArraySlice<UInt32>) -> Bool {
        let words = scalars.filter { !isWhitespace($0) && ![0xFF0C, 0x2C, 0xFF1A, 0x3A].contains($0) }  // ，,：:
        return words.elementsEqual(qizhong)
    }

    static let maximumCategoryGap = 12

    /// Whether the sentence opens with `其中` (a list of parts of what the sentence before counted).
    func opensWithParts(_ text: AnalysedText, _ sentence: Range<Int>) -> Bool {
        var index = sentence.lowerBound
        let end = min(sentence.upperBound, text.scalars.count)
        while index < end, text.scalars[index] == 0x20 || text.scalars[index] == 0x3000 { index += 1 }
        return end - index >= 2 && text.scalars[index] == Self.qizhong[0] && text.scalars[index + 1] == Self.qizhong[1]
    }

    /// `（不含人社部门管理的技工学校）` before the number in its sentence: the category of the whole without that
    /// kind (`不含技工学校`, the `excluding` word and the kind's name).
    func excludedKind(_ text: AnalysedText, from start: Int, to end: Int) -> String? {
        let word = rules.tableCategories.excludingScalars
        guard !word.isEmpty, start < end, end <= text.scalars.count,
              let found = scalarsFirstIndex(of: word, in: text.scalars[start..<end]) else { return nil }
        // The excluded words run to the closing bracket or the clause's end.
        var stop = found + word.count
        while stop < end, stop - found - word.count < Self.maximumExclusionLength, !Self.exclusionEnds.contains(text.scalars[stop]) {
            stop += 1
        }
        guard case .part(let kind)? = rules.tableCategories.classify(scalars: Array(text.scalars[(found + word.count)..<stop])),
              !rules.tableCategories.attributes.contains(kind) else { return nil }
        let name = rules.tableCategories.excluding + kind
        return rules.tableCategories.parts.contains { $0.name == name } ? name : nil
    }

    /// The kind of ours (not an attribute) the phrase naming the value's indicator in its window is
    /// (`技工学校` of the school count); `.some(nil)` when a bracket right after the phrase qualifies it
    /// (`技工学校(含分校)`).
    func kindNamedByPhrase(of indicator: Int, text: AnalysedText, from start: Int, to end: Int, matches: BlockMatches) -> String?? {
        guard let phrase = matches.phrases.last(where: { $0.start >= start && $0.end <= end && $0.targets.contains(indicator) }),
              // (the phrase opening with the kind: `中等职业教育（含技工学校）共有学校` names the whole)
              case .part(let name)? = rules.tableCategories.classifyLead(scalars: text.scalars[phrase.start..<phrase.end]),
              !rules.tableCategories.attributes.contains(name) else { return nil }
        // `中等职业学校（含技工学校）3 所`: a kind in brackets says what the whole holds, not whose the value is.
        var k = phrase.start
        while k > start {
            k -= 1
            let scalar = text.scalars[k]
            if scalar == 0xFF09 || scalar == 0x29 { break }         // ） )
            if scalar == 0xFF08 || scalar == 0x28 { return nil }    // （ (
        }
        if phrase.end < end, text.scalars[phrase.end] == 0xFF08 || text.scalars[phrase.end] == 0x28 { return .some(nil) }
        return name
    }

    /// A rank (`cues.rank`: 国家级, 省级…) right before the phrase naming the value's indicator in its window:
    /// the value counts only things of that rank.
    func rankBeforePhrase(of indicator: Int, text: AnalysedText, from start: Int, to end: Int, matches: BlockMatches) -> String? {
        guard !compiled.rankScalars.isEmpty,
              let phrase = matches.phrases.last(where: { $0.start >= start && $0.end <= end && $0.targets.contains(indicator) })
        else { return nil }
        func rank(endingAt end: Int) -> [UInt32]? {
            compiled.rankScalars.first { $0.count <= end - start && text.scalars[(end - $0.count)..<end].elementsEqual($0) }
        }
        guard let found = rank(endingAt: phrase.start) else { return nil }
        // `国家级、自治区级…`, `省级和市级…`: ranks joined count them all.
        let before = phrase.start - found.count - 1
        if before > start, [0x3001, 0x548C, 0x53CA, 0x4E0E].contains(text.scalars[before]), rank(endingAt: before) != nil {  // 、和及与
            return nil
        }
        return String(String.UnicodeScalarView(found.compactMap(Unicode.Scalar.init)))
    }

    /// The narrowing an attribute part belongs to: the kind the paragraph is about (`技工学校…，其中民办…`), else
    /// the whole-less-a-kind its paragraph or document stated for the same entity (`（不含技工学校，下同）`).
    func scopeOfWhole(for entity: String?, part: String, sentence: Range<Int>, before end: Int, matches: BlockMatches) -> String? {
        let attributes = rules.tableCategories.attributes
        if let kind = paragraphCategory, kind != part, !attributes.contains(kind) { return kind }
        guard entity != nil else { return nil }
        let regionsNamed = matches.mentions.filter { $0.isRegion && $0.start >= sentence.lowerBound && $0.end <= end }
        // As for the whole's own figures: a sentence naming a region states its own scope.
        if let exclusion = paragraphExclusion, exclusion.entity == entity, regionsNamed.isEmpty {
            return exclusion.kind
        }
        if let excluded = documentExclusion, entity == subject?.name, regionsNamed.allSatisfy({ $0.entity == subject?.name }) {
            return excluded
        }
        return nil
    }

    /// The last grade cohort (`2015级`, `2015級`) in the clause before a value: the cohort the value is about,
    /// written with a simplified 级.
    static func cohort(in text: AnalysedText, clause: Range<Int>, before end: Int) -> String? {
        let upper = min(end, text.count)
        var k = upper - 5
        while k >= clause.lowerBound {
            if text.scalars[k + 4] == 0x7EA7 || text.scalars[k + 4] == 0x7D1A,  // 级 級
               text.scalars[k..<(k + 4)].allSatisfy({ (0x30...0x39).contains($0) }),
               k == 0 || !(0x30...0x39).contains(text.scalars[k - 1]),
               let year = Int(text.text(k..<(k + 4))), (1990...2100).contains(year) {
                return "\(year)级"
            }
            k -= 1
        }
        return nil
    }

    /// `说明：除特别注明外，本报告数据均不含人社部门主管的技工学校`: a sentence of the opening blocks speaking of the
    /// document itself (`cues.document_scope`) that leaves a kind out, for all its figures.
    func documentScopeExclusion() -> String? {
        guard !rules.cues.documentScope.isEmpty else { return nil }
        for block in document.clean.blocks.prefix(40) where block.kind == .paragraph {
            let matching = block.matchingText
            // Byte search: Foundation's `contains` goes through NSString, slow on every opening paragraph.
            guard rules.cues.documentScope.contains(where: { matching.containsLiteral($0) }) else { continue }
            let text = AnalysedText(matching)
            for sentence in Self.sentenceRanges(in: text) {
                let said = text.text(sentence)
                guard rules.cues.documentScope.contains(where: { said.containsLiteral($0) }) else { continue }
                if let kind = excludedKind(text, from: sentence.lowerBound, to: sentence.upperBound) { return kind }
            }
        }
        return nil
    }

    /// `共有中等职业学校 26 所（不含技工学校）`: the kind a bracket right after the number leaves out.
    func excludedKindInBrackets(_ text: AnalysedText, after offset: Int, before end: Int) -> String? {
        var k = offset
        while k < min(end, text.scalars.count), Self.isWhitespace(text.scalars[k]) { k += 1 }
        guard k < min(end, text.scalars.count), text.scalars[k] == 0xFF08 || text.scalars[k] == 0x28 else { return nil }
        let word = rules.tableCategories.excludingScalars
        let close = min(end, text.scalars.count, k + 1 + word.count + Self.maximumExclusionLength)
        guard k + 1 + word.count <= close, text.scalars[(k + 1)..<(k + 1 + word.count)].elementsEqual(word) else { return nil }
        return excludedKind(text, from: k + 1, to: close)
    }

    /// ） ) ， , ； ; 。
    static let exclusionEnds: Set<UInt32> = [0xFF09, 0x29, 0xFF0C, 0x2C, 0xFF1B, 0x3B, 0x3002]

    static let maximumExclusionLength = 16

    /// `去年全省中职学校招生 49.7 万人，在校生 137.4 万人`: a previous-year word opening an earlier clause of the
    /// sentence dates the clauses after it, until a year or another time word.
    func previousYearOpensEarlierClause(_ text: AnalysedText, sentence: Range<Int>, clause: Range<Int>, before end: Int,
                                        matches: BlockMatches) -> Bool {
        guard let cue = matches.cues.last(where: {
            ($0.cue == .previousYear || $0.cue == .currentYear) && $0.start >= sentence.lowerBound && $0.end <= end
        }), cue.cue == .previousYear, cue.start < clause.lowerBound else { return false }
        var clauseStart = cue.start
        while clauseStart > sentence.lowerBound, !Self.isClauseBoundary(text.scalars[clauseStart - 1]) { clauseStart -= 1 }
        while clauseStart < cue.start, Self.isWhitespace(text.scalars[clauseStart]) { clauseStart += 1 }
        guard cue.start == clauseStart else { return false }
        return !matches.years.contains { $0.start >= cue.end && $0.end <= end }
    }

    /// Units of numbers that are dates or periods, never values (`2022 年`, `3 月`, `2023 届`).
    static let dateUnits: [[UInt8]] = ["年", "学年", "届", "月", "日", "天", "级", "周", "期"].map { Array($0.utf8) }

    /// `dateUnits` contains `unit`, compared by bytes: `==` on two unequal non-ASCII Strings takes
    /// Unicode's slow path, once per number and list entry.
    static func isDateUnit(_ unit: String) -> Bool {
        var unit = unit
        return unit.withUTF8 { bytes in dateUnits.contains { $0.elementsEqual(bytes) } }
    }

    /// `其他 5 所中职学校生均经费…`: the clause's first three Characters begin with a not-value word.
    func clauseOpensWithNotValueWord(_ text: AnalysedText, _ clause: Range<Int>) -> Bool {
        let headEnd = min(clause.upperBound, clause.lowerBound + 3)
        guard text.isSimple else {
            let clauseHead = text.text(clause.lowerBound..<headEnd)
            return rules.cues.notValueBefore.contains { clauseHead.hasPrefix($0) }
        }
        return compiled.notValueBeforeScalars.contains { word in
            word.count <= headEnd - clause.lowerBound
                && text.scalars[clause.lowerBound..<(clause.lowerBound + word.count)].elementsEqual(word)
        }
    }

    /// The year of a comparison (`较 2015 年`) that the number directly follows with only `的` between:
    /// the number is that year's value, not the sentence's.
    static func comparedYearOfValue(_ text: AnalysedText, matches: BlockMatches, before offset: Int,
                                    from lowerBound: Int) -> Int? {
        guard text.isSimple,
              let year = matches.years.last(where: { $0.comparison && $0.start >= lowerBound && $0.end <= offset })
        else { return nil }
        let between = text.scalars[year.end..<offset].filter { !isWhitespace($0) }
        return between == [0x7684] ? year.year : nil  // 的
    }

    /// A ratio printed the other way round (`1:15.2`, `1∶14.66`): the side that is not 1, with its printed
    /// decimals; nil when neither side is 1 (`2:29` says nothing about which way it was meant).
    static func orientedRatio(_ printed: String) -> (value: Decimal, decimals: Int)? {
        let sides = printed.split(whereSeparator: { ":：∶".contains($0) })
            .map { $0.filter { $0.isASCII && ($0.isNumber || $0 == ".") } }
        guard sides.count == 2, let first = Decimal(string: sides[0], locale: Locale(identifier: "en_US_POSIX")),
              let second = Decimal(string: sides[1], locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        func decimals(_ side: String) -> Int { side.split(separator: ".").dropFirst().first?.count ?? 0 }
        if first == 1 { return (second, decimals(sides[1])) }
        if second == 1 { return (first, decimals(sides[0])) }
        return nil
    }

    /// Whether the number opens a parenthesis right after `较上年`/`比去年`… (`较上年（4,105 人）`), looking no
    /// further back than `lowerBound`.
    static func opensPreviousYearValue(_ text: AnalysedText, before offset: Int, from lowerBound: Int,
                                       previousYearWords: [[UInt32]]) -> Bool {
        guard text.isSimple else { return false }
        var k = offset - 1
        while k >= lowerBound, k < text.count, isWhitespace(text.scalars[k]) { k -= 1 }
        guard k >= lowerBound, k < text.count, text.scalars[k] == 0xFF08 || text.scalars[k] == 0x28 else { return false }
        k -= 1
        while k >= lowerBound, isWhitespace(text.scalars[k]) { k -= 1 }
        return previousYearWords.contains { word in
            k + 1 - word.count >= lowerBound && text.scalars[(k + 1 - word.count)...k].elementsEqual(word)
        }
    }

    /// Clauses of a sentence; the parts of `（…）` stay inside the clause around them.
    static func clauseRanges(text: AnalysedText, sentence: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = sentence.lowerBound
        var depth = 0
        for offset in sentence where offset < text.scalars.count {
            let scalar = text.scalars[offset]
            if scalar == 0xFF08 || scalar == 0x28 { depth += 1 }
            if scalar == 0xFF09 || scalar == 0x29 { depth = max(0, depth - 1) }
            // A comma between digits is a thousands separator (`49,800`), not the end of a clause.
            if scalar == 0x2C, offset > sentence.lowerBound, offset + 1 < min(sentence.upperBound, text.scalars.count),
               (0x30...0x39).contains(text.scalars[offset - 1]), (0x30...0x39).contains(text.scalars[offset + 1]) {
                continue
            }
            if depth == 0 && isClauseBoundary(scalar) {
                result.append(start..<(offset + 1))
                start = offset + 1
            }
        }
        if start < sentence.upperBound { result.append(start..<sentence.upperBound) }
        return result
    }

    /// A percentage alone in its brackets (`（31.8%）`), or after a rate's phrase (`（升学率64.1%）`).
    func statesRateInBrackets(_ number: ParsedNumber, text: AnalysedText, sentence: Range<Int>, matches: BlockMatches) -> Bool {
        guard number.unit == "%" || number.unit == "％", let open = Self.openingBracket(text: text, sentence: sentence, at: number.start),
              number.end < text.scalars.count, [0xFF09, 0x29].contains(text.scalars[number.end]) else { return false }
        if (open + 1..<number.start).allSatisfy({ Self.isWhitespace(text.scalars[$0]) }) { return true }
        return matches.phrases.contains { hit in
            hit.start > open && hit.end <= number.start && hit.targets.contains { rules.indicators[$0].unit == "%" }
        }
    }

    /// Whether a phrase stands in brackets opened by an inclusion word (`cues.inclusion`: `（含升学）`, `（不含技工学校）`)
    /// and closed before the number: it says what the phrase before the brackets counts.
    func qualifiesPhraseBefore(_ hit: BlockMatches.Phrase, text: AnalysedText, sentence: Range<Int>, number: Int) -> Bool {
        guard !compiled.inclusionScalars.isEmpty,
              let open = Self.openingBracket(text: text, sentence: sentence, at: hit.start), open + 1 < hit.start,
              text.scalars[hit.end..<min(number, text.scalars.count)].contains(where: { $0 == 0xFF09 || $0 == 0x29 })
        else { return false }
        let inside = text.scalars[(open + 1)..<hit.start]
        return compiled.inclusionScalars.contains { word in inside.starts(with: word) }
    }

    /// The bracket the offset stands in, at depth 0 within the sentence.
    static func openingBracket(text: AnalysedText, sentence: Range<Int>, at offset: Int) -> Int? {
        var index = offset - 1
        var depth = 0
        while index >= sentence.lowerBound, index < text.scalars.count {
            let scalar = text.scalars[index]
            if scalar == 0xFF09 || scalar == 0x29 { depth += 1 }
            if scalar == 0xFF08 || scalar == 0x28 {
                if depth == 0 { return index }
                depth -= 1
            }
            index -= 1
        }
        return nil
    }

    /// True when the number sits in parentheses that break down the number before them
    /// (`31 人(专业教师 21 人基础教师 10 人)`); parentheses opening with 含/其中/包括 list real values.
    static func insideBreakdownParentheses(text: AnalysedText, sentence: Range<Int>, at offset: Int) -> Bool {
        guard let index = openingBracket(text: text, sentence: sentence, at: offset) else { return false }
        let inside = text.text((index + 1)..<min(offset, index + 4))
        if inside.hasPrefix("含") || inside.hasPrefix("其中") || inside.hasPrefix("包括") { return false }
        // Only a breakdown when a number stands right before the parenthesis.
        let before = text.text(max(sentence.lowerBound, index - 3)..<index)
        return before.contains { $0.isNumber } || before.hasSuffix("人") || before.hasSuffix("个")
    }

    /// `quote.trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation when neither end can be
    /// whitespace (the usual case: a sentence starts with a word and ends with its stop).
    static func trimmedQuote(_ quote: String) -> String {
        guard let first = quote.unicodeScalars.first, let last = quote.unicodeScalars.last else { return quote }
        if Self.neverWhitespace(first.value) && Self.neverWhitespace(last.value) { return quote }
        return quote.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, without Foundation when neither end can be whitespace
    /// (most table cells and units).
    static func trimmedWhitespace(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if neverWhitespace(first.value) && neverWhitespace(last.value) { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Scalars certainly outside `CharacterSet.whitespacesAndNewlines` (printable ASCII, CJK punctuation
    /// after the ideographic space, CJK ideographs, full-width forms).
    static func neverWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x21...0x7E, 0x3001...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFFEF: return true
        default: return false
        }
    }

    /// `Unicode.Scalar.properties.isWhitespace`, without the property lookup for ASCII and the CJK ranges.
    @inline(__always) static func isWhitespace(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        if neverWhitespace(value) { return false }
        return Unicode.Scalar(value)?.properties.isWhitespace ?? false
    }

    /// `、，,：:；;“”"‘’《》`: punctuation that may stand between a phrase and its number.
    @inline(__always) static func isGapPunctuation(_ value: UInt32) -> Bool {
        switch value {
        case 0x3001, 0xFF0C, 0x2C, 0xFF1A, 0x3A, 0xFF1B, 0x3B, 0x201C, 0x201D, 0x22, 0x2018, 0x2019, 0x300A, 0x300B:
            return true
        default:
            return false
        }
    }

    /// The length in Characters of `cleanedGap` of a range of the text, computed on scalars when every
    /// Character is one scalar (same removals, no Strings built).
    func cleanedGapLength(_ text: AnalysedText, _ range: Range<Int>, matches: BlockMatches,
                          blankPhrases: Bool = false) -> Int {
        guard text.isSimple else {
            return cleanedGap(text.text(range), matches: matches, from: range.lowerBound, blankPhrases: blankPhrases).count
        }
        let lowerBound = max(0, min(range.lowerBound, text.count))
        let upperBound = max(lowerBound, min(range.upperBound, text.count))
        guard lowerBound < upperBound else { return 0 }
        let offset = lowerBound
        let length = upperBound - lowerBound
        // Scratch space on the stack: this runs for most numbers, on gaps of a few Characters.
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: length) { mask in
            mask.initialize(repeating: false)
            func blank(_ start: Int, _ end: Int) {
                let lower = max(0, start - offset)
                let upper = min(length, end - offset)
                if lower < upper { for i in lower..<upper { mask[i] = true } }
            }
            for mention in matches.mentions { blank(mention.start, mention.end) }
            for year in matches.years { blank(year.start, year.end) }
            // A speech verb (`称` of `职称`, too) explains nothing between a phrase and its number.
            for cue in matches.cues where cue.cue != .speech { blank(cue.start, cue.end) }
            if blankPhrases { for phrase in matches.phrases { blank(phrase.start, phrase.end) } }
            return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: length) { kept in
                var keptCount = 0
                var depth = 0
                for i in 0..<length where !mask[i] {
                    let value = text.scalars[offset + i]
                    if value == 0xFF08 || value == 0x28 { depth += 1; continue }
                    if value == 0xFF09 || value == 0x29 { depth = max(0, depth - 1); continue }
                    if depth > 0 { continue }
                    if Self.isWhitespace(value) || Self.isGapPunctuation(value) { continue }
                    kept[keptCount] = Unicode.Scalar(value)!
                    keptCount += 1
                }
                guard keptCount > 0 else { return 0 }
                var count = 0
                var index = 0
                outer: while index < keptCount {
                    for word in compiled.fillerScalars where word.count <= keptCount - index {
                        if kept[index..<(index + word.count)].elementsEqual(word) {
                            index += word.count
                            continue outer
                        }
                    }
                    count += 1
                    index += 1
                }
                return count
            }
        }
    }

    /// The gap between a phrase (or clause start) and a number, with everything that may stand there removed:
    /// parenthesised remarks, entity names, years, cue words and filler words.
    func cleanedGap(_ gap: String, matches: BlockMatches, from offset: Int, blankPhrases: Bool = false) -> String {
        var characters = Array(gap)
        // Blank out matched context (mentions, years, cues) inside the gap.
        var mask = [Bool](repeating: false, count: characters.count)
        func blank(_ start: Int, _ end: Int) {
            let lower = max(0, start - offset)
            let upper = min(characters.count, end - offset)
            if lower < upper { for i in lower..<upper { mask[i] = true } }
        }
        for mention in matches.mentions { blank(mention.start, mention.end) }
        for year in matches.years { blank(year.start, year.end) }
        for cue in matches.cues { blank(cue.start, cue.end) }
        if blankPhrases { for phrase in matches.phrases { blank(phrase.start, phrase.end) } }
        characters = characters.enumerated().filter { !mask[$0.offset] }.map(\.element)
        var result = ""
        var depth = 0
        for character in characters {
            if character == "（" || character == "(" { depth += 1; continue }
            if character == "）" || character == ")" { depth = max(0, depth - 1); continue }
            if depth > 0 { continue }
            if character.isWhitespace || "、，,：:；;“”\"‘’《》".contains(character) { continue }
            result.append(character)
        }
        guard !result.isEmpty else { return result }
        // Remove filler words, longest first at each position (Foundation's replacing is far too slow here).
        let remaining = Array(result.unicodeScalars)
        var kept = String.UnicodeScalarView()
        var index = 0
        outer: while index < remaining.count {
            for word in compiled.fillerScalars where word.count <= remaining.count - index {
                if remaining[index..<(index + word.count)].elementsEqual(word) {
                    index += word.count
                    continue outer
                }
            }
            kept.append(remaining[index])
            index += 1
        }
        return String(kept)
    }

    func unitFits(_ numberUnit: String, indicator: Int) -> Bool {
        compiled.unitAccepted(numberUnit, by: rules.indicators[indicator].unit)
    }

    /// Units as the parser reports them, with `1.59亿` (a scaled bare number) read as money where money is meant
    /// and `毕业生人数为515.47万` as people where people are counted.
    func unitFits(_ number: ParsedNumber, indicator: Int) -> Bool {
        if number.unit.isEmpty && number.scale >= 10000 && ["元", "人", "人次"].contains(rules.indicators[indicator].unit) {
            return true
        }
        return unitFits(number.unit, indicator: indicator)
    }

    /// `学生总数4260。`: a count whose unit is left out, a whole number right after its phrase that ends its
    /// clause (a number followed by more text, `在校生数 2717 2513`, is a table's, not this).
    func isBareCount(_ number: ParsedNumber, indicator: Int, text: AnalysedText) -> Bool {
        guard number.unit.isEmpty, number.decimals == 0, number.upper == nil, number.qualifier == nil,
              rules.indicators[indicator].kind == "count", text.isSimple else { return false }
        return number.end >= text.scalars.count || Self.isClauseBoundary(text.scalars[number.end])
    }

    /// The indicator a number belongs to, or nil.
    func resolve(number: ParsedNumber, text: AnalysedText, matches: BlockMatches, windowStart: Int,
                 previousNumberEnd: Int?,
                 sentence: Range<Int>, clause: Range<Int>, lastSubject: Int?, isChange: Bool,
                 hasShareCue: Bool, hadUnresolved: Bool) -> Resolution? {
        let isChangeUnit = number.unit == "%" || number.unit == "百分点"

        // 1. A phrase before the number in its window, nearest first.
        // A phrase may begin before the window (a pattern spanning a comma) but must end inside it.
        // A phrase right after the previous number names that number (`8 个中职专业、3 个…`), not this one.
        let nearest = matches.phrases.last { hit in
            guard hit.end > windowStart && hit.end <= number.start else { return false }
            // `就业率（含升学）97.2%`: a phrase in brackets saying what the one before includes names nothing itself.
            if qualifiesPhraseBefore(hit, text: text, sentence: sentence, number: number.start) { return false }
            if let previousNumberEnd, hit.start >= previousNumberEnd,
               Self.isAllWhitespace(text, previousNumberEnd..<hit.start) { return false }
            return true
        }
        if let hit = nearest {
            let gap = cleanedGapLength(text, hit.end..<number.start, matches: matches)
            if gap <= Self.maxGap {
                let shareBefore = matches.cues.last { $0.cue == .share && $0.end <= hit.start && hit.start - $0.end <= 2 }
                for target in hit.targets {
                    let rule = rules.indicators[target]
                    if let share = shareBefore, number.unit == "%" {
                        // `…占专业教师数 81.4%`: the phrase is the base; the subject comes before `占`.
                        // (after a count no rule explains, `教师23人，占专任教师比例达21.9%`, the share is that count's,
                        // not one of an earlier clause's subject)
                        let subject = subjectBefore(share.start, from: clause.lowerBound, text: text, sentence: sentence, matches: matches)
                            ?? lastSubject
                            ?? (hadUnresolved ? nil
                                : subjectBefore(share.start, from: sentence.lowerBound, text: text, sentence: sentence, matches: matches))
                        if let subject, let rate = rateIndicator(for: subject) {
                            return Resolution(indicator: rate, base: rule.unit == "%" ? nil : target, change: false, via: "share")
                        }
                        continue
                    }
                    if isChange && (isChangeUnit || unitFits(number, indicator: target)) {
                        return Resolution(indicator: target, base: nil, change: true, via: "change")
                    }
                    if unitFits(number, indicator: target) || (gap == 0 && isBareCount(number, indicator: target, text: text)) {
                        if hit.inverse {
                            guard number.unit == "ratio" else { continue }
                            return Resolution(indicator: target, base: nil, change: false, via: "inverse", inverse: true)
                        }
                        return Resolution(indicator: target, base: nil, change: false, via: "text")
                    }
                    if number.unit == "%", let rate = compiled.rateFor[target] {
                        return Resolution(indicator: rate, base: nil, change: false, via: "share")
                    }
                }
            }
        }

        // 2. Words naming the indicator right after the number (`6 所中职校`, `195 门在线开放课程`).
        if let after = compiled.after {
            // A region named between them is stepped over (`5 个上海市职业教育名师工作室`), so the words need not
            // spell every region out.
            var starts = [number.end]
            if let region = matches.mentions.first(where: { mention in
                mention.isRegion && mention.start >= number.end && mention.start <= number.end + 1
                    && (mention.start == number.end || Self.isWhitespace(text.scalars[number.end]))
            }) {
                starts.append(region.end)
            }
            for start in starts where start < sentence.upperBound {
                let following = text.byteRange(start..<min(sentence.upperBound, start + 24))
                if let match = after.firstMatch(in: text.bytes, range: following, anchored: true),
                   let mark = match.mark, let index = Int(mark) {
                    for target in compiled.afterTargets[index] where unitFits(number, indicator: target) {
                        return Resolution(indicator: target, base: nil, change: isChange, via: "after")
                    }
                }
            }
        }

        // 3. Carried from the sentence's subject when only filler, names, years or cues stand before the number
        //    (`…在校生人数保持增长，共 2261 人，较上年增加 15.7%`, `占比 87.4%`).
        guard let subject = lastSubject ?? (hadUnresolved ? nil : matches.phrases.last(where: { $0.start >= sentence.lowerBound && $0.end <= windowStart })?.targets.first)
        else { return nil }
        // `免学费学生 9,214 人、资金 1,842.8 万元`: a money word alone after a programme's count names its money.
        if let amount = compiled.amountFor[subject], unitFits(number, indicator: amount) {
            // (the gap less separators and the rules' filler words, `资金为`, `、金额共计`)
            var gapWords = text.text(windowStart..<number.start).filter { !"、，,：:".contains($0) && !$0.isWhitespace }
            for word in compiled.filler { gapWords = gapWords.replacingOccurrences(of: word, with: "") }
            if rules.cues.amount.contains(gapWords) {
                return Resolution(indicator: amount, base: nil, change: false, via: "amount")
            }
        }
        let gap = cleanedGapLength(text, windowStart..<number.start, matches: matches)
        // The gap as printed, less whitespace and separators: is anything there, and is it `占`?
        let (gapHasWords, gapHasShareWord) = Self.printedGap(text, windowStart..<number.start)
        // An empty gap (the clause opens with the number) is no carry: `4 所为国家级重点中职学校`; a change
        // printed with its verb right after the previous number is (`较 2015 年的 49,800 人增长 5.6%`).
        // After `占` the base may be named in words no rule knows (`占到全体学生的 87.0%`).
        let shareInGap = matches.cues.contains { $0.cue == .share && $0.start >= windowStart && $0.end <= number.start }
        // (also in the next clause: `总投入为 292.91 亿元，增长 8.34%`, the parser reads `增长` with the number)
        let changeAfterValue = isChange && number.qualifier == .change && (previousNumberEnd != nil || lastSubject != nil)
        guard gap == 0 || (shareInGap && number.unit == "%" && gap <= Self.maxGap), gapHasWords || changeAfterValue
        else { return nil }
        // `其中 2 门已完成…` lists a subset, not the subject again; `其中市北职高 1200 人` splits it by school.
        // `…，低于全省平均的 17.4:1`: another region's value, only with the region named and never a difference.
        let comparesRegion = matches.cues.contains { $0.cue == .regionComparison && $0.start >= windowStart && $0.end <= number.start }
        if comparesRegion {
            let regionInGap = matches.mentions.contains {
                $0.isRegion && $0.entity != nil && $0.start >= windowStart && $0.end <= number.start
            }
            guard regionInGap, !isChange, number.qualifier != .change, number.unit != "百分点" else { return nil }
        }
        let partsInGap = matches.cues.contains { $0.cue == .parts && $0.start >= windowStart && $0.end <= number.start }
        let mentionInGap = matches.mentions.contains { $0.entity != nil && $0.start >= windowStart && $0.end <= number.start }
        if partsInGap && !mentionInGap { return nil }
        // A noun right after the number (`新增 4 个三年制专业`) names something else than the subject.
        let following = text.text(number.end..<min(sentence.upperBound, number.end + 2)).trimmingCharacters(in: .whitespaces)
        // (`17.4:1和全国平均的…` lists on; `低于全省 12.1% 的水平` names the region's level)
        if let next = following.first, !"，,。；;、）)！？!?以左和及".contains(next), !(next.isASCII && next.isNumber),
           !(comparesRegion && next == "的") {
            let cueFollows = matches.cues.contains { $0.start >= number.end && $0.start <= number.end + 2 }
            if !cueFollows { return nil }
        }
        if isChange && (isChangeUnit || unitFits(number, indicator: subject)) {
            return Resolution(indicator: subject, base: nil, change: true, via: "change")
        }
        if unitFits(number, indicator: subject) {
            return Resolution(indicator: subject, base: nil, change: false, via: "carry")
        }
        if number.unit == "%", hasShareCue || gapHasShareWord, let rate = rateIndicator(for: subject) {
            return Resolution(indicator: rate, base: nil, change: false, via: "share")
        }
        return nil
    }

    /// Whether a range of the text is all whitespace (`Character.isWhitespace`).
    static func isAllWhitespace(_ text: AnalysedText, _ range: Range<Int>) -> Bool {
        guard text.isSimple else { return text.text(range).allSatisfy(\.isWhitespace) }
        let lower = max(0, min(range.lowerBound, text.count)), upper = max(lower, min(range.upperBound, text.count))
        return text.scalars[lower..<upper].allSatisfy(isWhitespace)
    }

    /// Whether a range has any Character other than whitespace and `，,；;、`, and whether it has `占`.
    static func printedGap(_ text: AnalysedText, _ range: Range<Int>) -> (hasWords: Bool, hasShareWord: Bool) {
        guard text.isSimple else {
            let trimmed = text.text(range).filter { !$0.isWhitespace && !"，,；;、".contains($0) }
            return (!trimmed.isEmpty, trimmed.contains("占"))
        }
        let lower = max(0, min(range.lowerBound, text.count)), upper = max(lower, min(range.upperBound, text.count))
        var hasWords = false, hasShareWord = false
        for value in text.scalars[lower..<upper] {
            switch value {
            case 0xFF0C, 0x2C, 0xFF1B, 0x3B, 0x3001: continue  // ，,；;、
            case 0x5360: hasShareWord = true  // 占
            default: break
            }
            if !isWhitespace(value) { hasWords = true }
        }
        return (hasWords, hasShareWord)
    }

    /// The rate that is a share of `indicator`'s population (the indicator itself when it is a rate).
    func rateIndicator(for indicator: Int) -> Int? {
        if rules.indicators[indicator].unit == "%" { return indicator }
        return compiled.rateFor[indicator]
    }

    /// The nearest indicator phrase between `start` and `offset`, outside parentheses.
    func subjectBefore(_ offset: Int, from start: Int, text: AnalysedText, sentence: Range<Int>,
                       matches: BlockMatches) -> Int? {
        matches.phrases.last { hit in
            hit.start >= start && hit.end <= offset
                && Self.parenthesisDepth(text: text, from: sentence.lowerBound, at: hit.start) == 0
        }?.targets.first
    }

    static func parenthesisDepth(text: AnalysedText, from start: Int, at offset: Int) -> Int {
        var depth = 0
        for index in start..<min(offset, text.scalars.count) {
            let scalar = text.scalars[index]
            if scalar == 0xFF08 || scalar == 0x28 { depth += 1 }
            if scalar == 0xFF09 || scalar == 0x29 { depth = max(0, depth - 1) }
        }
        return depth
    }

    func outputUnit(number: ParsedNumber, indicator: Int, change: Bool) -> String {
        let rule = rules.indicators[indicator]
        if change && (number.unit == "%" || number.unit == "百分点") { return number.unit }
        // A count printed without its unit (`isBareCount`) is in the indicator's.
        if number.unit.isEmpty && rule.kind == "count" { return rule.unit }
        if compiled.unitAccepted(number.unit, by: rule.unit) || (number.unit.isEmpty && unitFits(number, indicator: indicator)) {
            return rule.unit
        }
        return number.unit
    }

    /// Moves the parts of a `其中` list whose kinds no rule names from the observations to the refused values.
    mutating func refuseUnnamedParts(_ parts: [Observation], total: Observation) {
        for part in parts {
            guard let index = result.observations.lastIndex(of: part) else { continue }
            result.observations.remove(at: index)
            let diagnostic = Diagnostic(
                code: "unnamed_part", severity: .warning,
                message: "\(part.indicator) = \(part.raw) rejected: a part of \(total.raw) under 其中 whose kind no rule names",
                locations: [])
            result.rejected.append(RejectedValue(observation: part, reason: diagnostic))
            result.warnings.append(diagnostic.rendered)
        }
    }

    /// For a plan (`…“十四五”规划`), the year its targets are for.
    func planYear() -> Int? { planYearOfDocument }


    /// `总数 X，其中 A a、B b`: ties the total and its parts with a shared group when the parts split the
    /// total by entity (same indicator) or list two or more distinct parts of the same unit.
    /// Ties a `其中` list's head and items into a group (`total`, `part`); returns the total, where its last part
    /// starts and the group, for a remainder after them.
    @discardableResult
    mutating func groupParts(_ emitted: [(Observation, Int)], matches: BlockMatches,
                             sentence: Range<Int>) -> (total: Observation, lastPart: Int, group: String)? {
        guard let partsCue = matches.cues.first(where: { $0.cue == .parts && sentence.contains($0.start) }) else { return nil }
        let parts = emitted.filter { $0.1 >= partsCue.end && $0.0.qualifier != .change }
        guard let firstPart = parts.first else { return nil }
        guard let total = emitted.last(where: { $0.1 < partsCue.start && $0.0.unit == firstPart.0.unit && $0.0.qualifier != .change })
        else { return nil }
        let sameUnitParts = parts.filter { $0.0.unit == total.0.unit }
        // `在校生 2000 人，其中机电部在校生 1200 人…`: parts of the total's own indicator, entity and category are
        // parts of kinds no rule names. They are no value of the entity: refused, with the reason.
        let unnamed = sameUnitParts.filter { Self.isUnnamedPart($0.0, of: total.0) }
        if !unnamed.isEmpty {
            refuseUnnamedParts(unnamed.map(\.0), total: total.0)
            return nil
        }
        let entitySplit = sameUnitParts.allSatisfy { $0.0.indicator == total.0.indicator && $0.0.entity != total.0.entity }
        let declaredParts = sameUnitParts.allSatisfy { part in
            rules.indicator(part.0.indicator)?.partOf.contains(total.0.indicator) ?? false
        }
        let distinct = Set(sameUnitParts.map(\.0.indicator)).count == sameUnitParts.count
        guard !sameUnitParts.isEmpty, entitySplit || (declaredParts && distinct) else { return nil }
        let group = nextGroup("g")
        func tag(_ observation: Observation, _ role: ObservationRole) {
            if let index = result.observations.lastIndex(of: observation) {
                result.observations[index].group = group
                result.observations[index].role = role
            }
        }
        tag(total.0, .total)
        for part in sameUnitParts { tag(part.0, .part) }
        var tagged = total.0
        tagged.group = group
        tagged.role = .total
        return (tagged, sameUnitParts.map(\.1).max() ?? total.1, group)
    }
}

extension IndicatorRule {
    /// Whether a figure under another level's opening (`普通高中人数…`, `——小学。`) can be this indicator's:
    /// only when the indicator is about that level (`levels`); otherwise the figure is that level's, not ours.
    /// `only`: that level alone, not a longer one opening so (`高中阶段`, upper-secondary as a whole, is no
    /// `高中`'s): for a counterpart the word must name exactly its level.
    func isAbout(level opening: String, categories: TableCategoryRules, only: Bool = false) -> Bool {
        let words = categories.withoutLeadWords(TableLabel.withoutNumbering(String(opening.drop { $0 == " " || $0 == "—" })))
        guard let level = levels.filter({ words.hasPrefix($0) }).max(by: { $0.count < $1.count }) else { return false }
        return !only || !categories.otherLevels.contains { $0.count > level.count && words.hasPrefix($0) }
    }
}
