import NianbaoModel
import Cleaning

/// The school or region a document is about: what `我校`, `全区`, `本市` and sentences without a subject
/// resolve to.
public struct DocumentSubject: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case school, region }
    public var name: String
    public var kind: Kind
    /// Where it was read: `front_matter`, `title`, `metadata_title`, `first_lines`, `lead_sentence`, `issuer`,
    /// `body_mentions`; `stated` (the analyst's source list); `address_site`, `address_path` (the web address).
    public var source: String
    /// Whether the document says itself whom it is about (its cover, title, first lines, or an opening sentence
    /// naming its school), rather than its issuer or the name its body repeats most suggesting it: a value the
    /// subject is given to when its sentence names nothing then has `entity_source` `document_subject`, else
    /// `inferred_subject`, a fallback (`ValueSources`).
    public var isDeclared: Bool { !Self.inferredSources.contains(source) }
    static let inferredSources: Set<String> = ["issuer", "body_mentions", "address_site", "address_path", "common_parent"]
    /// For a region subject, the divisions its name may mean; for a school, the places its name starts with.
    var places: [Region]
    /// For a school listed in `entities.yaml`, the region it belongs to.
    var listedRegion: String?
}

/// Decides a document's subject, in this order: the region the front matter states when `entities.yaml` lists
/// it; a school, else the innermost region, named by the title, the container's title or the first short
/// lines; the issuer; else the school (or region) the body names most often, when it clearly dominates.
struct SubjectResolver {
    let rules: RuleSet
    let finder: SchoolNameFinder

    /// The subject, or nil with the reason.
    func resolve(_ document: SegmentedDocument) -> (subject: DocumentSubject?, reason: String?) {
        let (subject, reason) = firstNamed(document)
        guard var subject, subject.places.count > 1 else { return (subject, reason) }
        subject.places = disambiguated(subject.places, in: document)
        return (subject, nil)
    }

    /// Of the divisions a name may mean (普陀区 of 上海市 or of 舟山市), those whose ancestors the opening of
    /// the document names most; all of them when it names none.
    func disambiguated(_ places: [Region], in document: SegmentedDocument) -> [Region] {
        let opening = document.clean.blocks.prefix(60).map(\.text).joined()
        let scored = places.map { place -> (Region, Int) in
            let names = rules.gazetteer.ancestors(of: place).filter { $0.level != .country }
                .flatMap { [$0.name] + $0.shortNames.filter { $0.count >= 2 } }
            return (place, names.reduce(0) { $0 + opening.occurrences(of: $1) })
        }
        let best = scored.map(\.1).max() ?? 0
        return best == 0 ? places : scored.filter { $0.1 == best }.map(\.0)
    }

    func firstNamed(_ document: SegmentedDocument) -> (subject: DocumentSubject?, reason: String?) {
        let front = document.frontMatter
        let stated = document.clean.source.stated
        if let name = stated.subject { return (statedSubject(name), nil) }
        if let stated = front.region, let listed = listedRegion(stated) {
            return (DocumentSubject(name: listed, kind: .region, source: "front_matter",
                                    places: rules.gazetteer.regions(named: listed), listedRegion: nil), nil)
        }
        // Short lines at the top, as printed (the cleaner may have joined a title to the line after it).
        let traditional = document.clean.script == .traditional
        // (a table's rows are no title: `南宁市 | 38 | …` names one of the regions the table lists)
        let firstLines = document.clean.source.pages.prefix(2).flatMap(\.lines).filter { $0.cells == nil }.prefix(8)
            .map { traditional ? Self.simplified($0.text) : PinyinResidue.removing(from: $0.text) }
            // (a layout export pads a running header's parts apart: `山西统计年鉴—2024        二十、教育`)
            .map { Self.collapsingSpaces($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty && $0.count <= 40 }
        let titles: [(String, String)] = [(front.title, "title"), (document.clean.source.metadataTitle.map { traditional ? Self.simplified($0) : $0 }, "metadata_title")]
            .compactMap { text, source in text.map { ($0, source) } }
        for (text, source) in titles {
            if let subject = subject(namedIn: text, source: source) {
                if subject.kind == .region, let school = introducedSchool(document, region: subject.name, title: text) {
                    return (school.with(source: source), nil)
                }
                return (subject, nil)
            }
        }
        // The very first line is the page's title when it is short (`福建省今年中职招生形势总体好于往年`).
        if let first = firstLines.first, let subject = subject(namedIn: first, source: "first_lines") { return (subject, nil) }
        if let subject = leadingSchool(document) { return (subject, nil) }
        for text in firstLines.dropFirst() {
            if let subject = subject(namedIn: text, source: "first_lines") { return (subject, nil) }
        }
        if let issuer = front.issuer, let region = innermostRegion(in: issuer) {
            return (regionSubject(region, source: "issuer"), nil)
        }
        if let subject = dominantBodyName(document) { return (subject, nil) }
        if let address = stated.address.flatMap(SourceAddress.init),
           let (name, how) = address.region(gazetteer: rules.gazetteer, webSites: rules.webAddresses.sites) {
            return (regionSubject(name, source: how), nil)
        }
        if let parent = commonParent(document) { return (regionSubject(parent, source: "common_parent"), nil) }
        return (nil, "no title, issuer, repeated name or web address says whom the document is about")
    }

    /// The subject the analyst's source list states: the school or region its text names, else the text as a
    /// school when it ends like one, a region otherwise.
    func statedSubject(_ name: String) -> DocumentSubject {
        if let found = subject(namedIn: name, source: "stated"), found.name == name || found.kind == .school {
            return found
        }
        let isSchool = rules.schoolNames.suffixes.contains { name.hasSuffix($0) }
        return DocumentSubject(name: name, kind: isSchool ? .school : .region, source: "stated",
                               places: rules.gazetteer.regions(named: name), listedRegion: nil)
    }

    /// Runs of spaces as one.
    static func collapsingSpaces(_ line: String) -> String {
        guard line.contains("  ") else { return line }
        var out = ""
        var previousSpace = false
        for c in line {
            let space = c == " " || c == "\u{3000}"
            if !(space && previousSpace) { out.append(space ? " " : c) }
            previousSpace = space
        }
        return out
    }

    /// A school named in a title-like line wins over the region around it (`宁海县第一职业中学2020年…报告`).
    func subject(namedIn text: String, source: String) -> DocumentSubject? {
        let scalars = AnalysedText(text).scalars
        let regions = rules.gazetteer.matches(in: scalars)
        if let school = listedSchool(in: text) { return school.with(source: source) }
        if let found = finder.find(in: scalars, regions: regions).first {
            return schoolSubject(found.name, source: source, regions: regions.filter { $0.start >= found.start && $0.end <= found.end })
        }
        if let region = innermostRegion(in: text) { return regionSubject(region, source: source) }
        return nil
    }

    /// A profile or report section opens by naming its school (`金华市…学校是…主办的…`, `学校简介金坛市职业
    /// 教育中心是…`): a school name within the first words of one of the first paragraphs.
    func leadingSchool(_ document: SegmentedDocument) -> DocumentSubject? {
        for block in document.clean.blocks.prefix(5) where block.kind == .paragraph {
            let scalars = AnalysedText(block.matchingText).scalars
            let regions = rules.gazetteer.matches(in: scalars)
            if let found = finder.find(in: Array(scalars.prefix(48)), regions: regions).first, found.start <= 24 {
                // `学校创办于1985年，原名“路桥职业技术学校”，…合并为台州市路桥中等职业技术学校`: the name it took.
                let named = follows(finder.rules.formerNameWords, before: found.start, in: scalars)
                    ? latestRename(in: scalars, regions: regions) ?? found : found
                return schoolSubject(named.name, source: "lead_sentence",
                                     regions: regions.filter { $0.start >= named.start && $0.end <= named.end })
            }
        }
        return nil
    }

    /// `吴忠市技工学校2023年度…报告` whose text opens `吴忠市技工学校隶属…` is about that school, though a place and
    /// a weak suffix alone (`吴忠市技工学校`) may also mean the place's schools: the title names the place right
    /// before a school suffix, and one of the first paragraphs opens with that name and an introducing verb.
    func introducedSchool(_ document: SegmentedDocument, region: String, title: String) -> DocumentSubject? {
        let rules = finder.rules
        guard !rules.introducingVerbs.isEmpty else { return nil }
        let titleText = title.replacingOccurrences(of: " ", with: "")
        let names = ([region] + self.rules.gazetteer.regions(named: region).flatMap(\.shortNames)).filter { !$0.isEmpty }
        let candidates = names.flatMap { place in rules.suffixes.map { place + $0 } }.filter { titleText.contains($0) }
            .sorted { $0.count > $1.count }
        guard !candidates.isEmpty else { return nil }
        for block in document.clean.blocks.prefix(5) where block.kind == .paragraph {
            let text = block.matchingText.trimmingCharacters(in: .whitespaces)
            for name in candidates where text.hasPrefix(name) {
                let rest = text.dropFirst(name.count)
                if rules.introducingVerbs.contains(where: { rest.hasPrefix($0) }) {
                    let regions = self.rules.gazetteer.matches(in: AnalysedText(name).scalars)
                    return schoolSubject(name, source: "title", regions: regions)
                }
            }
        }
        return nil
    }

    /// Whether one of the words ends at most two scalars (a quote, a colon) before `start`.
    func follows(_ words: [String], before start: Int, in scalars: [UInt32]) -> Bool {
        words.contains { word in
            let word = word.unicodeScalars.map(\.value)
            return (0...2).contains { gap in
                let end = start - gap
                return end >= word.count && Array(scalars[(end - word.count)..<end]) == word
            }
        }
    }

    /// The school named after the block's last `renamed_to` word, when one follows it.
    func latestRename(in scalars: [UInt32], regions: [(start: Int, end: Int, name: String)]) -> SchoolNameFinder.Found? {
        finder.find(in: scalars, regions: regions).last { follows(finder.rules.renamedToWords, before: $0.start, in: scalars) }
    }

    /// A line in simplified script (names and rules are simplified); as it is when OpenCC is unavailable.
    static func simplified(_ text: String) -> String {
        let text = PinyinResidue.removing(from: text)
        guard case .success(let converter) = ScriptConverter.traditionalToSimplified,
              let converted = try? converter.simplified(text) else { return text }
        return converted
    }

    func schoolSubject(_ name: String, source: String, regions: [(start: Int, end: Int, name: String)]) -> DocumentSubject {
        let places = regions.flatMap { rules.gazetteer.regions(named: $0.name) }
        return DocumentSubject(name: name, kind: .school, source: source, places: places, listedRegion: nil)
    }

    func regionSubject(_ name: String, source: String) -> DocumentSubject {
        DocumentSubject(name: rules.gazetteer.canonicalName(name), kind: .region, source: source,
                        places: rules.gazetteer.regions(named: name), listedRegion: nil)
    }

    /// The deepest division a text names (`广州市番禺区` → 番禺区), or a listed region.
    func innermostRegion(in text: String) -> String? {
        let matches = rules.gazetteer.matches(in: AnalysedText(text).scalars)
        let deepest = matches.max { lhs, rhs in
            let left = rules.gazetteer.regions(named: lhs.name).map(\.level.depth).max() ?? 0
            let right = rules.gazetteer.regions(named: rhs.name).map(\.level.depth).max() ?? 0
            return (left, lhs.start) < (right, rhs.start)
        }
        if let deepest { return rules.gazetteer.canonicalName(deepest.name) }
        return rules.entities.first { $0.kind == .region && text.contains($0.name) }?.name
    }

    func listedRegion(_ stated: String) -> String? {
        for entity in rules.entities where entity.kind == .region {
            if entity.name == stated || entity.aliases.contains(stated) { return entity.name }
        }
        // A region stated with a prefix (`上海市静安区`) or a suffix (`静安区教育局`): the longest listed name in it.
        return rules.entities.filter { $0.kind == .region && stated.contains($0.name) }
            .max { $0.name.count < $1.name.count }?.name
    }

    /// The longest listed school name (or alias) in the text, through the compiled entity names.
    func listedSchool(in text: String) -> DocumentSubject? {
        guard let entities = rules.compiled.entities else { return nil }
        var best: (entity: EntityRule, length: Int)?
        let analysed = AnalysedText(text)
        let regions = rules.gazetteer.matches(in: analysed.scalars)
        let found = finder.find(in: analysed.scalars, regions: regions)
        for match in entities.matches(in: analysed) {
            guard let mark = match.mark, let index = Int(mark) else { continue }
            // A short name inside a longer school name with a proper name of its own is not this school.
            let start = analysed.characterOffset(byte: match.start), end = analysed.characterOffset(byte: match.end)
            if found.contains(where: { $0.start < start && end <= $0.end
                && !SchoolNameFinder.onlyPlaces(from: $0.start, to: start, regions: regions) }) { continue }
            let target = rules.compiled.entityTargets[index]
            guard target >= 0, rules.entities[target].kind == .school, match.end - match.start > (best?.length ?? 0) else { continue }
            best = (rules.entities[target], match.end - match.start)
        }
        guard let entity = best?.entity else { return nil }
        return DocumentSubject(name: entity.name, kind: .school, source: "", places: [], listedRegion: entity.region)
    }

    /// For pages without a title (profiles, excerpts): the school the body names at least twice and more often
    /// than all others together, else such a region.
    func dominantBodyName(_ document: SegmentedDocument) -> DocumentSubject? {
        var schools: [String: Int] = [:]
        var schoolOrder: [String] = []
        var regions: [String: Int] = [:]
        for block in document.clean.blocks.prefix(200) where block.kind == .paragraph {
            let scalars = AnalysedText(block.matchingText).scalars
            let regionHits = rules.gazetteer.matches(in: scalars)
            let schoolHits = finder.find(in: scalars, regions: regionHits)
            for hit in schoolHits {
                if schools[hit.name] == nil { schoolOrder.append(hit.name) }
                schools[hit.name, default: 0] += 1
            }
            for hit in regionHits where !schoolHits.contains(where: { $0.start <= hit.start && hit.end <= $0.end }) {
                regions[rules.gazetteer.canonicalName(hit.name), default: 0] += 1
            }
        }
        // A school's profile page (`学校简介`) is about the school it names most, however seldom.
        let profile = opensAsSchoolProfile(document)
        if let name = Self.dominant(schools) ?? (profile ? firstNamedMost(schools, order: schoolOrder) : nil) {
            let regionHits = rules.gazetteer.matches(in: AnalysedText(name).scalars)
            return schoolSubject(name, source: "body_mentions", regions: regionHits)
        }
        if let name = dominantRegion(regions) { return regionSubject(name, source: "body_mentions") }
        return nil
    }

    /// A page whose table lists regions of one parent (a city's districts and counties with its total row,
    /// `铁东区`, `海城市`, `台安县` …) is about that parent: the deepest region holding every region its rows open
    /// with, when at least `minimumListedRegions` are. (Regions named in passing, a school's students' home
    /// districts, say nothing.)
    func commonParent(_ document: SegmentedDocument) -> String? {
        var named: Set<String> = []
        for block in document.clean.blocks where block.kind == .tableRow {
            let label = block.matchingText.prefix { $0 != "\t" }
            let scalars = AnalysedText(String(label)).scalars
            if let first = rules.gazetteer.matches(in: scalars).first, first.start == 0 { named.insert(first.name) }
        }
        guard named.count >= Self.minimumListedRegions else { return nil }
        // Each name's possible divisions; a parent counts when it holds one division of every name.
        let candidates = named.map { rules.gazetteer.regions(named: $0) }
        guard !candidates.contains(where: \.isEmpty) else { return nil }
        var parents: [String: (region: Region, names: Int)] = [:]
        for divisions in candidates {
            var seen: Set<String> = []
            for division in divisions {
                for ancestor in [division] + rules.gazetteer.ancestors(of: division)
                    where ancestor.level != .country && !seen.contains(ancestor.code) {
                    seen.insert(ancestor.code)
                    parents[ancestor.code, default: (ancestor, 0)].names += 1
                }
            }
        }
        let holdingAll = parents.values.filter { $0.names == named.count }
        guard let deepest = holdingAll.max(by: { $0.region.level.depth < $1.region.level.depth }),
              holdingAll.filter({ $0.region.level == deepest.region.level }).count == 1 else { return nil }
        return deepest.region.name
    }

    /// Regions of one parent a page must name before its parent is taken for its subject.
    static let minimumListedRegions = 3

    /// The region named at least twice and more often than all others together, those inside it aside: a city's
    /// news names its districts (`在路桥区召开`) without being about them.
    func dominantRegion(_ counts: [String: Int]) -> String? {
        guard let top = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), top.value >= 2 else { return nil }
        let others = counts.filter { name, _ in
            name != top.key && !rules.gazetteer.regions(named: name).contains { region in
                rules.gazetteer.ancestors(of: region).contains { $0.name == top.key }
            }
        }.values.reduce(0, +)
        return top.value > others ? top.key : nil
    }

    /// Whether one of the first three lines is a school profile's title (`school_names.profile_titles`).
    func opensAsSchoolProfile(_ document: SegmentedDocument) -> Bool {
        document.clean.blocks.prefix(3).contains { block in
            let line = block.matchingText.trimmingCharacters(in: .whitespaces)
            return line.count <= 12 && finder.rules.profileTitles.contains { line.hasPrefix($0) || line.hasSuffix($0) }
        }
    }

    /// The name counted most, the first named on a tie.
    func firstNamedMost(_ counts: [String: Int], order: [String]) -> String? {
        guard let top = counts.values.max() else { return nil }
        return order.first { counts[$0] == top }
    }

    /// The name counted at least twice and more often than all others together.
    static func dominant(_ counts: [String: Int]) -> String? {
        guard let top = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), top.value >= 2 else { return nil }
        let others = counts.values.reduce(0, +) - top.value
        return top.value > others ? top.key : nil
    }
}

extension DocumentSubject {
    func with(source: String) -> DocumentSubject {
        var copy = self
        copy.source = source
        return copy
    }
}
