import Foundation
import NianbaoModel

/// `approximate`: an approximate claim (`近 5%`, `超过 80%`, `接近六成`, `增长近 4%`, `1.2 万人左右`) against the
/// exact figure of the same indicator, entity and year in the same report (a heading against its body, a
/// summary against a table). Each claim is an interval, from the rule's words; it must meet what the exact
/// figure stands for. Applies to every approximate claim; skipped where the report states no exact figure.
struct ApproximateClaimCheck: CheckKind {
    static let id = "approximate"
    static let flagKind = FlagKind.approxMismatch
    static let fields: Set<String> = ["indicators", "words"]

    static func problem(with rule: CheckRule) -> RuleProblem? {
        rule.approximations.isEmpty
            ? RuleProblem(field: nil, detail: "an approximate check needs `words:` with the interval each claims")
            : nil
    }

    /// What a claim allows: [lower, upper], no upper bound when nil.
    struct Claim {
        var lower: Decimal
        var upper: Decimal?
        var word: String

        func meets(_ interval: ValueInterval) -> Bool {
            interval.upper >= lower && (upper.map { interval.lower <= $0 } ?? true)
        }

        var text: String {
            "[\(DecimalText.string(lower, places: 4)), " + (upper.map { "\(DecimalText.string($0, places: 4))]" } ?? "∞)")
        }
    }

    let rule: CheckRule

    /// The longest approximation word in the printed claim (`接近` before `近`).
    func approximation(in raw: String) -> Approximation? {
        rule.approximations.filter { raw.contains($0.word) }.max { $0.word.count < $1.word.count }
    }

    /// The interval a claim allows. A word's margin already covers how round the printed figure is
    /// (`近 4%` is no claim about 3.4%); a bare bound (`80% 以上` read as at_least) allows its rounding.
    func claim(_ observation: Observation) -> Claim? {
        let half = PrintedPrecision(of: observation, rounded: true).step / 2
        let x = observation.value
        if let word = approximation(in: observation.raw) {
            let ends = [x + x * word.below, word.above.map { x + x * $0 } ?? x].sorted()
            return Claim(lower: ends[0], upper: word.above == nil ? nil : ends[1], word: word.word)
        }
        switch observation.qualifier {
        case .moreThan?, .atLeast?: return Claim(lower: x - half, upper: nil, word: observation.qualifier!.rawValue)
        case .lessThan?, .atMost?: return Claim(lower: 0, upper: x + half, word: observation.qualifier!.rawValue)
        default: return nil
        }
    }

    static let approximateQualifiers: Set<Qualifier> = [.approx, .moreThan, .atLeast, .lessThan, .atMost]

    func isClaim(_ observation: Observation) -> Bool {
        guard rule.admits(observation), observation.year != nil else { return false }
        if let qualifier = observation.qualifier, Self.approximateQualifiers.contains(qualifier) { return true }
        return observation.qualifier == .change && approximation(in: observation.raw) != nil
    }

    /// Exact statements of the claim's fact in the same report, nearest first.
    func exactFigures(for claim: Observation, index: ObservationIndex) -> [Observation] {
        let candidates: [Observation]
        if claim.qualifier == .change {
            candidates = index.all.filter {
                $0.qualifier == .change && $0.indicator == claim.indicator && $0.entity == claim.entity
                    && $0.year == claim.year && approximation(in: $0.raw) == nil
            }
        } else {
            candidates = index.values(claim.checkEntity, claim.year, claim.indicator)
        }
        return candidates.filter { $0.docId == claim.docId && $0.unit == claim.unit }.sorted {
            let da = abs($0.page - claim.page) * 100_000 + abs($0.line - claim.line)
            let db = abs($1.page - claim.page) * 100_000 + abs($1.line - claim.line)
            return da != db ? da < db : ObservationIndex.sourceOrder($0, $1)
        }
    }

    func evaluate(_ index: ObservationIndex) -> [Finding] {
        var findings: [Finding] = []
        for observation in index.all where isClaim(observation) {
            guard let claim = claim(observation) else {
                findings.append(.skipped(rule, entity: observation.checkEntity, year: observation.year,
                                         missing: ["\(observation.indicator) (a word saying how approximate \(observation.raw) is)"],
                                         anchor: observation))
                continue
            }
            let exact = exactFigures(for: observation, index: index)
            guard let nearest = exact.first else {
                findings.append(.skipped(rule, entity: observation.checkEntity, year: observation.year,
                                         missing: ["\(observation.indicator) (exact figure in the same report)"], anchor: observation))
                continue
            }
            if exact.contains(where: { claim.meets(PrintedPrecision(of: $0).rounding($0.value)) }) {
                findings.append(.holds(rule, entity: observation.checkEntity, year: observation.year, anchor: observation))
                continue
            }
            let what = observation.qualifier == .change ? "change" : "figure"
            let message = "\(index.name(observation.indicator)) \(what) claimed as \(observation.raw) (line \(observation.line)), which allows \(claim.text), but the report's exact figure is \(nearest.raw) (line \(nearest.line))"
            findings.append(.flagged(rule, entity: observation.checkEntity, year: observation.year, anchor: observation,
                                     severity: rule.severity ?? .warning, indicators: [observation.indicator],
                                     stated: observation.value, expected: nearest.value, tolerance: claim.text,
                                     message: message, evidence: [observation, nearest]))
        }
        return findings
    }
}
