import Foundation
import NianbaoModel
@testable import Checks

/// Hand-made observations for the check tests: decimals and raw text follow the printed value.
func checkObservation(_ indicator: String, _ printed: String, unit: String = "人", scale: Int = 1,
                      entity: String = "测试区", year: Int? = 2022, doc: String = "doc", page: Int = 1,
                      line: Int = 1, table: Bool = false, qualifier: Qualifier? = nil, group: String? = nil,
                      role: ObservationRole? = nil, base: String? = nil, nameZh: String? = nil,
                      raw: String? = nil, quote: String? = nil, entitySource: String? = nil,
                      yearSource: String? = nil, section: String? = nil, category: String? = nil) -> Observation {
    let digits = printed.split(separator: ".")
    let decimals = digits.count > 1 ? digits[1].count : 0
    let value = Decimal(string: printed, locale: Locale(identifier: "en_US_POSIX"))! * Decimal(scale)
    let shownUnit: String
    switch scale {
    case 10_000: shownUnit = "万" + (unit == "元" ? "元" : unit)
    case 100_000_000: shownUnit = "亿" + (unit == "元" ? "元" : unit)
    default: shownUnit = unit == "ratio" ? ":1" : unit
    }
    let rawText = raw ?? printed + shownUnit
    return Observation(docId: doc, indicator: indicator, nameZh: nameZh ?? indicator, entity: entity, year: year,
                       value: value, unit: unit, raw: rawText, qualifier: qualifier, page: page, line: line,
                       sectionId: section, quote: quote ?? rawText, ruleId: "test", decimals: decimals,
                       fromTable: table, group: group, role: role, base: base, entitySource: entitySource,
                       yearSource: yearSource, category: category)
}

/// A rule set from YAML text, failing the test loudly if it does not load.
func checkRules(_ yaml: String) -> CheckRuleSet {
    do {
        return try CheckRuleSet.parse(yaml: yaml, path: "test.yaml")
    } catch {
        fatalError("test rules do not load: \(error)")
    }
}

/// The project's own rule file.
func projectCheckRules() throws -> CheckRuleSet {
    try CheckRuleSet.load(url: TestPaths.repoRoot.appendingPathComponent("rules/checks.yaml"))
}
