import Foundation
import NianbaoModel

/// One kind of check (`kind:` in rules/checks.yaml): which fields a rule of it may set, what those
/// fields must say, and how a rule of it is evaluated over the observations. Every kind reports
/// through `Finding`, one per relation it could apply. A new kind is a new type in Kinds/ plus
/// one line in `CheckKinds.all`.
protocol CheckKind: Sendable {
    /// The `kind:` value in checks.yaml.
    static var id: String { get }
    /// The kind its flags carry in flags.jsonl.
    static var flagKind: FlagKind { get }
    /// Fields a rule of this kind may set besides `id`, `kind`, `description` and `severity`.
    static var fields: Set<String> { get }
    /// What a rule of this kind needs beyond well-formed fields; nil when it has it.
    static func problem(with rule: CheckRule) -> RuleProblem?

    init(rule: CheckRule)
    /// Every relation the rule could apply to these observations, held, flagged or skipped.
    func evaluate(_ index: ObservationIndex) -> [Finding]
    /// Which observations one finding of the rule can relate: those of one entity (every kind that joins
    /// values by entity and year), or those of one document (a table's group of rows, whose rows are other
    /// entities than its total).
    var scope: CheckScope { get }
}

extension CheckKind {
    static func problem(with rule: CheckRule) -> RuleProblem? { nil }
    var scope: CheckScope { .entity }
}

/// The observations a rule's findings are computed from, at most: so the checks can run on one entity's or
/// one document's observations at a time (see `CheckEngine.run(names:groups:)`).
public enum CheckScope: Sendable, CaseIterable {
    case entity, document
}

/// A rule that is well-formed YAML but says something its kind cannot use. `field` names the
/// entry the problem is on (its line is reported), nil for the rule as a whole.
struct RuleProblem: Sendable {
    var field: String?
    var detail: String
}

/// The registry: every kind of check, in one place.
enum CheckKinds {
    static let all: [any CheckKind.Type] = [
        ShareCheck.self, RatioCheck.self, SumCheck.self, GrowthCheck.self,
        TableVsTextCheck.self, CrossReportCheck.self, DefinitionConflictCheck.self,
        YoyJumpCheck.self, TargetGapCheck.self, InequalityCheck.self, DefinitionByMagnitudeCheck.self,
        WeightedAverageCheck.self, ApproximateClaimCheck.self, RestatementCheck.self, RemainderCheck.self,
    ]

    static let byId: [String: any CheckKind.Type] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
}
