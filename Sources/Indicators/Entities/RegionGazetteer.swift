import Foundation
import RuleFiles
import Cleaning

/// The level of an administrative division.
public enum RegionLevel: String, Sendable, Hashable, Comparable {
    case country, province, prefecture, county

    var depth: Int {
        switch self {
        case .country: return 0
        case .province: return 1
        case .prefecture: return 2
        case .county: return 3
        }
    }

    public static func < (lhs: RegionLevel, rhs: RegionLevel) -> Bool { lhs.depth < rhs.depth }
}

/// One administrative division of `rules/regions.tsv`.
public struct Region: Sendable, Hashable {
    public var code: String
    public var name: String
    public var shortNames: [String]
    public var level: RegionLevel
    public var parentCode: String?
    public var current: Bool
    public var formerNames: [String]
    /// Short names another current division shares (`吉林`: 吉林省 and 吉林市; `广安`: 广安市 and its 广安区).
    public var ambiguousShortNames: [String] = []
    /// Toneless pinyin of the name without its kind suffix (`huzhou`), as government site addresses spell it.
    public var pinyin: String = ""
}

/// The national list of administrative divisions (`rules/regions.tsv`): finds region names in text and
/// answers which region contains which. Full names of every level are matched; short names (`浙江`, `宁波`)
/// only for provinces and prefectures and only where no other division has them, since a county's short
/// name is too often an ordinary word.
public struct RegionGazetteer: Sendable {
    public let regions: [Region]
    let indexByCode: [String: Int]
    /// Every matchable name → the divisions it may mean (full names repeat across provinces: 朝阳区 ×2).
    let indicesByName: [String: [Int]]
    /// Names in matching order (longest first, so `上海市浦东新区` is not read as `上海市`).
    let names: [String]
    let matcher: LiteralAlternation?
    /// Every name and short name of every level, for telling whether a school name starts with a place.
    let placePrefixes: Set<String>
    let longestPlacePrefix: Int
    /// Pinyin → divisions (`fuzhou`: 福州市 and 抚州市).
    let indicesByPinyin: [String: [Int]]

    public static let empty = RegionGazetteer(regions: [])

    init(regions: [Region]) {
        self.regions = regions
        var byCode: [String: Int] = [:]
        var byName: [String: [Int]] = [:]
        var prefixes = Set<String>()
        var byPinyin: [String: [Int]] = [:]
        for (index, region) in regions.enumerated() {
            byCode[region.code] = index
            if !region.pinyin.isEmpty { byPinyin[region.pinyin, default: []].append(index) }
            var matchable = [region.name]
            if region.current && (region.level == .province || region.level == .prefecture) {
                matchable += region.shortNames.filter { $0.count >= 2 }
            }
            for name in Set(matchable) { byName[name, default: []].append(index) }
            prefixes.insert(region.name)
            for short in region.shortNames + region.ambiguousShortNames where short.count >= 2 { prefixes.insert(short) }
        }
        // A prefecture sharing its short name only with a district of its own (`广安`: 广安市 and 广安区) is
        // what the name means: the district lies inside it, and its full name says 区.
        var holders: [String: [Int]] = [:]
        for (index, region) in regions.enumerated() where region.current {
            for name in Set([region.name] + region.shortNames + region.ambiguousShortNames) { holders[name, default: []].append(index) }
        }
        for (index, region) in regions.enumerated() where region.current && region.level == .prefecture {
            for short in region.ambiguousShortNames where short.count >= 2 && byName[short] == nil {
                let others = (holders[short] ?? []).filter { $0 != index }
                if others.allSatisfy({ regions[$0].parentCode == region.code }) { byName[short] = [index] }
            }
        }
        // A province sharing its short name with no city named so (`河南`: 河南省 and a county 河南县 of 青海;
        // `海南`: 海南省, 海南州 and a district) is what a bare short name means; `吉林` (吉林省 and 吉林市) stays
        // ambiguous.
        for (index, region) in regions.enumerated() where region.current && region.level == .province {
            for short in region.ambiguousShortNames where short.count >= 2 && byName[short] == nil {
                let others = (holders[short] ?? []).filter { $0 != index }
                if !others.contains(where: { regions[$0].name == short + "市" }) { byName[short] = [index] }
            }
        }
        // A former name (`奉化市` of 奉化区) counts only where no current division bears it (`金华市` was also
        // the name of today's 婺城区).
        for (index, region) in regions.enumerated() {
            for name in region.formerNames where name.count >= 3 && byName[name] == nil { byName[name] = [index] }
        }
        indexByCode = byCode
        indicesByPinyin = byPinyin
        indicesByName = byName
        names = byName.keys.map { ($0.count, $0) }.sorted(by: >).map(\.1)   // counted once, not per comparison
        matcher = names.isEmpty ? nil : LiteralAlternation(words: names.enumerated().map { ($1, $0) })
        placePrefixes = prefixes
        longestPlacePrefix = prefixes.map(\.count).max() ?? 0
    }

    /// Loads `regions.tsv`: tab-separated, `#` comments, a header row naming the columns.
    static func load(url: URL) throws(RuleError) -> RegionGazetteer {
        let file = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw RuleError(file: file, line: 0, reason: "rule file missing (looked for \(url.path)); "
                            + "regenerate it with scripts/make_regions.py or point --rules at a complete rules folder")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw RuleError(file: file, line: 0, reason: "not UTF-8") }
        var header: [String: Int]?
        var regions: [Region] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            if raw.hasPrefix("#") || raw.trimmingSpaces().isEmpty { continue }
            let fields = raw.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let columns = header else {
                let named = Dictionary(fields.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
                for required in ["code", "name", "short_names", "level", "parent_code"] where named[required] == nil {
                    throw RuleError(file: file, line: line, reason: "header lacks the column “\(required)”")
                }
                header = named
                continue
            }
            func field(_ name: String) -> String {
                guard let index = columns[name], index < fields.count else { return "" }
                return fields[index].trimmingSpaces()
            }
            func list(_ name: String) -> [String] {
                field(name).split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            }
            let code = field("code"), name = field("name")
            guard !code.isEmpty, !name.isEmpty else { throw RuleError(file: file, line: line, reason: "row without code or name") }
            guard let level = RegionLevel(rawValue: field("level")) else {
                throw RuleError(file: file, line: line, reason: "level “\(field("level"))” is not country, province, prefecture or county")
            }
            let parent = field("parent_code")
            regions.append(Region(code: code, name: name, shortNames: list("short_names"), level: level,
                                  parentCode: parent.isEmpty ? nil : parent, current: field("status") != "former",
                                  formerNames: list("former_names"),
                                  ambiguousShortNames: list("ambiguous_short_names"), pinyin: field("pinyin").lowercased()))
        }
        let gazetteer = RegionGazetteer(regions: regions)
        for region in regions {
            if let parent = region.parentCode, gazetteer.indexByCode[parent] == nil {
                throw RuleError(file: file, line: 0, reason: "region \(region.code) \(region.name) names unknown parent \(parent)")
            }
        }
        return gazetteer
    }

    /// The divisions a name may mean (empty when it names none).
    public func regions(named name: String) -> [Region] {
        (indicesByName[name] ?? []).map { regions[$0] }
    }

    /// The divisions whose name is spelt `pinyin` (empty when none is).
    public func regions(pinyin: String) -> [Region] {
        (indicesByPinyin[pinyin] ?? []).map { regions[$0] }
    }

    public func region(code: String) -> Region? { indexByCode[code].map { regions[$0] } }

    /// The name observations carry for a matched name: the full name (`宁波` → 宁波市).
    func canonicalName(_ name: String) -> String {
        guard let indices = indicesByName[name], let first = indices.first else { return name }
        let full = Set(indices.map { regions[$0].name })
        return full.count == 1 ? regions[first].name : name
    }

    /// Region names in the scalars of a text, leftmost-longest, without overlaps: (start, end, name index).
    func matches(in scalars: [UInt32]) -> [(start: Int, end: Int, name: String)] {
        guard let matcher else { return [] }
        var result: [(Int, Int, String)] = []
        var position = 0
        while let hit = matcher.firstMatch(in: scalars, from: position) {
            result.append((hit.start, hit.end, names[hit.mark]))
            position = hit.end
        }
        return result
    }

    /// The chain of a division's ancestors, nearest first.
    func ancestors(of region: Region) -> [Region] {
        var chain: [Region] = []
        var current = region.parentCode.flatMap { indexByCode[$0] }
        while let index = current, chain.count < 4 {
            chain.append(regions[index])
            current = regions[index].parentCode.flatMap { indexByCode[$0] }
        }
        return chain
    }

    /// Whether `inner` lies inside `outer` (a division is not inside itself).
    func contains(_ outer: Region, _ inner: Region) -> Bool {
        outer.level == .country ? inner.level != .country : ancestors(of: inner).contains { $0.code == outer.code }
    }

    /// Whether a text starts with a place name of any level (short names included).
    func startsWithPlace(_ scalars: ArraySlice<UInt32>) -> Bool {
        guard longestPlacePrefix >= 2 else { return false }
        var text = ""
        for (count, value) in scalars.prefix(longestPlacePrefix).enumerated() {
            text.unicodeScalars.append(Unicode.Scalar(value) ?? " ")
            if count >= 1, placePrefixes.contains(text) { return true }
        }
        return false
    }
}
