import Foundation
import NianbaoModel
import RuleFiles

/// Why a check rule file was refused, with the file and line so the author can fix it.
public enum CheckRuleError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, detail: String)
    /// The file is not well-formed YAML.
    case syntax(path: String, line: Int, column: Int, detail: String)
    /// Well-formed YAML that does not describe valid rules.
    case invalid(path: String, line: Int, detail: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let detail): return "\(path): cannot read check rules: \(detail)"
        case .syntax(let path, let line, let column, let detail): return "\(path):\(line):\(column): \(detail)"
        case .invalid(let path, let line, let detail): return "\(path):\(line): \(detail)"
        }
    }

    /// The line the problem is on (0 when the file could not be read at all).
    public var line: Int {
        switch self {
        case .unreadable: return 0
        case .syntax(_, let line, _, _), .invalid(_, let line, _): return line
        }
    }
}

/// What a rule compares: the `kind:` of a rule, one of the kinds registered in `CheckKinds`.
public struct CheckRuleKind: RawRepresentable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    public let rawValue: String

    /// nil for a name no registered kind has.
    public init?(rawValue: String) {
        guard CheckKinds.byId[rawValue] != nil else { return nil }
        self.rawValue = rawValue
    }

    public static var allCases: [CheckRuleKind] { CheckKinds.all.map { CheckRuleKind(rawValue: $0.id)! } }

    public var description: String { rawValue }

    /// The type that evaluates rules of this kind.
    var implementation: any CheckKind.Type { CheckKinds.byId[rawValue]! }

    public var flagKind: FlagKind { implementation.flagKind }
}

/// One named check from rules/checks.yaml. Only the fields its kind uses are set.
public struct CheckRule: Sendable, Hashable {
    /// Used as `Flag.check` and `CheckRecord.check`.
    public var id: String
    public var kind: CheckRuleKind
    public var description: String?
    /// Line of the rule in its file, for messages about the rule itself.
    public var line: Int
    /// Severity for kinds whose flags have one fixed severity (yoy_jump: warning, target_gap: info).
    public var severity: Severity?

    /// share, ratio, sum: `result = formula`.
    var relation: Relation?
    /// share: when set, the rule takes only statements whose sentence names this base
    /// (`占专任教师总数 …`); when unset, statements naming no base or the relation's first divisor.
    public var base: String?
    /// sum: compare each group's total with the sum of its parts (Observation.group/role).
    public var groups: Bool = false
    /// sum over groups: a `其中` list in prose may name only some parts; parts short of the total
    /// are then reported as info, never as an error.
    public var proseListsMayBeIncomplete: Bool = false

    /// Restricts the rule to these indicators (growth, table_vs_text, cross_report, yoy_jump, …); empty = all.
    public var indicators: [String] = []
    /// Restricts the rule to observations in these units (yoy_jump); empty = all.
    public var units: [String] = []
    /// yoy_jump: largest plausible change in percent points (for rates).
    public var maxPoints: Decimal?
    /// yoy_jump: largest plausible relative change (0.5 = ±50 %) for counts and money.
    public var maxRelative: Decimal?
    /// yoy_jump: ignore series whose values are all below this (small counts jump naturally).
    public var minValue: Decimal?
    /// target_gap: indicators for which a lower value meets the target (student_teacher_ratio).
    public var lowerIsBetter: [String] = []
    /// table_vs_text, yoy_jump: indicators whose phrases cover several definitions (生均经费 is both
    /// 在校学生人均经费 and 年生均财政拨款水平). A table row and a sentence are compared only when the
    /// sentence uses the row's own label, and a year series never mixes table values with prose values.
    public var mixedDefinitions: [String] = []
    /// sum by relation: the relation is incomplete wherever one of these is stated too (placed graduates
    /// are 升学 + 直接就业 only where no 参军入伍 or 其他去向 is counted); a fuller rule covers those.
    public var unlessStated: [String] = []
    /// share: other bases reports compute the share on (对口就业率 over graduates, or over the graduates in
    /// direct employment): a statement naming no base holds when it matches any of them.
    public var otherBases: [String] = []
    /// definition_by_magnitude: statements this many times apart state two definitions, not one figure
    /// mistyped; `mixed_min_factor` applies instead to the `mixed_definitions` indicators.
    /// table_vs_text, cross_report: pairs this far apart are left to definition_by_magnitude.
    public var minFactor: Decimal?
    public var mixedMinFactor: Decimal?
    /// weighted_average: for each rate, the count its groups are weighed by (`dual_qualified_ratio:
    /// specialty_teachers`); a group's rate and its size are read from the same table row or sentence.
    public var weights: [String: String] = [:]
    /// approximate: what each approximation word claims about the exact figure, relative to the printed
    /// one (`近`: [-0.1, 0] = up to 10 % below it, never above; an upper bound of nil = no bound).
    public var approximations: [Approximation] = []

    public var flagKind: FlagKind { kind.flagKind }

    /// The relation as written (`a = b / c * 100`), for documentation and tests.
    public var relationText: String? {
        guard let relation else { return nil }
        return "\(relation.result) \(relation.comparison.rawValue) \(relation.formula.rendered { $0 })"
    }
}

extension CheckRule {
    /// Whether two statements are so far apart (`min_factor`) that they state two definitions: a comparison
    /// of one figure leaves them to definition_by_magnitude.
    func leavesToDefinitionCheck(_ a: Observation, _ b: Observation) -> Bool {
        guard let limit = minFactor, let factor = DefinitionByMagnitudeCheck.factor(a, b) else { return false }
        return factor >= limit
    }

    /// Whether the rule's `indicators` and `units` (empty = all) admit the observation.
    func admits(_ observation: Observation) -> Bool {
        (indicators.isEmpty || indicators.contains(observation.indicator))
            && (units.isEmpty || units.contains(observation.unit))
    }
}

/// One approximation word of an `approximate` rule and the interval it allows around the printed figure.
public struct Approximation: Sendable, Hashable {
    public var word: String
    /// Relative bounds: the exact figure lies in [X·(1+below), X·(1+above)]; `above` nil = unbounded.
    public var below: Decimal
    public var above: Decimal?
}
