import Foundation
import Yams
import NianbaoModel
import RuleFiles

/// One indicator as `rules/indicators.yaml` defines it.
public struct IndicatorRule: Sendable, Hashable {
    public var id: String
    public var nameZh: String
    /// Canonical unit of values (`人`, `%`, `元`, `ratio`, …); must be defined in `units.yaml`.
    public var unit: String
    /// `count`, `rate`, `money`, `ratio`.
    public var kind: String
    /// Words that introduce the indicator before its number in text.
    public var phrases: [String]
    /// PCRE2 fragments that introduce it (for phrasings a word list cannot say).
    public var patterns: [String]
    /// Words that follow the number (`2 所中职学校`).
    public var after: [String]
    /// Row or column names that mean this indicator in a table (exact match after light normalisation).
    public var tableNames: [String]
    public var min: Decimal?
    public var max: Decimal?
    /// The count this rate is a share of the population of (`dual_qualified_ratio` → `dual_qualified_teachers`).
    public var rateOf: String?
    /// The base the share is usually computed on (documentation for checks; reports differ).
    public var base: String?
    /// True when values are always about a region (a number of schools), never one school.
    public var regionScope: Bool
    /// Indicators this one is a disjoint part of (for total/part groups in `其中` enumerations).
    public var partOf: [String]
    /// Where the rule was written (for messages).
    public var file: String
    public var line: Int
    /// Levels of education this indicator is about though they are not ours (`普通高中` for the general
    /// enrollment kept beside the vocational one): a clause opening with one of them still gives its value.
    public var levels: [String] = []
    /// The indicator of ours this one is the other level's counterpart of (`new_enrollment` for the general
    /// upper-secondary intake): that indicator's phrase under one of `levels` gives this one
    /// (`普通高中在校生 14,280 人、招生 4,865 人`).
    public var levelOf: String?
    /// Counts whose programme's money this is (`tuition_free_students` for the tuition-free amount): a money
    /// value after such a count, named only by a money word (`cues.amount`: `、资金 1,842.8 万元`), is this one.
    public var amountOf: [String] = []
    /// Phrases naming the ratio the other way round (`师生比 1:15.2` for a 生师比 of 15.2): the side of the
    /// printed ratio that is not 1 is the value.
    public var inversePhrases: [String] = []
    /// PCRE2 fragments for such phrasings a word cannot say (`专任教师 190 人，与在校生的比例`).
    public var inversePatterns: [String] = []
}

public enum EntityKind: String, Sendable, Hashable { case region, school }

/// A region or school with every name it goes by.
public struct EntityRule: Sendable, Hashable {
    /// The normalised name written to `observations.entity`.
    public var name: String
    public var kind: EntityKind
    /// Other names: full names, short names, abbreviations.
    public var aliases: [String]
    /// For a school: the region it belongs to (by name).
    public var region: String?
}

/// A canonical unit, the number units that count as it, and printed units converted into it.
public struct UnitRule: Sendable, Hashable {
    public var unit: String
    public var accepts: [String]
    /// Printed unit → factor to the canonical unit (`万元` → 10000).
    public var conversions: [String: Decimal]
    /// Units a table header may print for this one, whose column already says what is counted
    /// (`机构数(个)` for schools), though in a sentence they would count other things.
    public var tableAccepts: [String] = []
}

/// Words that change what a number means: a change, a target, a share's base, a list of parts.
public struct CueRules: Sendable, Hashable {
    public var change: [String] = []
    public var target: [String] = []
    public var share: [String] = []
    public var parts: [String] = []
    /// Words that may stand between a subject and its number without introducing another indicator.
    public var filler: [String] = []
    /// Words that make the year after them a comparison year, not the year of the value (`较 2023 年`).
    public var comparison: [String] = []
    /// Words naming the report's own region (`全区`, `两校`).
    public var region: [String] = []
    /// Words marking a per-school average (`校均`): counts and amounts after them are not totals.
    public var average: [String] = []
    /// Patterns that, right after a number, make it a threshold rather than a value (`3000 元以上的比例`).
    public var notValueAfter: [String] = []
    /// `A、B 分别为 x、y`: numbers go to the phrases in order.
    public var respectively: [String] = []
    /// Patterns that, right before a number, make it no value of its own (`其他 5 所`).
    public var notValueBefore: [String] = []
    /// Words of a school's history (`创办`, `易名为`): the year of such a sentence dates no later figure.
    public var history: [String] = []
    /// Words saying a figure is current (`现有`, `目前`): no earlier sentence's year dates it.
    public var present: [String] = []
    /// Words (plain text) that, opening a clause after a `其中` list, state the rest of its total
    /// (`其他 2 所学校共 1,170 人`): a `remainder` of the list's group, not a value of any named entity.
    public var remainder: [String] = []
    /// Words that make the number after them in their clause a planned figure, with or without a year of
    /// its own (`计划招生 1000 人`: the intake planned, beside the actual one): a target.
    public var planned: [String] = []
    /// Words dating the value after them in their clause to the year before the one its sentence is about
    /// (`该校去年招生 960 人`), unless a comparison word stands before them (`比去年增加`).
    public var previousYear: [String] = []
    /// The plain words `previousYear` is built from (`去年`, `上年`); right before a bracket after a comparison
    /// they open last year's value (`较上年（4,105 人）`).
    public var previousYearWords: [String] = []

    /// `(?<!比|较…)(?:去年|上年…)`: a previous-year word not made a comparison by the character before it.
    static func previousYearPattern(words: [String], notAfter: [String]) -> [String] {
        guard !words.isEmpty else { return [] }
        func escaped(_ word: String) -> String {
            word.unicodeScalars.map { "\\^$.|?*+()[]{}".unicodeScalars.contains($0) ? "\\\($0)" : String($0) }.joined()
        }
        let alternation = words.sorted { $0.count > $1.count }.map(escaped).joined(separator: "|")
        let guardBefore = notAfter.isEmpty ? "" : "(?<!" + notAfter.map(escaped).joined(separator: "|") + ")"
        return ["\(guardBefore)(?:\(alternation))"]
    }

    /// A level's movement (`由五年前的26:1下降到20.4:1`, `从3000人增至3500人`): the number after a `from` word
    /// (within a few characters) followed by a `to` word is where the level started, no value; the number right
    /// after the `to` word is the value, of the indicator the first was named by.
    /// Words by which a sentence speaks of a unit smaller than any entity (`该班`, `该专业`: a class or programme of
    /// a case): its figures are of no entity.
    public var smallerSubjects: [String] = []
    public var fromWords: [String] = []
    /// (longest first)
    public var toWords: [String] = []

    /// Words by which a sentence speaks of the whole document (`本报告`): what it leaves out, all figures leave out.
    public var documentScope: [String] = []
    /// Words after a stated exclusion making it hold for the rest of the document (`（不含技工学校，下同）`), not
    /// only its section.
    public var sameBelow: [String] = []
    /// Ranks of a designation (`省级`): right before an indicator's phrase, the value's category.
    public var rank: [String] = []
    /// Money words (`资金`, `金额`) that, right after a programme's count, name its money (`amount_of`).
    public var amount: [String] = []
    /// Words dating the value after them in their sentence to the year the document was written in
    /// (`今年，全国中职招生计划为 860 万人` in a 2010 news item: 2010), where the sentence names no year.
    public var currentYear: [String] = []
    /// Verbs that attribute a quotation to its speaker (`”某校招生负责人称`): a value inside the quotation is
    /// about the school or region the speaker is named with.
    public var speech: [String] = []
    /// Words comparing a value with another region's (`低于`, `高于`, `平均`): a number after them and that
    /// region's name (`…，低于全省平均的 17.4:1`) is the region's value of the sentence's indicator.
    public var regionComparison: [String] = []
    /// Words of a statistics page's title or first lines (`统计信息`, `统计公报`): dated only by its publication, its
    /// figures are of the year before.
    public var statisticsPage: [String] = []
    /// Words opening brackets that say what the phrase before them counts (`就业率（含升学）`).
    public var inclusion: [String] = []
}

/// A named plan period and the year it ends (`十四五`: 2025).
public struct PlanPeriod: Sendable, Hashable {
    public var name: String
    public var lastYear: Int
}

/// What makes a document a plan, and the periods plans name (`indicators.yaml` `plans`).
public struct PlanRules: Sendable, Hashable {
    /// Words of a plan's title (`规划`, `行动方案`).
    public var words: [String] = []
    public var periods: [PlanPeriod] = []
    /// Words of a plan's section titles telling where things stand (`发展基础`, `现状`): its values are no targets.
    public var baselineSections: [String] = []
    public init() {}

    /// The last year of the period a plan's title names: `“十四五”规划` → 2025, `三年行动方案（2023—2025年）` → 2025;
    /// nil for a title that names no plan or no period.
    public func lastYear(ofPlanTitled title: String?) -> Int? {
        guard let title, words.contains(where: { title.contains($0) }) else { return nil }
        if let period = periods.first(where: { title.contains($0.name) }) { return period.lastYear }
        guard let range = title.range(of: #"(?<!\d)(19|20)\d\d\s*[-—–~～至]\s*((19|20)\d\d)\s*年"#, options: .regularExpression)
        else { return nil }
        let years = title[range].split { !$0.isNumber }.compactMap { Int($0) }.filter { $0 >= 1900 }
        guard years.count == 2, years[1] > years[0] else { return nil }
        return years[1]
    }

    /// The year a plan starts from, its figures of that year or before being where things stand: the first
    /// year of the range its title names (`（2023—2027年）` → 2023), else the year before its named period
    /// (`“十四五”` → 2020); nil for a title that names no plan or no period.
    public func baseYear(ofPlanTitled title: String?) -> Int? {
        guard let title, let last = lastYear(ofPlanTitled: title) else { return nil }
        if let range = title.range(of: #"(?<!\d)(19|20)\d\d\s*[-—–~～至]\s*((19|20)\d\d)\s*年"#, options: .regularExpression),
           let first = Int(title[range].prefix(4)), first < last {
            return first
        }
        return last - 5
    }

    /// The last year of a period named in the text (`十三五` → 2020).
    public func lastYear(ofPeriod name: String) -> Int? { periods.first { $0.name == name }?.lastYear }
}

/// The words of statistics tables in any layout (`indicators.yaml` `tables`).
public struct TableWordRules: Sendable, Hashable {
    /// Header cells over the column of row names (`指标`, `项目`).
    public var nameHeaders: [String] = []
    /// Header cells over a column numbering the rows (`序号`).
    public var numberingHeaders: [String] = []
    /// Header cells over a column giving each row's unit (`单位`).
    public var unitHeaders: [String] = []
    /// Header cells over a column giving each row's year (`年份`, `学年`).
    public var yearHeaders: [String] = []
    /// Row or column labels of a total (`合计`, `总计`).
    public var totalLabels: Set<String> = []
    /// Row labels of the change beside year rows (`同比`, `增减`).
    public var changeLabels: Set<String> = []
    /// Openings of a line above a table that is a note, not its title (`单位`, `数据来源`).
    public var notePrefixes: [String] = []
    /// Endings of a paragraph that announces the table after it (`分布如下`, `见下表`).
    public var introductions: [String] = []
    /// Words by which a note under a table speaks of the whole table (`本表`, `表中`).
    public var scopeWords: [String] = []
    /// Header cells over a column of the parts of the table's entity (`专业名称`, `年级`): each row is a category.
    public var breakdownHeaders: [String] = []
    /// Words in a year column's header saying it holds planned figures (`2025年（目标）`).
    public var targetHeaders: [String] = []
    /// A sub-column's header holding the whole of the header spanning it (`招生数` › `计`, `其中：…`): the column
    /// is named by the spanning header.
    public var wholeSubHeaders: Set<String> = []
    /// Header cells over a column of schools' names (`学校名称`): each row not a total is the school it names.
    public var schoolHeaders: [String] = []
}

/// What a web address says of its document (`entities.yaml` `web_addresses`).
public struct WebAddressRules: Sendable {
    /// Government site host labels that are not their region's pinyin → the region's full name.
    public var sites: [String: String] = [:]
    /// Path words naming a statistical yearbook (`tjnj`, `nj`).
    public var yearbookWords: [String] = []
}

/// Every rule the indicators stage uses, loaded from a `rules/` directory and compiled once.
public struct RuleSet: Sendable {
    public var indicators: [IndicatorRule]
    public var entities: [EntityRule]
    public var units: [UnitRule]
    public var cues: CueRules
    /// PCRE2 fragments finding schools not listed by name; the matched text is the entity.
    public var schoolPatterns: [String]
    /// A pattern match containing one of these is a generic phrase, not a school.
    public var notSchools: [String]
    /// The open-world rule for school names (suffixes and the words that end a name).
    public var schoolNames: SchoolNameRules
    /// Words naming the document's subject or its ancestor of a level (`全区`, `本市`, `我校`).
    public var subjectWords: [SubjectWord]
    /// Provinces a subject word of a lower level also names, by the end of their name (`市` for 全市 in a
    /// 直辖市's report, `自治区` for 全区 in an autonomous region's).
    public var subjectWordProvinceSuffixes: [SubjectWord.Level: [String]]
    /// The national list of administrative divisions (`regions.tsv`).
    public var gazetteer: RegionGazetteer
    /// Words of statistics tables naming secondary vocational education, its kinds and other levels.
    public var tableCategories: TableCategoryRules
    /// The words of statistics tables (`indicators.yaml` `tables`).
    public var tableWords = TableWordRules()
    /// Plan words and periods (`indicators.yaml` `plans`).
    public var plans = PlanRules()
    /// What web addresses say (`entities.yaml` `web_addresses`).
    public var webAddresses = WebAddressRules()
    /// Words opening a table title that narrow it to a city's urban districts (`市区`).
    public var urbanAreaWords: [String] = []
    /// Subject words that say where (`省内`, `区内`): in a school's document they never say whose a figure is.
    public var locativeWords: [String] = []
    /// Words by which a document gives a name its short form (`（以下简称“九龙江职校”）`).
    public var shortNameMarkers: [String] = []
    let compiled: CompiledRules
    let schoolFinder: SchoolNameFinder

    public static let fileNames = ["indicators.yaml", "entities.yaml", "units.yaml", "regions.tsv"]

    /// Loads and checks `indicators.yaml`, `entities.yaml` and `units.yaml`; a mistake names file, line, reason.
    public static func load(directory: URL) throws(RuleError) -> RuleSet {
        let unitsFile = try RuleFile.open(directory.appendingPathComponent("units.yaml"))
        let units = try parseUnits(unitsFile)
        let entitiesFile = try RuleFile.open(directory.appendingPathComponent("entities.yaml"))
        let (entities, schoolPatterns, notSchools) = try parseEntities(entitiesFile)
        let schoolNames = try parseSchoolNames(entitiesFile)
        let (subjectWords, provinceSuffixes) = try parseSubjectWords(entitiesFile)
        var tableCategories = try parseTableCategories(entitiesFile)
        // `全市各级各类学校在校生…`, `全省普通高中…`: a bulletin clause may name its region before its level.
        tableCategories.leadSkips = subjectWords.map { $0.word.unicodeScalars.map(\.value) }.sorted { $0.count > $1.count }
        let gazetteer = try RegionGazetteer.load(url: directory.appendingPathComponent("regions.tsv"))
        let webAddresses = try parseWebAddresses(entitiesFile, gazetteer: gazetteer)
        let entitiesRoot = try entitiesFile.mapping(entitiesFile.root, allowed: entityKeys)
        let urbanAreaWords = try entitiesRoot["urban_area_words"].map { node throws(RuleError) in try entitiesFile.strings(node) } ?? []
        let locativeWords = try entitiesRoot["locative_words"].map { node throws(RuleError) in try entitiesFile.strings(node) } ?? []
        let shortNameMarkers = try entitiesRoot["short_name_markers"].map { node throws(RuleError) in try entitiesFile.strings(node) } ?? []
        let indicatorsFile = try RuleFile.open(directory.appendingPathComponent("indicators.yaml"))
        let (indicators, cues) = try parseIndicators(indicatorsFile, units: units)
        let tableWords = try parseTableWords(indicatorsFile)
        let plans = try parsePlans(indicatorsFile)
        let compiled = try CompiledRules(indicators: indicators, entities: entities, schoolPatterns: schoolPatterns,
                                         units: units, cues: cues, subjectWords: subjectWords,
                                         periods: plans.periods.map(\.name), indicatorsFile: indicatorsFile.name)
        return RuleSet(indicators: indicators, entities: entities, units: units, cues: cues,
                       schoolPatterns: schoolPatterns, notSchools: notSchools, schoolNames: schoolNames,
                       subjectWords: subjectWords, subjectWordProvinceSuffixes: provinceSuffixes, gazetteer: gazetteer,
                       tableCategories: tableCategories, tableWords: tableWords, plans: plans, webAddresses: webAddresses,
                       urbanAreaWords: urbanAreaWords, locativeWords: locativeWords,
                       shortNameMarkers: shortNameMarkers.sorted { $0.count > $1.count }, compiled: compiled,
                       schoolFinder: SchoolNameFinder(rules: schoolNames, notSchools: notSchools, gazetteer: gazetteer))
    }

    public func indicator(_ id: String) -> IndicatorRule? { indicators.first { $0.id == id } }

    // MARK: - Parsing

    private static func parseUnits(_ file: RuleFile) throws(RuleError) -> [UnitRule] {
        let root = try file.mapping(file.root, allowed: ["units"])
        let list = try file.sequence(file.required(root, "units", in: file.root))
        var result: [UnitRule] = []
        var seen: Set<String> = []
        for item in list {
            let map = try file.mapping(item, allowed: ["unit", "accepts", "convert", "table_accepts"])
            let unitNode = try file.required(map, "unit", in: item)
            let unit = try file.string(unitNode)
            guard seen.insert(unit).inserted else { throw file.error(unitNode, "unit “\(unit)” defined twice") }
            var conversions: [String: Decimal] = [:]
            if let convert = map["convert"] {
                for (key, value) in try file.pairs(convert) {
                    let factor = try file.decimal(value)
                    guard factor > 0 else { throw file.error(value, "conversion factor must be positive") }
                    conversions[try file.string(key)] = factor
                }
            }
            let accepts = try map["accepts"].map { node throws(RuleError) in try file.strings(node) } ?? [unit]
            let tableAccepts = try map["table_accepts"].map { node throws(RuleError) in try file.strings(node) } ?? []
            result.append(UnitRule(unit: unit, accepts: accepts, conversions: conversions, tableAccepts: tableAccepts))
        }
        return result
    }

    /// `tables` of `indicators.yaml`: the words of statistics tables.
    private static func parseTableWords(_ file: RuleFile) throws(RuleError) -> TableWordRules {
        let root = try file.mapping(file.root, allowed: ["indicators", "cues", "tables", "plans"])
        guard let node = root["tables"] else { return TableWordRules() }
        let map = try file.mapping(node, allowed: ["name_headers", "numbering_headers", "unit_headers", "year_headers",
                                                   "total_labels", "change_labels", "note_prefixes", "introductions",
                                                   "scope_words", "breakdown_headers", "target_headers",
                                                   "whole_sub_headers", "school_headers"])
        func list(_ key: String) throws(RuleError) -> [String] {
            try map[key].map { node throws(RuleError) in try file.strings(node) } ?? []
        }
        return TableWordRules(nameHeaders: try list("name_headers"), numberingHeaders: try list("numbering_headers"),
                              unitHeaders: try list("unit_headers"), yearHeaders: try list("year_headers"),
                              totalLabels: Set(try list("total_labels")), changeLabels: Set(try list("change_labels")),
                              notePrefixes: try list("note_prefixes"), introductions: try list("introductions"),
                              scopeWords: try list("scope_words"), breakdownHeaders: try list("breakdown_headers"),
                              targetHeaders: try list("target_headers"), wholeSubHeaders: Set(try list("whole_sub_headers")),
                              schoolHeaders: try list("school_headers"))
    }

    /// `plans` of `indicators.yaml`: plan words and named periods with their last years.
    private static func parsePlans(_ file: RuleFile) throws(RuleError) -> PlanRules {
        let root = try file.mapping(file.root, allowed: ["indicators", "cues", "tables", "plans"])
        guard let node = root["plans"] else { return PlanRules() }
        let map = try file.mapping(node, allowed: ["words", "periods", "baseline_sections"])
        var plans = PlanRules()
        plans.words = try map["words"].map { node throws(RuleError) in try file.strings(node) } ?? []
        plans.baselineSections = try map["baseline_sections"].map { node throws(RuleError) in try file.strings(node) } ?? []
        if let periods = map["periods"] {
            for (key, value) in try file.pairs(periods) {
                let name = try file.string(key)
                guard let year = Int(try file.string(value)), (1950...2100).contains(year) else {
                    throw file.error(value, "plan period “\(name)” needs its last year (1950–2100)")
                }
                plans.periods.append(PlanPeriod(name: name, lastYear: year))
            }
        }
        return plans
    }

    /// The sections of `entities.yaml`.
    static let entityKeys: Set<String> = ["regions", "schools", "school_patterns", "not_schools", "school_names",
                                          "subject_words", "table_categories", "urban_area_words", "web_addresses",
                                          "locative_words", "short_name_markers"]

    /// `web_addresses`: government site labels that are not the pinyin of their region (`gz`: 广州市, `moe`:
    /// 全国), and the path words of a statistical yearbook.
    private static func parseWebAddresses(_ file: RuleFile, gazetteer: RegionGazetteer) throws(RuleError) -> WebAddressRules {
        let root = try file.mapping(file.root, allowed: entityKeys)
        guard let node = root["web_addresses"] else { return WebAddressRules() }
        let map = try file.mapping(node, allowed: ["sites", "yearbook_words"])
        var rules = WebAddressRules()
        rules.yearbookWords = try map["yearbook_words"].map { node throws(RuleError) in try file.strings(node) } ?? []
        for word in rules.yearbookWords where word.isEmpty || !word.allSatisfy({ $0.isASCII && $0.isLowercase }) {
            throw file.error(map["yearbook_words"]!, "yearbook word “\(word)” is not lowercase letters")
        }
        guard let sitesNode = map["sites"] else { return rules }
        var sites: [String: String] = [:]
        for (key, value) in try file.pairs(sitesNode) {
            let label = try file.string(key), region = try file.string(value)
            guard !label.isEmpty, label.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
                throw file.error(key, "web site label “\(label)” is not a lowercase host label (letters, digits, -)")
            }
            guard sites[label] == nil else { throw file.error(key, "web site label “\(label)” listed twice") }
            guard gazetteer.regions(named: region).count == 1 else {
                throw file.error(value, "web site region “\(region)” names no single division of regions.tsv")
            }
            sites[label] = region
        }
        rules.sites = sites
        return rules
    }

    private static func parseEntities(_ file: RuleFile) throws(RuleError) -> ([EntityRule], [String], [String]) {
        let root = try file.mapping(file.root, allowed: entityKeys)
        var result: [EntityRule] = []
        var names: Set<String> = []
        for (key, kind) in [("regions", EntityKind.region), ("schools", EntityKind.school)] {
            guard let listNode = root[key] else { continue }
            for item in try file.sequence(listNode) {
                let map = try file.mapping(item, allowed: ["name", "aliases", "region"])
                let nameNode = try file.required(map, "name", in: item)
                let name = try file.string(nameNode)
                guard !name.isEmpty else { throw file.error(nameNode, "entity name is empty") }
                guard names.insert(name).inserted else { throw file.error(nameNode, "entity “\(name)” defined twice") }
                let aliases = try map["aliases"].map { node throws(RuleError) in try file.strings(node) } ?? []
                let region = try map["region"].map { node throws(RuleError) in try file.string(node) }
                result.append(EntityRule(name: name, kind: kind, aliases: aliases, region: region))
            }
        }
        // A school's region must itself be defined, or observations would carry an unknown entity.
        for entity in result {
            if let region = entity.region, !result.contains(where: { $0.name == region && $0.kind == .region }) {
                throw RuleError(file: file.name, line: 1, reason: "school “\(entity.name)” names unknown region “\(region)”")
            }
        }
        let patterns = try root["school_patterns"].map { node throws(RuleError) in try file.strings(node) } ?? []
        if let node = root["school_patterns"] {
            for pattern in patterns {
                do { _ = try PCRE2Pattern(pattern) } catch {
                    throw file.error(node, "school pattern “\(pattern)” does not compile: \(error.message) at byte \(error.offset)")
                }
            }
        }
        let notSchools = try root["not_schools"].map { node throws(RuleError) in try file.strings(node) } ?? []
        return (result, patterns, notSchools)
    }

    private static func parseSchoolNames(_ file: RuleFile) throws(RuleError) -> SchoolNameRules {
        let root = try file.mapping(file.root, allowed: entityKeys)
        var rules = SchoolNameRules()
        guard let node = root["school_names"] else { return rules }
        let map = try file.mapping(node, allowed: ["suffixes", "weak_suffixes", "stops", "max_unplaced_core", "max_core",
                                                       "former_name", "renamed_to", "profile_titles", "name_words",
                                                       "introducing_verbs"])
        rules.suffixes = try map["suffixes"].map { node throws(RuleError) in try file.strings(node) } ?? []
        for suffix in rules.suffixes where suffix.count < 2 {
            throw file.error(map["suffixes"]!, "school suffix “\(suffix)” is too short to be specific")
        }
        rules.weakSuffixes = try map["weak_suffixes"].map { node throws(RuleError) in try file.strings(node) } ?? []
        for weak in rules.weakSuffixes where !rules.suffixes.contains(weak) {
            throw file.error(map["weak_suffixes"]!, "weak suffix “\(weak)” is not among the suffixes")
        }
        rules.stops = try map["stops"].map { node throws(RuleError) in try file.strings(node) } ?? []
        if let limit = map["max_unplaced_core"] { rules.maxUnplacedCore = try file.int(limit) }
        if let limit = map["max_core"] { rules.maxCore = try file.int(limit) }
        rules.nameWords = try map["name_words"].map { node throws(RuleError) in try file.strings(node) } ?? []
        rules.formerNameWords = try map["former_name"].map { node throws(RuleError) in try file.strings(node) } ?? []
        rules.renamedToWords = try map["renamed_to"].map { node throws(RuleError) in try file.strings(node) } ?? []
        rules.introducingVerbs = try map["introducing_verbs"].map { node throws(RuleError) in try file.strings(node) } ?? []
        rules.profileTitles = try map["profile_titles"].map { node throws(RuleError) in try file.strings(node) } ?? []
        return rules
    }

    private static func parseTableCategories(_ file: RuleFile) throws(RuleError) -> TableCategoryRules {
        let root = try file.mapping(file.root, allowed: entityKeys)
        var rules = TableCategoryRules()
        guard let node = root["table_categories"] else { return rules }
        let map = try file.mapping(node, allowed: ["whole", "lead_whole", "parts", "other_levels", "excluding", "attributes",
                                                   "breakdown_headers", "lead_fillers", "lead_places"])
        rules.leadWhole = try map["lead_whole"].map { node throws(RuleError) in try file.strings(node) } ?? []
        rules.whole = try map["whole"].map { node throws(RuleError) in try file.strings(node) } ?? []
        rules.otherLevels = try map["other_levels"].map { node throws(RuleError) in try file.strings(node) } ?? []
        if let excluding = map["excluding"] { rules.excluding = try file.string(excluding) }
        rules.leadFillers = try map["lead_fillers"].map { node throws(RuleError) in try file.strings(node) } ?? []
        rules.leadPlaces = try map["lead_places"].map { node throws(RuleError) in try file.strings(node) } ?? []
        rules.breakdownHeaders = try map["breakdown_headers"].map { node throws(RuleError) in try file.strings(node) } ?? []
        if let attributes = map["attributes"] {
            rules.attributes = Set(try file.strings(attributes))
        }
        if let parts = map["parts"] {
            for (key, value) in try file.pairs(parts) {
                rules.parts.append((try file.string(key), try file.strings(value)))
            }
        }
        for name in rules.attributes where !rules.parts.contains(where: { $0.name == name }) {
            throw file.error(map["attributes"]!, "attribute “\(name)” is not one of `parts`")
        }
        rules.prepareLeads()
        return rules
    }

    private static func parseSubjectWords(_ file: RuleFile) throws(RuleError)
        -> ([SubjectWord], [SubjectWord.Level: [String]]) {
        let root = try file.mapping(file.root, allowed: entityKeys)
        guard let node = root["subject_words"] else { return ([], [:]) }
        var words: [SubjectWord] = []
        var suffixes: [SubjectWord.Level: [String]] = [:]
        for (key, value) in try file.pairs(node) {
            let levelName = try file.string(key)
            if levelName == "pointing_back" {
                for (levelKey, list) in try file.pairs(value) {
                    guard let level = SubjectWord.Level(rawValue: try file.string(levelKey)), level != .subject, level != .country else {
                        throw file.error(levelKey, "pointing_back: “\(try file.string(levelKey))” is not a school or region level")
                    }
                    for word in try file.strings(list) { words.append(SubjectWord(word: word, level: level, pointsBack: true)) }
                }
                continue
            }
            if levelName == "province_suffixes" {
                for (levelKey, list) in try file.pairs(value) {
                    guard let level = SubjectWord.Level(rawValue: try file.string(levelKey)) else {
                        throw file.error(levelKey, "province_suffixes: “\(try file.string(levelKey))” is not a level")
                    }
                    suffixes[level] = try file.strings(list)
                }
                continue
            }
            guard let level = SubjectWord.Level(rawValue: levelName) else {
                throw file.error(key, "subject word level “\(levelName)” is not one of "
                                 + SubjectWord.Level.allCases.map(\.rawValue).joined(separator: ", "))
            }
            for word in try file.strings(value) { words.append(SubjectWord(word: word, level: level)) }
        }
        return (words, suffixes)
    }

    private static let indicatorKeys: Set<String> = [
        "id", "name_zh", "unit", "kind", "phrases", "patterns", "after", "table_names", "min", "max",
        "rate_of", "base", "notes", "part_of", "scope", "levels", "level_of", "amount_of", "inverse_phrases", "inverse_patterns",
    ]
    private static let kinds: Set<String> = ["count", "rate", "money", "ratio"]

    private static func parseIndicators(_ file: RuleFile, units: [UnitRule]) throws(RuleError)
        -> ([IndicatorRule], CueRules) {
        let root = try file.mapping(file.root, allowed: ["indicators", "cues", "tables", "plans"])
        var cues = CueRules()
        if let cueNode = root["cues"] {
            let map = try file.mapping(cueNode, allowed: ["change", "target", "share", "parts", "filler",
                                                           "comparison", "region", "average", "not_value_after",
                                                           "respectively", "not_value_before", "history", "present",
                                                           "remainder", "planned", "previous_year", "current_year", "speech",
                                                           "document_scope", "same_below", "rank", "amount", "region_comparison",
                                                           "statistics_page", "inclusion", "level_movement", "smaller_subjects"])
            func list(_ key: String) throws(RuleError) -> [String] {
                try map[key].map { node throws(RuleError) in try file.strings(node) } ?? []
            }
            cues = CueRules(change: try list("change"), target: try list("target"), share: try list("share"),
                            parts: try list("parts"), filler: try list("filler"),
                            comparison: try list("comparison"), region: try list("region"),
                            average: try list("average"), notValueAfter: try list("not_value_after"),
                            respectively: try list("respectively"), notValueBefore: try list("not_value_before"),
                            history: try list("history"), present: try list("present"),
                            remainder: try list("remainder"), planned: try list("planned"),
                            previousYear: [], currentYear: try list("current_year"),
                            speech: try list("speech"))
            cues.documentScope = try list("document_scope")
            cues.sameBelow = try list("same_below")
            cues.rank = try list("rank")
            cues.amount = try list("amount")
            cues.regionComparison = try list("region_comparison")
            cues.statisticsPage = try list("statistics_page")
            cues.inclusion = try list("inclusion")
            cues.smallerSubjects = try list("smaller_subjects")
            if let movement = map["level_movement"] {
                let fields = try file.mapping(movement, allowed: ["from", "to"])
                cues.fromWords = try fields["from"].map { node throws(RuleError) in try file.strings(node) } ?? []
                // (longest first: `下降到` before `到`)
                cues.toWords = (try fields["to"].map { node throws(RuleError) in try file.strings(node) } ?? []).sorted { $0.count > $1.count }
            }
            if let previous = map["previous_year"] {
                let fields = try file.mapping(previous, allowed: ["words", "not_after"])
                cues.previousYearWords = try fields["words"].map { node throws(RuleError) in try file.strings(node) } ?? []
                let notAfter = try fields["not_after"].map { node throws(RuleError) in try file.strings(node) } ?? []
                cues.previousYear = CueRules.previousYearPattern(words: cues.previousYearWords, notAfter: notAfter)
            }
        }
        var result: [IndicatorRule] = []
        var idNodes: [String: Node] = [:]
        var references: [(Node, String)] = []
        let unitNames = Set(units.map(\.unit))
        for item in try file.sequence(file.required(root, "indicators", in: file.root)) {
            let map = try file.mapping(item, allowed: indicatorKeys)
            let idNode = try file.required(map, "id", in: item)
            let id = try file.string(idNode)
            guard id.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil else {
                throw file.error(idNode, "indicator id “\(id)” must be lower_snake_case ASCII")
            }
            guard idNodes[id] == nil else { throw file.error(idNode, "indicator “\(id)” defined twice") }
            idNodes[id] = idNode
            let nameZh = try file.string(file.required(map, "name_zh", in: item))
            let unitNode = try file.required(map, "unit", in: item)
            let unit = try file.string(unitNode)
            guard unitNames.contains(unit) else {
                throw file.error(unitNode, "indicator “\(id)”: unit “\(unit)” is not defined in units.yaml")
            }
            let kindNode = try file.required(map, "kind", in: item)
            let kind = try file.string(kindNode)
            guard kinds.contains(kind) else {
                throw file.error(kindNode, "indicator “\(id)”: kind “\(kind)” is not one of \(kinds.sorted().joined(separator: ", "))")
            }
            func list(_ key: String) throws(RuleError) -> [String] {
                try map[key].map { node throws(RuleError) in try file.strings(node) } ?? []
            }
            let phrases = try list("phrases")
            let patterns = try list("patterns")
            // A table row name (`table_names`) or words after the number (`after`) can find it too.
            if phrases.isEmpty && patterns.isEmpty && map["table_names"] == nil && map["after"] == nil {
                throw file.error(item, "indicator “\(id)” has no phrases, patterns, after-patterns or table names, so nothing can find it")
            }
            for phrase in phrases where phrase.count < 2 {
                throw file.error(map["phrases"]!, "indicator “\(id)”: phrase “\(phrase)” is too short to be specific")
            }
            let inversePhrases = try list("inverse_phrases"), inversePatterns = try list("inverse_patterns")
            for key in ["inverse_phrases", "inverse_patterns"] {
                if let node = map[key], unit != "ratio" {
                    throw file.error(node, "indicator “\(id)”: \(key) need a ratio (its unit is “\(unit)”)")
                }
            }
            if let node = map["inverse_patterns"] {
                for pattern in inversePatterns {
                    do { _ = try PCRE2Pattern(pattern) } catch {
                        throw file.error(node, "indicator “\(id)”: pattern “\(pattern)” does not compile: \(error.message) at byte \(error.offset)")
                    }
                }
            }
            if let patternsNode = map["patterns"] {
                for pattern in patterns {
                    do { _ = try PCRE2Pattern(pattern) } catch {
                        throw file.error(patternsNode, "indicator “\(id)”: pattern “\(pattern)” does not compile: \(error.message) at byte \(error.offset)")
                    }
                }
            }
            if let afterNode = map["after"] {
                for pattern in try list("after") {
                    do { _ = try PCRE2Pattern(pattern) } catch {
                        throw file.error(afterNode, "indicator “\(id)”: after-pattern “\(pattern)” does not compile: \(error.message) at byte \(error.offset)")
                    }
                }
            }
            let minimum = try map["min"].map { node throws(RuleError) in try file.decimal(node) }
            let maximum = try map["max"].map { node throws(RuleError) in try file.decimal(node) }
            if let minimum, let maximum, minimum > maximum {
                throw file.error(map["max"]!, "indicator “\(id)”: max \(maximum) is below min \(minimum)")
            }
            let rateOf = try map["rate_of"].map { node throws(RuleError) in try file.string(node) }
            let base = try map["base"].map { node throws(RuleError) in try file.string(node) }
            if let rateOf { references.append((map["rate_of"]!, rateOf)) }
            if let base { references.append((map["base"]!, base)) }
            let tableNames = try list("table_names")
            let partOf = try list("part_of")
            let scope = try map["scope"].map { node throws(RuleError) in try file.string(node) }
            if let scope, scope != "region" {
                throw file.error(map["scope"]!, "indicator “\(id)”: scope “\(scope)” is not `region`")
            }
            if let node = map["part_of"] { for id in partOf { references.append((node, id)) } }
            let amountOf = try list("amount_of")
            if let node = map["amount_of"] { for id in amountOf { references.append((node, id)) } }
            let levelOf = try map["level_of"].map { node throws(RuleError) in try file.string(node) }
            if let node = map["level_of"], let levelOf {
                references.append((node, levelOf))
                if try list("levels").isEmpty { throw file.error(node, "indicator “\(id)”: level_of needs the `levels` it is about") }
            }
            result.append(IndicatorRule(
                id: id, nameZh: nameZh, unit: unit, kind: kind, phrases: phrases, patterns: patterns,
                after: try list("after"), tableNames: [nameZh] + phrases + tableNames,
                min: minimum, max: maximum, rateOf: rateOf, base: base, regionScope: scope == "region", partOf: partOf,
                file: file.name, line: (idNode.mark?.line ?? 0), levels: try list("levels"), levelOf: levelOf, amountOf: amountOf,
                inversePhrases: inversePhrases, inversePatterns: inversePatterns))
        }
        for (node, reference) in references where idNodes[reference] == nil {
            throw file.error(node, "names unknown indicator “\(reference)”")
        }
        return (result, cues)
    }
}
