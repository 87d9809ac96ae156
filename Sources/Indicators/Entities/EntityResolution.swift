import NianbaoModel

/// How a value's entity is decided: the nearest name before the number in its sentence (a listed name, a
/// region of the gazetteer, an open-world school, or a word naming the subject such as `全区`/`我校`), else a
/// school named earlier in the paragraph, else the document's subject, else none — and the reason is kept.
extension ExtractionRun {
    /// An entity with how it was decided (`entity_source`).
    typealias ResolvedEntity = (entity: String?, source: String)

    /// What a subject word of a level names: the subject when it is of that level, else the subject's
    /// ancestor of that level (`全市` in a district report is its city); nil when the document says nothing.
    func entity(namedBy level: SubjectWord.Level) -> String? {
        switch level {
        case .subject:
            return subjectRegion ?? subject?.name
        case .country:
            return rules.gazetteer.regions.first { $0.level == .country }?.name
        case .school:
            return subject?.kind == .school ? subject?.name : nil
        case .county, .prefecture, .province:
            guard let subject else { return nil }
            for place in subject.places {
                if matches(place, level) { return subject.kind == .region ? subject.name : place.name }
                if let ancestor = rules.gazetteer.ancestors(of: place).first(where: { matches($0, level) }) {
                    return ancestor.name
                }
            }
            // A subject region only `entities.yaml` knows (a fictional district): the subject itself.
            if subject.kind == .region, subject.places.isEmpty { return subject.name }
            return nil
        }
    }

    /// Whether a division is what a subject word of a level means: a division of that level, or a province
    /// whose name ends in one of the level's `province_suffixes` (`entities.yaml`: a 直辖市 is a `市`, an
    /// autonomous region a `区`).
    func matches(_ region: Region, _ level: SubjectWord.Level) -> Bool {
        switch level {
        case .county where region.level == .county, .prefecture where region.level == .prefecture,
             .province where region.level == .province:
            return true
        case .county, .prefecture:
            return region.level == .province
                && (rules.subjectWordProvinceSuffixes[level] ?? []).contains { region.name.hasSuffix($0) }
        default:
            return false
        }
    }

    /// `“原本今年计划招生 1000 人，…实际招收了 1310 人。”福建第二轻工业学校招生就业负责人黄老师称`: a number inside a
    /// quotation whose closing mark is followed by a school or region and then a speech verb (`cues.speech`)
    /// within the sentence after it is about that school or region, not the one the text named before.
    func quotationSpeaker(at offset: Int, text: AnalysedText, matches: BlockMatches) -> String? {
        let scalars = text.scalars
        guard offset < scalars.count, matches.cues.contains(where: { $0.cue == .speech && $0.start > offset }) else { return nil }
        // The quotation open at the number: a “ before it with no ” between.
        var k = offset - 1
        while k >= 0, scalars[k] != 0x201D, scalars[k] != 0x201C { k -= 1 }
        guard k >= 0, scalars[k] == 0x201C else { return nil }
        var close = offset
        while close < scalars.count, scalars[close] != 0x201D, scalars[close] != 0x201C { close += 1 }
        guard close < scalars.count, scalars[close] == 0x201D,
              let speaker = matches.mentions.first(where: { $0.entity != nil && $0.start > close && $0.start <= close + 2 }),
              let verb = matches.cues.first(where: { $0.cue == .speech && $0.start >= speaker.end }),
              verb.start - speaker.end <= Self.speakerTitleLength,
              !scalars[speaker.end..<verb.start].contains(where: { Self.isSentenceBoundary($0) })
        else { return nil }
        return speaker.entity
    }

    /// Most characters between the speaker's school and the speech verb (`招生就业负责人黄老师`).
    static let speakerTitleLength = 16

    /// A region named in the text is what values are about only when the document is about it or a region
    /// containing it; another region named in passing (`上海市“星光计划”大赛` in a district report, `为宁波
    /// 经济服务` in a school report) is not.
    func acceptedRegion(_ name: String) -> String? {
        guard let subject else { return name }
        guard subject.kind == .region else { return nil }
        if name == subject.name { return name }
        let named = rules.gazetteer.regions(named: name)
        if named.contains(where: { inner in subject.places.contains { rules.gazetteer.contains($0, inner) } }) {
            return rules.gazetteer.canonicalName(name)
        }
        return nil
    }

    /// Regions of the gazetteer and schools by the open-world rule, where no listed name already stands.
    /// A school name holding a region name (`宁海县第一职业中学`) is the school.
    mutating func addOpenWorldMentions(_ text: AnalysedText, into matches: inout BlockMatches) {
        // A subject word inside an indicator's phrase is part of the phrase (`毕业生本省去向落实率`).
        matches.mentions.removeAll { mention in
            mention.subjectWord && matches.phrases.contains { $0.start <= mention.start && mention.end <= $0.end }
        }
        let regions = rules.gazetteer.matches(in: text.scalars)
        let schools = rules.schoolFinder.find(in: text.scalars, regions: regions)
        guard !regions.isEmpty || !schools.isEmpty else { return }
        func overlapsListed(_ start: Int, _ end: Int) -> Bool {
            matches.mentions.contains { $0.start < end && start < $0.end }
        }
        // `A（B）`, both school names: B is A's other name, here and wherever the document uses it again.
        for (first, second) in zip(schools, schools.dropFirst())
            where first.name != second.name && second.start == first.end + 1 && second.end < text.count
                && (text.scalars[first.end] == 0xFF08 || text.scalars[first.end] == 0x28)
                && (text.scalars[second.end] == 0xFF09 || text.scalars[second.end] == 0x29)
                && bracketedNames[second.name] == nil {
            bracketedNames[second.name] = canonicalSchool(first.name)
        }
        for school in schools {
            // Listed names inside a longer school name give way to it; one reaching outside it, or as long, wins.
            let overlapping = matches.mentions.filter { $0.start < school.end && school.start < $0.end }
            // A listed school that ends the found name after places only is the school (`其中区属曹杨职校` →
            // 曹杨职校); after a proper name it is part of another school's name (`哈尔滨市对外贸易学校`).
            let subjectWords = matches.mentions.filter(\.subjectWord).map { $0.start..<$0.end }
            if overlapping.contains(where: { $0.start < school.start || $0.end > school.end
                || $0.end - $0.start >= school.end - school.start
                || ($0.end == school.end && !$0.isRegion
                    && SchoolNameFinder.onlyPlaces(from: school.start, to: $0.start, regions: regions, spans: subjectWords)) }) { continue }
            matches.mentions.removeAll { $0.start >= school.start && $0.end <= school.end }
            matches.mentions.append(.init(start: school.start, end: school.end, entity: canonicalSchool(school.name)))
        }
        for region in regions where !overlapsListed(region.start, region.end) {
            matches.mentions.append(.init(start: region.start, end: region.end, entity: acceptedRegion(region.name),
                                          isRegion: true))
        }
        matches.mentions.sort { $0.start < $1.start }
    }

    /// The name a school is known by in this document: the longest earlier form ending with this one
    /// (the same school with its province or city before it), else the name itself.
    mutating func canonicalSchool(_ name: String) -> String {
        if let full = bracketedNames[name] { return full }
        if let longer = schoolsSeen.filter({ $0.hasSuffix(name) && $0 != name }).max(by: { $0.count < $1.count }) {
            return bracketedNames[longer] ?? longer
        }
        if !schoolsSeen.contains(name) { schoolsSeen.append(name) }
        return name
    }

    /// The entity a number is about: the nearest name before it in its sentence, else the nearest school
    /// earlier in the paragraph, else the document's subject.
    func resolveEntity(at offset: Int, text: AnalysedText, sentence: Range<Int>, clauses: [Range<Int>],
                       numberEnds: [Int], matches: BlockMatches) -> ResolvedEntity {
        if let speaker = quotationSpeaker(at: offset, text: text, matches: matches) { return (speaker, "quotation") }
        var before = matches.mentions.filter { $0.entity != nil && $0.start >= sentence.lowerBound && $0.end <= offset }
        // `6 所中职学校校均…`: naming the schools as a group speaks for the region.
        if let subjectRegion {
            // In a school's document only in the number's own clause: `…是一所公办中等职业学校、…，有在校生 2268 人`
            // names what the school is.
            let numberClauseStart = subject?.kind == .school ? clauses.last { $0.lowerBound <= offset }?.lowerBound ?? sentence.lowerBound
                : sentence.lowerBound
            for hit in matches.phrases where hit.start >= max(sentence.lowerBound, numberClauseStart) && hit.end <= offset
                && hit.targets.contains(where: { rules.indicators[$0].regionScope })
                // `全市中职学校…`, `全国共有中等职业学校…`: a region named right before the schools, or opening
                // their clause, is the one they speak for.
                && !before.contains(where: { $0.isRegion && $0.end <= hit.start
                    && (hit.start - $0.end <= 1 || opensClause($0, of: hit.start, clauses: clauses, sentence: sentence)) })
                // `某校获评省级卓越中职学校建设单位，…`: in a clause a school opens, the schools' word is what it was
                // named, not the region's schools.
                && !opensWithSchool(clauseOf: hit.start, clauses: clauses, sentence: sentence, mentions: before) {
                before.append(.init(start: hit.start, end: hit.end, entity: subjectRegion, subjectWord: true, isRegion: true))
            }
        }
        // In a school's document, a region named inside an earlier clause (`坐落于海南省海口市`, `…、全国职业院校数字
        // 校园建设实验校`) names where the school is or what it was named, not whose the number is; one opening its
        // clause (`全市共有…，在校生…`) carries on.
        let numberClauseStart = clauses.last { $0.lowerBound <= offset }?.lowerBound ?? sentence.lowerBound
        // `与省内高职院校合作开设…3 个`: in a school's document a word saying where is no one's.
        if subject?.kind == .school, !rules.locativeWords.isEmpty {
            before.removeAll { $0.subjectWord && rules.locativeWords.contains(text.text($0.start..<$0.end)) }
        }
        before.removeAll { mention in
            guard subject?.kind == .school, mention.isRegion || mention.subjectWord, mention.start < numberClauseStart
            else { return false }
            let ownClauseStart = clauses.last { $0.lowerBound <= mention.start }?.lowerBound ?? sentence.lowerBound
            return mention.start - ownClauseStart > Self.clauseOpeningSlack
        }
        // In any document, another region glued to the words after it inside an earlier clause (`共有 19 个全国
        // 行业企业培训中心、…，开展职业培训超过 14 万人次`) names a kind of thing, not whose the number is.
        before.removeAll { namesKindOfThing($0, numberClauseStart: numberClauseStart, text: text, sentence: sentence, clauses: clauses) }
        before.sort { $0.start < $1.start }
        if let mention = before.last {
            // A list of schools (`A、B 及 C 6 所中职校`) is about all of them: the region. The list is the run
            // of names in the mention's clause since the last number before it.
            let clauseStart = clauses.last { $0.lowerBound <= mention.start }?.lowerBound ?? sentence.lowerBound
            let lastNumberEnd = numberEnds.filter { $0 <= mention.start }.max() ?? sentence.lowerBound
            let listed = before.filter { $0.start >= max(clauseStart, lastNumberEnd) }
            // `A、B 等 15 个…` stands for more schools than it names: the region too.
            let endsWithEtc = mention.end < text.count && text.scalars[mention.end] == 0x7B49  // 等
            if Set(listed.compactMap(\.entity)).count >= 3 || (endsWithEtc && !mention.isRegion && !mention.subjectWord) {
                return subjectRegion.map { ($0, "school_list") } ?? (nil, "unresolved: a list of schools in a document about no region")
            }
            // `振华外经职校连续多次获得浦东新区创业设计大赛一等奖，荣获…金奖 1 个`: the region's name glued to
            // more words names an event of the region; the school that opens the clause is the subject.
            if mention.entity == subjectRegion, !mention.subjectWord, mention.end < text.count,
               (0x3400...0x9FFF).contains(text.scalars[mention.end]),
               let school = before.last(where: { $0.start >= clauseStart && $0.end <= mention.start && $0.entity != subjectRegion }),
               school.start <= clauseStart + 1 {
                return (school.entity!, "sentence")
            }
            return (mention.entity!, mention.subjectWord ? "subject_word" : "sentence")
        }
        // Earlier sentences of the paragraph lend a school, not a region (`全区` there says nothing about here).
        if let mention = matches.mentions.last(where: { $0.entity != nil && $0.end <= sentence.lowerBound }),
           !mention.isRegion, mention.entity != subjectRegion {
            return (mention.entity!, "paragraph")
        }
        return documentSubjectEntity()
    }

    /// A region glued to the words after it inside an earlier clause, not opening that clause (`共有 19 个全国
    /// 行业企业培训中心`, `佛山市是全省制造业重镇，…`), names a kind of thing, not whose a later number is — unless
    /// those words are secondary vocational education (`2023年全国中等职业教育共招生…，在校生…`).
    func namesKindOfThing(_ mention: BlockMatches.Mention, numberClauseStart: Int, text: AnalysedText, sentence: Range<Int>,
                          clauses: [Range<Int>]) -> Bool {
        guard mention.isRegion || mention.subjectWord, mention.entity != subjectRegion, mention.start < numberClauseStart,
              mention.end < text.count, (0x3400...0x9FFF).contains(text.scalars[mention.end]) else { return false }
        let after = text.scalars[mention.end..<min(text.count, mention.end + 24)]
        if let lead = rules.tableCategories.classifyLead(scalars: after), lead != TableCategory.otherLevel { return false }
        let ownClauseStart = clauses.last { $0.lowerBound <= mention.start }?.lowerBound ?? sentence.lowerBound
        return mention.start - ownClauseStart > Self.clauseOpeningSlack
    }

    /// `嘉峪关市、金昌市中职学校数量最少，分别为3所和4所`: values after a respectively cue take the names listed
    /// before it (two or more, joined by 、/和/与/及), in order.
    func respectiveEntity(at offset: Int, text: AnalysedText, sentence: Range<Int>, numberEnds: [Int],
                          matches: BlockMatches) -> String? {
        guard let cue = matches.cues.last(where: { $0.cue == .respectively && $0.start >= sentence.lowerBound && $0.end <= offset })
        else { return nil }
        let named = matches.mentions.filter {
            $0.entity != nil && !$0.subjectWord && $0.start >= sentence.lowerBound && $0.end <= cue.start
        }
        guard var run = named.last.map({ [$0] }) else { return nil }
        for mention in named.dropLast().reversed() {
            guard mention.end <= run[0].start,
                  text.text(mention.end..<run[0].start).allSatisfy({ "、和与及,， ".contains($0) }) else { break }
            run.insert(mention, at: 0)
        }
        guard run.count >= 2 else { return nil }
        let index = numberEnds.filter { end in
            end > cue.end && end <= offset && !matches.years.contains { $0.start < end && end <= $0.end }
        }.count
        return index < run.count ? run[index].entity : nil
    }

    /// Scalars a clause's subject may stand after its start (a space, an opening quote or bracket).
    static let clauseOpeningSlack = 2

    /// Whether a mention opens the clause holding `offset`.
    func opensClause(_ mention: BlockMatches.Mention, of offset: Int, clauses: [Range<Int>], sentence: Range<Int>) -> Bool {
        let clauseStart = clauses.last { $0.lowerBound <= offset }?.lowerBound ?? sentence.lowerBound
        return mention.start >= clauseStart && mention.start - clauseStart <= Self.clauseOpeningSlack
    }

    /// Whether a school's name opens the clause holding `offset` (before it).
    func opensWithSchool(clauseOf offset: Int, clauses: [Range<Int>], sentence: Range<Int>, mentions: [BlockMatches.Mention]) -> Bool {
        let clauseStart = clauses.last { $0.lowerBound <= offset }?.lowerBound ?? sentence.lowerBound
        return mentions.contains { mention in
            !mention.isRegion && !mention.subjectWord && mention.entity != nil && mention.end <= offset
                && mention.start >= clauseStart && mention.start - clauseStart <= Self.clauseOpeningSlack
        }
    }

    /// The document's subject as a value's entity, or why there is none.
    func documentSubjectEntity() -> ResolvedEntity {
        if let subject { return (subject.name, subjectSource(subject)) }
        return (nil, "unresolved: " + (subjectReason ?? "the document names no subject"))
    }

    /// How a value given to the subject got it: the section's title (`section_subject`), the document saying
    /// whom it is about (`document_subject`), or a guess (`inferred_subject`).
    func subjectSource(_ subject: DocumentSubject) -> String {
        if subject.source == "section_title" { return "section_subject" }
        return subject.isDeclared ? "document_subject" : "inferred_subject"
    }

    /// For region-scoped indicators: a region named in the sentence before the number, else the subject's region.
    func regionMentioned(in sentence: Range<Int>, before offset: Int, text: AnalysedText, clauses: [Range<Int>],
                         matches: BlockMatches) -> ResolvedEntity {
        let numberClauseStart = clauses.last { $0.lowerBound <= offset }?.lowerBound ?? sentence.lowerBound
        if let mention = matches.mentions.last(where: {
            $0.start >= sentence.lowerBound && $0.end <= offset && $0.isRegion && $0.entity != nil
                && !namesKindOfThing($0, numberClauseStart: numberClauseStart, text: text, sentence: sentence, clauses: clauses)
        }) {
            return (mention.entity!, mention.subjectWord ? "subject_word" : "sentence")
        }
        if let subjectRegion, let subject {
            if subject.kind == .school { return (subjectRegion, "subject_school_region") }
            return (subjectRegion, subjectSource(subject))
        }
        if let subjectRegion { return (subjectRegion, "subject_school_region") }
        return (nil, "unresolved: " + (subjectReason ?? "the document names no region"))
    }
}
