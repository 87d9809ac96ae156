import NianbaoModel

/// A section whose title opens with the name of a region inside the document's subject region, or of a
/// school (`（一）樊城区`, `2. 某某职业学校办学情况`), is about that one: in its body `全区`/`该区` and sentences
/// that name no one resolve to it, not to the document's subject. Subsections inherit it.
extension SubjectResolver {
    /// For each section of the document, the subject its title (or the nearest parent's title) names, or nil.
    func sectionSubjects(_ document: SegmentedDocument, within subject: DocumentSubject?) -> [DocumentSubject?] {
        guard let subject, subject.kind == .region, !document.sections.isEmpty else {
            return [DocumentSubject?](repeating: nil, count: document.sections.count)
        }
        return document.inheritedThroughParents(document.sections.map { opening(of: $0.title, within: subject) })
    }

    /// The school or region a title opens with, when it lies inside the subject region (a school anywhere
    /// named so is taken as one of the region's: a report names its own schools).
    func opening(of title: String, within subject: DocumentSubject) -> DocumentSubject? {
        // A label before a colon (`地市案例：佛山市`) is stepped over.
        if let colon = title.firstIndex(where: { $0 == "：" || $0 == ":" }),
           title.distance(from: title.startIndex, to: colon) <= Self.labelLength,
           let named = opening(of: String(title[title.index(after: colon)...]), within: subject) {
            return named
        }
        let scalars = AnalysedText(title).scalars
        let regions = rules.gazetteer.matches(in: scalars)
        if let school = finder.find(in: scalars, regions: regions).first, school.start <= Self.titleOpeningSlack {
            return schoolSubject(school.name, source: "section_title",
                                 regions: regions.filter { $0.start >= school.start && $0.end <= school.end })
        }
        // The run of names opening the title (`襄阳市樊城区`): its innermost inside the subject.
        var end = Self.titleOpeningSlack
        var innermost: Region?
        for region in regions where region.start <= end {
            end = region.end
            let inside = rules.gazetteer.regions(named: region.name).filter { candidate in
                subject.places.contains { rules.gazetteer.contains($0, candidate) }
            }
            if let deepest = inside.max(by: { $0.level.depth < $1.level.depth }),
               innermost.map({ $0.level.depth < deepest.level.depth }) ?? true {
                innermost = deepest
            }
        }
        return innermost.map {
            DocumentSubject(name: $0.name, kind: .region, source: "section_title", places: [$0], listedRegion: nil)
        }
    }

    /// Characters a title's name may stand after its start (an opening bracket or quote).
    static let titleOpeningSlack = 1
    /// Most characters of a label before a title's colon.
    static let labelLength = 8
}

/// Words pointing back (`该区`, `该校`, `subject_words.pointing_back`) name the last region of their level, or
/// the last school, the text named before them: in this block, else in an earlier one.
extension ExtractionRun {
    mutating func resolvePointingBack(_ mentions: inout [BlockMatches.Mention]) {
        for index in mentions.indices {
            if let level = mentions[index].pointsBack, let named = lastNamed[level] {
                mentions[index].entity = named
            }
            let mention = mentions[index]
            guard !mention.subjectWord, let name = mention.entity else { continue }
            for level in levels(of: mention, named: name) { lastNamed[level] = name }
        }
    }

    /// The levels a named mention answers to: a school's, or those of the regions of its name.
    func levels(of mention: BlockMatches.Mention, named name: String) -> [SubjectWord.Level] {
        guard mention.isRegion else { return [.school] }
        let regions = rules.gazetteer.regions(named: name)
        return [SubjectWord.Level.county, .prefecture, .province].filter { level in regions.contains { matches($0, level) } }
    }
}
