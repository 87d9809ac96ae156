import Foundation
import NianbaoModel

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
    /// The values a flag quotes, for the pairing rule (`ValuePairing`).
    var values: [Observation] = []
    /// Why a skipped relation was not flagged when no value was missing.
    var reason: String?

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

    /// One value stated against another that should be the same figure (a table against the text, two
    /// reports, two roundings): flagged at the first, with the interval the second would have had to fall in.
    static func disagreement(_ rule: CheckRule, stated: Observation, expected: Observation, judgement: Judgement,
                             message: String) -> Finding {
        let note = judgement.outcome == .truncationOnly ? Judgement.truncationNote : ""
        return .flagged(rule, entity: stated.checkEntity, year: stated.year, anchor: stated,
                        severity: judgement.severity(rule), indicators: [stated.indicator],
                        stated: stated.value, expected: expected.value,
                        tolerance: DecimalText.interval(judgement.agreeing, places: Figure.places(stated)),
                        message: message + note, evidence: [stated, expected])
    }

    static func flagged(_ rule: CheckRule, entity: String, year: Int?, anchor: Observation, severity: Severity,
                        indicators: [String], stated: Decimal, expected: Decimal, tolerance: String,
                        message: String, evidence: [Observation]) -> Finding {
        var seen = Set<Evidence>()
        let items = evidence.map {
            Evidence(docId: $0.docId, page: $0.page, line: $0.line, quote: $0.quote, entitySource: $0.entitySource,
                     yearSource: $0.yearSource)
        }.filter { seen.insert($0).inserted }
        var uniqueIndicators: [String] = []
        for id in indicators where !uniqueIndicators.contains(id) { uniqueIndicators.append(id) }
        let flag = Flag(id: "", check: rule.id, kind: rule.flagKind, severity: severity, entity: entity, year: year,
                        indicators: uniqueIndicators, stated: stated, expected: expected, tolerance: tolerance,
                        message: message, evidence: items, pairing: ValuePairing.pairing(of: evidence))
        return Finding(check: rule.id, kind: rule.flagKind, entity: entity, year: year, status: .flagged,
                       anchorDoc: anchor.docId, anchorPage: anchor.page, anchorLine: anchor.line, flag: flag,
                       values: evidence)
    }

    /// The finding as it stands under the pairing rule: a flag whose values were joined only by a fallback
    /// entity or year becomes a skipped relation saying so.
    func paired() -> Finding {
        guard let flag, let refusal = ValuePairing.refusal(of: values) else { return self }
        var skipped = self
        skipped.status = .skipped
        skipped.flag = nil
        skipped.missing = refusal.missing
        skipped.reason = refusal.reason(stated: flag.stated, expected: flag.expected)
        return skipped
    }

    /// What makes two flags one inconsistency: the same rule finding the same figures disagree for the
    /// same entity, year and indicators, whether a report restates them or two formats of it repeat them.
    struct Identity: Hashable {
        var check: String
        var entity: String
        var year: Int?
        var indicators: [String]
        var stated: Decimal
        var expected: Decimal

        init(_ flag: Flag) {
            check = flag.check
            entity = flag.entity
            year = flag.year
            indicators = flag.indicators
            stated = flag.stated
            expected = flag.expected
        }
    }

    /// Deterministic order (rule file order, entity, year, place in the source), then ids F0001….
    /// A restated inconsistency is one flag whose evidence holds every place it was stated; each
    /// coverage record of it points to that flag.
    static func assemble(_ findings: [Finding]) -> CheckOutcome {
        let ordered = findings.map { $0.paired() }.enumerated().sorted { a, b in
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
        var positions: [Identity: Int] = [:]
        for finding in ordered {
            var flagId: String?
            if var flag = finding.flag {
                let identity = Identity(flag)
                if let position = positions[identity] {
                    for item in flag.evidence where !flags[position].evidence.contains(item) {
                        flags[position].evidence.append(item)
                    }
                    flagId = flags[position].id
                } else {
                    flag.id = String(format: "F%04d", flags.count + 1)
                    flagId = flag.id
                    positions[identity] = flags.count
                    flags.append(flag)
                }
            }
            records.append(CheckRecord(check: finding.check, kind: finding.kind, entity: finding.entity,
                                       year: finding.year, status: finding.status, flagId: flagId,
                                       missing: finding.missing, reason: finding.reason))
        }
        return CheckOutcome(flags: flags, checks: records)
    }
}
