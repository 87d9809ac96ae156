import Foundation
import NianbaoModel

/// What the web address a document was saved from says about it, for a document whose text names no subject
/// or year (a yearbook table, a statistics page): the region of a government site (`tjj.fujian.gov.cn` →
/// 福建省, `custom.huzhou.gov.cn` → 湖州市), a country or province a path names (`/quanguo/`), a year a path
/// names on its own (`/2020/quanguo/`), and the date a path gives (`/202108/t20210831_556365.html`).
struct SourceAddress: Sendable {
    /// Host labels, lowercased, broadest first (`tjj.fujian.gov.cn` → fujian, tjj), without `www`.
    var hostLabels: [String]
    /// Whether the host is a Chinese government site (`….gov.cn`), whose labels name its region.
    var isGovernmentSite: Bool
    /// Path segments, lowercased, in order.
    var segments: [String]

    init?(_ address: String) {
        guard let url = URL(string: address.trimmingCharacters(in: .whitespaces)) ?? URL(string: Self.escaped(address)),
              let host = url.host?.lowercased(), !host.isEmpty else { return nil }
        var labels = host.split(separator: ".").map(String.init).filter { $0 != "www" }
        isGovernmentSite = labels.suffix(2) == ["gov", "cn"]
        if isGovernmentSite { labels.removeLast(2) } else if labels.count > 1 { labels.removeLast() }
        hostLabels = labels.reversed()
        segments = url.path.split(separator: "/").map { $0.lowercased() }
    }

    /// Spaces and Chinese characters in a pasted address, percent-encoded so `URL` takes it.
    static func escaped(_ address: String) -> String {
        address.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed.union(["#", "%"])) ?? address
    }

    // MARK: Region

    /// The region the address names, and how (`address_site`: a government site's host; `address_path`: a path
    /// segment naming the country or a province). Of a site's labels each one deeper must lie inside the one
    /// found before; a label that is the pinyin of several divisions counts only when one of them does.
    func region(gazetteer: RegionGazetteer, webSites: [String: String]) -> (name: String, how: String)? {
        if isGovernmentSite {
            var found: Region?
            for label in hostLabels {
                guard let region = Self.region(label: label, inside: found, gazetteer: gazetteer, webSites: webSites)
                else { continue }
                if let outer = found, !gazetteer.contains(outer, region) { continue }
                found = region
            }
            if let found { return (found.name, "address_site") }
        }
        for segment in segments {
            let named = gazetteer.regions(pinyin: segment).filter { $0.current && $0.level <= .province }
            if named.count == 1 { return (named[0].name, "address_path") }
        }
        return nil
    }

    static func region(label: String, inside outer: Region?, gazetteer: RegionGazetteer,
                       webSites: [String: String]) -> Region? {
        let listed = webSites[label].flatMap { gazetteer.regions(named: $0).first }
        let spelt = gazetteer.regions(pinyin: label).filter(\.current)
        if let outer {
            // Under a province's site a label names one of its divisions (`fuzhou.jiangxi…` is 抚州, not 福州).
            var inside = spelt.filter { gazetteer.contains(outer, $0) }
            if let listed, gazetteer.contains(outer, listed), !inside.contains(listed) { inside.append(listed) }
            return inside.count == 1 ? inside[0] : nil
        }
        if let listed { return listed }
        // Without a broader label, a site names a province or a prefecture: a county's pinyin is too often
        // shared (and a county's own site is usually under its prefecture's or carries its province's letters).
        let upper = spelt.filter { $0.level <= .prefecture }
        return upper.count == 1 ? upper[0] : nil
    }

    // MARK: Year

    /// The year of a statistical yearbook the path names by one of `words`, glued to its year (`tjnj2008`) or
    /// followed by it as the next segment (`www_nj/2022/`).
    func yearbookYear(words: [String]) -> Int? {
        guard !words.isEmpty else { return nil }
        for (index, segment) in segments.enumerated() {
            let runs = Self.runs(segment)
            for (position, run) in runs.enumerated() where words.contains(run) {
                if position + 1 < runs.count, let year = Self.year(runs[position + 1]) { return year }
                if position == runs.count - 1, index + 1 < segments.count, let year = Self.year(segments[index + 1]) {
                    return year
                }
            }
        }
        return nil
    }

    /// A segment's runs of letters and of digits, in order (`www_nj` → www, nj; `tjnj2008` → tjnj, 2008).
    static func runs(_ segment: String) -> [String] {
        var runs: [String] = []
        var current = ""
        var currentIsDigit = false
        for character in segment {
            let isDigit = character.isASCIIDigit
            guard isDigit || (character.isASCII && character.isLetter) else {
                if !current.isEmpty { runs.append(current) }
                current = ""
                continue
            }
            if !current.isEmpty && isDigit != currentIsDigit {
                runs.append(current)
                current = ""
            }
            current.append(character)
            currentIsDigit = isDigit
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// A year a path segment is on its own (`/2020/quanguo/`: the year a statistics page is filed under), not
    /// the first part of a date (`/2025/2/7/`, `/2024/0304/`).
    var namedYear: Int? {
        for (index, segment) in segments.enumerated() {
            guard let year = Self.year(segment) else { continue }
            let next = index + 1 < segments.count ? segments[index + 1] : nil
            if let next, Self.monthStart(next) { continue }
            return year
        }
        return nil
    }

    /// The year and month the path dates the page (`/2025/2/7/`, `/2024/0304/`, `/202108/`, `t20210831_…`,
    /// `2016-02-26`).
    var date: (year: Int, month: Int)? {
        for (index, segment) in segments.enumerated() {
            if let year = Self.year(segment), index + 1 < segments.count, Self.monthStart(segments[index + 1]) {
                let next = segments[index + 1]
                return (year, Int(next.count == 4 ? String(next.prefix(2)) : next) ?? 1)
            }
            if let date = Self.compactDate(segment) { return date }
        }
        return nil
    }

    static func year(_ text: some StringProtocol) -> Int? {
        guard text.count == 4, text.allSatisfy(\.isASCIIDigit), let year = Int(text), (1990...2100).contains(year)
        else { return nil }
        return year
    }

    /// A segment that continues a year as its month: `2`, `02`, `0304` (month and day).
    static func monthStart(_ segment: String) -> Bool {
        guard segment.allSatisfy(\.isASCIIDigit) else { return false }
        switch segment.count {
        case 1, 2: return (1...12).contains(Int(segment) ?? 0)
        case 4: return (1...12).contains(Int(segment.prefix(2)) ?? 0) && (1...31).contains(Int(segment.suffix(2)) ?? 0)
        default: return false
        }
    }

    /// `202108`, `20210831`, `t20210831_556365.html`, `2016-02-26` within one segment.
    static func compactDate(_ segment: String) -> (year: Int, month: Int)? {
        let characters = Array(segment)
        var index = 0
        while index < characters.count {
            guard characters[index].isASCIIDigit, index == 0 || !characters[index - 1].isASCIIDigit else { index += 1; continue }
            var end = index
            while end < characters.count, characters[end].isASCIIDigit { end += 1 }
            let run = String(characters[index..<end])
            if run.count == 6 || run.count == 8, let year = year(run.prefix(4)), let month = Int(run.dropFirst(4).prefix(2)),
               (1...12).contains(month) {
                return (year, month)
            }
            // 2016-02-26
            if run.count == 4, let year = year(run), end + 2 < characters.count, characters[end] == "-",
               let month = Int(String(characters[(end + 1)..<min(end + 3, characters.count)])), (1...12).contains(month) {
                return (year, month)
            }
            index = end
        }
        return nil
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
