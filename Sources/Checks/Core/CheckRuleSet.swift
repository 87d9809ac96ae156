import Foundation
import NianbaoModel
import RuleFiles
import Yams

/// The check rules of one file, validated on load. Adding a check is adding an entry to the file.
public struct CheckRuleSet: Sendable {
    public var rules: [CheckRule]

    public init(rules: [CheckRule]) { self.rules = rules }

    /// `indicators`: the ids rules/indicators.yaml defines; when given, a rule naming any other id is refused
    /// with its line (a misspelt id would otherwise leave the check silently skipped everywhere).
    public static func load(url: URL, indicators: Set<String>? = nil) throws(CheckRuleError) -> CheckRuleSet {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: url.path, detail: error.localizedDescription)
        }
        return try parse(yaml: text, path: url.path, indicators: indicators)
    }

    /// Parses rule text; `path` only labels errors; `indicators` as for `load`.
    public static func parse(yaml text: String, path: String = "checks.yaml",
                             indicators: Set<String>? = nil) throws(CheckRuleError) -> CheckRuleSet {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, path: path)
        } catch {
            throw .syntax(path: path, line: 0, column: 0, detail: "\(error)")
        }
        guard let root, let top = root.mapping else {
            throw .invalid(path: path, line: root?.mark?.line ?? 1, detail: "expected a mapping with a `checks:` list")
        }
        let reader = RuleReader(path: path, known: indicators)
        for (key, _) in top where key.string != "checks" && key.string != "version" {
            throw .invalid(path: path, line: key.mark?.line ?? 0,
                           detail: "unknown top-level key `\(key.string ?? "?")` (expected `version`, `checks`)")
        }
        if let version = top["version"], version.int != 1 {
            throw .invalid(path: path, line: version.mark?.line ?? 0, detail: "unsupported version (this reader knows version 1)")
        }
        guard let list = top["checks"] else {
            throw .invalid(path: path, line: root.mark?.line ?? 1, detail: "missing `checks:` list")
        }
        guard let sequence = list.sequence else {
            throw .invalid(path: path, line: list.mark?.line ?? 0, detail: "`checks` must be a list of rules")
        }
        var rules: [CheckRule] = []
        var seen: [String: Int] = [:]
        for node in sequence {
            let rule = try reader.rule(node)
            if let first = seen[rule.id] {
                throw .invalid(path: path, line: rule.line, detail: "duplicate rule id `\(rule.id)` (first on line \(first))")
            }
            seen[rule.id] = rule.line
            rules.append(rule)
        }
        return CheckRuleSet(rules: rules)
    }

    private static func syntaxError(_ error: YamlError, path: String) -> CheckRuleError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return .syntax(path: path, line: mark.line, column: mark.column, detail: problem)
        default:
            return .syntax(path: path, line: 0, column: 0, detail: "\(error)")
        }
    }
}

/// Turns one YAML mapping into a `CheckRule`, refusing unknown or missing fields with their line.
private struct RuleReader {
    let path: String
    /// Indicator ids a rule may name; nil when not checked.
    let known: Set<String>?

    static let common: Set<String> = ["id", "kind", "description", "severity"]

    func fail(_ node: Node?, _ detail: String, fallback: Int) -> CheckRuleError {
        .invalid(path: path, line: node?.mark?.line ?? fallback, detail: detail)
    }

    func rule(_ node: Node) throws(CheckRuleError) -> CheckRule {
        let line = node.mark?.line ?? 0
        guard let mapping = node.mapping else { throw fail(node, "each check must be a mapping with `id` and `kind`", fallback: line) }
        guard let idNode = mapping["id"], let id = idNode.string, !id.isEmpty else {
            throw fail(node, "check without `id`", fallback: line)
        }
        guard id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
            throw fail(idNode, "check id `\(id)` must be lower-case letters, digits and `_`", fallback: line)
        }
        guard let kindNode = mapping["kind"], let kindText = kindNode.string else {
            throw fail(node, "check `\(id)` has no `kind`", fallback: line)
        }
        guard let kind = CheckRuleKind(rawValue: kindText) else {
            let known = CheckRuleKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail(kindNode, "check `\(id)`: unknown kind `\(kindText)` (known: \(known))", fallback: line)
        }
        let allowed = Self.common.union(kind.implementation.fields)
        for (key, _) in mapping {
            let name = key.string ?? "?"
            if !allowed.contains(name) {
                throw fail(key, "check `\(id)`: `\(name)` is not a field of a \(kind.rawValue) check (allowed: \(allowed.sorted().joined(separator: ", ")))", fallback: line)
            }
        }
        var rule = CheckRule(id: id, kind: kind, description: mapping["description"]?.string, line: line)
        if let severityNode = mapping["severity"] {
            guard let text = severityNode.string, let severity = Severity(rawValue: text) else {
                throw fail(severityNode, "check `\(id)`: severity must be error, warning or info", fallback: line)
            }
            rule.severity = severity
        }
        if let relationNode = mapping["relation"] {
            guard let text = relationNode.string else { throw fail(relationNode, "check `\(id)`: `relation` must be text", fallback: line) }
            do {
                rule.relation = try Relation.parse(text)
            } catch {
                throw fail(relationNode, "check `\(id)`: relation `\(text)`, column \(error.column): \(error.detail)", fallback: line)
            }
            for indicator in [rule.relation!.result] + rule.relation!.formula.indicators {
                try requireKnown(indicator, node: relationNode, field: "relation", id: id, line: line)
            }
        }
        rule.base = try identifier(mapping["base"], field: "base", id: id, line: line)
        rule.groups = try flag(mapping["groups"], field: "groups", id: id, line: line)
        rule.proseListsMayBeIncomplete = try flag(mapping["prose_lists_may_be_incomplete"],
                                                  field: "prose_lists_may_be_incomplete", id: id, line: line)
        rule.indicators = try identifiers(mapping["indicators"], field: "indicators", id: id, line: line)
        rule.lowerIsBetter = try identifiers(mapping["lower_is_better"], field: "lower_is_better", id: id, line: line)
        rule.unlessStated = try identifiers(mapping["unless_stated"], field: "unless_stated", id: id, line: line)
        rule.otherBases = try identifiers(mapping["other_bases"], field: "other_bases", id: id, line: line)
        rule.mixedDefinitions = try identifiers(mapping["mixed_definitions"], field: "mixed_definitions", id: id, line: line)
        rule.units = try strings(mapping["units"], field: "units", id: id, line: line)
        rule.maxPoints = try number(mapping["max_points"], field: "max_points", id: id, line: line)
        rule.maxRelative = try number(mapping["max_relative"], field: "max_relative", id: id, line: line)
        rule.minValue = try number(mapping["min_value"], field: "min_value", id: id, line: line)
        rule.minFactor = try number(mapping["min_factor"], field: "min_factor", id: id, line: line)
        rule.mixedMinFactor = try number(mapping["mixed_min_factor"], field: "mixed_min_factor", id: id, line: line)
        rule.weights = try weights(mapping["weights"], id: id, line: line)
        rule.approximations = try approximations(mapping["words"], id: id, line: line)

        if let problem = kind.implementation.problem(with: rule) {
            throw fail(problem.field.flatMap { mapping[$0] } ?? node, "check `\(id)`: \(problem.detail)", fallback: line)
        }
        return rule
    }

    /// `weights: {rate_id: count_id, …}`.
    func weights(_ node: Node?, id: String, line: Int) throws(CheckRuleError) -> [String: String] {
        guard let node else { return [:] }
        guard let mapping = node.mapping else { throw fail(node, "check `\(id)`: `weights` must map a rate to its count", fallback: line) }
        var result: [String: String] = [:]
        for (key, value) in mapping {
            guard let rate = try identifier(key, field: "weights", id: id, line: line),
                  let count = try identifier(value, field: "weights", id: id, line: line) else { continue }
            result[rate] = count
        }
        return result
    }

    /// `words: [{word: 近, interval: [-0.1, 0]}, …]`; an upper bound of `~` is no bound (`超过`).
    func approximations(_ node: Node?, id: String, line: Int) throws(CheckRuleError) -> [Approximation] {
        guard let node else { return [] }
        guard let items = node.sequence else { throw fail(node, "check `\(id)`: `words` must be a list", fallback: line) }
        var result: [Approximation] = []
        for item in items {
            let problem = "check `\(id)`: each entry of `words` is `{word: 近, interval: [-0.1, 0]}` (upper bound `~` for none)"
            guard let entry = item.mapping, let word = entry["word"]?.string, !word.isEmpty,
                  let bounds = entry["interval"]?.sequence.map(Array.init), bounds.count == 2,
                  let below = decimal(bounds[0]) else { throw fail(item, problem, fallback: line) }
            let above: Decimal?
            if bounds[1].null != nil {
                above = nil
            } else if let value = decimal(bounds[1]) {
                above = value
            } else {
                throw fail(item, problem, fallback: line)
            }
            if let above, above < below { throw fail(item, "check `\(id)`: `\(word)`: interval bounds out of order", fallback: line) }
            result.append(Approximation(word: word, below: below, above: above))
        }
        return result
    }

    func decimal(_ node: Node) -> Decimal? {
        guard let text = node.scalar?.string else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    func flag(_ node: Node?, field: String, id: String, line: Int) throws(CheckRuleError) -> Bool {
        guard let node else { return false }
        guard let value = node.bool else { throw fail(node, "check `\(id)`: `\(field)` must be true or false", fallback: line) }
        return value
    }

    func number(_ node: Node?, field: String, id: String, line: Int) throws(CheckRuleError) -> Decimal? {
        guard let node else { return nil }
        guard let text = node.string, let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), value >= 0 else {
            throw fail(node, "check `\(id)`: `\(field)` must be a non-negative number", fallback: line)
        }
        return value
    }

    func strings(_ node: Node?, field: String, id: String, line: Int) throws(CheckRuleError) -> [String] {
        guard let node else { return [] }
        if let single = node.scalar?.string { return [single] }
        guard let sequence = node.sequence else { throw fail(node, "check `\(id)`: `\(field)` must be a list", fallback: line) }
        var values: [String] = []
        for item in sequence {
            guard let text = item.scalar?.string else { throw fail(item, "check `\(id)`: `\(field)` entries must be text", fallback: line) }
            values.append(text)
        }
        return values
    }

    func identifiers(_ node: Node?, field: String, id: String, line: Int) throws(CheckRuleError) -> [String] {
        let values = try strings(node, field: field, id: id, line: line)
        let items = node?.sequence.map(Array.init) ?? []
        for (offset, value) in values.enumerated() {
            let itemNode = items.indices.contains(offset) ? items[offset] : node
            if !isIdentifier(value) {
                throw fail(itemNode, "check `\(id)`: `\(value)` in `\(field)` is not an indicator id", fallback: line)
            }
            try requireKnown(value, node: itemNode, field: field, id: id, line: line)
        }
        return values
    }

    /// Refuses an indicator id that indicators.yaml does not define (when the reader knows the ids).
    func requireKnown(_ indicator: String, node: Node?, field: String, id: String, line: Int) throws(CheckRuleError) {
        guard let known, !known.contains(indicator) else { return }
        throw fail(node, "check `\(id)`: `\(indicator)` in `\(field)` is not an indicator defined in indicators.yaml", fallback: line)
    }

    func identifier(_ node: Node?, field: String, id: String, line: Int) throws(CheckRuleError) -> String? {
        guard let node else { return nil }
        guard let text = node.scalar?.string, isIdentifier(text) else {
            throw fail(node, "check `\(id)`: `\(field)` must be an indicator id", fallback: line)
        }
        try requireKnown(text, node: node, field: field, id: id, line: line)
        return text
    }

    func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
