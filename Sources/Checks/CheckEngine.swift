import Foundation
import NianbaoModel

/// Flags and coverage of one run of the checks.
public struct CheckOutcome: Sendable {
    public var flags: [Flag]
    public var checks: [CheckRecord]
    public init(flags: [Flag], checks: [CheckRecord]) {
        self.flags = flags
        self.checks = checks
    }
}

/// Evaluates every rule wherever the values it needs exist for the same entity and year, and
/// records for each relation it could apply whether it holds, is flagged, or was skipped (and why).
public struct CheckEngine: Sendable {
    public let rules: CheckRuleSet

    public init(rules: CheckRuleSet) { self.rules = rules }

    public func run(on observations: [Observation]) -> CheckOutcome {
        // A value whose entity could not be resolved is compared with nothing: two unknown schools in two
        // files are not the same entity.
        let index = ObservationIndex(observations.filter { $0.entity != nil })
        var findings: [Finding] = []
        for (order, rule) in rules.rules.enumerated() {
            var produced: [Finding]
            switch rule.kind {
            case .share, .ratio:
                produced = RelationCheck(rule: rule, index: index).run()
            case .sum:
                produced = rule.groups ? GroupSumCheck(rule: rule, index: index).run()
                                       : RelationCheck(rule: rule, index: index).run()
            case .growth: produced = GrowthCheck(rule: rule, index: index).run()
            case .tableVsText: produced = ComparisonChecks(rule: rule, index: index).tableVsText()
            case .crossReport: produced = ComparisonChecks(rule: rule, index: index).crossReport()
            case .definitionConflict: produced = ComparisonChecks(rule: rule, index: index).definitionConflict()
            case .yoyJump: produced = SeriesChecks(rule: rule, index: index).yoyJump()
            case .targetGap: produced = SeriesChecks(rule: rule, index: index).targetGap()
            }
            for i in produced.indices { produced[i].ruleOrder = order }
            findings.append(contentsOf: produced)
        }
        return Finding.assemble(findings)
    }
}

/// One relation evaluated once: a coverage record, and the flag when it did not hold.
struct Finding: Sendable {
    var ruleOrder = 0
    var check: String
    var kind: FlagKind
    var entity: String
    var year: Int?
    var status: CheckStatus
    var missing: [String] = []
    /// Where the relation was read (the stated value), for a stable order.
    var anchorDoc: String
    var anchorPage: Int
    var anchorLine: Int
    var flag: Flag?

    static func skipped(_ rule: CheckRule, entity: String, year: Int?, missing: [String],
                        anchor: Observation?) -> Finding {
        Finding(check: rule.id, kind: rule.flagKind, entity: entity, year: year, status: .skipped,
                missing: missing, anchorDoc: anchor?.docId ?? "", anchorPage: anchor?.page ?? 0,
                anchorLine: anchor?.line ?? 0, flag: nil)
    }

    static func holds(_ rule: CheckRule, entity: String, year: Int?, anchor: Observation) -> Finding {
        Finding(check: rule.id, kind: rule.flagKind, entity: entity, year: year, status: .holds,
                anchorDoc: anchor.docId, anchorPage: anchor.page, anchorLine: anchor.line, flag: nil)
    }

    static func flagged(_ rule: CheckRule, entity: String, year: Int?, anchor: Observation, severity: Severity,
                        indicators: [String], stated: Decimal, expected: Decimal, tolerance: String,
                        message: String, evidence: [Observation]) -> Finding {
        var seen = Set<Evidence>()
        let items = evidence.map { Evidence(docId: $0.docId, page: $0.page, line: $0.line, quote: $0.quote) }
            .filter { seen.insert($0).inserted }
        var uniqueIndicators: [String] = []
        for id in indicators where !uniqueIndicators.contains(id) { uniqueIndicators.append(id) }
        let flag = Flag(id: "", check: rule.id, kind: rule.flagKind, severity: severity, entity: entity, year: year,
                        indicators: uniqueIndicators, stated: stated, expected: expected, tolerance: tolerance,
                        message: message, evidence: items)
        return Finding(check: rule.id, kind: rule.flagKind, entity: entity, year: year, status: .flagged,
                       anchorDoc: anchor.docId, anchorPage: anchor.page, anchorLine: anchor.line, flag: flag)
    }

    /// Deterministic order (rule file order, entity, year, place in the source), then ids F0001….
    static func assemble(_ findings: [Finding]) -> CheckOutcome {
        let ordered = findings.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if x.ruleOrder != y.ruleOrder { return x.ruleOrder < y.ruleOrder }
            if x.entity != y.entity { return x.entity < y.entity }
            if (x.year ?? Int.min) != (y.year ?? Int.min) { return (x.year ?? Int.min) < (y.year ?? Int.min) }
            if x.anchorDoc != y.anchorDoc { return x.anchorDoc < y.anchorDoc }
            if x.anchorPage != y.anchorPage { return x.anchorPage < y.anchorPage }
            if x.anchorLine != y.anchorLine { return x.anchorLine < y.anchorLine }
            return a.offset < b.offset
        }.map(\.element)
        var flags: [Flag] = []
        var records: [CheckRecord] = []
        for finding in ordered {
            var flagId: String?
            if var flag = finding.flag {
                flag.id = String(format: "F%04d", flags.count + 1)
                flagId = flag.id
                flags.append(flag)
            }
            records.append(CheckRecord(check: finding.check, kind: finding.kind, entity: finding.entity,
                                       year: finding.year, status: finding.status, flagId: flagId,
                                       missing: finding.missing))
        }
        return CheckOutcome(flags: flags, checks: records)
    }
}

/// Entity, year and indicator: where a value sits in the dataset.
struct ValueKey: Hashable, Sendable {
    var entity: String
    var year: Int?
    var indicator: String
}

/// The observations, arranged for look-up. Only exact statements (no qualifier) serve as values
/// of relations; approximate ones (`约`, `超过`, …), targets and changes feed only their own checks.
struct ObservationIndex: Sendable {
    let all: [Observation]
    let exact: [Observation]
    let exactByKey: [ValueKey: [Observation]]
    let names: [String: String]

    init(_ observations: [Observation]) {
        let sorted = observations.sorted(by: ObservationIndex.sourceOrder)
        all = sorted
        exact = sorted.filter { $0.qualifier == nil }
        exactByKey = Dictionary(grouping: exact) { ValueKey(entity: $0.checkEntity, year: $0.year, indicator: $0.indicator) }
        var names: [String: String] = [:]
        for observation in sorted where names[observation.indicator] == nil && !observation.nameZh.isEmpty {
            names[observation.indicator] = observation.nameZh
        }
        self.names = names
    }

    static func sourceOrder(_ a: Observation, _ b: Observation) -> Bool {
        if a.docId != b.docId { return a.docId < b.docId }
        if a.page != b.page { return a.page < b.page }
        if a.line != b.line { return a.line < b.line }
        if a.indicator != b.indicator { return a.indicator < b.indicator }
        return a.value < b.value
    }

    func name(_ indicator: String) -> String { names[indicator] ?? indicator }

    func values(_ entity: String, _ year: Int?, _ indicator: String) -> [Observation] {
        exactByKey[ValueKey(entity: entity, year: year, indicator: indicator)] ?? []
    }

    /// The value of `indicator` that belongs with `anchor`: same document first, nearest line,
    /// then other documents in id order.
    func nearest(_ indicator: String, entity: String, year: Int?, to anchor: Observation) -> Observation? {
        values(entity, year, indicator).min { a, b in
            let aSame = a.docId == anchor.docId, bSame = b.docId == anchor.docId
            if aSame != bSame { return aSame }
            if aSame {
                let da = abs(a.page - anchor.page) * 100_000 + abs(a.line - anchor.line)
                let db = abs(b.page - anchor.page) * 100_000 + abs(b.line - anchor.line)
                if da != db { return da < db }
            }
            return ObservationIndex.sourceOrder(a, b)
        }
    }
}

/// The verdict on a stated figure against the interval its sources imply.
struct Judgement {
    enum Outcome { case holds, truncationOnly, nearMiss, clearMiss }
    var outcome: Outcome
    /// Range of expected values that would agree with the stated figure (for `Flag.tolerance`).
    var agreeing: ValueInterval

    /// `stated` is compared under rounding; if that fails, under truncation (some reports cut
    /// digits instead of rounding); otherwise a miss within one printed step is near, beyond it clear.
    static func judge(stated: Observation, value: Decimal? = nil, statedIsRounded: Bool = false,
                      expected: ValueInterval, expectedIfTruncated: ValueInterval,
                      expectedPoint: Decimal) -> Judgement {
        let value = value ?? stated.value
        let precision = PrintedPrecision(of: stated, rounded: statedIsRounded)
        let rounded = precision.rounding(value)
        let agreeing = ValueInterval(rounded.lower - (expectedPoint - expected.lower),
                                     rounded.upper + (expected.upper - expectedPoint))
        if rounded.overlaps(expected) { return Judgement(outcome: .holds, agreeing: agreeing) }
        let truncated = precision.truncation(value)
        if truncated.overlaps(expectedIfTruncated) || truncated.overlaps(expected) {
            return Judgement(outcome: .truncationOnly, agreeing: agreeing)
        }
        let gap = rounded.gap(to: expected)
        return Judgement(outcome: gap <= precision.step ? .nearMiss : .clearMiss, agreeing: agreeing)
    }

    func severity(_ rule: CheckRule) -> Severity {
        switch outcome {
        case .holds, .truncationOnly: return .info
        case .nearMiss: return rule.severity ?? .warning
        case .clearMiss: return rule.severity ?? .error
        }
    }

    static let truncationNote = "; it agrees only if the report truncated instead of rounding"
}

/// How to print numbers in messages: in the stated figure's own scale and unit (`7703.16 万元`).
enum Figure {
    static func scaleExponent(_ observation: Observation) -> Int {
        var scale = PrintedPrecision.scale(of: observation)
        var exponent = 0
        while scale >= 10 { scale /= 10; exponent += 1 }
        return exponent
    }

    /// The text after the number in `raw` (`%`, ` 万元`, `:1`, `人`).
    static func suffix(_ observation: Observation) -> String {
        var sawDigit = false
        var index = observation.raw.startIndex
        for position in observation.raw.indices {
            let c = observation.raw[position]
            let isDigit = PrintedPrecision.asciiDigit(c).map { $0.isASCII && $0.isNumber } ?? false
            let isNumberPart = isDigit || (sawDigit && (c == "." || c == "," || c == "．" || c == "，"))
            if isNumberPart { sawDigit = sawDigit || isDigit; index = observation.raw.index(after: position); continue }
            if sawDigit { break }
        }
        return sawDigit ? String(observation.raw[index...]).trimmingCharacters(in: .whitespaces) : observation.unit
    }

    /// `value` written like `observation` was printed, with `extraPlaces` more decimals.
    static func like(_ observation: Observation, _ value: Decimal, extraPlaces: Int = 1) -> String {
        let exponent = scaleExponent(observation)
        let scaled = value / PrintedPrecision.power10(exponent)
        let number = DecimalText.fixed(scaled, places: observation.decimals + extraPlaces)
        let unit = suffix(observation)
        return unit == "%" || unit.hasPrefix(":") || unit.isEmpty ? number + unit : number + " " + unit
    }

    /// Decimal places for tolerance text in the observation's normalised unit.
    static func places(_ observation: Observation) -> Int {
        max(0, observation.decimals + 2 - scaleExponent(observation))
    }
}

extension Observation {
    /// The entity of a value the engine checks: `run(on:)` admits only values with a resolved entity.
    var checkEntity: String { entity ?? "" }
}
