import Foundation
import NianbaoModel

/// How the values of a relation were brought together, and whether that is enough to flag them.
///
/// Values stated in one sentence, or in the cells of one table, belong together by where they stand: the
/// sentence or the table is one statement about one entity and year, whatever its entity and year were taken
/// from. Values from different places are joined by their entity and year alone, so each of them must have read
/// both from text that covers it (`ValueSources`); a value whose entity or year is a fallback (the document's
/// inferred subject, the publication year, the year the body names most…) could be about another school or
/// year, and a disagreement resting on it is no inconsistency anyone has shown. Such a relation is recorded as
/// `skipped` with the reason, never flagged.
enum ValuePairing {
    /// How the values were brought together, read off where they were stated.
    static func pairing(of values: [Observation]) -> Pairing {
        guard let first = values.first else { return .sameDocument }
        if values.contains(where: { $0.docId != first.docId }) { return .acrossDocuments }
        if values.allSatisfy({ $0.page == first.page && $0.line == first.line }) { return .sameSentence }
        // One sentence wrapped over several lines quotes the same sentence for each of its values.
        if !first.fromTable, !first.quote.isEmpty,
           values.allSatisfy({ !$0.fromTable && $0.quote == first.quote && $0.sectionId == first.sectionId }) {
            return .sameSentence
        }
        if values.allSatisfy({ $0.fromTable && $0.sectionId == first.sectionId }) { return .sameTable }
        return .sameDocument
    }

    /// Why the values may not be flagged together, or nil when they may: values from more than one sentence
    /// or table of which one has its entity or year only by fallback.
    static func refusal(of values: [Observation]) -> Refusal? {
        let pairing = pairing(of: values)
        guard pairing == .sameDocument || pairing == .acrossDocuments else { return nil }
        var refusal = Refusal(pairing: pairing)
        for value in values {
            var guesses: [String] = []
            if ValueSources.isFallback(entitySource: value.entitySource) {
                guesses.append("entity \(value.entity ?? "?") by \(value.entitySource ?? "?")")
                refusal.add(missing: "\(value.indicator) (explicit entity)")
            }
            if ValueSources.isFallback(yearSource: value.yearSource) {
                guesses.append("year \(value.year.map(String.init) ?? "?") by \(value.yearSource ?? "?")")
                refusal.add(missing: "\(value.indicator) (explicit year)")
            }
            guard !guesses.isEmpty else { continue }
            let text = "\(value.indicator) \(value.raw) (\(value.docId) p\(value.page) L\(value.line)): "
                + guesses.joined(separator: ", ")
            if !refusal.unpaired.contains(text) { refusal.unpaired.append(text) }
        }
        return refusal.unpaired.isEmpty ? nil : refusal
    }

    /// A disagreement not flagged because a value in it was paired by fallback.
    struct Refusal: Sendable {
        var pairing: Pairing
        /// Each value paired by fallback, with the entity or year it guessed and how.
        var unpaired: [String] = []
        /// What the relation lacks, for `checks.jsonl` `missing`: `enrollment (explicit year)`.
        var missing: [String] = []

        mutating func add(missing item: String) {
            if !missing.contains(item) { missing.append(item) }
        }

        func reason(stated: Decimal, expected: Decimal) -> String {
            "not flagged: \(stated) against \(expected) disagree, but the values come from different "
                + (pairing == .acrossDocuments ? "documents" : "places of one document")
                + " and their pairing rests on a fallback, not on the value's sentence, table or an explicit reference: "
                + unpaired.joined(separator: "; ")
        }
    }
}
